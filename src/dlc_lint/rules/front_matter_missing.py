"""DLC102 front-matter-missing: the page has no front matter, or its opening `---` is missing.

## What it does
Finds a page that does not start with a front matter block (`---`, the keys,
`---`). When the first lines are `key: value` lines closed by `---`, it says
that only the opening `---` is missing.

GitHub READMEs (`README.md`, `README-KO.md`...) have no front matter on
purpose and are skipped (see the option).

## Why is this bad?
Without front matter Jekyll does not build the file as a page of the site:
it has no title, no `lang` and no `lang-ref`, so it is missing from the
sidebar and the language switcher, and links to it are 404s. When only the
opening `---` is missing, the keys are printed at the top of the page as
text.

## Example
```

lang: tr
lang-ref: ch.13
title: Hafta 13
---
```

## Use instead
```
---
lang: tr
lang-ref: ch.13
title: Hafta 13
---
```

## Fix safety
When only the opening `---` is missing, the fix puts it back (and removes the
blank lines before it). It needs review, because it turns text into front
matter: apply it with `--unsafe-fixes`. A page with no front matter at all has
no automatic fix.

## Options
`pages-without-front-matter`: file-name patterns of Markdown files that need
no front matter (default: `README*.md`).
"""

import re
from dataclasses import dataclass

from dlc_lint.analysis.front_matter import readme_like
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.options import option
from dlc_lint.rules import rule

_KEY = re.compile(r"[^\s#:\-][^:\n]*?[ \t]*:(?:[ \t]|$)")
_CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Options:
    pages_without_front_matter: tuple[str, ...] = option(
        ("README*.md",), "file-name patterns of Markdown files that need no front matter"
    )


@rule(
    "DLC102",
    "front-matter-missing",
    "error",
    "The page has no front matter (or no opening `---`)",
    fixable=True,
    options=Options,
)
def check(context):
    page = context.page
    if page.front_matter.present or readme_like(page.path, context.options.pages_without_front_matter):
        return
    text = page.text
    keys = _keys_without_opening(text)
    if keys is not None:
        first, closing = keys
        edits = [Edit(0, first, "---\n")]
        if context.source.has_bom:
            edits.insert(0, Edit(-1, -1, ""))
        line_end = text.find("\n", first)
        yield context.report(
            first,
            len(text) if line_end < 0 else line_end,
            f"the opening `---` of the front matter is missing (the block ends with `---` on line "
            f"{context.source.position(closing)[0]}), so Jekyll does not see the front matter and prints "
            "these keys as text at the top of the page",
            fix=Fix("add the opening `---`", tuple(edits), Safety.UNSAFE),
        )
        return
    line_end = text.find("\n")
    yield context.report(
        0,
        len(text) if line_end < 0 else line_end,
        "the page has no front matter (a `---` block with `lang-ref`, `title`...), so Jekyll does not "
        "build it as a page of the site: it gets no title, no language and no place in the sidebar",
    )


def _keys_without_opening(text: str) -> tuple[int, int] | None:
    """(offset of the first key line, offset of the closing `---`) when only the opening is missing."""
    pos = len(text) - len(text.lstrip(" \t\n"))
    pos = text.rfind("\n", 0, pos) + 1  # start of the first non-blank line
    first = pos
    seen_key = False
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if _CLOSING.fullmatch(line):
            return (first, pos) if seen_key else None
        if _KEY.match(line):
            seen_key = True
        elif not (line.startswith((" ", "\t", "- ", "#")) and seen_key):
            return None
        pos = end + 1
    return None
