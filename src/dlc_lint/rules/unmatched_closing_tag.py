"""DLC603 unmatched-closing-tag: a closing tag that closes nothing and is shown as text.

## What it does
Finds closing tags (`</center>`, `</sup>`) that do not close the innermost
open element where they stand, as kramdown pairs tags: there is no such
element open, or its opening tag is inside an English source comment.

## Why is this bad?
kramdown prints the tag as text: the reader sees `</center>` on the page
(error: the page shows markup).

## Example
```
<!-- <center> <img src="..."/> -->
<img src="..."/>
</center>
```

## Use instead
```
<!-- <center> <img src="..."/> </center> -->
<center>
<img src="..."/>
</center>
```
"""

from dlc_lint.parse.html_balance import reported_issues
from dlc_lint.rules import rule


@rule("DLC603", "unmatched-closing-tag", "error", "A closing tag that closes nothing and is shown as text")
def check(context):
    page = context.page
    text = page.text
    for issue in reported_issues(page, "stray"):
        tag = issue.tag
        shown = text[tag.start : tag.end]
        hint = ""
        opener = f"<{tag.name.lower()}"
        for comment in page.comments:
            if comment.end <= tag.start and opener in text[comment.inner_start : comment.inner_end].lower():
                if text.count("\n", comment.end, tag.start) <= 3:
                    line, column = page.source.position(comment.start)
                    hint = f" (its opening tag is inside the comment at {line}:{column})"
        yield context.report(
            tag.start,
            tag.end,
            f"`{shown}` closes no open <{tag.name}>{hint}, so it is shown on the page as text",
        )
