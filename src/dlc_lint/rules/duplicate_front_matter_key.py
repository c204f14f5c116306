"""DLC109 duplicate-front-matter-key: a front-matter key is written twice.

## What it does
Finds a key that appears more than once in the front matter.

## Why is this bad?
Jekyll keeps only the last value and silently drops the others. On this
site that has hidden a translation date under a second `date:` (which then
overwrote the lecture date), and left a stale English `title:` above the
translated one.

A repeated `lang` with a wrong last value is reported by DLC111 (wrong-lang)
instead, because that is what breaks the page.

## Example
```
---
lang-ref: ch.14-1
date: 4 May 2020
translator: Juan
date: 15 Sep 2020
---
```

## Use instead
```
---
lang-ref: ch.14-1
date: 4 May 2020
translator: Juan
translation-date: 15 Sep 2020
---
```

## Fix safety
When both lines are identical, removing the repeated one is safe. Otherwise
the fix needs review (`--unsafe-fixes`): a second `date` on a translated page
without `translation-date` is renamed to `translation-date`; any other repeat
keeps the value the site shows today (the last one) and removes the earlier
line.
"""

from dlc_lint.analysis.front_matter import key_status, keys_readable, known_keys, lang_is_wrong, line_span
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule


@rule("DLC109", "duplicate-front-matter-key", "warning", "A front-matter key is written twice", fixable=True)
def check(context):
    front = context.page.front_matter
    if not keys_readable(front) or not front.duplicates:
        return
    text = context.page.text
    position = context.source.position
    previous_of: dict[str, object] = {}
    wrong_lang = lang_is_wrong(context)
    known = None
    for entry in front.entries:
        earlier = previous_of.get(entry.key)
        previous_of[entry.key] = entry
        if earlier is None or (entry.key == "lang" and wrong_lang):
            continue
        first_line = position(earlier.key_start)[0]
        message = (
            f"`{entry.key}` is written twice (also on line {first_line}); Jekyll keeps only the last "
            f"value, `{entry.value_text}`"
        )
        if earlier.raw_value == entry.raw_value:
            fix = Fix(f"remove the repeated `{entry.key}` line", (Edit(*line_span(text, entry.key_start), ""),))
        elif (
            entry.key == "date"
            and context.is_translation
            and not _has_translation_date(front, known := known or known_keys(context))
        ):
            message = (
                f"`date` is written twice (also on line {first_line}), and the page has no "
                f"`translation-date`: is `{entry.value_text}` the translation date? As it stands, it "
                f"replaces the lecture date `{earlier.value_text}`"
            )
            fix = Fix(
                "rename the second `date` to `translation-date`",
                (Edit(entry.key_start, entry.key_end, "translation-date"),),
                Safety.UNSAFE,
            )
        else:
            message += f", and drops `{earlier.value_text}`"
            fix = Fix(
                f"remove the earlier `{entry.key}` line (line {first_line})",
                (Edit(*line_span(text, earlier.key_start), ""),),
                Safety.UNSAFE,
            )
        yield context.report(entry.key_start, entry.key_end, message, fix=fix)


def _has_translation_date(front, known) -> bool:
    return key_status(front, "translation-date", known).accounted_for
