"""DLC204 lang-ref-duplicate: two pages of one language share a `lang-ref`.

## What it does
Finds pages of one language folder that carry the same `lang-ref`. When one
of them sits at the path of the English page with that `lang-ref` (for
English pages: when one of them is in the outline), only the others are
reported: they are usually stray copies (a page saved outside
its `weekNN/` folder, an old draft next to the real page).

## Why is this bad?
The language switcher lists every page with the page's `lang-ref`: the
English page then offers two Korean versions, one of them stale, and the
stray copy is published at its own URL.

## Example
`docs/ko/01-1.md` and `docs/ko/week01/01-1.md` both with `lang-ref: ch.01-1`.

## Use instead
Delete the stray copy (or give it the `lang-ref` of the page it translates).
"""

from dlc_lint.rules import rule
from dlc_lint.site.lang_ref import lang_ref_entry, lang_ref_value, value_span


@rule("DLC204", "lang-ref-duplicate", "warning", "Two pages of one language share a `lang-ref`")
def check(context):
    page = context.page
    if not page.front_matter.present:
        return
    ours = lang_ref_value(page.front_matter)
    entry = lang_ref_entry(page.front_matter)
    if ours is None or entry is None:
        return
    site = context.site
    lang = context.lang
    group = site.pages_with_lang_ref(lang, ours)
    others = [p for p in group if p != page.path]
    if not others:
        return
    expected = set()
    if lang == site.source_lang:
        # English pages: the one the outline lists is the real one
        outline = site.outline
        listed = outline.languages.get(lang) if outline is not None else None
        expected = {p for p in group if listed is not None and p in listed.paths}
    for english in site.pages_with_lang_ref(site.source_lang, ours) if lang != site.source_lang else ():
        if english == site.layout.index_name:
            expected.add(f"{lang}/{site.layout.index_name}")
        elif "/" in english:
            expected.add(f"{lang}/{english.split('/', 1)[1]}")
    in_place = [p for p in group if p in expected]
    if page.path in in_place and len(in_place) == 1:
        return  # this is the real page: the copies are reported where they are
    names = ", ".join(context.display(p) for p in others[:3]) + (" ..." if len(others) > 3 else "")
    if len(in_place) == 1:
        message = (
            f"lang-ref `{ours}` is also used by {context.display(in_place[0])}, the page at the English "
            "page's path; this looks like a stray copy, so the language switcher offers two versions"
        )
    else:
        message = (
            f"lang-ref `{ours}` is also used by {names}; the language switcher offers every one of "
            "them as the same page"
        )
    related = []
    for other in others[:3]:
        other_page = site.page(other)
        other_entry = lang_ref_entry(other_page.front_matter) if other_page is not None else None
        if other_entry is not None:
            start, end = value_span(other_entry)
            related.append(
                context.location(other_page.source, context.display(other), start, end, f"also `lang-ref: {ours}`")
            )
    start, end = value_span(entry)
    yield context.report(start, end, message, related=tuple(related))
