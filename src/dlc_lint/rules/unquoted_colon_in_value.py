"""DLC107 unquoted-colon-in-value: a front-matter value contains `: ` and is not quoted.

## What it does
Finds a value such as `title: 자기 지도 학습: Pretext Tasks` where a colon
followed by a space appears inside an unquoted value.

## Why is this bad?
YAML reads `: ` as the start of another key, fails ("mapping values are not
allowed here"), and Jekyll ignores the whole front matter: no title, no
`lang` (English sidebar), no `lang-ref`. Titles copied from the English page
often contain such a colon.

## Example
```
---
title: 자기 지도 학습: Pretext Tasks
---
```

## Use instead
```
---
title: '자기 지도 학습: Pretext Tasks'
---
```

## Fix safety
Safe: the value is put in quotes (single quotes, or double quotes when the
value contains an apostrophe), so it reads back exactly as written. No fix is
offered when the value holds ` #`, because YAML reads that part as a comment
today and quoting would change the value.
"""

from dlc_lint.analysis.front_matter import keys_readable, quote_yaml, syntax_problems
from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule


@rule(
    "DLC107", "unquoted-colon-in-value", "error", "A front-matter value contains `: ` and is not quoted", fixable=True
)
def check(context):
    front = context.page.front_matter
    if not keys_readable(front) or front.problem is None:
        return
    for problem in syntax_problems(context.page.text, front):
        if problem.kind != "colon-in-value":
            continue
        entry = problem.entry
        fix = None
        if " #" not in entry.raw_value and "\t#" not in entry.raw_value:
            fix = Fix(
                f"put the value of `{entry.key}` in quotes",
                (Edit(entry.value_start, entry.value_end, quote_yaml(entry.raw_value)),),
            )
        yield context.report(problem.start, problem.end, problem.message, fix=fix)
