"""``--fix`` on a copy of the whole real corpus, checked by its invariants, not by counts.

Rules come and go; what must always hold:
- every safe-fixable finding is gone after the fix, and no safe fix is left;
- no other finding appeared (findings are counted by rule, file and the text they point at, since
  fixes that add or remove lines move the others);
- the files changed only on the lines the applied fixes named (per fix round, read from ``git diff``);
- a second ``--fix`` changes nothing.
The fix runs through ``apply_fixes``, the loop behind ``dlc-lint --fix``.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

from dlc_lint.cli.check import apply_fixes
from dlc_lint.config import Settings
from dlc_lint.engine.run import lint
from dlc_lint.finding import Safety

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=dlc-lint tests",
            "-c",
            "user.email=tests@example.invalid",
            "-c",
            "core.autocrlf=false",
            "-c",
            "core.quotePath=false",
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def writable_copy(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)
    for folder, dirs, files in os.walk(target):
        for name in dirs + files:
            path = Path(folder) / name
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
    target.chmod(target.stat().st_mode | stat.S_IWUSR)


HEADING_CHECKS = {"DLC707"}  # heading structure compared with the English page


def key(finding) -> tuple[str, str, str]:
    return finding.code, finding.path, " ".join(finding.snippet.split())


def named_lines(changes) -> dict[str, set[int]]:
    """The original lines each planned fix edits (an insertion may show as the line before it)."""
    named: dict[str, set[int]] = {}
    for change in changes:
        lines = named.setdefault(change.display, set())
        source = change.source
        for fix in change.fixes:
            for edit in fix.edits:
                if edit.start < 0:  # the byte-order mark
                    lines.add(1)
                    continue
                first = source.position(edit.start)[0]
                last = source.position(max(edit.start, edit.end - 1))[0]
                lines.update(range(first, last + 1))
                if edit.start == edit.end:
                    lines.add(first - 1)
    return named


def changed_lines(diff: str) -> dict[str, set[int]]:
    """Old-side lines changed per file in ``git diff -U0`` (a pure insertion: the line it follows)."""
    changed: dict[str, set[int]] = {}
    current = None
    for line in diff.split("\n"):
        if line.startswith("--- "):
            current = changed.setdefault(line[6:] if line.startswith("--- a/") else line[4:], set())
        match = _HUNK.match(line)
        if match and current is not None:
            start, count = int(match.group(1)), 1 if match.group(2) is None else int(match.group(2))
            current.update({start} if count == 0 else range(start, start + count))
    return changed


def test_fix_on_a_copy_of_the_corpus_keeps_its_invariants(corpus, tmp_path, monkeypatch):
    work = tmp_path / "site"
    work.mkdir()
    writable_copy(corpus, work / "docs")
    git(work, "init", "-q")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "corpus")
    monkeypatch.chdir(work)
    targets, settings = [Path("docs")], Settings()

    before = lint(targets, settings, debug=True)
    safe = [f for f in before.findings if f.fix is not None and f.fix.safety is Safety.SAFE]
    assert safe, "the corpus has safe-fixable findings (a BOM at least); none were found"

    rounds: list[tuple[str, dict[str, set[int]]]] = []
    applied_to: dict[str, list[str]] = defaultdict(list)  # file -> titles of the fixes applied to it

    def on_round(changes):
        git(work, "add", "-A")
        git(work, "commit", "-q", "--allow-empty", "-m", f"before fix round {len(rounds) + 1}")
        rounds.append((git(work, "rev-parse", "HEAD").strip(), named_lines(changes)))
        for change in changes:
            applied_to[change.display] += [fix.title for fix in change.fixes]

    after, applied = apply_fixes(before, targets, settings, debug=True, on_round=on_round)
    assert rounds and applied > 0

    stat_line = git(work, "diff", "--stat", f"HEAD~{len(rounds)}").strip().splitlines()[-1]
    print(
        f"\n--fix on the corpus: {len(before.findings)} findings, {len(safe)} safe-fixable "
        f"({dict(sorted(Counter(f.code for f in safe).items()))}); {applied} fixes applied in "
        f"{len(rounds)} round(s); {len(after.findings)} findings left; {stat_line}"
    )

    # Each round changed only the lines its fixes named (line endings and all the rest untouched).
    for index, (commit, named) in enumerate(rounds):
        following = [rounds[index + 1][0]] if index + 1 < len(rounds) else []
        diff = git(work, "diff", "-U0", "--no-color", "--no-renames", commit, *following)
        for path, lines in changed_lines(diff).items():
            assert path in named, f"round {index + 1}: {path} changed but no fix named it"
            assert lines <= named[path], (
                f"round {index + 1}: {path} changed on lines {sorted(lines - named[path])} no fix named"
            )

    # A second --fix changes nothing.
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "fixed")
    _, applied_again = apply_fixes(after, targets, settings, debug=True)
    assert applied_again == 0
    assert git(work, "status", "--porcelain") == ""

    # No safe fix is left over ...
    left = [f for f in after.findings if f.fix is not None and f.fix.safety is Safety.SAFE]
    assert not left, [(f.path, f.line, f.code, f.fix.title) for f in left[:10]]
    # ... every safe-fixable finding is gone, and no other finding appeared. Findings are
    # counted by (rule, file, text pointed at): line numbers move when fixes add or remove lines.
    # DLC615's fix turns a line of text into a heading (inserting a space moves no line); the heading
    # checks then compare that heading with the English one for the first time
    made_headings: dict[str, set[int]] = {}
    for finding in safe:
        if finding.code == "DLC615":
            made_headings.setdefault(finding.path, set()).add(finding.line)
    before_count = Counter(map(key, before.findings))
    safe_count = Counter(map(key, safe))
    problems = []
    for item, count in sorted(Counter(map(key, after.findings)).items()):
        code, path, snippet = item
        if count > before_count[item] - safe_count[item]:
            what = "still there after its fix" if safe_count[item] else "appeared after fixing"
            sample = next(f for f in after.findings if key(f) == item)
            if code in HEADING_CHECKS and sample.line in made_headings.get(path, set()):
                continue  # the fix made the line a heading, and the heading checks now compare it: a true finding
            fixes = sorted(set(applied_to.get(path, [])))
            problems.append(
                f"{code} {what}: {path}:{sample.line} `{snippet[:60]}` "
                f"({sample.message[:120]}); fixes applied to this file: {fixes}"
            )
    assert not problems, "\n".join(["--fix on the corpus broke its invariants:", *problems])
