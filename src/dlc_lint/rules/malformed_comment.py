"""DLC605 malformed-comment: a comment opener or closer that HTML does not recognise (`<!-le`, `<!—`, `<--!`, `--!>`).

## What it does
Finds damaged comment delimiters around the English source text:
- an opener that is not `<!--`: `<!-le`, `<!—` (an em dash typed by an
  editor or a translation tool), `<! --`, `<!##`, and `<--`/`<--!` at the start
  of a line;
- a comment that contains `--!>`: kramdown keeps looking for `-->`, but
  browsers end the comment at `--!>`, so the text after it is shown.

## Why is this bad?
The English source text that should be hidden is shown on the page, with the
broken opener in front of it.

## Example
```
<!—## Structured Prediction -->
```

## Use instead
```
<!-- ## Structured Prediction -->
```

## Fix safety
Safe for an opener when a closer follows it in the same paragraph: the
opener is replaced by `<!--`, and a closer damaged the same way (`->`,
`- ->`, `-- >`) by `-->`. With no closer before the next blank line, no fix
is offered: `<!--` alone would hide the rest of the page. `--!>` is replaced
by `-->` (safe). When the opener follows text on its own line or the line
before, the repaired comment is glued to that paragraph (see DLC608), so the
fix needs review (`--unsafe-fixes`).
"""

import re

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule

_BAD_OPENER = re.compile(r"<!(?!--)(?:[ \t]*[-\u2010-\u2015\u2212]+|#)")
_ARROW_OPENER = re.compile(r"^[ \t]*(?P<arrow><--!?)(?=[ \t#])", re.M)
# A closer damaged like the openers: `->`, `- ->`, `-- >`, `—>` (not `-->`, and not the `->` of `-->`).
_BAD_CLOSER = re.compile(r"(?<![-\u2010-\u2015\u2212<])(?:-[ \t]*-[ \t]+|-[ \t]+-|[\u2010-\u2015\u2212]|-)>")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _bad_openers(text):
    """The damaged openers of both kinds, in page order.

    Two scans: a pattern with a ``^`` alternative is tried at every character, one starting with ``<!``
    is not; the rare ``<--`` is looked for only where the page has one. Neither kind can overlap the
    other, so these are the matches of the two patterns combined.
    """
    found = list(_BAD_OPENER.finditer(text))
    if "<--" in text:
        found.extend(_ARROW_OPENER.finditer(text))
        found.sort(key=lambda match: match.start())
    return found


def _closer(text, start):
    """``(found, damaged)``: the `-->` or damaged closer after ``start``, up to the next blank line."""
    blank = _BLANK_LINE.search(text, start)
    end = blank.start() if blank else len(text)
    if text.find("-->", start, end) >= 0:
        return True, None
    damaged = _BAD_CLOSER.search(text, start, end)
    return damaged is not None, damaged


@rule(
    "DLC605",
    "malformed-comment",
    "error",
    "A comment opener or closer that HTML does not recognise (`<!-le`, `<!—`, `<--!`, `--!>`)",
    fixable=True,
)
def check(context):
    page = context.page
    text = page.content_text
    for match in _bad_openers(text):
        start = match.start("arrow") if match.re is _ARROW_OPENER else match.start()
        end = match.end()
        shown = page.text[start:end]
        found, damaged = _closer(text, end)
        message = f"`{shown}` is not a comment opener (`<!--`), so the English text after it is shown on the page; "
        if damaged is not None:
            line, column = page.source.position(damaged.start())
            message += f"write `<!--`, and `-->` for the damaged closer `{damaged.group()}` at {line}:{column}"
            fix = Fix("write `<!--` and `-->`", (Edit(start, end, "<!--"), Edit(damaged.start(), damaged.end(), "-->")))
        elif found:
            message += "write `<!--`"
            fix = Fix("write `<!--`", (Edit(start, end, "<!--"),))
        else:
            message += (
                "write `<!--`, and close the comment with `-->` where the English ends (no `-->` follows it "
                "in this paragraph)"
            )
            fix = None
        if fix is not None and _after_text(page.text, start):
            fix = Fix(fix.title, fix.edits, Safety.UNSAFE)
        yield context.report(start, end, message, fix=fix)
    for comment in page.comments:
        position = page.text.find("--!>", comment.inner_start, comment.inner_end)
        if position >= 0:
            yield context.report(
                position,
                position + 4,
                "`--!>` ends the comment in browsers but not in kramdown: the text up to the next `-->` is "
                "shown on the page as it is written; write `-->`",
                fix=Fix("write `-->`", (Edit(position, position + 4, "-->"),)),
            )


def _after_text(text: str, position: int) -> bool:
    """Text before ``position`` on its line or on the line before it."""
    line_start = text.rfind("\n", 0, position) + 1
    if text[line_start:position].strip():
        return True
    previous = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    return line_start > 0 and bool(text[previous : line_start - 1].strip())
