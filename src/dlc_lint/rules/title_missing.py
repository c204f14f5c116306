"""DLC112 title-missing: the front matter has no `title`, or it is empty.

## What it does
Finds a page (English or translated) whose front matter has no `title`, or
an empty one. A commented-out title (`# title: ...`) counts as missing: YAML
drops it. A misspelled or translated key (`Title:`, `제목:`) is reported by
DLC114 or DLC115 instead, and a title emptied by a heading marker
(`title: ## 동기`) by DLC108.

The other keys have their own rules: `lang` DLC110, `lang-ref` DLC201, the
translator's credit DLC113.

## Why is this bad?
The title is the page heading and its entry in the sidebar: without it the
page has no heading and an empty sidebar entry.

## Example
```
---
lang-ref: ch.01-1
lang: ko
---
```

## Use instead
```
---
lang-ref: ch.01-1
title: 동기
lang: ko
---
```
"""

from dlc_lint.analysis.front_matter import missing_keys
from dlc_lint.rules import rule


@rule("DLC112", "title-missing", "error", "The front matter has no `title`, or it is empty")
def check(context):
    yield from missing_keys(context, ["title"])
