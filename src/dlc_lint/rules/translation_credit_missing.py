"""DLC113 translation-credit-missing: a translated page lacks `translator` or `translation-date`.

## What it does
Finds a translated lecture page whose front matter has no `translator` or no
`translation-date`, or has one of them empty. Language index pages
(`ko/index.md`) are not checked. English pages need neither.

A key that is present but misspelled or translated (`translation date:`,
`Translator:`) is reported by DLC114 or DLC115 instead, and a page whose
translation date went into a second `date:` by DLC109.

## Why is this bad?
The page renders, but without the translator's credit and the date that
tells readers (and the next translator) how old the translation is.

That harm exists only when the site shows the key. dlc-lint reads the page's
layout (`layout:`, or the `defaults` of `_config.yml`) in `_layouts/`, with the
layouts it builds on and the `_includes` it includes: a key no layout file
reads (`page.translation-date`) is reported as information, and the message
says so; when a layout comes from a theme that is not in the site, the key
is information too, with a message saying it could not be checked. On the
course site the `custom` layout shows `translator` (a missing translator is
a warning) but not `translation-date` (information).

## Example
```
---
lang-ref: ch.08-1
title: Métodos contrastivos
lang: es
translator: Juan
---
```

## Use instead
```
---
lang-ref: ch.08-1
title: Métodos contrastivos
lang: es
translator: Juan
translation-date: 15 Sep 2020
---
```

## Options
`keys`: the keys every translated page must have (default: `translator`,
`translation-date`).
"""

from dataclasses import dataclass, replace

from dlc_lint.analysis.credit import layout_shows, not_shown_note
from dlc_lint.analysis.front_matter import missing_keys
from dlc_lint.finding import Severity
from dlc_lint.options import option
from dlc_lint.rules import rule


@dataclass(frozen=True)
class Options:
    keys: tuple[str, ...] = option(("translator", "translation-date"), "the keys every translated page must have")


@rule(
    "DLC113",
    "translation-credit-missing",
    "warning",
    "A translated page lacks `translator` or `translation-date`",
    options=Options,
)
def check(context):
    if not context.is_translation or context.site.is_index(context.page.path):
        return
    front = context.page.front_matter
    keys = list(context.options.keys)
    if "translation-date" in keys and _date_written_twice(front):
        keys.remove("translation-date")  # DLC109 asks whether the second `date` is the translation date
    layouts = {key: layout_shows(context.site, context.page, key) for key in keys}
    yield from missing_keys(context, [key for key in keys if layouts[key].shown])
    hidden = [key for key in keys if not layouts[key].shown]
    if not hidden:
        return
    for finding in missing_keys(context, hidden):
        names = " and ".join(f"`{key}`" for key in hidden if f"`{key}`" in finding.message)
        yield replace(
            finding,
            message=finding.message + not_shown_note(layouts[hidden[0]], names),
            severity=finding.severity if context.overridden else Severity.INFO,
        )


def _date_written_twice(front) -> bool:
    return any(first.key == "date" for first, _ in front.duplicates)
