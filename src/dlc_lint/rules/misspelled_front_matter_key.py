"""DLC114 misspelled-front-matter-key: a front-matter key is a misspelling or variant of a known key.

## What it does
Finds a key that the site does not use but that is close to one it does:
`translate-date`, `translation date`, `tranlation-date`, `translation-data`,
`Translator`, `land`... and says which key was meant. Known keys are this
site's (`title`, `lang-ref`, `lang`, `translator`, `translation-date`, `date`,
`authors`, `lecturer`...), Jekyll's own (`permalink`, `layout`...), the keys
of the English page, and the `extra-keys` option. An unknown key that is not
close to any of them is left alone.

Key names translated into the page's language are DLC115.

## Why is this bad?
Jekyll keys are exact and case-sensitive: the layout reads
`translation-date`, not `translation date` or `Translation-date`, so the
value is silently ignored. A misspelled `translator` or `translation-date`
that the site's layout does not show at all (see DLC113) is information:
no reader misses it.

## Example
```
---
translate-date: 03 April 2020
---
```

## Use instead
```
---
translation-date: 03 April 2020
---
```

## Fix safety
Safe: the key is renamed and its value is kept. There is no fix when the
page already has the intended key (then one of the two lines must go, which
needs a decision).

## Options
`extra-keys`: more key names that are fine on this site (default: none).
"""

from dataclasses import dataclass

from dlc_lint.analysis.credit import layout_shows, not_shown_note
from dlc_lint.analysis.front_matter import is_translated_key, keys_readable, known_keys, suggest_key
from dlc_lint.finding import Edit, Fix, Severity
from dlc_lint.options import option
from dlc_lint.rules import rule

# The translation credit: a misspelled one is information when the site's layout does not show it (DLC113).
CREDIT_KEYS = frozenset({"translator", "translation-date"})


@dataclass(frozen=True)
class Options:
    extra_keys: tuple[str, ...] = option((), "more key names that are fine on this site")


@rule(
    "DLC114",
    "misspelled-front-matter-key",
    "warning",
    "A front-matter key is a misspelling or variant of a known key",
    fixable=True,
    options=Options,
)
def check(context):
    front = context.page.front_matter
    if not keys_readable(front):
        return
    known = known_keys(context)
    present = {e.key for e in front.entries}
    renamed: set[str] = set()
    for entry in front.entries:
        if entry.key in known or (context.is_translation and is_translated_key(entry.key)):
            continue
        meant = suggest_key(entry.key, known)
        if meant is None:
            continue
        fix = None
        if meant in present:
            line = context.source.position(front.entry(meant).key_start)[0]
            note = f"; the page also has `{meant}` on line {line}, so one of the two lines should go"
        else:
            note = ""
            if meant not in renamed:
                renamed.add(meant)
                fix = Fix(f"rename `{entry.key}` to `{meant}`", (Edit(entry.key_start, entry.key_end, meant),))
        severity = None
        if meant in CREDIT_KEYS and context.is_translation:
            layout = layout_shows(context.site, context.page, meant)
            if not layout.shown:
                note += not_shown_note(layout, meant)
                severity = Severity.INFO
        yield context.report(
            entry.key_start,
            entry.key_end,
            f"unknown key `{entry.key}`: did you mean `{meant}`? Jekyll keys are exact, so this value is ignored{note}",
            fix=fix,
            severity=severity,
        )
