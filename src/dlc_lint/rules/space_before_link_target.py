"""DLC408 space-before-link-target: `[text] (url)`, a link with a space before its address, is not a link.

## What it does
Finds `[text] (address)` and `![alt] (address)` in rendered prose: a
bracketed text followed by spaces and then a parenthesised address (one
that starts with a scheme such as `https:`, with `/`, `./`, `../`, `#` or
`{{`, or names a page or image file). Brackets whose text is defined as a
reference (`[text]: url` on the page) are left alone.

## Why is this bad?
kramdown makes a link only when the `(` follows the `]` at once. With a
space in between the reader sees the brackets and the address as plain
text: `[Lecture video] (https://www.youtube.com/watch?v=...)`, and nothing
to click. Translators type the space because their language puts one
there, or an editor inserts it.

## Example
```
[동영상] (https://www.youtube.com/watch?v=0KeR6i1_56g&t=3710s)
```

## Use instead
```
[동영상](https://www.youtube.com/watch?v=0KeR6i1_56g&t=3710s)
```

## Fix safety
The fix removes the spaces between `]` and `(`, which makes the link kramdown
reads. It is safe when the address is plain ASCII with no spaces; an address
with other characters may itself have been damaged in translation
(`watch؟v=` with an Arabic question mark), so the fix then needs review
(`--unsafe-fixes`).
"""

from __future__ import annotations

import re

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.parse import inline
from dlc_lint.rules import rule

_SPACED = re.compile(r"(!?)\[([^\[\]\n]+)\]([ \t]+)\(([^()\s]+)\)")
_ADDRESS = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|\./|\.\./|#|\{\{)|\.(?:md|html?|png|jpe?g|gif|svg|pdf)$", re.I)
_PLAIN = re.compile(r"^[!-~]+$")  # printable ASCII, no spaces
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:", re.M)


@rule(
    "DLC408",
    "space-before-link-target",
    "error",
    "`[text] (url)`: a space between `]` and `(` makes the link plain text",
    fixable=True,
)
def check(context):
    page = context.page
    text = page.content_text
    if "] " not in text and "]\t" not in text:
        return
    if page.math_ranges:
        text = inline.mask(text, page.math_ranges)
    defined = {m.group(1).strip().lower() for m in _DEFINITION.finditer(text)}
    for match in _SPACED.finditer(text):
        bang, label, spaces, target = match.groups()
        if not _ADDRESS.search(target) or label.strip().lower() in defined:
            continue
        if match.start() > 0 and text[match.start() - 1] in "]\\":
            continue  # [a][b] (c), or an escaped bracket
        what = "an image" if bang else "a link"
        written = page.text[match.start() : match.end()]
        shown = written if len(written) <= 60 else written[:59] + "…"
        yield context.report(
            match.start(),
            match.end(),
            f"`{shown}` is not {what}: kramdown needs `(` right after `]`, so the "
            f"reader sees the brackets and the address as text; remove the space",
            fix=Fix(
                "remove the space before `(`",
                (Edit(match.start(3), match.end(3), ""),),
                Safety.SAFE if _PLAIN.match(target) else Safety.UNSAFE,
            ),
        )
