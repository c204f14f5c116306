"""The glossary as data: a language's entries (see :mod:`dlc_lint.glossary.entry`) and its matchers.

Everything here is frozen; a :class:`Glossary` compiles its matchers lazily,
once, and keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from dlc_lint.glossary.entry import (
    GATES,
    MATCH_MODES,
    Entry,
    Example,
    Form,
    Kind,
    Source,
    default_en_pattern,
    form_key,
)

if TYPE_CHECKING:  # pragma: no cover
    from dlc_lint.glossary.matcher import EnglishMatcher, TermMatcher

__all__ = [
    "GATES",
    "MATCH_MODES",
    "Entry",
    "Example",
    "Form",
    "Glossary",
    "Kind",
    "Source",
    "default_en_pattern",
    "form_key",
]


@dataclass(frozen=True, eq=False)
class Glossary:
    """A language's glossary: entries in file order, with compiled matchers."""

    language: str
    entries: tuple[Entry, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    paths: tuple[str, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def entry(self, entry_id: str) -> Entry:
        return self.by_id[entry_id]

    @cached_property
    def matcher(self) -> TermMatcher:
        """The translation-side matcher, compiled once."""
        from dlc_lint.glossary.matcher import TermMatcher

        return TermMatcher(self.language, self.entries)

    @cached_property
    def english(self) -> EnglishMatcher:
        """The English-side matcher, compiled once."""
        from dlc_lint.glossary.matcher import EnglishMatcher

        return EnglishMatcher(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)
