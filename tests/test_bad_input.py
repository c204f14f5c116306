"""Broken input through the installed command: never a traceback, always a finding or a clear error.

The fixtures in tests/fixtures/broken/ (see its README) hold bad YAML, a BOM, CRLF and lone CR
line endings, Latin-1 bytes, a binary file, an empty file, a file that cannot be read (a dangling
symbolic link) and a site without _config.yml. Cases git cannot store (symlink loops, a folder
named like a page, a file deleted during the run, huge files) are made in a temporary folder.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlc_lint.config import Settings
from dlc_lint.engine.run import UNREADABLE, lint, make_site

BROKEN = Path(__file__).parent / "fixtures" / "broken"
FILES = ["01-1.md", "01-2.md", "01-3.md", "latin1.md", "binary.md", "empty.md", "gone.md"]


def command() -> list[str]:
    beside = Path(sys.executable).with_name("dlc-lint")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("dlc-lint")
    return [found] if found else [sys.executable, "-m", "dlc_lint"]


def run(
    args: list[str], cwd: Path, timeout: float = 120, memory: int | None = None, **env
) -> subprocess.CompletedProcess:
    """Run the installed command; ``memory`` caps its address space (bytes), so a blow-up fails fast."""
    environment = {**os.environ, "NO_COLOR": "1", **env}

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    done = subprocess.run(
        [*command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        preexec_fn=cap if memory else None,
    )
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


@pytest.fixture
def site(tmp_path) -> Path:
    """A writable copy of the broken site (symbolic links kept as links)."""
    shutil.copytree(BROKEN / "site", tmp_path / "site", symlinks=True)
    return tmp_path / "site"


def findings(done: subprocess.CompletedProcess) -> list[dict]:
    payload = json.loads(done.stdout)
    for finding in payload["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1, finding
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["code"] != "DLC001", finding["message"]  # no internal error
    return payload["findings"]


def test_every_broken_file_is_a_positioned_finding(site):
    done = run(["--isolated", "--format", "json", "docs"], site)
    assert done.returncode == 1, done.stderr
    by_file: dict[str, set[str]] = {}
    for finding in findings(done):
        by_file.setdefault(finding["path"], set()).add(finding["code"])
    week = "docs/ko/week01/"
    assert "DLC002" in by_file[week + "gone.md"]  # cannot be read
    assert "DLC003" in by_file[week + "latin1.md"]  # not UTF-8
    assert "DLC004" in by_file[week + "binary.md"]  # binary
    assert "DLC101" in by_file[week + "01-2.md"]  # BOM hides the front matter
    assert "DLC104" in by_file[week + "01-1.md"]  # front matter is not YAML
    assert by_file[week + "empty.md"]  # an empty page has no front matter
    assert by_file["docs/_config.yml"]  # the outline does not parse


@pytest.mark.parametrize("name", FILES)
def test_each_broken_file_alone(site, name):
    """The pre-commit case: one file, the whole (broken) site as context."""
    done = run(["--isolated", "--format", "json", f"docs/ko/week01/{name}"], site)
    assert done.returncode in (0, 1), done.stderr
    findings(done)


@pytest.mark.parametrize("fmt", ["text", "github", "sarif"])
def test_other_formats_on_broken_input(site, fmt):
    done = run(["--isolated", "--format", fmt, "docs"], site)
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip()


def test_same_bytes_whatever_the_hash_seed_and_the_number_of_processes(site):
    outputs = {
        run(["--isolated", "--format", "json", "docs"], site, PYTHONHASHSEED=seed, DLC_LINT_JOBS=jobs).stdout
        for seed, jobs in (("1", "1"), ("2", "2"), ("3", "1"))
    }
    assert len(outputs) == 1


def test_a_site_without_config_is_linted_with_a_note(tmp_path):
    shutil.copytree(BROKEN / "no-config", tmp_path / "site")
    done = run(["--isolated", "--format", "json", "content/ko"], tmp_path / "site")
    assert done.returncode in (0, 1)
    assert "no _config.yml" in done.stderr
    findings(done)


@pytest.mark.parametrize(
    "args, message",
    [
        (["docs/ko/week01/nope.md"], "no such file or folder"),
        (["--select", "DLC999X", "docs"], "unknown rule"),
        (["--format", "yaml", "docs"], "yaml"),
        (["--config", "missing.toml", "docs"], "missing.toml"),
        (["--site-root", "no-such-folder", "docs"], "no such folder"),
        (["--severity", "DLC101", "docs"], "RULE=LEVEL"),
        (["--fail-on", "sometimes", "docs"], "sometimes"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(site, args, message):
    done = run(["--isolated", *args] if "--config" not in args else args, site)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert message in done.stderr
    assert "Error" in done.stderr


def test_a_bad_settings_file_is_a_usage_error(site):
    (site / "pyproject.toml").write_text("[tool.dlc-lint]\nignor = ['DLC101']\n", encoding="utf-8")
    done = run(["docs"], site)
    assert done.returncode == 2 and "ignor" in done.stderr
    (site / "pyproject.toml").write_text("[tool.dlc-lint\n", encoding="utf-8")
    done = run(["docs"], site)
    assert done.returncode == 2 and "TOML" in done.stderr


def test_symlink_loops_and_a_folder_named_like_a_page(site):
    os.symlink("..", site / "docs" / "ko" / "week01" / "loop")
    os.symlink("../ko", site / "docs" / "ko" / "ko")
    (site / "docs" / "ko" / "week02.md").mkdir()
    (site / "docs" / "ko" / "week02.md" / "inside.txt").write_text("not a page", encoding="utf-8")
    done = run(["--isolated", "--format", "json", "docs"], site, timeout=60)
    assert done.returncode == 1
    findings(done)
    done = run(["--isolated", "--format", "json", "docs/ko/week02.md"], site, timeout=60)
    assert done.returncode in (0, 1)


def test_a_file_without_read_permission(site, monkeypatch):
    """Permission denied is a DLC002 finding. (CI runs as root, who reads any file whatever its
    mode, so the operating system's refusal is simulated where the file is opened.)"""
    from dlc_lint.parse import source

    page = (site / "docs" / "ko" / "week01" / "01.md").resolve()
    real_open = open

    def refuse(path, *args, **kwargs):
        if Path(path).resolve() == page:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(source, "open", refuse, raising=False)
    monkeypatch.chdir(site)
    found = lint([Path("docs/ko")], Settings()).findings
    (finding,) = [f for f in found if f.code == UNREADABLE and f.path.endswith("01.md")]
    assert finding.path == "docs/ko/week01/01.md" and (finding.line, finding.column) == (1, 1)
    assert "permission denied" in finding.message


def test_a_file_deleted_during_the_run_is_an_unreadable_file_finding(site, monkeypatch):
    monkeypatch.chdir(site)
    settings = Settings()
    paths = [Path("docs/ko")]
    loaded = make_site(paths, settings)
    assert "ko/week01/01.md" in loaded.page_paths  # the file list is taken...
    (site / "docs" / "ko" / "week01" / "01.md").unlink()  # ...then the file goes away
    result = lint(paths, settings, site=loaded, debug=True)
    gone = [f for f in result.findings if f.path == "docs/ko/week01/01.md"]
    assert [f.code for f in gone] == [UNREADABLE]
    assert "deleted during the run" in gone[0].message


HUGE_CASES = {
    # about 10 MB of real-looking pages: a translated paragraph with its English comment, repeated
    "ten-megabytes.md": lambda: (
        "---\nlang-ref: ch.01-1\ntitle: 큰 파일\nlang: ko\ntranslator: T\n"
        "translation-date: 1 Jan 2020\n---\n\n" + "<!--\nDeep learning with $x^2$ and [a link](../01-2/).\n-->\n"
        "딥러닝 $x^2$ 과 [링크](../01-2/), <b>굵게</b>.\n\n" * 70_000
    ),
    "one-long-line.md": lambda: "---\nlang-ref: ch.01-2\n---\n" + "단어 <b>x</b> $y$ `z` [a](b) " * 60_000,
    "deep-html.md": lambda: "---\nlang-ref: ch.01-3\n---\n" + "<div>" * 20_000 + "텍스트" + "</div>" * 20_000,
    "unclosed-everything.md": lambda: "---\nlang-ref: ch.01\n---\n" + '<!-- `` $ [ <a href="' * 30_000,
}


@pytest.mark.parametrize("name", sorted(HUGE_CASES))
def test_huge_and_deep_input_finishes(site, name):
    page = site / "docs" / "ko" / "week01" / name
    page.write_text(HUGE_CASES[name](), encoding="utf-8")
    # A 10 MB page once took 16 GB and several minutes: keep both bounded.
    done = run(["--isolated", "--format", "json", f"docs/ko/week01/{name}"], site, timeout=120, memory=3 << 30)
    assert done.returncode in (0, 1)
    findings(done)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def test_fix_on_broken_input_twice_equals_once(site):
    before = snapshot(site)
    first = run(["--isolated", "--fix", "docs"], site)
    assert first.returncode in (0, 1)
    once = snapshot(site)
    second = run(["--isolated", "--fix", "docs"], site)
    assert second.returncode in (0, 1)
    assert snapshot(site) == once
    for name in ("latin1.md", "binary.md", "empty.md"):  # not UTF-8, not text, nothing to fix: untouched
        key = f"docs/ko/week01/{name}"
        assert once[key] == before[key]
    assert once.keys() == before.keys()
