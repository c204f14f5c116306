"""DLC404 link-to-other-language: a translated page links to another language's page although its own language has that page.

## What it does
On a translated page (or a language index), finds links that land on a page of
another language (usually `/en/...`) when the same page exists in the page's
own language.

## Why is this bad?
The reader of the Korean notes is sent to the English notes in the middle of
a sentence, although the Korean page exists. This usually happens when the
English link was copied unchanged (`{{site.baseurl}}/en/week07/07-3/`), or the
Korean page was translated after the link was written. Links to pages your
language does not have yet are fine and are not reported.

## Example
In `docs/ko/week08/08-3.md`, with `docs/ko/week07/07-3.md` present:
```
[7주차]({{site.baseurl}}/en/week07/07-3/)
```

## Use instead
```
[7주차]({{site.baseurl}}/ko/week07/07-3/)
```

## Fix safety
Unsafe: the language folder in the address is replaced by the page's own
(the link then goes to another page, which is what it is for, but a
translator may have linked the English page on purpose).
"""

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.site.urls import page_links, resolver_for, swap_language


@rule(
    "DLC404",
    "link-to-other-language",
    "warning",
    "A translated page links to another language's page although its own language has that page",
    fixable=True,
)
def check(context):
    if not context.is_translation:
        return
    page = context.page
    site = context.site
    own = context.lang
    resolver = resolver_for(site)
    for item in page_links(page, site):
        resolution = item.resolution
        if not resolution.ok or item.link.is_image or not resolution.path or "/" not in resolution.path:
            continue
        other, rest = resolution.path.split("/", 1)
        if other == own or other not in site.languages or not resolution.path.endswith(".md"):
            continue
        mine = f"{own}/{rest}"
        if mine not in site.files or mine == page.path:
            continue
        link = item.link
        fixed = swap_language(link.target, other, own)
        fix = None
        if fixed and resolver.resolve(page.path, fixed, link.kind).path == mine:
            fix = Fix(
                f"link the `{own}` page: `{fixed}`", (Edit(link.target_start, link.target_end, fixed),), Safety.UNSAFE
            )
        yield context.report(
            link.target_start,
            link.target_end,
            f"link `{link.target}` goes to the `{other}` page {resolution.site_url}, but this page's language "
            f"has it too: {context.display(mine)}" + (f"; write `{fixed}`" if fixed else ""),
            fix=fix,
        )
