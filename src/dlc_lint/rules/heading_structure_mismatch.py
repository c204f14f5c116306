"""DLC707 heading-structure-mismatch: the page's headings differ in number or level from the English page.

## What it does
Pairs the headings of a translated page with those of the English page, in
order, and reports each divergence: a heading at another level
(`###` where the English has `##`), an English heading with no counterpart
(a section left out), or a heading the English page does not have (a section
duplicated, or a paragraph turned into a heading). The message gives both
pages' heading counts.

A heading that holds only an HTML comment (`### <!-- English -->`) is not
counted. English headings added after the translation was made (they are in
none of the page's English comments) are reported by DLC721
(english-paragraph-added) instead.

## Why is this bad?
The table of contents, the anchors other pages link to, and the reader's sense
of where they are all come from the headings. A missing heading usually means
a missing section; a level change puts a section under the wrong parent.

## Example
English: `## Gradient descent` then `### Step size`
```
## 경사 하강법
## 스텝 크기
```

## Use instead
```
## 경사 하강법
### 스텝 크기
```
"""

from dlc_lint.analysis import parity
from dlc_lint.rules import rule


@rule(
    "DLC707",
    "heading-structure-mismatch",
    "warning",
    "The page's headings differ in number or level from the English page's",
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    align = parity.alignment(site, page, english)
    mine = [u for u in align.translated if u.kind == "heading"]
    theirs = [u for u in align.english if u.kind == "heading"]
    if not mine and not theirs:
        return
    commented = _commented_english(site, page)
    english_keys = {u.key for u in theirs}
    counts = f"(this page has {len(mine)} heading{'s' if len(mine) != 1 else ''}, the English page {len(theirs)})"
    last_translated = None
    for e, t in align.pairs:
        if t is not None:
            last_translated = t
        if e is not None and e.kind == "heading":
            if t is not None and t.kind == "heading":
                if t.block.level != e.block.level:
                    yield parity.report_english(
                        context,
                        t.start,
                        _marker_end(page.text, t.start),
                        f"this heading is level {t.block.level} ({'#' * t.block.level}) but the English heading "
                        f"{parity.code(e.key, 50)} is level {e.block.level} ({'#' * e.block.level}) {counts}",
                        related=(parity.english_location(context, english, e.start, e.end, "the English heading"),),
                    )
                continue
            if commented is not None and e.key not in commented:
                continue  # added to the English page after the translation: DLC721 reports it
            if t is not None:
                at = t.start
            else:
                following = next(
                    (u for u in align.translated if last_translated is None or u.index > last_translated.index), None
                )
                at = following.start if following is not None else len(page.text.rstrip())
            yield parity.report_english(
                context,
                at,
                at if t is None else _marker_end(page.text, at),
                f"the English heading {parity.code(e.key, 50)} has no counterpart here: is a section missing? {counts}",
                related=(parity.english_location(context, english, e.start, e.end, "the English heading"),),
            )
            continue
        if t is not None and t.kind == "heading" and e is None:
            if _removed_from_english(site, page, align, t):
                continue  # the English page dropped this heading since: DLC722 reports it
            neighbours = align.translated[max(0, t.index - 1) : t.index + 2]
            if any(u.kind == "heading" and u.key in english_keys for u in neighbours):
                continue  # an English heading left visible next to its translation: DLC712 reports it
            near = align.english_near(t, radius=0)
            yield parity.report_english(
                context,
                t.start,
                _marker_end(page.text, t.start),
                f"the English page has no heading here: is this section duplicated, or was a line made a "
                f"heading by mistake? {counts}",
                related=tuple(
                    parity.english_location(context, english, u.start, u.end, "the English block here") for u in near
                ),
            )


def _marker_end(text: str, start: int) -> int:
    """The end of a heading's `#` marks: the finding points at them, not at the (translated) words,
    which other fixes may change."""
    end = start
    while end < len(text) and text[end] in " #":
        end += 1
    return end if end > start else start + 1


def _commented_english(site, page):
    """The English kept in the page's comments, or None when the page keeps none."""
    snaps = parity.snapshot(site, page)
    if not snaps:
        return None
    return {s.key for s in snaps} | {parity.squash(page.text[c.inner_start : c.inner_end]) for c in page.comments}


def _removed_from_english(site, page, align, unit) -> bool:
    """A heading kept in the comment next to ``unit`` that the English page no longer has."""
    english_keys = {u.key for u in align.english}
    for snap in parity.snapshot(site, page):
        if snap.kind == "heading" and snap.t_pos in (unit.index, unit.index + 1) and snap.key not in english_keys:
            return True
    return False
