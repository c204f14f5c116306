"""DLC506 config-syntax-error: `_config.yml` is not valid YAML.

## What it does
Reports where `_config.yml` stops being valid YAML, with the likely reason
in plain words: a list item indented one space off, an item nested under
`- path:` without a `sections:` key, `-path:` without its space, a tab used
for indentation, an invisible character at the start of a line. Each
top-level section (`ko:`, `es:` ...) is then read on its own, so the error
of every broken section is reported and the other languages' outlines are
still checked. It is reported whatever part of the site is linted.

Also reported here: a `_config.yml` that is a list or a single value instead
of `key: value` settings (Jekyll says `Configuration file: (INVALID)` and
builds with its defaults), and aliases that stand for more than 100 000
values or that point into their own anchor (an "alias bomb"): dlc-lint stops
reading the file there instead of hanging.

## Why is this bad?
Jekyll cannot read the file: the site is not built, so one bad line in one
language's section breaks the sidebar (and every page) of every language.

## Example
```
      sections:
        - path: ko/week01/01-1.md
         - path: ko/week01/01-2.md
```

## Use instead
```
      sections:
        - path: ko/week01/01-1.md
        - path: ko/week01/01-2.md
```

## Fix safety
Safe for `-path:` (the space is added) and for an invisible character at
the start of a line (it is deleted). Other errors need a person. The fix is
kept only if the file parses afterwards or did not parse before.
"""

from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule
from dlc_lint.site.outline_problems import problem_in_scope


@rule(
    "DLC506",
    "config-syntax-error",
    "error",
    "`_config.yml` is not valid YAML, so the site is not built",
    scope="config",
    fixable=True,
)
def check(context):
    outline = context.site.outline
    for problem in outline.problems:
        if problem.kind != "syntax" or not problem_in_scope(context, problem):
            continue
        fix = None
        if problem.fix is not None:
            start, end, new = problem.fix
            title = "add the space after `-`" if new == " " else "delete the invisible character"
            fix = Fix(title, (Edit(start, end, new),))
        yield context.report(problem.span.start, problem.span.end, problem.message, fix=fix)
