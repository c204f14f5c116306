"""DLC110 lang-missing: a translated page has no `lang` key.

## What it does
Finds a page in a language folder (`ko/`, `tr/`...) whose front matter has no
`lang`. English pages need none: a page without `lang` renders as English.

A misspelled or translated `lang` key (`land: ko`, `언어: ko`) is reported by
DLC114 or DLC115 instead.

## Why is this bad?
The layout picks the sidebar, the navigation labels and the language
switcher from `lang`. Without it the translated page renders with the English
sidebar.

## Example
```
---
lang-ref: ch.10-1
title: Самостоятельное обучение
---
```

## Use instead
```
---
lang-ref: ch.10-1
lang: ru
title: Самостоятельное обучение
---
```

## Fix safety
Safe: `lang: <the folder's language>` is inserted on a new line after
`lang-ref` (or at the end of the front matter when there is no `lang-ref`).
"""

from dlc_lint.analysis.front_matter import expected_lang, key_status, known_keys, line_span, yaml_ok
from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule


@rule("DLC110", "lang-missing", "error", "A translated page has no `lang` key", fixable=True)
def check(context):
    front = context.page.front_matter
    if not context.is_translation or not yaml_ok(front):
        return
    status = key_status(front, "lang", known_keys(context))
    if status.accounted_for:
        return
    lang = expected_lang(context)
    text = context.page.text
    lang_ref = front.entry("lang-ref")
    after_ref = line_span(text, lang_ref.key_start)[1] if lang_ref is not None else None
    if (
        after_ref is not None
        and lang_ref.value_end > lang_ref.value_start
        and after_ref <= front.inner_end
        and not text.startswith((" ", "\t"), after_ref)
    ):  # not inside a value that goes on below
        at = after_ref
        where = "after `lang-ref`"
    else:
        at = front.inner_end
        where = "at the end of the front matter"
    hint = ""
    if status.commented:
        line = context.source.position(status.commented[0].start)[0]
        hint = f" (line {line} has it commented out: `{status.commented[0].text.strip()}`)"
    yield context.report(
        front.start,
        front.start + 3,
        f"the front matter has no `lang: {lang}`{hint}, so this page renders with the English sidebar and navigation",
        fix=Fix(f"insert `lang: {lang}` {where}", (Edit(at, at, f"lang: {lang}\n"),)),
    )
