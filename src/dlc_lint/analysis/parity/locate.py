"""Helpers for the rules: the English page of a translation, related locations, units at offsets."""

from __future__ import annotations

import bisect
import difflib

from dlc_lint.analysis.parity.blocks import Unit
from dlc_lint.analysis.parity.cache import cached_on_page, cached_on_site
from dlc_lint.analysis.parity.text import vocabulary
from dlc_lint.parse.page import Page


def english_for(context) -> Page | None:
    """The English page a translated page is compared with, or None (English page, no counterpart)."""
    if not context.is_translation:
        return None
    english = context.counterpart
    if english is None or english.path == context.page.path or not english.blocks:
        return None
    return english


def english_words(context) -> frozenset[str]:
    """The words of the English page of a translated page (:func:`vocabulary`, kept on that page: every
    translation and rule asks for the same set), or an empty set without one."""
    english = english_for(context)
    if english is None:
        return frozenset()
    return cached_on_page(english, "vocabulary", lambda: vocabulary(english.text))


def english_location(context, english: Page, start: int, end: int, message: str = "the English page"):
    """A related location in the English page, for a finding on the translated page."""
    shown = cached_on_site(context.site, ("display", english.path), lambda: context.display(english.path))
    return context.location(english.source, shown, start, end, message)


_STARTS: dict[int, tuple[tuple, list[int]]] = {}


def unit_at(found: tuple[Unit, ...], offset: int) -> Unit | None:
    """The unit whose block holds ``offset``."""

    memo = _STARTS.get(id(found))
    if memo is None or memo[0] is not found:
        if len(_STARTS) > 16:
            _STARTS.clear()  # (a page needs two: its units and its English page's; older ones hold old pages)
        memo = _STARTS[id(found)] = (found, [u.start for u in found])
    starts = memo[1]
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and found[index].start <= offset <= found[index].end:
        return found[index]
    return None


def units_at(found: tuple[Unit, ...], offsets) -> list[Unit | None]:
    """``unit_at`` of each offset, in one walk over the units when the offsets ascend (tags, formulas)."""
    out: list[Unit | None] = []
    index, count, previous = -1, len(found), -1
    for offset in offsets:
        if offset < previous:
            out.append(unit_at(found, offset))
            continue
        previous = offset
        while index + 1 < count and found[index + 1].start <= offset:
            index += 1
        unit = found[index] if index >= 0 else None
        out.append(unit if unit is not None and offset <= unit.end else None)
    return out


def first_difference(mine: list, theirs: list) -> tuple[int, int, int, int] | None:
    """``(i1, i2, j1, j2)`` of the first differing stretch of two token lists, or None if equal."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes():
        if tag != "equal":
            return i1, i2, j1, j2
    return None


def comment_text(page: Page) -> str:
    """Everything inside the page's HTML comments, joined (for "is this only in a comment?")."""
    text = page.text
    return "\n".join(text[c.inner_start : c.inner_end] for c in page.comments)


def line_end(text: str, start: int, limit: int) -> int:
    """The end of the line holding ``start``, not past ``limit``."""
    end = text.find("\n", start, limit)
    return limit if end < 0 else end


def report_english(context, start: int, end: int, message: str, *, related=(), **kwargs):
    """``context.report`` for a parity finding: the message names the line of the English page it compares
    with (the first related location), so the translator can check it without a SARIF viewer."""
    if related:
        message = f"{message} (English page line {related[0].line})"
    return context.report(start, end, message, related=related, **kwargs)
