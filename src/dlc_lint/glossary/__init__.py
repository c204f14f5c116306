"""Glossaries: which rendering of an English term a translation should use.

Public API::

    glossary = glossary_for("ko", site_files)     # shipped + site glossary, or None
    for m in glossary.matcher.find(masked_text):  # compiled once per glossary
        m.start, m.end, m.tail_end, m.kind, m.form, m.entry
    glossary.english.find(english_paragraph)       # entries named in the English source
    replacement("레이어를", "계층", term_length=3)   # -> "계층을"
"""

from dlc_lint.glossary.load import (
    GlossaryError,
    Problem,
    check_conflicts,
    check_examples,
    glossary_for,
    load_glossary,
    merge,
    parse_glossary,
    shipped_languages,
    shipped_path,
    validate_file,
)
from dlc_lint.glossary.matcher import EnglishMatch, EnglishMatcher, Match, TermMatcher
from dlc_lint.glossary.model import Entry, Example, Form, Glossary, Kind, Source
from dlc_lint.glossary.particles import final_consonant, has_batchim, is_tail, replacement, rewrite_tail

__all__ = [
    "EnglishMatch",
    "EnglishMatcher",
    "Entry",
    "Example",
    "Form",
    "Glossary",
    "GlossaryError",
    "Kind",
    "Match",
    "Problem",
    "Source",
    "TermMatcher",
    "check_conflicts",
    "check_examples",
    "final_consonant",
    "glossary_for",
    "has_batchim",
    "is_tail",
    "load_glossary",
    "merge",
    "parse_glossary",
    "replacement",
    "rewrite_tail",
    "shipped_languages",
    "shipped_path",
    "validate_file",
]
