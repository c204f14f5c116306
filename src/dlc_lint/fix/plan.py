"""Applying fixes: edits on the original text, written back byte-for-byte elsewhere.

Edits of one file are sorted; a fix that overlaps one already taken waits for
the next round (the file is linted again until nothing changes). Line
endings and the BOM stay as they were unless a fix is about them. A fix that
would make the front matter or ``_config.yml`` stop parsing is dropped.
Writes are atomic.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import yaml

from dlc_lint.finding import Edit, Finding, Fix, Safety
from dlc_lint.parse import bounded_yaml
from dlc_lint.parse.frontmatter import parse_front_matter
from dlc_lint.parse.source import SourceText

MAX_ROUNDS = 10
BOM_CHARACTER = "\ufeff"  # the byte-order mark as a character: EF BB BF decoded


@dataclass
class FileChange:
    display: str
    source: SourceText
    new_text: str
    remove_bom: bool
    fixes: list[Fix]

    edits: tuple[Edit, ...] = ()

    @property
    def new_bytes(self) -> bytes:
        data = self.source.apply_edits(self.edits)
        if self.remove_bom and self.source.has_bom:
            data = data[3:]
        return data

    def diff(self) -> str:
        """The change as a unified diff of the text. A removed byte-order mark, which the text leaves
        out (see :class:`SourceText`), is said on a line of its own above the diff, and the first
        line shows it as U+FEFF on the old side: a change that only removes it is not an empty diff."""
        old = self.source.text.splitlines(keepends=True)
        new = self.new_text.splitlines(keepends=True)
        note = ""
        if self.remove_bom and self.source.has_bom:
            old = [BOM_CHARACTER + (old[0] if old else "")] + old[1:]
            note = f"# {self.display}: the UTF-8 byte order mark (bytes EF BB BF) at its start is removed\n"
        lines = difflib.unified_diff(old, new, f"a/{self.display}", f"b/{self.display}", n=2)
        return note + "".join(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
        )


def allowed(fix: Fix | None, unsafe: bool) -> bool:
    if fix is None or fix.safety is Safety.DISPLAY:
        return False
    return fix.safety is Safety.SAFE or unsafe


def plan(findings: list[Finding], sources: dict[str, SourceText], unsafe: bool = False) -> list[FileChange]:
    """Group the applicable fixes by file and compute each file's new text."""
    by_file: dict[str, list[Fix]] = {}
    for finding in findings:
        if finding.fix is not None and allowed(finding.fix, unsafe):
            target = finding.fix.path or finding.path
            by_file.setdefault(target, []).append(finding.fix)
    changes = []
    for display, fixes in sorted(by_file.items()):
        source = sources.get(display)
        if source is None or source.decode_problem is not None or source.binary:
            continue
        change = _apply(display, source, fixes)
        if change is not None:
            changes.append(change)
    return changes


def _apply(display: str, source: SourceText, fixes: list[Fix]) -> FileChange | None:
    taken: list[Edit] = []
    accepted: list[Fix] = []
    remove_bom = False
    seen: set[tuple[Edit, ...]] = set()
    for fix in sorted(fixes, key=lambda f: (min((e.start for e in f.edits), default=0), f.title)):
        if fix.edits in seen:
            continue
        seen.add(fix.edits)
        real = [e for e in fix.edits if e.start >= 0]
        if any(_overlaps(edit, other) for edit in real for other in taken):
            continue  # the next round picks it up
        taken.extend(real)
        remove_bom = remove_bom or any(e.start < 0 for e in fix.edits)
        accepted.append(fix)
    if not accepted:
        return None
    text = source.text
    for edit in sorted(taken, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.new_text + text[edit.end :]
    if text == source.text and not (remove_bom and source.has_bom):
        return None
    if _breaks_parsing(display, source.text, text):
        return None
    return FileChange(display, source, text, remove_bom, accepted, tuple(taken))


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one place: order would be arbitrary
    return a.start < b.end and b.start < a.end


def _breaks_parsing(display: str, old: str, new: str) -> bool:
    if display.endswith("_config.yml"):
        return _yaml_ok(old) and not _yaml_ok(new)
    before = parse_front_matter(old)
    after = parse_front_matter(new)
    return before.problem is None and before.present and after.present and after.problem is not None


def _yaml_ok(text: str) -> bool:
    try:
        bounded_yaml.compose(text)
        return True
    except yaml.YAMLError:
        return False
