"""DLC615 heading-without-space: a `#` heading with no space after the hashes, printed as text.

## What it does
Finds a line that starts with one to six `#` followed at once by text
(`##大型多语言MT`, `###スパースコーディング`, `##[Title](https://...)`), or by
an ideographic space (U+3000, `####　一般画像`), where the page means a
heading: the line starts a block of its own (the block parser reads it as
a heading) and is not in code, math, a comment or an HTML block.

## Why is this bad?
kramdown, with the GFM input GitHub Pages uses, makes a heading only when
a space or a tab follows the hashes. Without one the reader sees the line as
a paragraph, hashes included (`<p>##大型多语言MT</p>`): the section has no
heading, no anchor and no entry in the page's outline. Writers of Chinese
and Japanese often leave the space out because their scripts have none, or
type the full-width space U+3000, which is not a space to kramdown.

## Example
```
##大型多语言MT
```

## Use instead
```
## 大型多语言MT
```

## Fix safety
Safe: the fix inserts one space after the hashes (or replaces the
ideographic space with one), which is exactly what kramdown needs.
"""

from __future__ import annotations

import re

from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule

_GLUED = re.compile(r"( {0,3})(#{1,6})(\u3000+|(?=[^#\s]))")


@rule(
    "DLC615",
    "heading-without-space",
    "error",
    "A `#` heading with no space after the hashes: kramdown prints it as text",
    fixable=True,
)
def check(context):
    page = context.page
    text = page.text  # heading blocks are never in code or comments; code spans count (###`word2vec`)
    for block in page.blocks:
        if block.kind != "heading":
            continue
        match = _GLUED.match(text, block.start)
        if match is None or match.end() > block.end:
            continue
        line_end = text.find("\n", block.start, block.end)
        line = text[block.start : block.end if line_end < 0 else line_end].strip()
        hashes, wide = match.group(2), match.group(3)
        start = block.start + len(match.group(1))
        if wide:
            fix = Fix("replace the ideographic space with a space", (Edit(match.start(3), match.end(3), " "),))
            why = "an ideographic space (U+3000) follows the hashes, and kramdown needs a space or a tab"
        else:
            fix = Fix(f"insert a space after `{hashes}`", (Edit(match.end(2), match.end(2), " "),))
            why = "no space follows the hashes, and kramdown needs one"
        shown = line if len(line) <= 40 else line[:39] + "…"
        yield context.report(
            start,
            match.end(2),
            f"`{shown}` is not a heading on the built page: {why}, so the reader sees the line as text, "
            f"hashes included; write `{hashes} ` before the title",
            fix=fix,
        )
