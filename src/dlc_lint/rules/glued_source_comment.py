"""DLC608 glued-source-comment: an English source comment that kramdown prints on the page.

## What it does
Finds English source comments that kramdown does not keep hidden (the model
is `parse/visibility.py`). kramdown hides a comment only as a block of its
own (`<!--` at the first column, after a blank line or a block that ends by
itself) or inside a paragraph that still goes on at its `-->`. Otherwise it
prints `<!--` (as `<!–`) and the English after it (error):
- a comment on the line right after paragraph text or a list item (no blank
  line) is part of that paragraph, which ends at the first line inside the
  comment that starts a GFM block: a blank line, a list item (`* `, `1. `), a
  heading (`### `), a quote, a fence, a block tag such as `<center>` (a
  closing tag such as `</center>` does not end it);
- a comment right after a closing `$$` (no blank line): kramdown does not read
  the formula as a math block, so the comment is paragraph text, as above;
- a comment indented by one to three spaces, when it is not as deep as the
  text of the list item it follows: kramdown reads it as a paragraph;
- a comment that opens in a heading line and closes on a later line;
- a comment with a `|` right after a table row: kramdown reads it as a row.
A comment that stays hidden but is glued to the text before it is reported
as info, except where that is the page's own layout: in a list (a comment
right after an item's marker, or on the line after a list item: a blank
line there would make the list loose), on an English page (its comments are
the author's asides), a comment after text that the English page has there
too (the author's aside, kept), and a comment mostly in words the English
page does not use (a translator's note, a translated aside). A heading that holds nothing but the comment
(`### <!--The penalty term-->`) as a warning: the page shows an empty heading.
Each shape has a page under `fixtures/renderer/ko/comments/` with the HTML
kramdown gives for it; `tests/render` builds them and the whole corpus with
the real Jekyll and checks every comment against this rule.

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
starts its own line, and an indented comment moves to the first column. That makes the comment the English source of the blocks
after it, which changes how the page pairs with its English page (and what
the parity rules compare), so review the result. Safe: a heading marker in
front of a comment that is alone on its line moves into the comment
(`<!--### The penalty term-->`). A comment after text on the same line is not
moved.
"""

import re

from dlc_lint.analysis import parity
from dlc_lint.analysis.parity.text import mostly_unknown
from dlc_lint.finding import Edit, Fix, Safety, Severity
from dlc_lint.rules import rule

_LIST_MARKER = re.compile(r"[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_HEADING_MARKER = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]*")


_WHY = {
    "glued": "is glued to the text above (no blank line between), so it is part of that paragraph",
    "after-math": (
        "follows the closing `$$` with no blank line between, so kramdown does not read the formula as a "
        "math block and the comment is part of a paragraph"
    ),
    "indented": (
        "is indented by {indent} (not at the first column, and not as deep as a list item's text), so "
        "kramdown reads it as a paragraph, not as a comment"
    ),
    "heading": "opens in a heading line and closes on a later line; the heading ends at its line",
    "table-row": "has a `|` and follows a table row, so kramdown reads it as a row: `<!--` becomes a cell",
}


@rule(
    "DLC608",
    "glued-source-comment",
    "error",
    "An English source comment that kramdown prints on the page (glued to text, indented, after `$$`)",
    fixable=True,
)
def check(context):
    page = context.page
    text = page.text
    asides: frozenset[str] | None = None  # the English page's comments, read on the first glued comment
    english_words: frozenset[str] = frozenset()
    for comment in page.comments:
        if not page.is_source_comment(comment):
            continue
        seen = page.visibility(comment)
        line_start = text.rfind("\n", 0, comment.start) + 1
        own_line = not text[line_start : comment.start].strip()
        if seen.shown and seen.why != "unclosed":  # an unclosed comment is DLC606's
            yield _shown(context, comment, seen, line_start, own_line)
            continue
        if seen.shown or not comment.glued or not context.is_translation:
            continue
        if asides is None:
            asides, english_words = _english_comments(context), parity.english_words(context)
        inner = text[comment.inner_start : comment.inner_end]
        if " ".join(inner.split()) in asides:
            continue  # the English page has this comment too: the author's aside, kept
        if english_words and mostly_unknown(inner, english_words):
            continue  # not the English page's text: a translated aside or a note, not a source comment
        if own_line:
            previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
            previous = text[previous_start : max(previous_start, line_start - 1)]
            if not previous.strip() or previous.strip().startswith(("```", "~~~", "$$", "-->", "|")):
                continue  # after a blank line, a fence, math or a table: not glued
            if previous.lstrip().startswith("<") and previous.rstrip().endswith(">"):
                continue  # after an HTML line
            if _LIST_MARKER.match(previous):
                continue  # item by item in a list: a blank line would make the list loose
        fix = (
            Fix("insert a blank line before the comment", (Edit(line_start, line_start, "\n"),), Safety.UNSAFE)
            if own_line
            else None
        )
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
            continue  # `* <!-- English --> translation`: paired item by item, hidden
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


def _shown(context, comment, seen, line_start: int, own_line: bool):
    """The finding for a comment that kramdown prints: why, where the paragraph ends, and the way out."""
    page = context.page
    text = page.text
    indent = len(text[line_start : comment.start])
    why = _WHY[seen.why].format(indent=f"{indent} space" + ("s" if indent != 1 else ""))
    cut = ""
    if seen.cut_line >= 0:
        cut_text = page.source.text.split("\n")[seen.cut_line].strip()
        shown_line = seen.cut_line + 1
        cut = (
            f"; the paragraph ends at line {shown_line} (`{cut_text[:30]}`)"
            if cut_text
            else f"; the paragraph ends at the blank line {shown_line}"
        )
    if seen.why == "indented":
        way_out = "start `<!--` at the first column after a blank line"
        fix = Fix(
            "start the comment at the first column",
            (Edit(line_start, comment.start, ""),),
            Safety.UNSAFE,
        )
    elif own_line:
        way_out = "put a blank line before `<!--`"
        fix = Fix("insert a blank line before the comment", (Edit(line_start, line_start, "\n"),), Safety.UNSAFE)
    else:
        way_out = "move the comment to its own line, after a blank line"
        fix = None
    return context.report(
        comment.start,
        comment.start + 4,
        f"this English comment {why}{cut}: the page shows `<!–` and the English after it; {way_out}",
        fix=fix,
    )


def _english_comments(context) -> frozenset[str]:
    """The comments of the English page, spaces collapsed: a translation that has one keeps the author's aside."""
    english = parity.english_for(context)
    if english is None:
        return frozenset()
    return frozenset(" ".join(english.text[c.inner_start : c.inner_end].split()) for c in english.comments)


def _text_above(text: str, line_start: int) -> bool:
    """Whether the line above ``line_start`` holds text: the heading then needs a blank line to stay a block."""
    if line_start == 0:
        return False
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    return bool(text[previous_start : line_start - 1].strip())
