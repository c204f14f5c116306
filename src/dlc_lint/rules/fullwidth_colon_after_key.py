"""DLC106 fullwidth-colon-after-key: a front-matter key is followed by a full-width colon `：`.

## What it does
Finds a front-matter line like `title：동기` where the key is separated from its
value by the full-width colon `：` (U+FF1A) that Chinese, Japanese and Korean
keyboards type.

## Why is this bad?
YAML only knows the ASCII colon `:`. The line is read as plain text, YAML
fails, and Jekyll ignores the whole front matter: no title, no `lang`
(English sidebar), no `lang-ref`.

A full-width colon inside a value (`title: 1장：소개`) is fine and is not
reported.

## Example
```
---
title：동기
---
```

## Use instead
```
---
title: 동기
---
```

## Fix safety
Safe when the key is an ASCII key name: `：` and the spaces after it become
`: `. A key in another script is left alone (DLC115 reports translated keys).
"""

from dlc_lint.analysis.front_matter import keys_readable, plain_key, syntax_problems
from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule


@rule(
    "DLC106",
    "fullwidth-colon-after-key",
    "error",
    "A front-matter key is followed by a full-width colon `：`",
    fixable=True,
)
def check(context):
    front = context.page.front_matter
    if not keys_readable(front) or not any(o.kind == "fullwidth-colon" for o in front.odd_lines):
        return
    text = context.page.text
    for problem in syntax_problems(text, front):
        if problem.kind != "fullwidth":
            continue
        fix = None
        if plain_key(problem.key):
            end = problem.end
            while end < len(text) and text[end] in " \t\u3000":
                end += 1
            fix = Fix(f"use `: ` after `{problem.key}`", (Edit(problem.start, end, ": "),))
        yield context.report(problem.start, problem.end, problem.message, fix=fix)
