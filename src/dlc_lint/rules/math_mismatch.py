"""DLC704 math-mismatch: a formula differs from the same formula on the English page.

## What it does
Compares every formula of a translated page (`$...$`, `$$...$$` and display
blocks) with the formulas of the English page. A formula is fine when the
English page has the same one; spaces do not matter, except after a
backslash (`\\ times` is not `\\times`), and the human text inside `\\text{}`,
`\\mbox{}` or `\\tag{}` may be translated. A formula that the English page
does not have but that closely resembles an English formula near the same
place is reported at its first differing symbol, with the English formula as
the related location.

A formula that is the English one better typeset is not reported: an
operator name written as a command (`\\max` where the English has the
letters `max`), a digit after a symbol made a subscript (`\\phi_2` for the
English typo `\\phi2`), and on a page whose language writes a decimal comma,
`;` for the English `,` between the items of an interval or a tuple
(`(-1; 1)`: ISO 80000-2's separator where the comma is the decimal mark).

Formulas the translator copied from the English kept in the page's comments
are not reported here: when the English was corrected later, DLC720
(english-paragraph-changed) reports the stale paragraph instead.

## Why is this bad?
Formulas are not translated. A difference is almost always damage:
machine translation inserted spaces after backslashes (`\\ mathbb {R}`
renders as the word "mathbb"), translated macro names (`\\partiel` for
`\\partial`, `\\moyen` for `\\mid`), replaced ASCII parentheses with
full-width ones (`（`), or dropped a symbol.

A formula that is the English one damaged in a way that undoing the damage
(a space after a backslash removed, full-width characters made ASCII) gives
back the English formula is an error: the page shows a broken formula.
Other differences are warnings (the translator may have had a reason).

## Example
English: `$\\mathbb{R}^{t \\times n}$`
```
$\\ mathbb {R} ^ {t \\ times n}$
```

## Use instead
```
$\\mathbb{R}^{t \\times n}$
```

## Options
- `min-similarity` (default 0.6): how close a formula must be to an English one
  to be taken for a damaged copy of it; below that it is the translator's own
  formula and is left alone.
"""

import difflib
from dataclasses import dataclass

from dlc_lint.analysis import parity
from dlc_lint.finding import Severity
from dlc_lint.options import option
from dlc_lint.rules import rule


@dataclass(frozen=True)
class Options:
    min_similarity: float = option(
        0.6, "how close a formula must be to an English one to be taken for a damaged copy of it"
    )


@rule(
    "DLC704",
    "math-mismatch",
    "warning",
    "A formula differs from the same formula on the English page",
    options=Options,
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    mine = parity.page_math(site, page)
    if not mine:
        return
    english_math = parity.cached_on_page(english, "formulas", lambda: _EnglishFormulas(site, english))
    snapshot = parity.snapshot_math(site, page)
    known = english_math.keys | snapshot
    localized = english_math.localized | {parity.localized_tex_key(k) for k in snapshot}
    by_unit, by_key = english_math.by_unit, english_math.by_key
    align = parity.alignment(site, page, english)
    threshold = context.options.min_similarity
    text = page.text
    matchers: dict[int, difflib.SequenceMatcher] = {}  # id of an English formula -> a matcher holding it
    for span in mine:
        if span.key in known or not span.key or parity.localized_tex_key(span.key) in localized:
            continue
        unit = parity.unit_at(align.translated, span.start)
        if unit is None:
            continue
        candidates = [m for near in align.english_near(unit) for m in by_unit.get(near.index, ())]
        repaired = parity.repaired_tex_key(text[span.inner_start : span.inner_end])
        # a damaged copy (spaces after backslashes, full-width brackets) is certain anywhere on the page
        best = next((m for m in candidates if m.key == repaired), None) or by_key.get(repaired)
        best_score = threshold
        for other in candidates if best is None else ():
            matcher = matchers.get(id(other))
            if matcher is None:
                # the English formula is the second sequence: what the matcher indexes once and reuses
                matcher = matchers[id(other)] = difflib.SequenceMatcher(None, b=other.key, autojunk=False)
            for key in (span.key, repaired):
                matcher.set_seq1(key)
                if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
                    continue
                score = matcher.ratio()
                if score > best_score or (score == best_score and best is None):
                    best, best_score = other, score
        if best is None or _moved_out(text, span, english.text, best):
            continue
        if _better_typeset(span.key, best.key, context.lang in DECIMAL_COMMA):
            continue
        yield _report(context, english, span, best)


class _EnglishFormulas:
    """The English page's formulas by key and by unit: the same for each of its translations."""

    def __init__(self, site, english):
        formulas = parity.page_math(site, english)
        units = parity.units(site, english)
        self.keys = {m.key for m in formulas}
        self.localized = {parity.localized_tex_key(k) for k in self.keys}
        self.by_unit: dict[int, list[parity.MathSpan]] = {}
        for span, unit in zip(formulas, parity.units_at(units, [span.start for span in formulas])):
            if unit is not None:
                self.by_unit.setdefault(unit.index, []).append(span)
        self.by_key: dict[tuple[str, ...], parity.MathSpan] = {}
        for span in formulas:
            self.by_key.setdefault(span.key, span)


def _moved_out(text, span, english_text, other) -> bool:
    """``$85$%`` for ``$85\\%$``, ``2$\\times2$`` for ``2$\\times$2``: a symbol moved across the
    ``$`` renders the same."""
    mine, theirs = span.key, other.key
    if len(theirs) > len(mine):
        longer, shorter, around, start, end = theirs, mine, text, span.start, span.end
    else:
        longer, shorter, around, start, end = mine, theirs, english_text, other.start, other.end
    extra = len(longer) - len(shorter)
    if not shorter or extra > 2:
        return False
    if longer[: len(shorter)] == shorter:
        return around[end : end + 4].lstrip().startswith(_plain(longer[len(shorter) :]))
    if longer[extra:] == shorter:
        return around[max(0, start - 4) : start].rstrip().endswith(_plain(longer[:extra]))
    return False


# standard LaTeX operator names: `\\max` typesets the letters `max` of the English as the operator
OPERATOR_NAMES = frozenset(
    "arccos arcsin arctan arg cos cosh cot coth csc deg det dim exp gcd hom inf ker lg lim liminf limsup ln "
    "log max min Pr sec sin sinh sup tan tanh".split()
)
# languages whose numbers take a decimal comma (CLDR), where `;` separates the items of an interval or tuple
DECIMAL_COMMA = frozenset("bg cs da de el es fi fr hr hu id it lt lv nb nl pl pt ro ru sk sl sr sv tr uk vi".split())


def _better_typeset(mine: tuple[str, ...], theirs: tuple[str, ...], decimal_comma: bool) -> bool:
    """The translated formula is the English one better typeset: operator names as commands, a digit after
    a symbol made a subscript, and (``decimal_comma``) `;` where the English separates items with `,`.
    Both formulas are read without these; the translation must keep every one the English has, so a
    translation that lost the English's typesetting is still reported."""
    plain_mine, marks_mine = _untypeset(mine, decimal_comma)
    plain_theirs, marks_theirs = _untypeset(theirs, decimal_comma)
    return mine != theirs and plain_mine == plain_theirs and marks_theirs <= marks_mine


def _untypeset(key: tuple[str, ...], decimal_comma: bool) -> tuple[tuple[str, ...], set[tuple[str, int]]]:
    out: list[str] = []
    marks: set[tuple[str, int]] = set()
    for index, token in enumerate(key):
        if token.startswith("\\") and token[1:] in OPERATOR_NAMES:
            marks.add(("operator", len(out)))
            out.extend(token[1:])
        elif token == "_" and out and index + 1 < len(key) and len(key[index + 1]) == 1 and key[index + 1].isdigit():
            marks.add(("subscript", len(out)))  # `\\phi_2` for `\\phi2`
        elif token == ";" and decimal_comma:
            marks.add(("separator", len(out)))
            out.append(",")
        else:
            out.append(token)
    return tuple(out), marks


def _plain(tokens) -> str:
    return "".join(t[1:] if t.startswith("\\") and len(t) == 2 else t for t in tokens)


def _report(context, english, span, other):
    text, english_text = context.page.text, english.text
    mine = parity.tex_tokens(text[span.inner_start : span.inner_end])
    theirs = parity.tex_tokens(english_text[other.inner_start : other.inner_end])
    i1, i2, j1, j2 = parity.first_difference([t.text for t in mine], [t.text for t in theirs])
    if i1 < len(mine):
        start = span.inner_start + mine[i1].start
        end = span.inner_start + mine[max(i1, i2 - 1)].end
    else:  # something is missing at the end: point just after the last symbol
        start = end = span.inner_start + (mine[-1].end if mine else 0)
    got = text[start:end] if i2 > i1 else ""
    want = (
        english_text[other.inner_start + theirs[j1].start : other.inner_start + theirs[j2 - 1].end] if j2 > j1 else ""
    )
    if got and want:
        what = f"{parity.code(got, 30)} where the English has {parity.code(want, 30)}"
    elif got:
        what = f"{parity.code(got, 30)}, which the English formula does not have"
    else:
        what = f"no {parity.code(want, 30)} here, which the English formula has"
    kind = "display formula" if span.display else "formula"
    message = (
        f"this {kind} differs from the English one: {what} "
        f"(English: {parity.code(english_text[other.start : other.end], 60)})"
    )
    related = (parity.english_location(context, english, other.start, other.end, "the English formula"),)
    # machine-translation damage (a space after a backslash, full-width brackets) undone gives the English
    # formula: the page shows a broken formula, not a different one
    damaged = parity.repaired_tex_key(text[span.inner_start : span.inner_end]) == other.key
    return parity.report_english(
        context,
        start,
        max(end, start + 1) if got else start,
        message,
        related=related,
        severity=Severity.ERROR if damaged else None,
    )
