r"""DLC720 english-paragraph-changed: the English page changed a paragraph since it was translated.

## What it does
A translated page keeps every English paragraph in an HTML comment next to
its translation: a snapshot of the English page at translation time. This
compares each kept paragraph with the current English page and reports the
ones whose English changed, with a short word diff (`"variance" →
"standard deviation"`) and the current English paragraph as related
location (its line is in the message).

Cosmetic edits are not reported: they do not change what to translate.
Cosmetic are spelling and typo fixes (two letters off), letter case,
hyphenation, punctuation and spacing (`have$1$dimensional` → `have $1$
dimensional`), emphasis, a grammar word swapped for another (`which` →
`whose`, an article added), `$...$` put around what the text already said
(`one` → `$1$`, `log(N)` → `$\log(N)$`), an ellipsis typed another way
(`...` → `\cdots`), and a paragraph split by the English page: a formula
moved to a line of its own, a figure (`<center><img ...>`) put in a block of
its own, a glued `##Heading` made a heading, one item of a list kept per
comment. So is a formula written with the shorthands the
site's layout defines for MathJax (`$$\gdef \vx {\vect{x}} $$`): `$\mX$` for
`$X$` or `\vx` for `\vect{x}` is the same symbol for the reader, only bold or
coloured (the site's definitions are expanded, font and colour commands
dropped; a shorthand the site does not define is not known). A formula whose
symbols or braces changed is never cosmetic.

A changed formula is a warning (the translation very likely shows the old
one); other changes are information. `dlc-lint status` counts these per
page as drifted paragraphs.

## Why is this bad?
The translation still says what the English said before it was corrected:
a fixed formula, a corrected number, a reworded explanation.

## Example
The comment keeps `...the variance of the weights...`, the English page now
says `...the standard deviation of the weights...`.

## Use instead
Update the comment to the current English, then the translation below it.
"""

from dlc_lint.analysis import parity
from dlc_lint.finding import Severity
from dlc_lint.rules import rule


@rule("DLC720", "english-paragraph-changed", "info", "The English page changed a paragraph since it was translated")
def check(context):
    english, changes = parity.drift_changes(context, "changed")
    for change in changes:
        snap, unit = change.snap, change.english
        what = "a formula of this paragraph" if change.formula else "this paragraph"
        yield parity.report_english(
            context,
            snap.start,
            parity.line_end(context.page.text, snap.start, snap.end),
            f"the English of {what} changed since it was translated: {change.diff}; update the comment and "
            "the translation",
            severity=Severity.WARNING if change.formula else None,
            related=(parity.english_location(context, english, unit.start, unit.end, "the current English"),),
        )
