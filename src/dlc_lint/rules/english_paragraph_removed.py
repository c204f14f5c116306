"""DLC722 english-paragraph-removed: a paragraph kept in a comment is no longer on the English page.

## What it does
On a translated page that keeps the English in comments, finds kept English
paragraphs that the current English page no longer has, not even reworded
or moved, and not inside a longer English block with a typo fixed since: the
English page dropped them after the translation was made. The English
paragraph next to where it stood is the related location.

## Why is this bad?
The translation still shows a paragraph the English authors removed, often
because it was wrong or was merged into another section.

## Example
The comment keeps `## Introduction`; the English page has no such heading
any more.

## Use instead
Remove the comment and its translation, or check the English page's history.
"""

from dlc_lint.analysis import parity
from dlc_lint.rules import rule


@rule("DLC722", "english-paragraph-removed", "info", "A paragraph kept in a comment is no longer on the English page")
def check(context):
    english, changes = parity.drift_changes(context, "removed")
    if not changes:
        return
    align = parity.alignment(context.site, context.page, english)
    snaps = parity.snapshot(context.site, context.page)
    for change in changes:
        snap = change.snap
        # where it stood: before the English block that the next kept, still matching paragraph is
        kept = sorted(align.snap_to_en.items())
        later = [(align.english[e], "after") for s, e in kept if snaps[s].start > snap.start][:1]
        later = later or [(align.english[e], "before") for s, e in kept if snaps[s].start < snap.start][-1:]
        yield parity.report_english(
            context,
            snap.start,
            parity.line_end(context.page.text, snap.start, snap.end),
            f"the English page no longer has this paragraph: {parity.code(snap.key, 60)}; remove it and its "
            f"translation, or check why it was dropped ({context.display(english.path)})",
            related=tuple(
                parity.english_location(context, english, u.start, u.end, f"the English paragraph {side} it")
                for u, side in later
            ),
        )
