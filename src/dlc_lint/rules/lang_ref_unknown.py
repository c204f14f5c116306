"""DLC203 lang-ref-unknown: no English page has this `lang-ref`.

## What it does
Finds a translated page whose `lang-ref` is not the `lang-ref` of any
English page, when there is no English page at the same path to compare it
with (that case is DLC202 `lang-ref-mismatch`). The message suggests the
closest English `lang-ref`.

## Why is this bad?
The language switcher pairs pages that share a `lang-ref`. A value no
English page has (a typo like `ch.3-2`, or an old naming scheme) pairs the
page with nothing: readers cannot switch to or from it.

## Example
```
lang-ref: ch.3-2
```

## Use instead
```
lang-ref: ch.03-2
```
"""

from dlc_lint.rules import rule
from dlc_lint.site.lang_ref import (
    closest,
    english_path,
    lang_ref_entry,
    lang_ref_value,
    unreadable_english,
    value_span,
)


@rule("DLC203", "lang-ref-unknown", "error", "No English page has this `lang-ref`")
def check(context):
    page = context.page
    if not context.is_translation or not page.front_matter.present:
        return
    ours = lang_ref_value(page.front_matter)
    entry = lang_ref_entry(page.front_matter)
    if ours is None or entry is None:
        return
    site = context.site
    if site.pages_with_lang_ref(site.source_lang, ours):
        return
    english = english_path(site, page.path)
    if english is not None and site.lang_ref(english):
        return  # compared with the English page at the same path by DLC202
    if unreadable_english(site, page.path):
        return  # the English page at the same path may well have it: DLC002 says it cannot be read
    known = site.lang_refs(site.source_lang)
    message = f"no English page has lang-ref `{ours}`, so the language switcher links this page to nothing"
    guess = closest(ours, known)
    if guess:
        owner = site.pages_with_lang_ref(site.source_lang, guess)[0]
        message += f"; did you mean `{guess}` ({context.display(owner)})?"
    start, end = value_span(entry)
    yield context.report(start, end, message)
