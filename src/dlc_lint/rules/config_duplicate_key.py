"""DLC507 config-duplicate-key: a key is written twice in one mapping of `_config.yml`.

## What it does
Finds keys repeated in one mapping, at any depth: a second `ko:` section, a
second `chapters:` in a language, two `path:` lines in one item (a missing
`- `). PyYAML and Jekyll keep the last one without a word. In an outline
this is an error; among the site settings (`url`, `title` ...) it is a
warning, reported only when `_config.yml` itself is linted. The message
says when the keys look flattened out of a parent left empty above them.

## Why is this bad?
Everything under the first key is dropped: a second `ko:` section makes the
pages of the first vanish from the Korean sidebar; a second `path:` in one
item loses the first page. Among the settings, the last value silently
wins (`url` becomes the author's Twitter address when the `author:` block
lost its indentation).

## Example
```
        - path: ko/week01/01-1.md
          path: ko/week01/01-2.md
```

## Use instead
```
        - path: ko/week01/01-1.md
        - path: ko/week01/01-2.md
```
"""

from dlc_lint.finding import Severity
from dlc_lint.rules import rule
from dlc_lint.site.outline_problems import at_most, problem_in_scope


@rule(
    "DLC507",
    "config-duplicate-key",
    "error",
    "A key is repeated in `_config.yml`; YAML keeps only the last",
    scope="config",
)
def check(context):
    outline = context.site.outline
    for problem in outline.problems:
        if problem.kind != "duplicate-key" or not problem_in_scope(context, problem):
            continue
        severity = at_most(context, Severity.WARNING) if problem.section is None else None
        yield context.report(problem.span.start, problem.span.end, problem.message, severity=severity)
