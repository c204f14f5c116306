"""DLC710 pipe-in-math-table-line: a `|` inside a formula makes kramdown read the line as a table row.

## What it does
kramdown starts a table at a block (a paragraph, a list item, a quote) whose
every line holds a `|` that is not escaped and not inside `code`, and it
does not know about `$...$` formulas: a `|` inside one splits the line into
cells like any other. This finds, in every page (English ones too), the
formulas holding `|` on such table-like lines: the first of them in each
block is reported.

## Why is this bad?
The paragraph or list item is published as a table, and the formula is cut
into pieces that no longer render: `$p(y|x)$ is the likelihood` becomes a
two-cell table holding `$p(y` and `x)$ is the likelihood`.

## Example
```
- $\\vert x|$ is the absolute value
```

## Use instead
```
- $\\vert x \\vert$ is the absolute value
```
(`\\mid` for a conditional bar, `\\Vert` for a norm.)
"""

import re

from dlc_lint.analysis import parity
from dlc_lint.parse import inline
from dlc_lint.rules import rule

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
_PIPE = re.compile(r"(?<!\\)\|")


@rule(
    "DLC710", "pipe-in-math-table-line", "error", "A `|` inside a formula makes kramdown read the line as a table row"
)
def check(context):
    page = context.page
    text = page.content_text
    if "|" not in text or "$" not in text:
        return
    math = parity.page_math(context.site, page)
    if not math:
        return
    for block in page.blocks:
        if block.kind not in ("paragraph", "list", "blockquote", "table"):
            continue
        segment = text[block.start : block.end]
        if "|" not in segment or "$" not in segment:
            continue
        spans = [m for m in math if block.start <= m.start < block.end]
        if not spans:
            continue
        for lines in _kramdown_blocks(text, block):
            finding = _check_lines(context, text, lines, spans)
            if finding is not None:
                yield finding
                break


def _kramdown_blocks(text, block):
    """The blocks kramdown parses inside ``block``: lists of ``(start, end)`` content lines."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = block.start
    for line in text[block.start : block.end].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            if current:
                groups.append(current)
            current = []
            continue
        if block.kind == "list":
            item = _LIST_ITEM.match(line)
            if item:
                if current:
                    groups.append(current)
                current = [(start + item.end(), end)]
                continue
        elif block.kind == "blockquote":
            quote = _QUOTE.match(line)
            if quote:
                start += quote.end()
                if not text[start:end].strip():
                    if current:
                        groups.append(current)
                    current = []
                    continue
        current.append((start, end))
    if current:
        groups.append(current)
    return groups


def _check_lines(context, text, lines, spans):
    code = [(a + lines[0][0], b + lines[0][0]) for a, b in inline.code_spans(text[lines[0][0] : lines[-1][1]])]
    pipes_per_line = []
    for start, end in lines:
        pipes = [m.start() for m in _PIPE.finditer(text, start, end) if not any(a <= m.start() < b for a, b in code)]
        if not pipes:
            return None  # a line without a pipe: not a table
        pipes_per_line.append(pipes)
    for pipes in pipes_per_line:
        for pipe in pipes:
            span = next((m for m in spans if m.inner_start <= pipe < m.inner_end), None)
            if span is None:
                continue
            formula = text[span.start : span.end]
            table = all(text[s:e].lstrip().startswith("|") for s, e in lines)
            why = (
                "this table row"
                if table
                else f"{'this line' if len(lines) == 1 else 'every line of this block'} holds a `|`, so kramdown "
                "publishes it as a table, and"
            )
            return context.report(
                pipe,
                pipe + 1,
                f"{why} the `|` inside {parity.code(formula, 50)} splits the formula into table cells; write "
                "`\\vert` (or `\\mid`, `\\Vert`) instead of `|` inside formulas",
            )
    return None
