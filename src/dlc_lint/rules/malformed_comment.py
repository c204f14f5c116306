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
Safe for an opener: it is replaced by `<!--` (and `--!>` by `-->`).
"""

import re

from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule

_BAD_OPENER = re.compile(r"<!(?!--)(?:[ \t]*[-\u2010-\u2015\u2212]+|#)|^[ \t]*(?P<arrow><--!?)(?=[ \t#])", re.M)


@rule("DLC605", "malformed-comment", "error",
      "A comment opener or closer that HTML does not recognise (`<!-le`, `<!—`, `<--!`, `--!>`)", fixable=True)
def check(context):
    page = context.page
    text = page.content_text
    for match in _BAD_OPENER.finditer(text):
        start = match.start("arrow") if match.group("arrow") else match.start()
        end = match.end()
        shown = page.text[start:end]
        yield context.report(
            start, end,
            f"`{shown}` is not a comment opener (`<!--`), so the English text after it is shown on the page; "
            "write `<!--`",
            fix=Fix("write `<!--`", (Edit(start, end, "<!--"),)),
        )
    for comment in page.comments:
        position = page.text.find("--!>", comment.inner_start, comment.inner_end)
        if position >= 0:
            yield context.report(
                position, position + 4,
                "`--!>` ends the comment in browsers but not in kramdown: the text up to the next `-->` is "
                "shown on the page as it is written; write `-->`",
                fix=Fix("write `-->`", (Edit(position, position + 4, "-->"),)),
            )
