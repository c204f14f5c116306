"""DLC721 english-paragraph-added: the English page has a paragraph the translation has never seen.

## What it does
On a translated page that keeps the English in comments, finds paragraphs,
headings, lists and tables of the current English page that are in none of
the page's comments and have no counterpart in the translation: added to the
English page after the translation was made (or skipped by the translator).
The finding sits where the paragraph belongs, with the English paragraph as
related location. A figure caption (`**Fig 1:** ...`) that the English page
moved out of its figure is not missing when the translation's block showing
the same image holds a caption: it was translated inside the figure. Nor is
a paragraph that a comment keeps as the English was before a typo fix (eight
words or more, with minor edits: DLC720 does not report such fixes either).

## Why is this bad?
The translation lacks content the English page has: a new explanation, an
answer to a student question, a whole section.

## Example
The English page gained `Fukushima was the first to implement the idea of
multiple layers of simple cells...`; no comment of the translation holds it.

## Use instead
Add the English paragraph in a comment and its translation below it.
"""

from dlc_lint.analysis import parity
from dlc_lint.rules import rule


@rule(
    "DLC721", "english-paragraph-added", "info", "The English page has a paragraph that the translation has never seen"
)
def check(context):
    english, changes = parity.drift_changes(context, "added")
    for change in changes:
        unit = change.english
        what = "heading" if unit.kind == "heading" else "paragraph"
        yield parity.report_english(
            context,
            change.at,
            change.at,
            f"the English page has a {what} here that this translation does not have (added after the "
            f"translation, or skipped): {parity.code(unit.key, 80)}",
            related=(parity.english_location(context, english, unit.start, unit.end, f"the English {what}"),),
        )
