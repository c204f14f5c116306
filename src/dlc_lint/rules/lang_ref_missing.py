"""DLC201 lang-ref-missing: the page has no `lang-ref`, so no other language can link to it.

## What it does
Finds a page whose front matter has no `lang-ref` key, or an empty one.
Pages whose front matter Jekyll cannot see at all (no front matter, a BOM or
blank line before it, broken YAML) are left to the front-matter rules, and
a misspelled key such as `langref:` is left to the rule about variant keys.

## Why is this bad?
The site pairs the translations of one page by their common `lang-ref`: the
language switcher of a page lists the pages that share its `lang-ref`.
Without one, the English page does not offer this translation, and this
page offers no other language.

## Example
```
---
lang: ko
title: 동기
---
```

## Use instead
```
---
lang: ko
lang-ref: ch.01-1
title: 동기
---
```

## Fix safety
Safe when the English page at the same path has a `lang-ref`: that value is
added after the `lang:` line (or at the end of the front matter). Without an
English page there is nothing to copy, and no fix is offered.
"""

from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule
from dlc_lint.site.lang_ref import english_path, lang_ref_entry, looks_like_lang_ref, value_span


@rule(
    "DLC201",
    "lang-ref-missing",
    "error",
    "The page has no `lang-ref`, so the language switcher cannot pair it",
    fixable=True,
)
def check(context):
    page = context.page
    front = page.front_matter
    if not front.present or not front.closed or front.hidden_by is not None or front.problem is not None:
        return
    entry = lang_ref_entry(front)
    if entry is not None and entry.value_text.strip():
        return
    if entry is None and any(looks_like_lang_ref(e.key) for e in front.entries):
        return  # a variant spelling of the key: the front-matter rules suggest the right name
    site = context.site
    english = english_path(site, page.path)
    english_ref = site.lang_ref(english) if english else None
    fix = None
    if english_ref:
        if entry is not None:
            start, end = value_span(entry)
            edit = (
                Edit(start, end, english_ref)
                if start < end
                else Edit(
                    entry.value_start, entry.value_end, " " * (entry.key_end + 1 == entry.value_start) + english_ref
                )
            )
        else:
            lang = front.entry("lang")
            if lang is not None:
                at = page.text.find("\n", lang.value_end)
                at = front.inner_end if at < 0 or at >= front.inner_end else at + 1
            else:
                at = front.inner_end
            edit = Edit(at, at, f"lang-ref: {english_ref}\n")
        fix = Fix(f"set `lang-ref: {english_ref}` as on {context.display(english)}", (edit,))
    where = f"; the English page {context.display(english)} has `lang-ref: {english_ref}`" if english_ref else ""
    for odd in front.odd_lines:
        if odd.kind == "commented-key" and odd.text.lstrip("#").strip().startswith("lang-ref:"):
            where += f" (line {context.source.position(odd.start)[0]} has it commented out)"
            break
    if entry is not None:
        yield context.report(
            entry.key_start,
            entry.value_end,
            f"`lang-ref` is empty, so the language switcher cannot pair this page with its translations{where}",
            fix=fix,
        )
    else:
        yield context.report(
            front.start,
            front.start + 3,
            "the front matter has no `lang-ref`, so the language switcher cannot pair this page "
            f"with its translations{where}",
            fix=fix,
        )
