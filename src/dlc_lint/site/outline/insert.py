"""Inserting an entry into an outline without disturbing the rest of ``_config.yml``.

The new line copies the indentation of its neighbours and goes right after the
entry it follows in the source language's order, before any comment that
separates sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dlc_lint.parse import lines
from dlc_lint.site.outline.model import LanguageOutline, Outline, OutlineEntry


@dataclass(frozen=True)
class Insertion:
    """Text to insert at ``offset`` of ``_config.yml`` to add an outline entry."""

    offset: int
    text: str
    description: str  # "under chapter `ko/week07/07.md`", for the fix title


def plan_insertion(
    outline: Outline,
    lang: str,
    path: str,
    kind: str,
    order: Callable[[str], int | None],
    chapter: str | None = None,
    chapter_exists: bool = False,
) -> Insertion | None:
    """Where and what to insert so that ``path`` appears in ``lang``'s outline.

    ``kind`` is the kind the source language gives the page ("chapter",
    "section", "prologue"); ``chapter`` is, for a section, the path of its
    chapter in ``lang``; ``order(path)`` ranks a path by the source language's
    outline (None when it is not there). A section whose chapter is not in the
    outline comes with its chapter when ``chapter_exists``, else it is listed
    as a chapter itself. Returns None when the section cannot be read.
    """
    section = outline.languages.get(lang)
    if section is None or lang in outline.broken:
        return None
    text = outline.text
    starts = lines.line_starts(text)
    style = _Style(outline, starts, lang)
    chapters = section.chapters()

    if kind == "section" and chapter is not None:
        parent = next((e for e in chapters if e.path == chapter), None)
        if parent is not None:
            siblings = [e for e in section.entries if e.kind == "section" and e.chapter == chapter]
            if siblings:
                offset = _sibling_offset(text, starts, siblings, order, path)
                dash = _dash_column(text, starts, siblings[0])
                return Insertion(offset, f"{' ' * dash}- path: {path}\n", f"under chapter `{chapter}`")
            if parent.sections_key is not None:
                return None  # ``sections:`` without items: malformed, reported elsewhere
            dash = _dash_column(text, starts, parent)
            offset = _block_end(text, starts, lines.line_index(starts, parent.item), dash)
            keys = dash + style.sections_offset
            new = f"{' ' * keys}sections:\n{' ' * (keys + style.item_offset)}- path: {path}\n"
            return Insertion(offset, _after_newline(text, offset, new), f"as the first section of `{chapter}`")
        if chapter_exists:
            keys = style.sections_offset
            body = f"- path: {chapter}\n{' ' * keys}sections:\n{' ' * (keys + style.item_offset)}- path: {path}\n"
            return _container_insert(
                outline,
                section,
                starts,
                style,
                "chapters",
                chapters,
                body,
                order,
                chapter,
                f"with its chapter `{chapter}`",
            )
        return _container_insert(
            outline,
            section,
            starts,
            style,
            "chapters",
            chapters,
            f"- path: {path}\n",
            order,
            path,
            "as a chapter (there is no chapter page to put it under)",
        )
    if kind == "prologue":
        prologues = [e for e in section.entries if e.kind == "prologue"]
        return _container_insert(
            outline,
            section,
            starts,
            style,
            "prologues",
            prologues,
            f"- path: {path}\n",
            order,
            path,
            "in the prologues",
        )
    return _container_insert(
        outline, section, starts, style, "chapters", chapters, f"- path: {path}\n", order, path, "in the chapters"
    )


class _Style:
    """The indentation this file uses, learnt from its existing outline."""

    def __init__(self, outline: Outline, starts, lang: str):
        text = outline.text
        self.sections_offset = 2  # ``sections:`` relative to its chapter's dash
        self.item_offset = 2  # an item's dash relative to its list's key
        self.key_indent = 2  # a language's sub-keys relative to the language key
        found_sections = found_items = found_keys = False
        ordered = [outline.languages[lang]] + [o for k, o in outline.languages.items() if k != lang]
        for language in ordered:
            for name, key_span in language.keys.items():
                if name in ("chapters", "prologues") and not found_items:
                    first = next((e for e in language.entries if e.kind == name[:-1]), None)
                    if first is not None:
                        self.item_offset = _dash_column(text, starts, first) - (
                            key_span.start - starts[lines.line_index(starts, key_span.start)]
                        )
                        found_items = True
            if language.key_span is not None and language.keys and not found_keys:
                some = next(iter(language.keys.values()))
                self.key_indent = (some.start - starts[lines.line_index(starts, some.start)]) - (
                    language.key_span.start - starts[lines.line_index(starts, language.key_span.start)]
                )
                found_keys = True
            for entry in language.entries:
                if entry.kind == "chapter" and entry.sections_key is not None and not found_sections:
                    key_col = entry.sections_key.start - starts[lines.line_index(starts, entry.sections_key.start)]
                    self.sections_offset = key_col - _dash_column(text, starts, entry)
                    found_sections = True

    def key_column(self, section: LanguageOutline, starts) -> int:
        """The column of ``section``'s sub-keys (``chapters:``)."""
        if section.keys:
            span = next(iter(section.keys.values()))
            return span.start - starts[lines.line_index(starts, span.start)]
        if section.key_span is None:
            return 0
        return section.key_span.start - starts[lines.line_index(starts, section.key_span.start)] + self.key_indent


def section_end(outline: Outline, lang: str) -> int:
    """The offset just after the last line of ``lang``'s section (before comments that follow it)."""
    text = outline.text
    starts = lines.line_starts(text)
    section = outline.languages[lang]
    if section.key_span is None:  # the source language's outline is at the top level
        return max(
            (
                _block_end(
                    text,
                    starts,
                    lines.line_index(starts, span.start),
                    span.start - starts[lines.line_index(starts, span.start)],
                )
                for span in section.keys.values()
            ),
            default=0,
        )
    line = lines.line_index(starts, section.key_span.start)
    return _block_end(text, starts, line, section.key_span.start - starts[line])


def _container_insert(outline, section, starts, style, container, items, body, order, ranked, description):
    """Insert ``body`` (an item starting with ``- ``) into the ``chapters``/``prologues`` list."""
    text = outline.text
    if items:
        dash = _dash_column(text, starts, items[0])
        offset = _sibling_offset(text, starts, items, order, ranked)
        return Insertion(offset, _indent_item(body, dash), description)
    key_col = style.key_column(section, starts)
    dash = key_col + style.item_offset
    new = f"{' ' * key_col}{container}:\n" + _indent_item(body, dash)
    if container in section.keys:
        return None  # an empty list key: malformed, reported elsewhere
    if container == "prologues" and "chapters" in section.keys:
        offset = starts[lines.line_index(starts, section.keys["chapters"].start)]
        return Insertion(offset, new, description)
    end = section_end(outline, section.lang)
    return Insertion(end, _after_newline(text, end, new), description)


def _indent_item(body: str, dash: int) -> str:
    """``body`` was written for a dash at column 0 with nested lines relative to the chapter style."""
    lines = body.splitlines(keepends=True)
    first = " " * dash + lines[0]
    rest = [(" " * dash + line) if line.strip() else line for line in lines[1:]]
    return first + "".join(rest)


def _sibling_offset(text, starts, siblings, order, path) -> int:
    """After the sibling that comes last before ``path`` in the source order, else before the first."""
    mine = order(path)
    ranked = [(order(s.path), index, s) for index, s in enumerate(siblings)]
    if mine is not None:
        before = [r for r in ranked if r[0] is not None and r[0] < mine]
        if before:
            anchor = max(before, key=lambda r: (r[0], r[1]))[2]
            return _item_end(text, starts, anchor)
        after = [r for r in ranked if r[0] is not None and r[0] > mine]
        if after:
            first = min(after, key=lambda r: r[1])[2]
            return starts[lines.line_index(starts, first.item)]
    return _item_end(text, starts, siblings[-1])


def _item_end(text, starts, entry: OutlineEntry) -> int:
    line = lines.line_index(starts, entry.item)
    return _block_end(text, starts, line, _dash_column(text, starts, entry))


def _dash_column(text, starts, entry: OutlineEntry) -> int:
    """The column of the ``-`` that opens ``entry``'s item."""
    line = lines.line_index(starts, entry.item)
    dash = text.rfind("-", starts[line], entry.item)
    return (dash if dash >= 0 else entry.item) - starts[line]


def _block_end(text, starts, first_line: int, indent: int) -> int:
    """The offset just after the last line (not a comment) indented deeper than ``indent``."""
    last = first_line
    for number in range(first_line + 1, len(starts)):
        content = lines.line_text(text, starts, number)
        stripped = content.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        if len(content) - len(stripped) <= indent:
            break
        last = number
    end = text.find("\n", starts[last])
    return len(text) if end < 0 else end + 1


def _after_newline(text: str, offset: int, new: str) -> str:
    """Prefix a newline when inserting at the end of a file that lacks one."""
    return ("\n" + new) if offset == len(text) and text and not text.endswith("\n") else new
