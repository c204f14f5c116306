"""DLC103 front-matter-unclosed: the front matter has no closing `---`.

## What it does
Finds a page whose opening `---` is never followed by a closing `---` line.

## Why is this bad?
Jekyll only reads front matter between two `---` lines. Without the closing
one, it reads no front matter at all: the page loses its title, `lang` and
`lang-ref` (it is missing from the sidebar and the language switcher), and
the keys are printed as text at the top of the page.

## Example
```
---
lang-ref: ch.01-1
title: 동기

## 강의 계획
```

## Use instead
```
---
lang-ref: ch.01-1
title: 동기
---

## 강의 계획
```

## Fix safety
The fix adds `---` after the last `key: value` line. Where the block was meant
to end is a guess, so the fix needs review: apply it with `--unsafe-fixes`.
"""

import re

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule

_KEY = re.compile(r"[^\s#:\-][^:\n]*?[ \t]*:(?:[ \t]|$)")


@rule("DLC103", "front-matter-unclosed", "error", "The front matter has no closing `---`", fixable=True)
def check(context):
    front = context.page.front_matter
    if not front.present or front.closed:
        return
    text = context.page.text
    fix = None
    close_at = _end_of_keys(text, front.inner_start)
    if close_at is None:
        where = ""
    elif close_at == len(text):
        new = "---\n" if text.endswith("\n") else "\n---\n"
        fix = Fix(
            "close the front matter with `---` at the end of the file", (Edit(close_at, close_at, new),), Safety.UNSAFE
        )
        where = "; it probably ends with the last line of the file"
    else:
        line = context.source.position(close_at)[0]
        fix = Fix(
            f"close the front matter with `---` before line {line}", (Edit(close_at, close_at, "---\n"),), Safety.UNSAFE
        )
        where = f"; it probably ends before line {line}"
    yield context.report(
        front.start,
        front.start + 3,
        "the front matter opened here is never closed with a `---` line, so Jekyll reads no front matter "
        f"at all and prints it as page text{where}",
        fix=fix,
    )


def _end_of_keys(text: str, pos: int) -> int | None:
    """The offset of the first line after the key lines (where `---` belongs), if any key was seen."""
    seen = False
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if _KEY.match(line):
            seen = True
        elif not (seen and line.startswith((" ", "\t", "- ", "# "))):
            return pos if seen else None
        pos = end + 1
    return len(text) if seen else None
