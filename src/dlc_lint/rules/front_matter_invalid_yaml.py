"""DLC104 front-matter-invalid-yaml: YAML cannot read the front matter.

## What it does
Finds front matter that is not valid YAML, for reasons the more specific
rules do not name (DLC105 `key:value`, DLC106 `：`, DLC107 an unquoted `: `,
DLC108 Markdown). It points at the line that breaks, with YAML's own
explanation: a stray line of text, an unclosed quote, a tab used for
indentation...

## Why is this bad?
When the front matter is not valid YAML, Jekyll ignores all of it: the page
has no title, no `lang` (English sidebar) and no `lang-ref` (no language
switcher).

## Example
```
---
lang-ref: ch.02-1
title: "경사 하강법
lang: ko
---
```

## Use instead
```
---
lang-ref: ch.02-1
title: "경사 하강법"
lang: ko
---
```
"""

from dlc_lint.analysis.front_matter import keys_readable, syntax_problems
from dlc_lint.rules import rule


@rule("DLC104", "front-matter-invalid-yaml", "error", "YAML cannot read the front matter")
def check(context):
    front = context.page.front_matter
    if not keys_readable(front) or front.problem is None:
        return
    for problem in syntax_problems(context.page.text, front):
        if problem.kind == "yaml":
            yield context.report(problem.start, problem.end, problem.message)
