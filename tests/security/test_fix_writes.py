"""`--fix` writes only the fixed file: never through a planted link, never outside the site.

Defends against: a page that is a symbolic link (it was replaced by a regular file; now
the fix goes to the link's target when that is inside the site, and is refused when it is
outside); a symbolic link planted at the predictable temporary name
`.<page>.dlc-lint-tmp-<pid>` (the fix wrote through it into another file; temporary files
are now created with O_EXCL under an unpredictable name in the page's folder); temporary
files left by a `kill -9` during `--fix` (removed by the next `--fix`, never pages);
`--fix --baseline` rewriting findings the baseline accepts (45 files on the corpus).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONFIG, write_site
from hostile import FILES, KO, json_findings, run

# DLC106: a full-width colon after a front-matter key; its fix is safe and changes one character.
BROKEN = KO.replace("title: 동기", "title： 동기")


def fixable_site(root: Path) -> Path:
    root.mkdir()
    return write_site(root, {**FILES, "ko/week01/01-1.md": BROKEN}, CONFIG)


def test_a_symlinked_page_inside_the_site_is_fixed_through_the_link(tmp_path):
    site = fixable_site(tmp_path / "site")
    real = site / "ko" / "week01" / "real.md"
    page = site / "ko" / "week01" / "01-1.md"
    page.rename(real)
    page.symlink_to("real.md")
    run(["--fix", "ko/week01/01-1.md"], site)
    assert page.is_symlink() and os.readlink(page) == "real.md"
    assert real.read_text(encoding="utf-8") == KO


def test_a_symlinked_page_pointing_outside_the_site_is_not_written(tmp_path):
    site = fixable_site(tmp_path / "site")
    outside = tmp_path / "elsewhere.md"
    page = site / "ko" / "week01" / "01-1.md"
    page.rename(outside)
    page.symlink_to(outside)
    done = run(["--fix", "ko/week01/01-1.md"], site)
    assert page.is_symlink()
    assert outside.read_text(encoding="utf-8") == BROKEN
    assert b"outside the site" in done.stdout and done.returncode == 1  # DLC002: not even read


def test_the_writer_refuses_a_link_out_of_the_site_even_if_it_appears_after_the_read(tmp_path):
    """Defence in depth: the page is swapped for a link between the lint and the write."""
    from dlc_lint.fix.write import WriteRefused, write_fixed

    site = fixable_site(tmp_path / "site")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("mine\n", encoding="utf-8")
    page = site / "ko" / "week01" / "01-1.md"
    page.unlink()
    page.symlink_to(outside)
    with pytest.raises(WriteRefused, match="outside the site"):
        write_fixed(site, "ko/week01/01-1.md", b"changed\n", "ko/week01/01-1.md")
    assert outside.read_text(encoding="utf-8") == "mine\n" and page.is_symlink()


def test_a_link_planted_at_the_temporary_name_is_not_written_through(tmp_path, monkeypatch):
    """The old name was `.<page>.dlc-lint-tmp-<pid>`: anyone who can write to docs/ can guess it."""
    from dlc_lint.cli.check import apply_fixes
    from dlc_lint.config import Settings
    from dlc_lint.engine.run import lint

    site = fixable_site(tmp_path / "site")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    folder = site / "ko" / "week01"
    for pid in {os.getpid(), os.getppid()}:
        (folder / f".01-1.md.dlc-lint-tmp-{pid}").symlink_to(victim)
    monkeypatch.chdir(site)
    targets = [Path("ko/week01/01-1.md")]
    _, fixed = apply_fixes(lint(targets, Settings()), targets, Settings())
    assert fixed == 1
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (folder / "01-1.md").read_text(encoding="utf-8") == KO
    assert not (folder / "01-1.md").is_symlink()


def dead_pid() -> int:
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()
    return done.pid


def test_files_left_by_a_killed_fix_are_removed_and_never_pages(tmp_path):
    site = fixable_site(tmp_path / "site")
    folder = site / "ko" / "week01"
    stale = [folder / f".01-1.md.dlc-lint-tmp-{dead_pid()}", folder / f".01-1.md.dlc-lint-tmp-{dead_pid()}-x1b2"]
    for path in stale:
        path.write_text(BROKEN[:40], encoding="utf-8")  # what a kill -9 between write and rename leaves
    found = json_findings(run(["--format", "json", "."], site))
    assert not [f for f in found if "dlc-lint-tmp" in f["path"] or "dlc-lint-tmp" in f["message"]]
    run(["--fix", "."], site)
    assert not [p.name for p in folder.iterdir() if "dlc-lint-tmp" in p.name]
    assert (folder / "01-1.md").read_text(encoding="utf-8") == KO


def test_a_temporary_file_of_a_running_fix_is_left_alone(tmp_path):
    site = fixable_site(tmp_path / "site")
    folder = site / "ko" / "week01"
    alive = folder / f".01-1.md.dlc-lint-tmp-{os.getpid()}"
    alive.write_text("in progress", encoding="utf-8")
    run(["--fix", "."], site)
    assert alive.read_text(encoding="utf-8") == "in progress"


def test_fix_with_a_baseline_leaves_baselined_findings_alone(tmp_path):
    site = fixable_site(tmp_path / "site")
    (site / "ko" / "week01" / "01-2.md").write_text(
        BROKEN.replace("ch.01-1", "ch.01-2").replace("동기", "둘"), encoding="utf-8"
    )
    (site / "en" / "week01" / "01-2.md").write_text(FILES["en/week01/01-1.md"].replace("ch.01-1", "ch.01-2"))
    run(["--select", "DLC106", "--write-baseline", "baseline.json", "ko/week01/01-1.md"], site)
    done = run(["--select", "DLC106", "--fix", "--baseline", "baseline.json", "--format", "json", "ko"], site)
    assert (site / "ko" / "week01" / "01-1.md").read_text(encoding="utf-8") == BROKEN  # accepted: untouched
    assert "title： 둘" not in (site / "ko" / "week01" / "01-2.md").read_text(encoding="utf-8")  # new: fixed
    assert json_findings(done) == []
