"""DLC712 english-paragraph-visible: a paragraph of the English page is shown untranslated.

## What it does
Finds visible paragraphs, list items, quotes, tables and headings of a
translated page that are word for word a block of the English page: the
English source left visible, either instead of a translation or above it
without its `<!-- -->`. Short blocks (fewer than `min-words` words of text
outside formulas, code and addresses) are left alone: names, "Week 1",
formulas, code and images are the same in every language. So are headings
that are names (`## LSTM (Long Short-Term Memory)`: fewer than two words
starting with a small letter), and paragraphs and lists with no English
function word (`the`, `of`, `is`, `we`, ...): a list of names or terms
(`- Laplacian prior`) or a reference (`Spectral graph theory, Fan Chung`)
is kept in English on purpose, while English prose always has some.
(Headings, captions and tables are terse: they are judged by the first
rules only.)

## Why is this bad?
The reader gets English in the middle of the translation, or the same
paragraph twice (English, then translated). The site's convention keeps the
English only inside an HTML comment above its translation.

## Example
```
The maps shown in (Figure 3) indicate the scores of face detectors.
(그림 3)에서 보여지는 그림들은 안면 인식기의 점수를 나타낸다.
```

## Use instead
```
<!-- The maps shown in (Figure 3) indicate the scores of face detectors. -->
(그림 3)에서 보여지는 그림들은 안면 인식기의 점수를 나타낸다.
```

## Options
- `min-words` (default 4): shorter blocks are not reported.
"""

import re
from dataclasses import dataclass

from dlc_lint.analysis import parity
from dlc_lint.options import option
from dlc_lint.parse.render import plain_text
from dlc_lint.rules import rule

_WORD = re.compile(r"[^\W\d_]{2,}")
_PUNCTUATION = "()[]{}.,;:!?\"'*_`“”‘’"
# closed-class English words: every English sentence has some, names, terms and references need none
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with into over under about between through as than and or but nor "
    "is are was were be been being am do does did has have had can could will would shall should may might "
    "must not no it its this that these those there their our your we you they he she his her which who whom "
    "whose what when where why how if then so such only also each both all any some more most very".split()
)


@dataclass(frozen=True)
class Options:
    min_words: int = option(4, "shorter blocks are not reported")


@rule(
    "DLC712",
    "english-paragraph-visible",
    "warning",
    "A paragraph of the English page is shown untranslated",
    options=Options,
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    align = parity.alignment(site, page, english)
    theirs = {u.key: u for u in align.english if u.kind in parity.PROSE_KINDS}
    if not theirs:
        return
    minimum = context.options.min_words
    snaps = {s.key for s in parity.snapshot(site, page)}
    for unit in align.translated:
        other = theirs.get(unit.key)
        if other is None or unit.kind not in parity.PROSE_KINDS:
            continue
        # the words a reader sees: no link targets, tags, code or math
        words = [w for w in plain_text(page.text[unit.start : unit.end]).split() if _WORD.search(w)]
        if len(words) < minimum:
            continue
        if unit.kind == "heading" and sum(w[0].islower() for w in words) < 2:
            continue  # "LSTM (Long Short-Term Memory)": a name, often kept in English on purpose
        if unit.kind in ("paragraph", "list") and not any(
            w.strip(_PUNCTUATION).lower() in _FUNCTION_WORDS for w in words
        ):
            continue  # "- Laplacian prior", "Spectral graph theory, Fan Chung": names and terms, not prose
        what = "heading" if unit.kind == "heading" else "paragraph"
        if unit.key in snaps:
            message = (
                f"this {what} is the English text, left visible: the English is already kept in a "
                f"comment, so translate this copy (or remove it if the translation follows)"
            )
        else:
            message = (
                f"this {what} is the English text, left visible: put it inside `<!-- -->` above its "
                "translation, or translate it"
            )
        end = page.text.find("\n", unit.start, unit.end)
        yield context.report(
            unit.start,
            unit.end if end < 0 else end,
            message,
            related=(parity.english_location(context, english, other.start, other.end, f"the English {what}"),),
        )
