"""The per-language outline in ``_config.yml`` (chapters -> sections -> path), with positions.

PyYAML keeps the last of two equal keys without a word, and one syntax error
makes it give up on the whole file. Both have broken the sidebar of every
language of the site, so this module composes the YAML node tree itself
(duplicate keys are seen there), and when the file does not parse it reports
where, then parses each top-level section on its own so that the other
languages' outlines can still be checked.

It also knows how to insert an entry into an outline without disturbing the
rest of the file (:func:`plan_insertion`): the new line copies the
indentation of its neighbours and goes right after the entry it follows in
the source language's order, before any comment that separates sections.
"""

from dlc_lint.site.outline.insert import Insertion, plan_insertion, section_end
from dlc_lint.site.outline.model import (
    INVISIBLE,
    OUTLINE_KEYS,
    STRUCTURE_KEYS,
    LanguageOutline,
    Outline,
    OutlineEntry,
    OutlineProblem,
    Span,
)
from dlc_lint.site.outline.read import parse_outline

__all__ = [
    "INVISIBLE",
    "OUTLINE_KEYS",
    "STRUCTURE_KEYS",
    "Insertion",
    "LanguageOutline",
    "Outline",
    "OutlineEntry",
    "OutlineProblem",
    "Span",
    "parse_outline",
    "plan_insertion",
    "section_end",
]
