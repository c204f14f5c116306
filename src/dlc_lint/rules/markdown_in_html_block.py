"""DLC610 markdown-in-html-block: Markdown inside a block HTML element, which kramdown prints as typed.

## What it does
Finds Markdown syntax (a `#` heading, `**bold**`, a `[link](target)` or
image, a list item) inside a block-level HTML element such as
`<div dir="rtl">`, `<section>`, `<p>` or `<details>` that has no `markdown`
attribute. The element starts a line (after at most three spaces) and runs
to its closing tag, blank lines included.

## Why is this bad?
With GitHub Pages' settings kramdown does not parse the content of a block
HTML element: it copies it to the page as raw HTML. The reader sees
`## Title`, `**word**` and `[text](page.md)` as typed, with no heading,
no bold, no link. A blank line after the opening tag changes nothing, and
a `markdown="1"` on an outer element does not reach an element nested in it.
Writers of right-to-left languages wrap the whole page in `<div dir="rtl">`
and lose all of its formatting. The rule is off when the site's
`_config.yml` sets `kramdown: parse_block_html: true`.

## Example
```
<div dir="rtl">
## مقدمة
</div>
```

## Use instead
```
<div dir="rtl" markdown="1">
## مقدمة
</div>
```

## Fix safety
The fix adds `markdown="1"` to the opening tag, and is offered only where
that is what kramdown needs: an element kramdown then reads as blocks
(`div`, `section`, `details`, ...), its opening tag alone on its line and its
closing tag at the start of one. tests/render builds both versions.
"""

from __future__ import annotations

import re

from dlc_lint.finding import Edit, Fix
from dlc_lint.parse import inline
from dlc_lint.parse.html_blocks import BLOCK_MODEL, SPAN_MODEL, parses_block_html, raw_elements, starts_line
from dlc_lint.rules import rule

_SYNTAX = (
    ("a heading", re.compile(r"(?m)^[ \t]*(#{1,6})[ \t]+\S")),
    ("bold text", re.compile(r"(?<![*\\])\*\*(?=\S)[^*\n]+?(?<=\S)\*\*(?!\*)")),
    ("an image", re.compile(r"!\[[^\]\n]*\]\([^)\s]+[^)\n]*\)")),
    ("a link", re.compile(r"(?<!!)\[[^\]\n]+\]\([^)\s]+[^)\n]*\)")),
    ("a list item", re.compile(r"(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")),
)


@rule(
    "DLC610",
    "markdown-in-html-block",
    "error",
    'Markdown inside a block HTML element (`<div dir="rtl">`) without `markdown="1"`: shown as typed',
    fixable=True,
)
def check(context):
    if parses_block_html(context.site):
        return
    page = context.page
    text = page.text
    masked = inline.mask(page.content_text, page.math_ranges) if page.math_ranges else page.content_text
    tags = page.tags
    for element, close, inner in raw_elements(text, tags):
        content = _direct_content(masked, element, close, inner)
        found = _first_syntax(content, element.end, close.start if close else len(text))
        if found is None:
            continue
        what, start, end = found
        opening = text[element.start : element.end]
        shown = opening if len(opening) <= 40 else opening[:39] + "…"
        typed = text[start:end] if end - start <= 30 else text[start : start + 29] + "…"
        line = page.source.position(element.start)[0]
        fix = _fix(text, element, close)
        yield context.report(
            start,
            end,
            f"kramdown does not read Markdown inside `{shown}` (line {line}), so the reader sees {what} as typed, "
            f"`{typed}`, and any other Markdown in this element too; {_advice(element, fix)}",
            fix=fix,
        )


def _advice(element, fix) -> str:
    name = element.name.lower()
    if fix is not None:
        return 'add `markdown="1"` to the opening tag'
    if name in BLOCK_MODEL:
        return 'add `markdown="1"` to the opening tag and put the opening and closing tags on lines of their own'
    if name in SPAN_MODEL:
        return f'with `markdown="1"` kramdown reads bold and links inside `<{name}>` but never headings or lists'
    return f"kramdown never reads Markdown inside `<{name}>`: write the HTML (`<strong>`, `<a href=...>`) instead"


def _direct_content(masked: str, element, close, inner) -> str:
    """The element's content with nested block elements blanked (each is checked as its own element)."""
    end = close.start if close is not None else len(masked)
    segment = " " * element.end + masked[element.end : end]
    ranges = []
    skip_until = -1
    for tag in inner:
        if tag.start < skip_until:
            continue
        close_at = _find_close(masked, tag, end)
        ranges.append((tag.start, close_at))
        skip_until = close_at
    return inline.mask(segment, ranges)


def _find_close(masked: str, tag, end: int) -> int:
    name = re.escape(tag.name)
    depth = 0
    for match in re.finditer(rf"<(/?){name}\b[^>]*>", masked[tag.end : end], re.I):
        if match.group(1):
            if depth == 0:
                return tag.end + match.end()
            depth -= 1
        elif not match.group(0).endswith("/>"):
            depth += 1
    return end


def _first_syntax(content: str, start: int, end: int):
    best = None
    for what, pattern in _SYNTAX:
        match = pattern.search(content, start, end)
        if match is None:
            continue
        begin, stop = match.start(), match.end()
        if what in ("a heading", "a list item"):
            begin += len(match.group()) - len(match.group().lstrip())
            line_end = content.find("\n", begin, end)
            stop = end if line_end < 0 else line_end
        if best is None or begin < best[1]:
            best = (what, begin, stop)
    return best


def _fix(text: str, element, close) -> Fix | None:
    """`markdown="1"` where kramdown then reads the content as blocks and finds the closing tag."""
    if element.name.lower() not in BLOCK_MODEL or close is None:
        return None
    line_end = text.find("\n", element.end)
    if line_end < 0 or text[element.end : line_end].strip():
        return None  # content on the tag's line
    if not starts_line(text, close.start):
        return None  # kramdown finds a closing tag only at the start of a line
    if element.attribute("markdown") is not None:
        return None
    insert = element.end - 1 - (1 if text[element.end - 2] == "/" else 0)
    while insert > element.start and text[insert - 1] in " \t\n":
        insert -= 1
    return Fix('add `markdown="1"` to the opening tag', (Edit(insert, insert, ' markdown="1"'),))
