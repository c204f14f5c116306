"""DLC608 glued-source-comment: an English source comment glued to the end of the paragraph before it.

## What it does
Finds English source comments that start on the line right after a
paragraph's text (no blank line between) or after text on the same line.
kramdown does not end a paragraph at `<!--`, so the comment becomes part of
the paragraph:
- if the comment contains a blank line, the paragraph ends inside it: `<!--`
  is printed as text and **the English after the blank line is rendered on the
  page** (error);
- a heading that holds nothing but the comment (`### <!--The penalty
  term-->`) is shown as an empty heading (warning);
- otherwise it stays hidden but breaks the convention of one comment above
  each translated block (info). The message says where the comment sits: after
  text, or inside a list item or a heading.

## Why is this bad?
English text leaks onto the translated page, headed by a visible `<!–`.

## Example
```
번역된 문단의 마지막 문장이다.
<!--
## Lecture part A
-->
```

## Use instead
```
번역된 문단의 마지막 문장이다.

<!--
## Lecture part A
-->
```

## Fix safety
Unsafe (`--unsafe-fixes`): a blank line is inserted before a comment that
starts its own line. That makes the comment the English source of the blocks
after it, which changes how the page pairs with its English page (and what
the parity rules compare), so review the result. Safe: a heading marker in
front of a comment that is alone on its line moves into the comment
(`<!--### The penalty term-->`). A comment after text on the same line is not
moved.
"""

import re

from dlc_lint.finding import Edit, Fix, Safety, Severity
from dlc_lint.rules import rule

_LIST_MARKER = re.compile(r"[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_HEADING_MARKER = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]*")


@rule(
    "DLC608",
    "glued-source-comment",
    "error",
    "An English source comment glued to the end of the paragraph before it",
    fixable=True,
)
def check(context):
    page = context.page
    text = page.text
    for comment in page.comments:
        if not comment.glued or not page.is_source_comment(comment):
            continue
        line_start = text.rfind("\n", 0, comment.start) + 1
        own_line = not text[line_start : comment.start].strip()
        if own_line:
            previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
            previous = text[previous_start : max(previous_start, line_start - 1)]
            if not previous.strip() or previous.strip().startswith(("```", "~~~", "$$", "-->", "|")):
                continue  # after a blank line, a fence, math or a table: not glued
            if previous.lstrip().startswith("<") and previous.rstrip().endswith(">"):
                continue  # after an HTML line
        fix = (
            Fix("insert a blank line before the comment", (Edit(line_start, line_start, "\n"),), Safety.UNSAFE)
            if own_line
            else None
        )
        if comment.spans_blank_line:
            yield context.report(
                comment.start,
                comment.start + 4,
                "this English comment is glued to the paragraph above (no blank line between) and contains a "
                "blank line: kramdown ends the paragraph inside it, prints `<!--` and shows the English after "
                "the blank line on the page; put a blank line before `<!--`",
                fix=fix,
            )
            continue
        prefix = text[line_start : comment.start]
        heading = _HEADING_MARKER.fullmatch(prefix)
        if heading:
            line_end = text.find("\n", comment.end)
            rest = text[comment.end : line_end if line_end >= 0 else len(text)]
            if not rest.strip(" \t#"):
                marker = heading.group(1)
                inner = " ".join(text[comment.inner_start : comment.inner_end].split())
                shown = inner if len(inner) <= 40 else inner[:39] + "…"
                quote = "``" if "`" in shown else "`"
                yield context.report(
                    comment.start,
                    comment.start + 4,
                    f"this heading holds only the English comment, so the page shows an empty heading; move "
                    f"`{marker}` into the comment: {quote}<!--{marker} {shown}-->{quote}",
                    fix=Fix(
                        "move the heading marker into the comment",
                        (
                            Edit(line_start, comment.start, "\n" if _text_above(text, line_start) else ""),
                            Edit(comment.start + 4, comment.start + 4, marker + " "),
                        ),
                    ),
                    severity=Severity.WARNING,
                )
                continue
            where = f"inside the heading (after `{prefix.strip()}`)"
        elif _LIST_MARKER.fullmatch(prefix):
            where = f"inside the list item (after `{prefix.strip()}`)"
        elif own_line:
            where = "glued to the text before it (no blank line between)"
        else:
            where = "glued to the text before it on the same line"
        yield context.report(
            comment.start,
            comment.start + 4,
            f"this English comment is {where}; it stays hidden, but put it on its own line after a blank "
            "line, above the block it translates",
            fix=fix,
            severity=Severity.INFO,
        )


def _text_above(text: str, line_start: int) -> bool:
    """Whether the line above ``line_start`` holds text: the heading then needs a blank line to stay a block."""
    if line_start == 0:
        return False
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    return bool(text[previous_start : line_start - 1].strip())
