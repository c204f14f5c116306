"""DLC723: the git-history fallback, tested against real git repositories made here."""

import subprocess

from conftest import lint_site, write_site
from parity_site import EN_HEAD, KO_HEAD

from dlc_lint.analysis import parity


def git(root, *args):
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def make_repo(tmp_path, korean=KO_HEAD + "번역된 문단.\n"):
    site = tmp_path / "docs"
    site.mkdir()
    write_site(site, {"en/week01/01-1.md": EN_HEAD + "A paragraph.\n", "ko/week01/01-1.md": korean})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "translate week 1")
    return site


def test_english_commits_after_the_translation(tmp_path):
    site = make_repo(tmp_path)
    (site / "en/week01/01-1.md").write_text(EN_HEAD + "A paragraph, corrected.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Fix the English of week 1")
    (finding,) = lint_site(site, ["ko/week01/01-1.md"], select=("DLC723",))
    assert (finding.code, finding.line, finding.column) == ("DLC723", 1, 1)  # the front matter's `---`
    assert "changed in 1 commit after this translation" in finding.message
    assert "`Fix the English of week 1`" in finding.message and "git history" in finding.message


def test_up_to_date_translation(tmp_path):
    site = make_repo(tmp_path)
    (site / "en/week01/01-1.md").write_text(EN_HEAD + "A paragraph, corrected.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Fix the English")
    (site / "ko/week01/01-1.md").write_text(KO_HEAD + "고친 번역.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Update the Korean")
    assert lint_site(site, ["ko/week01/01-1.md"], select=("DLC723",)) == []


def test_pages_with_english_comments_use_the_comments(tmp_path):
    site = make_repo(tmp_path, KO_HEAD + "<!-- A paragraph. -->\n번역된 문단.\n")
    (site / "en/week01/01-1.md").write_text(EN_HEAD + "A paragraph, corrected.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Fix the English")
    assert lint_site(site, ["ko/week01/01-1.md"], select=("DLC723",)) == []


def test_no_git_repository_means_no_finding(tmp_path):
    write_site(tmp_path, {"en/week01/01-1.md": EN_HEAD + "A.\n", "ko/week01/01-1.md": KO_HEAD + "가.\n"})
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC723",)) == []
    from dlc_lint.site.model import Site

    assert parity.history(Site(tmp_path)) is None


def test_one_git_log_per_run_for_the_rules_and_the_cache(tmp_path, recorded_git):
    """DLC723 and the cache keys read the same history (dlc_lint.site.git_history): git is asked once."""
    import os
    import sys

    site = make_repo(tmp_path)
    (site / "en/week01/01-1.md").write_text(EN_HEAD + "A paragraph, corrected.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Fix the English of week 1")
    path, log = recorded_git
    env = dict(os.environ, **path, DLC_LINT_CACHE_DIR=str(tmp_path / "c"))
    env.pop("DLC_LINT_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "dlc_lint", "--select", "DLC723", "ko/week01/01-1.md"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "DLC723" in done.stdout, done.stdout + done.stderr
    logs = [line for line in log.read_text(encoding="utf-8").splitlines() if "\0log\0" in f"\0{line}\0"]
    assert len(logs) == 1, logs
