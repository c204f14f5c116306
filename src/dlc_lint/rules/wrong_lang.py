"""DLC111 wrong-lang: `lang` is not the language of the page's folder.

## What it does
Finds a `lang` value that differs from the language folder the page is in
(`lang: turkish` or `lang: en` in `tr/`), an empty `lang` on a translated
page, and a `lang` other than the source language on an English page. When
`lang` is written twice, the value checked is the last one: the one Jekyll
keeps.

## Why is this bad?
The layout picks the sidebar and the language switcher from `lang`, by
language code. With any other value the page renders with the wrong (or the
English) sidebar.

## Example
```
---
lang: tr
title: Enerji Temelli Modeller
lang: turkish
---
```

## Use instead
```
---
lang: tr
title: Enerji Temelli Modeller
---
```

## Fix safety
Safe: the value becomes the folder's language code. When an earlier `lang`
line already has the right value, the wrong later line is removed instead.
"""

from dlc_lint.analysis.front_matter import expected_lang, lang_is_wrong, line_span
from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule


@rule("DLC111", "wrong-lang", "error", "`lang` is not the language of the page's folder", fixable=True)
def check(context):
    if not lang_is_wrong(context):
        return
    front = context.page.front_matter
    text = context.page.text
    expected = expected_lang(context)
    entries = [e for e in front.entries if e.key == "lang"]
    last = entries[-1]
    value = front.data.get("lang")
    value = "" if value is None else str(value).strip()
    folder = f"{expected}/" if context.is_translation else "an English page"
    good = [e for e in entries[:-1] if e.value_text.strip() == expected]
    if good:
        first = context.source.position(good[0].key_start)[0]
        fix = Fix(
            f"remove the later `lang: {last.value_text}` (line {first} already says `lang: {expected}`)",
            tuple(Edit(*line_span(text, e.key_start), "") for e in entries if e.value_text.strip() != expected),
        )
        also = f" (line {first} says `lang: {expected}`, but Jekyll keeps the last value)"
    else:
        if last.value_end > last.value_start:
            edit = Edit(last.value_start, last.value_end, expected)
        else:
            space = "" if text[last.key_end : last.value_start].endswith((" ", "\t")) else " "
            edit = Edit(last.value_start, last.value_end, space + expected)
        fix = Fix(f"set `lang` to `{expected}`", (edit,))
        also = ""
    if not value:
        yield context.report(
            last.key_start,
            last.key_end,
            f"`lang` is empty; it must be `{expected}`, the language of {folder}, or the page renders "
            "with the English sidebar",
            fix=fix,
        )
        return
    sidebar = "the English sidebar" if context.is_translation else f"the sidebar of `{value}`"
    yield context.report(
        last.value_start,
        last.value_end,
        f"`lang: {value}` is not `{expected}`, the language code of {folder}{also}; the page renders with {sidebar}",
        fix=fix,
    )
