"""DLC108 markdown-in-front-matter: Markdown where a front-matter key or value should be.

## What it does
Finds Markdown inside the front matter:

- a value that starts with a heading marker (`title: ## 동기`);
- a Markdown link in a key or an unquoted value (`title: [동기](https://...)`),
  or a line of Markdown (a link, bold text, a quote) instead of `key: value`;
- a Markdown heading line (`## 강의 계획`) between the `---` lines.

A commented-out key (`# title: ...`) is not reported here; when the page lacks
that key, the rule for the missing key says so.

## Why is this bad?
Front matter is YAML, not Markdown. YAML reads `#` after a space as the
start of a comment, so `title: ## 동기` leaves the title empty and a heading
line inside the front matter disappears from the page. A link or bold text
makes YAML fail, and then Jekyll ignores the whole front matter (no title, no
`lang`, no `lang-ref`).

## Example
```
---
title: ## 동기
---
```

## Use instead
```
---
title: 동기
---
```

## Fix safety
For a value that starts with a heading marker, the fix removes the marker
(and quotes the rest when YAML needs it). It needs review, because the `#`
might have been meant as text: apply it with `--unsafe-fixes`. Links and
headings have no automatic fix.
"""

from dlc_lint.analysis.front_matter import heading_fix_text, keys_readable, syntax_problems
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule


@rule(
    "DLC108", "markdown-in-front-matter", "error", "Markdown where a front-matter key or value should be", fixable=True
)
def check(context):
    front = context.page.front_matter
    if not keys_readable(front):
        return
    for problem in syntax_problems(context.page.text, front):
        if problem.kind != "markdown":
            continue
        fix = None
        entry = problem.entry
        if entry is not None and not problem.breaks_yaml:
            new = heading_fix_text(entry)
            if new is not None:
                fix = Fix(
                    f"remove the heading marker from `{entry.key}`",
                    (Edit(entry.value_start, entry.value_end, new),),
                    Safety.UNSAFE,
                )
        yield context.report(problem.start, problem.end, problem.message, fix=fix)
