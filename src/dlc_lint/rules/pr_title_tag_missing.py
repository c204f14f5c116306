"""DLC010 pr-title-tag-missing: the pull request's title has no language tag.

## What it does
In pull-request mode (`dlc-lint pr --title TEXT`), finds a title without any of
the site's language tags although the pull request changes translated pages.
The tags come from the `labels` setting (default: `[KR]` for `ko`, `[ZH]` for
`zh`, `[ES]` for `es`, ... and `[EN]` for `en`).

## Why is this bad?
The course site's maintainers sort the pull request list by these tags and
hand each language to its reviewers. An untagged pull request waits until
someone opens it to find out which language it is about.

## Example
A pull request that changes `docs/ko/week03/03-1.md`, titled:
```
Translate week 3
```

## Use instead
```
[KR] Translate week 3
```
"""

from dlc_lint.rules import engine_rule

engine_rule(
    "DLC010",
    "pr-title-tag-missing",
    "warning",
    "The pull request title has no language tag such as `[KR]`",
    module=__name__,
)
