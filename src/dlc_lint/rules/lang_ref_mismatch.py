"""DLC202 lang-ref-mismatch: the `lang-ref` differs from the English page's at the same path.

## What it does
Compares the `lang-ref` of a translated page with the `lang-ref` of the
English page at the same relative path (`ko/week03/03-2.md` with
`en/week03/03-2.md`; a language's `index.md` with the root `index.md`).

## Why is this bad?
The language switcher pairs pages by `lang-ref`, not by path. A page that
carries the `lang-ref` of another lecture is offered as the translation of
that other lecture, and its own English page has no link to it. It usually
comes from starting a translation by copying the previous page.

## Example
`docs/ko/week03/03-2.md`:
```
lang-ref: ch.03-3
```
while `docs/en/week03/03-2.md` has `lang-ref: ch.03-2`.

## Use instead
```
lang-ref: ch.03-2
```

## Fix safety
Unsafe: the value is replaced by the English page's `lang-ref`. That is
right when the file is in the right place; if instead the file was saved
under the wrong name, move it rather than applying the fix.
"""

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.site.lang_ref import english_path, lang_ref_entry, lang_ref_value, value_span


@rule(
    "DLC202",
    "lang-ref-mismatch",
    "error",
    "The `lang-ref` differs from the English page's at the same path",
    fixable=True,
)
def check(context):
    page = context.page
    if not context.is_translation or not page.front_matter.present:
        return
    ours = lang_ref_value(page.front_matter)
    entry = lang_ref_entry(page.front_matter)
    if ours is None or entry is None:
        return
    site = context.site
    english = english_path(site, page.path)
    if english is None:
        return
    theirs = site.lang_ref(english)
    if not theirs or theirs.strip() == ours:
        return
    theirs = theirs.strip()
    english_display = context.display(english)
    message = f"lang-ref `{ours}` differs from the English page's `{theirs}` ({english_display})"
    owners = [p for p in site.pages_with_lang_ref(site.source_lang, ours) if p != english]
    if owners:
        message += (
            f"; `{ours}` belongs to {context.display(owners[0])}, so the language switcher offers "
            "this page as the translation of that one"
        )
    else:
        message += f"; no English page has `{ours}`, so the language switcher links this page to nothing"
    related = ()
    english_page = site.page(english)
    if english_page is not None:
        english_entry = lang_ref_entry(english_page.front_matter)
        if english_entry is not None:
            start, end = value_span(english_entry)
            related = (
                context.location(
                    english_page.source, english_display, start, end, f"the English page's lang-ref `{theirs}`"
                ),
            )
    start, end = value_span(entry)
    fix = Fix(f"set `lang-ref` to `{theirs}` as on {english_display}", (Edit(start, end, theirs),), Safety.UNSAFE)
    yield context.report(start, end, message, fix=fix, related=related)
