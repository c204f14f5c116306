"""DLC606 unclosed-comment: a comment `<!--` that is never closed hides the rest of the page.

## What it does
Finds an HTML comment opener with no `-->` after it.

## Why is this bad?
Everything after the opener is inside the comment: the rest of the
translation disappears from the page.

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


@rule("DLC606", "unclosed-comment", "error", "A comment `<!--` that is never closed hides the rest of the page")
def check(context):
    page = context.page
    text = page.text
    for comment in page.comments:
        if comment.closed:
            continue
        hidden = text.count("\n", comment.start) + 1
        yield context.report(
            comment.start,
            comment.start + 4,
            f"this comment is never closed with `-->`: the rest of the page ({hidden} lines) is hidden",
        )
