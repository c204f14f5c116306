"""DLC712 english-paragraph-visible: a paragraph of the English page is shown untranslated.

## What it does
Finds visible paragraphs, list items, quotes, tables and headings of a
translated page that are word for word a block of the English page: the
English source left visible, either instead of a translation or above it
without its `<!-- -->`. Short blocks (fewer than `min-words` words of text
outside formulas, code and addresses) are left alone: names, "Week 1",
formulas, code and images are the same in every language. So are headings
that are names (`## LSTM (Long Short-Term Memory)`: fewer than two words
starting with a small letter).

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
