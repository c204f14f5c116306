"""DLC115 translated-front-matter-key: a front-matter key name is translated into the page's language.

## What it does
Finds a key of a translated page written in the page's language instead of
English: `제목:` or `标题:` for `title`, `traductor:` for `translator`, and any
key with non-Latin letters. Values are meant to be translated; key names are
not.

## Why is this bad?
Jekyll and the site's layout only read the English key names, so the value
under a translated key is ignored: the page has no title, no translator
credit, or no `lang`.

## Example
```
---
lang-ref: ch.01-1
제목: 동기
---
```

## Use instead
```
---
lang-ref: ch.01-1
title: 동기
---
```

## Fix safety
When the word is known, the fix renames the key to its English name. It
needs review (`--unsafe-fixes`): a translated `date` may have meant the
translation date.
"""

from dlc_lint.analysis.front_matter import is_translated_key, keys_readable, known_keys, translated_key
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule


@rule(
    "DLC115",
    "translated-front-matter-key",
    "warning",
    "A front-matter key name is translated into the page's language",
    fixable=True,
)
def check(context):
    front = context.page.front_matter
    if not context.is_translation or not keys_readable(front):
        return
    known = known_keys(context)
    present = {e.key for e in front.entries}
    for entry in front.entries:
        if entry.key in known or not is_translated_key(entry.key):
            continue
        meant = translated_key(entry.key)
        fix = None
        if meant is None:
            hint = "write the key in English as on the English page"
        elif meant in present:
            hint = f"it means `{meant}`, which the page already has"
        else:
            hint = f"did you mean `{meant}`?"
            fix = Fix(
                f"rename `{entry.key}` to `{meant}`", (Edit(entry.key_start, entry.key_end, meant),), Safety.UNSAFE
            )
        yield context.report(
            entry.key_start,
            entry.key_end,
            f"the key `{entry.key}` is translated; Jekyll only reads English key names, so this value is "
            f"ignored: {hint}",
            fix=fix,
        )
