"""DLC602 unclosed-html-tag: an HTML element that is never closed.

## What it does
Pairs the page's tags the way kramdown does and reports elements left open:
- at the start of a line, a block element (`<center>`, `<div>`, `<figure>`,
  `<p>`) opens raw HTML that runs to its closing tag. Left open, **the rest of
  the page** is not rendered as Markdown (headings, lists, math, links show as
  plain text): an error. The usual causes: an opening tag typed for a closing
  one (`<div align="center">caption <div>`), or the closing tag sitting inside
  an English source comment.
- in a paragraph, an element left open (`<sup>rotation<sup>`) runs to the end
  of the paragraph: a warning. In a table row kramdown reads each cell on
  its own and closes the element at the cell's end: not reported.
Void elements (`<br>`, `<img>`) and `<x/>` need no closing tag. kramdown has
no optional end tags: `<p>` needs `</p>` too.
Proven by tests/render (the corpus built with Jekyll; `fixtures/renderer/ko/structure/`).

## Why is this bad?
Everything after the opening tag is formatted by it (all superscript, all
centred), or the page's Markdown stops being rendered.

## Example
```
히든 레이어<sup>hidden layer<sup>를 사용한다.
```

## Use instead
```
히든 레이어<sup>hidden layer</sup>를 사용한다.
```

## Fix safety
Safe for an opening tag without attributes that repeats, on the same line,
the element it sits in (`<sup>x<sup>`): it becomes the closing tag. Other
cases need a person to decide where the element ends.
"""

from dlc_lint.finding import Edit, Fix, Severity
from dlc_lint.parse.html_balance import reported_issues
from dlc_lint.rules import rule


@rule("DLC602", "unclosed-html-tag", "warning", "An HTML element that is never closed", fixable=True)
def check(context):
    page = context.page
    text = page.text
    table_rows = [(b.start, b.end) for b in page.blocks if b.kind == "table"]
    for issue in reported_issues(page, "unclosed"):
        tag = issue.tag
        if not issue.raw and _in_cell(text, tag.end, table_rows):
            continue  # kramdown parses each table cell on its own and closes the element at the cell's end
        shown = text[tag.start : tag.end]
        name = tag.name
        if issue.raw:
            line_count = text.count("\n", tag.start) + 1
            effect = (
                "kramdown then treats the rest of the page "
                f"({line_count} lines) as raw HTML: its Markdown is not rendered"
            )
            if issue.blocked_by is not None:
                line, column = page.source.position(issue.blocked_by.start)
                closer = text[issue.blocked_by.start : issue.blocked_by.end]
                effect = f"so `{closer}` at {line}:{column} is ignored and " + effect
        else:
            effect = "it runs on to the end of the paragraph"
        fix = None
        if issue.reopened:
            message = (
                f"`{shown[:40]}` opens a second <{name}> inside the first instead of closing it "
                f"(write `</{name}>`); {effect}"
            )
            if not tag.attributes and not tag.self_closing:
                fix = Fix(f"make it the closing tag `</{name}>`", (Edit(tag.start, tag.end, f"</{name}>"),))
        else:
            message = f"`{shown[:40]}` is never closed; {effect}"
        yield context.report(tag.start, tag.end, message, fix=fix, severity=Severity.ERROR if issue.raw else None)


def _in_cell(text: str, offset: int, table_rows) -> bool:
    """Whether ``offset`` is in a table row with a `|` after it on its line (a cell that ends there)."""
    if not any(start <= offset <= end for start, end in table_rows):
        return False
    line_end = text.find("\n", offset)
    return "|" in text[offset : line_end if line_end >= 0 else len(text)]
