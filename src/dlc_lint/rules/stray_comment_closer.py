"""DLC609 stray-comment-closer: a `-->` that closes no comment is shown on the page.

## What it does
Finds `-->` at the end of a line outside any comment, code or math: a
comment closer whose `<!--` was lost, or a second closer after a comment
that had already ended (`--> -->`).

## Why is this bad?
Browsers and kramdown print it as text, so the page shows a stray `-->`
(error: the page shows markup).
Often the opener was lost too, and the English text before the closer is
visible on the page as well (`### SELU - nn.SELU() -->`).

## Example
```
<!-- The English paragraph. --> -->
```

## Use instead
```
<!-- The English paragraph. -->
```

A `-->` used as an arrow inside a sentence (`x --> y`) is not reported. A
closer that belongs to a malformed opener (`<--!`, `<!-`) is left to DLC605.
"""

import re

from dlc_lint.rules import rule

_STRAY = re.compile(r"-->[ \t]*$", re.M)
_BROKEN_OPENER = re.compile(r"<-{1,2}!|<!-(?!-)|<!\s+-")


@rule("DLC609", "stray-comment-closer", "error", "A `-->` that closes no comment is shown on the page as text")
def check(context):
    page = context.page
    if not page.front_matter.present:
        return  # a README for GitHub, not a page of the site
    text = page.content_text  # comments, code and front matter blanked
    for match in _STRAY.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _BROKEN_OPENER.search(page.text, line_start, match.start()):
            continue
        before = text[line_start : match.start()].strip()
        if before:
            message = (
                "this `-->` closes no comment, so it is shown on the page, and the text before it "
                "on this line is probably English that lost its `<!--`: add the `<!--`, or remove "
                "the `-->`"
            )
        else:
            message = (
                "this `-->` closes no comment (its comment already ended or its `<!--` is missing), "
                "so it is shown on the page as text: remove it"
            )
        yield context.report(match.start(), match.start() + 3, message)
