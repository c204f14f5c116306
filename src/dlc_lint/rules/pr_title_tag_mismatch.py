"""DLC011 pr-title-tag-mismatch: the title's language tag does not match the languages the pull request changes.

## What it does
In pull-request mode (`dlc-lint pr --title TEXT`), compares the language tags in
the title (`[KR]`, `[ZH]`, ...) with the languages of the changed pages: a tag
for a language the pull request does not touch, or a changed language whose
tag is missing, is reported. Unknown bracketed words such as `[WIP]` are
ignored.

## Why is this bad?
The tag routes the pull request to the reviewers of that language; a wrong
tag sends Korean pages to the Chinese reviewers, who cannot review them.

## Example
A pull request that changes `docs/ko/week03/03-1.md`, titled:
```
[ZH] Translate week 3
```

## Use instead
```
[KR] Translate week 3
```

## Configuration
The mapping from language folder to tag is the `labels` setting, e.g.
`labels = { ko = "KR", pt = "PT-BR" }` in `[tool.dlc-lint]`.
"""

from dlc_lint.rules import engine_rule

engine_rule(
    "DLC011",
    "pr-title-tag-mismatch",
    "warning",
    "The title's language tag does not match the languages the pull request changes",
    module=__name__,
)
