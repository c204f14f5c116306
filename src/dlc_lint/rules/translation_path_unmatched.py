"""DLC205 translation-path-unmatched: a translated page sits at a path with no English page.

## What it does
Finds a translated page (with front matter) whose path has no English
counterpart: `ko/Week01/01-1.md`, `ko/week06/6.md`, `ko/week05/05-02.md`,
`ko/01-1.md`. It suggests the likely intended path: the path of the English
page with the same `lang-ref`, else the path with the English spelling
(lower case `weekNN`, two-digit numbers), else the closest English path.
A language's `index.md` pairs with the root `index.md` and is not reported.

## Why is this bad?
Jekyll publishes the page at a URL derived from its path
(`/ko/Week01/01-1/`), while the language index, the outline and other
pages link the conventional one (`/ko/week01/01-1/`, and GitHub Pages is
case-sensitive): those links are 404s, and tools that pair pages by path
(this one included) cannot find the English page.

## Example
`docs/ko/week06/6.md`

## Use instead
`docs/ko/week06/06.md`, the path of `docs/en/week06/06.md`.
"""

from dlc_lint.rules import rule
from dlc_lint.site.lang_ref import closest, english_path, lang_ref_value, normalise_path


@rule("DLC205", "translation-path-unmatched", "warning", "A translated page sits at a path with no English page")
def check(context):
    page = context.page
    site = context.site
    if not context.is_translation or not page.front_matter.present:
        return
    if english_path(site, page.path) is not None or page.path == f"{context.lang}/{site.layout.index_name}":
        return
    lang, rest = page.path.split("/", 1)
    source = site.source_lang
    english_rest = {p.split("/", 1)[1] for p in site.page_paths if p.startswith(source + "/")}
    guess = None
    reason = ""
    ref = lang_ref_value(page.front_matter)
    owners = [p for p in site.pages_with_lang_ref(source, ref) if "/" in p] if ref else []
    if owners:
        guess = owners[0].split("/", 1)[1]
        reason = f"the English page with lang-ref `{ref}` is {context.display(owners[0])}"
    else:
        normal = normalise_path(rest)
        if normal in english_rest:
            guess = normal
        else:
            guess = closest(rest, english_rest, cutoff=0.8)
        if guess:
            reason = f"the English page is {context.display(f'{source}/{guess}')}"
    message = f"there is no English page at {context.display(f'{source}/{rest}')}, so this page has no counterpart"
    if guess:
        target = f"{lang}/{guess}"
        if target in site.files:
            message += f"; {reason}, and {context.display(target)} already exists: is this a stray copy to delete?"
        else:
            message += f"; {reason}: move this page to {context.display(target)}"
    front = page.front_matter
    yield context.report(front.start, front.start + 3, message)
