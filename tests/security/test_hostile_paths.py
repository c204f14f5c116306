"""Hostile paths: links that loop, an English page that cannot be read, output into a missing folder.

Defends against: a symbolic link loop given as the path (a Python traceback); an English page
that cannot be read (the translation got a misleading DLC203 "did you mean ..." instead of a
DLC002 on the English page); `--write-baseline`, `--summary-file`, `--sarif-file`,
`--github-output`, `--labels-file`, `--output` in a folder that does not exist (tracebacks;
`--write-baseline` created the missing folders silently): now a usage error (exit 2) naming the
option, and nothing is created.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import write_site
from hostile import CONFIG, FILES, json_findings, run


@pytest.fixture
def site(tmp_path) -> Path:
    return write_site(tmp_path, FILES, CONFIG)


@pytest.mark.parametrize("cache", ["1", ""])
def test_a_symlink_loop_given_as_the_path(site, cache):
    os.symlink("loop-b", site / "ko" / "loop-a")
    os.symlink("loop-a", site / "ko" / "loop-b")
    os.symlink("self.md", site / "ko" / "self.md")
    for target in ("ko/loop-a", "ko/self.md"):
        found = json_findings(run(["--format", "json", target], site, DLC_LINT_NO_CACHE=cache))
        assert [(f["code"], f["path"]) for f in found] == [("DLC002", target)]
        assert "loop" in found[0]["message"]
    done = run(["--format", "json", "ko"], site, DLC_LINT_NO_CACHE=cache)
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("target", ["ko/week01/01-2.md", "ko", "."])
def test_a_link_to_a_file_outside_the_site_is_never_read(site, tmp_path_factory, target):
    """A pull request may add `docs/ko/x.md -> /proc/self/environ`: findings quote what they read."""
    secret = tmp_path_factory.mktemp("home") / "secret.md"
    secret.write_text("---\nlang-ref: TOKEN-s3cr3t\ntitle: TOKEN-s3cr3t\n---\n\nTOKEN-s3cr3t\n", encoding="utf-8")
    (site / "ko" / "week01" / "01-2.md").symlink_to(secret)
    for fmt in ("text", "json", "sarif", "github"):
        done = run(["--format", fmt, target], site)
        assert b"s3cr3t" not in done.stdout + done.stderr
    found = json_findings(run(["--format", "json", target], site))
    assert [(f["code"], f["path"]) for f in found] == [("DLC002", "ko/week01/01-2.md")]
    assert "outside the site" in found[0]["message"]


def refuse_to_open(monkeypatch, page: Path) -> None:
    """Permission denied where the file is opened (CI runs as root, who may read any file)."""
    from dlc_lint.parse import source

    real_open = open

    def refuse(path, *args, **kwargs):
        if Path(path).resolve() == page.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(source, "open", refuse, raising=False)


@pytest.mark.parametrize("targets", [["ko/week01/01-1.md"], ["."]])
def test_an_unreadable_english_page_is_reported_on_the_english_page(site, monkeypatch, targets):
    from dlc_lint.config import Settings
    from dlc_lint.engine.run import lint

    refuse_to_open(monkeypatch, site / "en" / "week01" / "01-1.md")
    monkeypatch.chdir(site)
    found = lint([Path(t) for t in targets], Settings()).findings
    assert [(f.code, f.path) for f in found] == [("DLC002", "en/week01/01-1.md")]
    assert "permission denied" in found[0].message


def git_site(site: Path) -> Path:
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)
    return site


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--write-baseline", "missing/b.json", "."], "--write-baseline"),
        (["--summary-file", "missing/s.md", "."], "--summary-file"),
        (["pr", "--base", "HEAD", "--sarif-file", "missing/x.sarif"], "--sarif-file"),
        (["pr", "--base", "HEAD", "--summary-file", "missing/s.md"], "--summary-file"),
        (["pr", "--base", "HEAD", "--github-output", "missing/out"], "--github-output"),
        (["pr", "--base", "HEAD", "--labels-file", "missing/l.json"], "--labels-file"),
        (["status", "--output", "missing/s.txt", "."], "--output"),
    ],
)
def test_an_output_file_in_a_missing_folder_is_a_usage_error(site, args, option):
    git_site(site)
    done = run(args, site)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert option in done.stderr.decode() and "missing" in done.stderr.decode()
    assert not (site / "missing").exists()


def test_the_job_summary_from_the_environment_in_a_missing_folder(site):
    git_site(site)
    done = run(["pr", "--base", "HEAD"], site, GITHUB_STEP_SUMMARY=str(site / "missing" / "summary.md"))
    assert done.returncode == 2 and b"--summary-file" in done.stderr


def test_a_folder_link_out_of_the_site_is_never_read_and_links_inside_it_are(site, tmp_path_factory):
    """Whether a file is inside the site is worked out per folder once (Site.read): a folder that is a
    link out of the site, a file link out of a real folder, a link back in, and a link inside the site."""
    from dlc_lint.parse.source import ReadError
    from dlc_lint.site.model import Site

    outside = tmp_path_factory.mktemp("home")
    (outside / "secret.md").write_text("TOKEN-s3cr3t\n", encoding="utf-8")
    (site / "ko" / "away").symlink_to(outside, target_is_directory=True)
    (site / "ko" / "week01" / "mine.md").symlink_to(outside / "secret.md")
    (site / "ko" / "here").symlink_to(site / "ko" / "week01", target_is_directory=True)
    (outside / "back.md").symlink_to(site / "ko" / "week01" / "01-1.md")
    (site / "ko" / "same.md").symlink_to(site / "ko" / "week01" / "01-1.md")
    reader = Site(site.resolve())
    for path in ("ko/away/secret.md", "ko/week01/mine.md", "ko/away/../week01/01-1.md", "ko/here/../../../x.md"):
        with pytest.raises(ReadError, match="outside the site"):
            reader.read(path)
    expected = (site / "ko" / "week01" / "01-1.md").read_bytes()
    for path in ("ko/here/01-1.md", "ko/same.md", "ko/away/back.md", "ko/week01/01-1.md", "ko/./week01/01-1.md"):
        assert reader.read(path) == expected
