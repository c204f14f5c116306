"""DLC606 unclosed-comment: a comment `<!--` that is never closed.

## What it does
Finds an HTML comment opener with no `-->` after it.

## Why is this bad?
In Markdown, kramdown finds no `-->` and does not read a comment at all: it
prints `<!--` (as `<!–`) and the English after it as paragraph text, so the
reader sees the source. Inside an HTML block (`<center>`, `<div>`) the
comment is passed on raw and the browser hides everything after it: the
rest of the translation disappears. The message says which.
(Proven by tests/render against the real build: fixtures/renderer/ko/comments/unclosed.md.)

## Example
```
<!-- Both Acceleration and Noise smoothing contribute to high performance.
모멘텀은 ...
```

## Use instead
```
<!-- Both Acceleration and Noise smoothing contribute to high performance. -->
모멘텀은 ...
```
"""

from dlc_lint.rules import rule


@rule("DLC606", "unclosed-comment", "error", "A comment `<!--` that is never closed: shown as text, or hides the page")
def check(context):
    page = context.page
    text = page.text
    for comment in page.comments:
        if comment.closed:
            continue
        if page.comment_shown(comment):
            message = (
                "this comment is never closed with `-->`, so kramdown does not read it as a comment: the page "
                "shows `<!–` and the English after it as text; close it with `-->`"
            )
        else:
            hidden = text.count("\n", comment.start) + 1
            message = (
                f"this comment is never closed with `-->` inside an HTML block: the browser hides the rest of "
                f"the page ({hidden} lines); close it with `-->`"
            )
        yield context.report(comment.start, comment.start + 4, message)
