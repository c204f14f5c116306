"""DLC105 missing-space-after-colon: a front-matter line `key:value` has no space after the colon.

## What it does
Finds a front-matter line like `lang:ko` or `translation-date:27 Jan 2020`.

## Why is this bad?
YAML only reads `key: value` (a colon followed by a space) as a key. Without
the space the line is plain text, YAML fails, and Jekyll ignores the whole
front matter: the page has no title, no `lang` (English sidebar) and no
`lang-ref`.

## Example
```
---
lang:ko
---
```

## Use instead
```
---
lang: ko
---
```

## Fix safety
Safe when the key is one this site uses (or a variant of one): a space is
inserted after the colon and nothing else changes. For other keys the line may
be text that does not belong in the front matter, so the fix needs review.
"""

from dlc_lint.analysis.front_matter import keys_readable, known_keys, suggest_key, syntax_problems
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule


@rule(
    "DLC105",
    "missing-space-after-colon",
    "error",
    "A front-matter line `key:value` has no space after the colon",
    fixable=True,
)
def check(context):
    front = context.page.front_matter
    if not keys_readable(front) or not any(o.kind == "no-space-after-colon" for o in front.odd_lines):
        return
    known = known_keys(context)
    for problem in syntax_problems(context.page.text, front):
        if problem.kind != "no-space":
            continue
        safe = problem.key in known or suggest_key(problem.key, known) is not None
        yield context.report(
            problem.start,
            problem.end,
            problem.message,
            fix=Fix(
                f"add a space after `{problem.key}:`",
                (Edit(problem.end, problem.end, " "),),
                Safety.SAFE if safe else Safety.UNSAFE,
            ),
        )
