"""Helpers shared by the ``_config.yml`` outline rules (DLC5xx)."""

from __future__ import annotations

import re

from dlc_lint.finding import Severity
from dlc_lint.site.lang_ref import natural_key
from dlc_lint.site.model import Site
from dlc_lint.site.outline import Outline, OutlineProblem

_WEEK = re.compile(r"(?:^|/)week(\d+)(?:/|$)", re.I)

LANGUAGE_NAMES = {
    "en": "English",
    "ko": "Korean",
    "zh": "Chinese",
    "es": "Spanish",
    "it": "Italian",
    "tr": "Turkish",
    "ja": "Japanese",
    "ar": "Arabic",
    "fr": "French",
    "fa": "Farsi",
    "ru": "Russian",
    "vi": "Vietnamese",
    "sr": "Serbian",
    "bn": "Bengali",
    "pt": "Portuguese",
    "hu": "Hungarian",
    "de": "German",
}


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, f"`{lang}`")


def section_name(site: Site, lang: str) -> str:
    """How to name a language's outline in a message."""
    return "top-level English outline" if lang == site.source_lang and _top_level(site, lang) else f"`{lang}:` outline"


def _top_level(site: Site, lang: str) -> bool:
    outline = site.outline
    section = outline.languages.get(lang) if outline else None
    return section is not None and section.key_span is None


def problem_in_scope(context, problem: OutlineProblem) -> bool:
    """Syntax errors break every language; top-level settings matter when the file itself is linted."""
    if problem.kind == "syntax":
        return True
    if problem.section is None:
        return context.whole_file
    return context.in_scope(problem.section)


def languages_in_scope(context) -> list[str]:
    outline = context.site.outline
    names = set(outline.languages) if outline else set()
    return sorted(lang for lang in names if context.in_scope(lang))


def week_of(path: str) -> int | None:
    match = _WEEK.search(path)
    return int(match.group(1)) if match else None


def english_order(site: Site):
    """Rank a path of any language by the source language's outline (then by natural order)."""
    outline = site.outline
    source = site.source_lang
    index: dict[str, int] = {}
    section = outline.languages.get(source) if outline else None
    if section is not None:
        for number, entry in enumerate(section.entries):
            index.setdefault(entry.path, number)

    def order(path: str):
        rest = path.split("/", 1)[1] if "/" in path else path
        english = f"{source}/{rest}"
        if english in index:
            return (0, index[english], ())
        return (1, 0, natural_key(rest))

    return order


def english_entry(site: Site, path: str):
    """The source-language outline entry of the page at ``path``'s place, or None."""
    outline = site.outline
    if outline is None or "/" not in path:
        return None
    section = outline.languages.get(site.source_lang)
    if section is None:
        return None
    english = f"{site.source_lang}/{path.split('/', 1)[1]}"
    for entry in section.entries:
        if entry.path == english:
            return entry
    return None


def to_lang(site: Site, path: str, lang: str) -> str:
    """``en/week01/01.md`` -> ``ko/week01/01.md``."""
    return f"{lang}/{path.split('/', 1)[1]}" if "/" in path else path


def usable(outline: Outline | None, lang: str) -> bool:
    """The language's section exists and could be read."""
    return outline is not None and lang in outline.languages and lang not in outline.broken


def at_most(context, severity: Severity) -> Severity:
    """``severity``, unless the rule's configured severity is already lower."""
    return severity if severity.rank < context.severity.rank else context.severity
