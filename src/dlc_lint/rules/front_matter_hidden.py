"""DLC101 front-matter-hidden: something before the opening `---` hides the front matter.

## What it does
Finds a page whose front matter block is preceded by a byte-order mark (BOM)
or by blank lines.

## Why is this bad?
Jekyll only sees front matter when the file's very first bytes are `---`.
Otherwise the block is rendered as page text: the page loses its title, its
`lang` (so it gets the English sidebar) and its `lang-ref` (so the language
switcher cannot find it), and the reader sees `lang-ref: ch.11` at the top.
Editors on Windows often add the invisible BOM.

## Example
```
␤
---
lang: ko
```

## Use instead
```
---
lang: ko
```

## Fix safety
Safe: the BOM and the blank lines are removed; nothing else changes.
"""

from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule


@rule(
    "DLC101",
    "front-matter-hidden",
    "error",
    "A BOM or blank lines before the opening `---` hide the front matter",
    fixable=True,
)
def check(context):
    front = context.page.front_matter
    if not front.present or front.hidden_by is None:
        return
    edits = []
    reasons = []
    if context.source.has_bom:
        edits.append(Edit(-1, -1, ""))
        reasons.append("a byte-order mark (BOM)")
    if front.start > 0:
        edits.append(Edit(0, front.start, ""))
        reasons.append(f"{context.source.text.count(chr(10), 0, front.start)} blank line(s)")
    yield context.report(
        front.start,
        front.start + 3,
        f"the file starts with {' and '.join(reasons)} before `---`, so Jekyll does not see the front "
        "matter and prints it as page text",
        fix=Fix("remove what precedes the opening `---`", tuple(edits)),
    )
