"""DLC101 front-matter-hidden: a BOM or blank lines before the opening `---`.

## What it does
Finds a page whose front matter block is preceded by a byte-order mark (BOM)
or by blank lines.

## Why is this bad?
Jekyll only sees front matter when the file's very first bytes are `---`.
What happens otherwise depends on the build (the `renderer` setting):
- **blank lines** before `---`: GitHub Pages (its jekyll-optional-front-matter
  plugin) builds the page without front matter and prints the block as text
  (a horizontal rule, then `lang-ref: ch.11 title: ...`); the page loses its
  title, its `lang` (English sidebar) and its `lang-ref` (the language
  switcher cannot find it). Plain Jekyll does not make a page of the file at
  all: its URL 404s. Error in both builds.
- **a byte-order mark** (BOM, which editors on Windows add unseen): GitHub
  Pages strips it and reads the front matter as usual, so the page works
  there and the reader sees nothing wrong (info: a hint, since any other
  build breaks it). Plain Jekyll does not make a page of the file: its URL
  404s (error with `renderer = "jekyll"`).
Proven by tests/render: `fixtures/renderer/ko/front-matter/` built both ways.

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

from dlc_lint.finding import Edit, Fix, Severity
from dlc_lint.parse.renderer import GITHUB_PAGES, front_matter_read, renderer_of
from dlc_lint.rules import rule


@rule(
    "DLC101",
    "front-matter-hidden",
    "error",
    "A BOM or blank lines before the opening `---`: the front matter is not read, or the page 404s",
    fixable=True,
)
def check(context):
    front = context.page.front_matter
    if not front.present or front.hidden_by is None:
        return
    renderer = renderer_of(context.settings)
    edits = []
    reasons = []
    if context.source.has_bom:
        edits.append(Edit(-1, -1, ""))
        reasons.append("a byte-order mark (BOM)")
    if front.start > 0:
        edits.append(Edit(0, front.start, ""))
        reasons.append(f"{context.source.text.count(chr(10), 0, front.start)} blank line(s)")
    before = f"the file starts with {' and '.join(reasons)} before `---`"
    severity = None
    if renderer == GITHUB_PAGES and front_matter_read(front, renderer):
        message = (
            f"{before}: GitHub Pages strips the BOM and reads the front matter, so the page works there, but plain "
            "Jekyll does not make a page of this file (its URL 404s); remove the BOM"
        )
        severity = Severity.INFO
    elif renderer == GITHUB_PAGES:
        message = (
            f"{before}, so Jekyll does not see the front matter: GitHub Pages builds the page without it and shows "
            "the block as text (a horizontal rule, then `lang-ref: ...`), with no title, `lang` or `lang-ref`"
        )
    else:
        message = f"{before}, so plain Jekyll does not make a page of this file: its URL 404s"
    yield context.report(
        front.start,
        front.start + 3,
        message,
        fix=Fix("remove what precedes the opening `---`", tuple(edits)),
        severity=severity,
    )
