"""A glossary entry as data: its forms, kinds, sources and the examples that test them (all frozen)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cached_property


class Kind(str, Enum):
    """How a form relates to its entry."""

    PREFERRED = "preferred"
    ACCEPTED = "accepted"
    AVOID = "avoid"

    def __str__(self) -> str:
        return self.value


MATCH_MODES = ("prefix", "noun", "word", "exact")
"""How a form is found in running text (Korean rules; other languages use word boundaries):

``prefix``  starts a word; may be followed by a closed-grammar tail (particles,
            copula, light-verb endings such as 하는/된/시키는) or glued to another
            glossary form (합성곱신경망). The default.
``noun``    like ``prefix`` but without light-verb endings (배치하다 = arrange).
``word``    starts and ends a word: nothing Hangul may follow.
``exact``   the characters exactly as written (no spacing freedom), at a word start,
            whatever follows (a stem that is wrong in any word it begins).
"""

GATES = ("aligned",)
"""``aligned``: flag the form only when the aligned English paragraph contains the entry's term."""


@dataclass(frozen=True)
class Form:
    """One written form of a term: preferred, accepted or to be avoided."""

    text: str  # as written in the glossary (NFC)
    kind: Kind
    entry_id: str
    match: str = "prefix"
    gate: str | None = None
    unless_en: re.Pattern[str] | None = None
    why: str | None = None
    note: str | None = None
    path: str = ""
    line: int = 0
    column: int = 0

    @property
    def key(self) -> str:
        """The form without spaces: 경사 하강법 and 경사하강법 are one key."""
        return form_key(self.text)


@dataclass(frozen=True)
class Example:
    """A sentence an entry must accept (``pass``) or flag (``fail``); ``en`` is the aligned English."""

    text: str
    en: str | None = None
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class Entry:
    """One English term and its renderings."""

    id: str
    en: str
    en_pattern: str  # case-insensitive regex finding the term in English text
    preferred: tuple[Form, ...]
    accepted: tuple[Form, ...] = ()
    avoid: tuple[Form, ...] = ()
    shared_with: tuple[str, ...] = ()
    confused_with: tuple[str, ...] = ()  # entries whose forms are a wrong rendering of this term (DLC307)
    sources: tuple[str, ...] = ()
    note: str | None = None
    examples_pass: tuple[Example, ...] = ()
    examples_fail: tuple[Example, ...] = ()
    path: str = ""
    line: int = 0

    @cached_property
    def en_regex(self) -> re.Pattern[str]:
        """``en_pattern`` compiled, on first use."""
        return re.compile(self.en_pattern, re.IGNORECASE)

    @property
    def forms(self) -> tuple[Form, ...]:
        return self.preferred + self.accepted + self.avoid

    @property
    def fixable(self) -> bool:
        """An avoided form can be replaced automatically only when there is exactly one preferred form."""
        return len(self.preferred) == 1

    def in_english(self, english: str | None) -> bool:
        """Whether the English text mentions this entry's term."""
        return english is not None and bool(english) and self.en_regex.search(english) is not None

    def gate_passes(self, form: Form, english: str | None) -> bool:
        """Whether ``form`` (of this entry) should be flagged given the aligned English.

        Ungated forms always pass. A gated form passes only when the English
        paragraph contains the entry's term and none of the form's ``unless_en``
        words (the English of the form's other meaning: 기울기 = slope).
        """
        if form.gate is None:
            return True
        if not self.in_english(english):
            return False
        return form.unless_en is None or form.unless_en.search(english or "") is None


_SPACES_AND_HYPHENS = re.compile(r"[\s\-\u2010]+")


def form_key(text: str) -> str:
    """NFC, spaces and hyphens removed."""
    return _SPACES_AND_HYPHENS.sub("", unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str | None = None
    revision: str | None = None
    licence: str | None = None
    note: str | None = None


def default_en_pattern(en: str) -> str:
    """A case-insensitive regex for an English term: word boundaries, plural s/es,
    space or hyphen between words (``batch normalization`` also finds ``batch-normalisation``
    only if written so; British -ise spellings need an explicit pattern)."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", en.strip()) if w]
    body = r"[\s\-]?".join(words)
    return rf"\b{body}(?:s|es)?\b"
