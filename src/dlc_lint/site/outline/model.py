"""The outline's data: entries, problems and the per-language sections, with positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from dlc_lint.site.language import LANGUAGE_KEY

INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
OUTLINE_KEYS = ("prologues", "chapters", "sections", "path", "title")
# Keys whose repetition drops part of an outline: the sidebar loses pages.
STRUCTURE_KEYS = frozenset(("prologues", "chapters", "sections", "path"))


@dataclass(frozen=True)
class Span:
    """A position in ``_config.yml``: 0-based offsets into its normalised text."""

    start: int
    end: int


@dataclass(frozen=True)
class OutlineEntry:
    """One ``path:`` of an outline."""

    path: str
    span: Span  # of the path value
    kind: str  # "prologue" | "chapter" | "section"
    chapter: str | None = None  # the chapter's path, for sections
    item: int = -1  # offset of the item's first key (just after its ``- ``)
    sections_key: Span | None = None  # a chapter's ``sections:`` key


@dataclass(frozen=True)
class OutlineProblem:
    """Something wrong in the outline's structure or syntax."""

    kind: str  # "syntax" | "duplicate-key" | "malformed-entry" | "invisible-character"
    span: Span
    message: str
    section: str | None = None  # language key, or None for the top-level settings
    key: str | None = None  # for duplicate keys: the repeated key
    depth: int = 0  # for duplicate keys: 0 = top level, 1 = inside a language section, ...
    fix: tuple[int, int, str] | None = None  # a safe text edit that repairs it (start, end, new text)


@dataclass(frozen=True)
class LanguageOutline:
    lang: str
    key_span: Span | None  # the ``ko:`` key, None for the default language's top-level outline
    entries: tuple[OutlineEntry, ...]
    span: Span  # the whole section
    keys: dict = field(default_factory=dict)  # sub-key ("title", "chapters", "prologues") -> Span of the key

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(entry.path for entry in self.entries)

    def chapters(self) -> list[OutlineEntry]:
        return [e for e in self.entries if e.kind == "chapter"]


@dataclass(frozen=True)
class Outline:
    text: str
    languages: dict[str, LanguageOutline] = field(default_factory=dict)
    problems: tuple[OutlineProblem, ...] = ()
    settings: dict = field(default_factory=dict)  # top-level scalar settings (baseurl, default_lang ...)
    parsed: bool = True  # False when the YAML of the whole file did not parse
    # Language sections that could not be read at all (a syntax error inside them).
    broken: frozenset[str] = frozenset()
    # (key, start, end) of every top-level key's block, in file order.
    blocks: tuple[tuple[str, int, int], ...] = ()
    default_lang: str = "en"

    def section_at(self, offset: int) -> str | None:
        """The language whose section holds ``offset``; None for top-level settings."""
        owner = None
        for key, start, end in self.blocks:
            if start <= offset < end or (offset == end == len(self.text)):
                owner = key
        if owner is None:
            return None
        if owner in ("chapters", "prologues"):
            return self.default_lang
        return INVISIBLE.sub("", owner) if is_language_block(owner, self.text, self.blocks) else None

    @cached_property
    def _code(self) -> str:
        """The text without comments and invisible characters."""
        lines = []
        for line in INVISIBLE.sub("", self.text).splitlines():
            code = line.split(" #", 1)[0]
            lines.append("" if code.lstrip().startswith("#") else code)
        return "\n".join(lines)

    def mentions(self, path: str) -> bool:
        """Whether ``path`` is written anywhere outside comments (even in a malformed entry)."""
        pattern = re.compile(r"(?<![\w/.\-])" + re.escape(path) + r"(?![\w/.\-])")
        return pattern.search(self._code) is not None


def is_language_block(key: str, text: str, blocks) -> bool:
    """A top-level block that looks like a language section, judged from its text (it may not parse)."""
    if not LANGUAGE_KEY.match(INVISIBLE.sub("", key)):
        return False
    for block_key, start, end in blocks:
        if block_key == key:
            body = text[start:end]
            if re.search(r"^[ \t]+(?:title|chapters|prologues)[ \t]*:", body, re.M):
                return True
    return False
