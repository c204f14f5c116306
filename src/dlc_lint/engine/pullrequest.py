"""Pull-request mode: changed files and lines between two commits (``git diff``), their languages and
labels, the title's tag (``[KR] ...``); ``dlc-lint pr`` (cli/pr.py) lints the changed pages with the
whole site as context and keeps the findings on changed lines. No user value reaches git as an option."""

from __future__ import annotations

import os
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, overload

from dlc_lint.config import Settings, is_enabled
from dlc_lint.engine.targets import GitError
from dlc_lint.finding import Finding, Severity

TITLE_TAG_MISSING = "DLC010"
TITLE_TAG_MISMATCH = "DLC011"
MIXED_LANGUAGES = "DLC012"

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_TAG = re.compile(r"\[\s*([A-Za-z][A-Za-z0-9_-]{0,15})\s*\]")
_TOP_KEY = re.compile(r"^([A-Za-z0-9_][^:#\s]*)[ \t]*:")


@overload
def git(args: list[str], cwd: Path, *, binary: Literal[False] = False) -> str: ...
@overload
def git(args: list[str], cwd: Path, *, binary: Literal[True]) -> bytes: ...
def git(args: list[str], cwd: Path, *, binary: bool = False) -> str | bytes:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def repository_root(cwd: Path) -> Path:
    try:
        return Path(git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitError:
        raise GitError(f"{cwd} is not inside a git repository; `dlc-lint pr` compares two commits") from None


def resolve(ref: str, root: Path, option: str) -> str:
    if ref.startswith("-") or not ref.strip() or any(c in ref for c in "\0\n\r"):  # never an option of git
        raise GitError(f"{option} {ref!r}: not a commit name (it would reach git as an option or break a line)")
    try:
        return git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root).strip()
    except GitError:
        raise GitError(
            f"{option} {ref}: no such commit in this clone. In GitHub Actions check out with "
            "`fetch-depth: 0` (actions/checkout) so that the base commit is there"
        ) from None


# -- what changed ---------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One changed file: ``path`` is the new path (the old one for a deletion)."""

    status: str  # A, M, D, R, C, T
    path: str
    old_path: str | None = None

    @property
    def deleted(self) -> bool:
        return self.status == "D"


@dataclass
class Diff:
    base: str  # the commit the changes are measured from (the merge base)
    head: str | None  # None: the working tree
    changes: list[Change]
    lines: dict[str, set[int]]  # new path -> changed line numbers (1-based), for files that exist
    notes: list[str] = field(default_factory=list)

    def changed_line(self, path: str, line: int, end_line: int) -> bool:
        changed = self.lines.get(path, set())
        return any(n in changed for n in range(line, max(line, end_line) + 1))


def merge_base(base: str, head: str, root: Path, notes: list[str]) -> str:
    try:
        return git(["merge-base", "--end-of-options", base, head], root).strip()
    except GitError:
        notes.append(
            "the base and head commits have no common ancestor in this clone (a shallow "
            "checkout?); comparing them directly. Use `fetch-depth: 0` for exact results"
        )
        return base


def compute_diff(root: Path, base: str, head: str | None) -> Diff:
    """The changes from the merge base of ``base`` and ``head`` (or HEAD) to ``head`` (or the working tree)."""
    notes: list[str] = []
    start = merge_base(base, head or "HEAD", root, notes)
    sides = [start] if head is None else [start, head]
    raw = git(["diff", "--name-status", "-z", "-M", "--no-ext-diff", *sides, "--"], root, binary=True)
    changes = _parse_name_status(raw.decode("utf-8", "surrogateescape"))
    if head is None:
        untracked = git(["ls-files", "--others", "--exclude-standard", "-z"], root, binary=True)
        known = {c.path for c in changes}
        for path in untracked.decode("utf-8", "surrogateescape").split("\0"):
            if path and path not in known:
                changes.append(Change("A", path))
    lines: dict[str, set[int]] = {}
    patch = git(["diff", "-U0", "--no-color", "--no-ext-diff", "-M", *sides, "--"], root, binary=True)
    lines.update(_parse_patch(patch.decode("utf-8", "surrogateescape")))
    for change in changes:
        if change.deleted:
            continue
        if change.status == "A" and change.path not in lines:
            lines[change.path] = _all_lines(root, change.path, head)
        lines.setdefault(change.path, set())
    changes.sort(key=lambda c: c.path)
    return Diff(start, head, changes, lines, notes)


def _all_lines(root: Path, path: str, head: str | None) -> set[int]:
    if head is None:
        try:
            data = (root / path).read_bytes()
        except OSError:
            return set()
    else:
        data = git(["show", f"{head}:{path}"], root, binary=True)
    count = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    return set(range(1, max(count, 1) + 1))


def _parse_name_status(text: str) -> list[Change]:
    fields = text.split("\0")
    changes = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        kind = status[0]
        if kind in "RC":
            changes.append(Change(kind, fields[i + 2], fields[i + 1]))
            i += 3
        else:
            changes.append(Change(kind, fields[i + 1]))
            i += 2
    return changes


def _unquote(path: str) -> str:
    """A path from a diff header: C-quoted by git when it holds odd characters."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    body = path[1:-1]
    out = bytearray()
    i = 0
    escapes = {
        "n": b"\n",
        "t": b"\t",
        '"': b'"',
        "\\": b"\\",
        "a": b"\a",
        "b": b"\b",
        "f": b"\f",
        "r": b"\r",
        "v": b"\v",
    }
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in escapes:
                out += escapes[nxt]
                i += 2
                continue
            if nxt.isdigit():
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
        out += char.encode("utf-8", "surrogateescape")
        i += 1
    return out.decode("utf-8", "surrogateescape")


def _parse_patch(text: str) -> dict[str, set[int]]:
    """New-side changed lines per file from ``git diff -U0``.

    A hunk that only removes lines marks the line that now stands where they
    were, so that a finding caused by a deletion (a removed closing ``---``)
    is still on a changed line.
    """
    lines: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.split("\n"):
        if line.startswith("+++ "):
            target = line[4:]
            if target == "/dev/null":
                current = None
                continue
            target = _unquote(target)
            if target.startswith("b/"):
                target = target[2:]
            current = lines.setdefault(target, set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if not match:
                continue
            start = int(match.group(1))
            count = 1 if match.group(2) is None else int(match.group(2))
            if count == 0:
                current.add(max(start + 1, 1))
            else:
                current.update(range(start, start + count))
    return lines


# -- the tree to lint -----------------------------------------------------------


def export_tree(root: Path, commit: str, into: Path) -> Path:
    """Write the files of ``commit`` under ``into`` (``git archive``); returns ``into``."""
    data = git(["archive", "--format=tar", commit], root, binary=True)
    with tempfile.TemporaryFile() as handle:
        handle.write(data)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as archive:
            try:
                archive.extractall(into, filter="data")
            except TypeError:  # Python before 3.11.4: no extraction filters
                archive.extractall(into)
    return into


def worktree_matches(root: Path, head: str) -> bool:
    """True when the working tree is exactly ``head`` (so it can be linted in place)."""
    current = git(["rev-parse", "HEAD"], root).strip()
    if current != head:
        return False
    return git(["status", "--porcelain", "--untracked-files=no"], root).strip() == ""


# -- languages, labels and the title --------------------------------------------


@dataclass(frozen=True)
class PullRequestProblem:
    code: str
    name: str
    severity: Severity
    message: str

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "severity": self.severity.value, "message": self.message}


def config_line_languages(text: str, languages: set[str], source_lang: str) -> list[str | None]:
    """The language each line of ``_config.yml`` belongs to (index 0 is line 1).

    A line belongs to the top-level key above it: ``ko:`` -> ko; the top-level
    ``chapters:``/``prologues:`` outline -> the source language; other settings -> None.
    """
    out: list[str | None] = []
    current: str | None = None
    for line in text.split("\n"):
        match = _TOP_KEY.match(line)
        if match:
            key = match.group(1).strip("'\"")
            if key in languages:
                current = key
            elif key in ("chapters", "prologues"):
                current = source_lang
            else:
                current = None
        out.append(current)
    return out


def parse_title_tags(title: str, known: set[str]) -> list[str]:
    """The language tags in ``title`` (``[KR]``, ``[kr]``), as known tags, in order, once each."""
    upper = {tag.upper(): tag for tag in known}
    tags: list[str] = []
    for match in _TAG.finditer(title):
        tag = upper.get(match.group(1).upper())
        if tag is not None and tag not in tags:
            tags.append(tag)
    return tags


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def check_pull_request(
    languages: dict[str, list[str]], labels: dict[str, str], title: str | None, settings: Settings
) -> list[PullRequestProblem]:
    """Problems with the pull request as a whole: title tag and mixed languages."""
    from dlc_lint.rules import all_rules

    registry = all_rules()
    problems: list[PullRequestProblem] = []

    def report(code: str, message: str) -> None:
        if not is_enabled(code, settings):
            return
        rule = registry[code]
        problems.append(PullRequestProblem(code, rule.name, settings.severity.get(code, rule.severity), message))

    def described(langs) -> str:
        return ", ".join(f"{lang} ({_plural(len(languages[lang]), 'file')})" for lang in langs)

    expected = [labels[lang] for lang in sorted(languages) if lang in labels]
    tag_of = {labels[lang]: lang for lang in labels}
    if len(languages) > 1:
        report(
            MIXED_LANGUAGES,
            f"this pull request changes pages of {len(languages)} languages: {described(sorted(languages))}; "
            "the site reviews one language per pull request, so split it (one pull request per language)",
        )
    if title is None or not expected:
        return problems
    tags = parse_title_tags(title, set(labels.values()))
    wanted = " ".join(f"[{tag}]" for tag in expected)
    if not tags:
        report(
            TITLE_TAG_MISSING,
            f"the title `{title.strip()}` has no language tag; this pull request changes "
            f"{described(sorted(languages))}, so start the title with `{wanted}`",
        )
        return problems
    extra = [tag for tag in tags if tag not in expected]
    # A pull request mixing languages is reported once (DLC012); then only a wrong tag counts here.
    missing = [tag for tag in expected if tag not in tags] if len(languages) == 1 else []
    if extra or missing:
        parts = []
        if extra:
            names = ", ".join(f"`[{tag}]`" for tag in extra)
            langs = ", ".join(tag_of.get(tag, "?") for tag in extra)
            parts.append(f"the title is tagged {names} but the pull request changes no {langs} pages")
        if missing:
            names = ", ".join(f"`[{tag}]`" for tag in missing)
            changed = described([tag_of[tag] for tag in missing])
            parts.append(f"{'it' if extra else 'the pull request'} changes {changed} but the title lacks {names}")
        report(TITLE_TAG_MISMATCH, "; ".join(parts) + f"; expected `{wanted}`")
    return problems


def display_findings_on_changed_lines(
    findings: list[Finding], diff: Diff, sources: Mapping | None = None
) -> list[Finding]:
    """Findings on changed lines of changed files.

    A finding also counts as on a changed line when its fix would edit one (the
    blank line added above the front matter is the cause of a finding reported
    on the ``---`` below it). Tool findings (family 0) in changed files always stay.
    """
    kept = []
    for finding in findings:
        if finding.code.startswith("DLC0") and finding.path in diff.lines:
            kept.append(finding)
        elif diff.changed_line(finding.path, finding.line, finding.end_line):
            kept.append(finding)
        elif any(diff.changed_line(finding.path, first, last) for first, last in _fix_lines(finding, sources)):
            kept.append(finding)
    return kept


def _fix_lines(finding: Finding, sources: Mapping | None) -> list[tuple[int, int]]:
    """(first, last) lines each edit of the finding's own-file fix touches."""
    fix = finding.fix
    source = (sources or {}).get(finding.path)
    if fix is None or source is None or (fix.path is not None and fix.path != finding.path):
        return []
    spans = []
    for edit in fix.edits:
        if edit.start < 0:
            spans.append((1, 1))  # the byte-order mark
            continue
        first = source.position(edit.start)[0]
        spans.append((first, source.position(max(edit.start, edit.end - 1))[0]))
    return spans


def relative(path: Path, root: Path) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")


# -- findings a change introduces away from its changed lines -------------------------


def introduced_elsewhere(
    findings: list[Finding], old_findings: list[Finding], diff: Diff, new_base: Path, old_base: Path
) -> list[Finding]:
    """Findings of changed files that sit on unchanged lines but were not there before the change.

    A removed key in the front matter, a heading added to a translation that no
    longer matches its English page: the change causes a finding on a line it did
    not touch. Findings are matched as the baseline matches them (rule, file, the
    text pointed at, occurrence; not the line number), the old file standing under
    its new name when the change renamed it.
    """
    from dlc_lint.engine.baseline import fingerprints

    renamed = {c.old_path: c.path for c in diff.changes if c.old_path}
    changed = set(diff.lines)

    def repo_path(path: str, base: Path, rename: bool) -> str:
        name = relative(Path(path), base)
        return renamed.get(name, name) if rename else name

    def keys(items: list[Finding], base: Path, rename: bool) -> list[str]:
        return fingerprints([replace(f, path=repo_path(f.path, base, rename)) for f in items])

    before = set(keys(old_findings, old_base, True))
    return [
        finding
        for finding, key in zip(findings, keys(findings, new_base, False), strict=True)
        if repo_path(finding.path, new_base, False) in changed and key not in before
    ]


def findings_of_the_change(
    findings: list[Finding],
    diff: Diff,
    root: Path,
    tree: Path,
    settings: Settings,
    sources: Mapping | None = None,
    *,
    debug: bool = False,
) -> list[Finding]:
    """The findings a change is answerable for: on its changed lines, or new since ``diff.base``.

    ``findings`` are those of the changed files in ``tree`` (the working tree, or
    the head commit exported), ``root`` the repository. Findings on unchanged lines
    are compared with those of the same files linted as they were at the base
    commit (their site exported to a temporary folder, only when there is
    something to decide).
    """
    on_lines = display_findings_on_changed_lines(findings, diff, sources)
    kept = set(on_lines)
    undecided = [f for f in findings if f not in kept and relative(Path(f.path), tree) in diff.lines]
    if not undecided:
        return on_lines
    with tempfile.TemporaryDirectory(prefix="dlc-lint-base-") as folder:
        old_root = Path(folder).resolve()
        old = _lint_at_base(diff, tree, old_root, root, settings, debug)
        new_elsewhere = introduced_elsewhere(findings, old, diff, tree, old_root)
    kept |= set(new_elsewhere)
    return [f for f in findings if f in kept]


def _lint_at_base(diff: Diff, tree: Path, old_root: Path, root: Path, settings: Settings, debug: bool):
    """The findings of the changed files as they were at ``diff.base`` (nothing for files that were not there)."""
    from dlc_lint.engine.run import lint
    from dlc_lint.site.targets import group_by_site

    new_paths = [Path(tree / c.path) for c in diff.changes if not c.deleted and (tree / c.path).is_file()]
    old_name = {c.path: c.old_path or c.path for c in diff.changes}
    findings: list[Finding] = []
    for site_root, paths in group_by_site(new_paths, settings):
        folder = relative(site_root, tree)
        try:
            export_paths(root, diff.base, [folder], old_root)
        except GitError:
            continue  # the site is new: everything in it is the change's
        old_site = old_root / folder
        old_paths = []
        for path in paths:
            before = old_root / old_name.get(relative(path, tree), relative(path, tree))
            if before.is_file():
                old_paths.append(before)
        if old_paths:
            result = lint(old_paths, settings.with_overrides(site_root=old_site), debug=debug)
            findings.extend(result.findings)
    return findings


def export_paths(root: Path, commit: str, paths: list[str], into: Path) -> Path:
    """Write the files under ``paths`` (folders of the repository) as they are in ``commit`` under ``into``."""
    data = git(["archive", "--format=tar", "--end-of-options", commit, *paths], root, binary=True)
    with tempfile.TemporaryFile() as handle:
        handle.write(data)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as archive:
            try:
                archive.extractall(into, filter="data")
            except TypeError:  # Python before 3.11.4: no extraction filters
                archive.extractall(into)
    return into
