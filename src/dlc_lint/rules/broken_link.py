"""DLC401 broken-link: a link to a page or file of this site that does not exist (404).

## What it does
Resolves every relative and root-relative link of a page exactly as the
reader's browser does, from the page's published address (`/ko/week01/01-1/`,
or `/ko/` for the language index), after Jekyll has replaced
`{{ site.baseurl }}` and jekyll-relative-links has rewritten links to `.md`
pages. A link that lands where the site has no page and no file is reported.
External `http(s)` links are not fetched.

With `renderer = "jekyll"` (plain Jekyll, no jekyll-relative-links) a link to
a page's `.md` file is not rewritten: it 404s, and the message gives the
page's address (tests/render builds fixtures/renderer both ways). A Markdown
link inside a block HTML element kramdown copies raw is no link (DLC610).

The message says where the link lands and, when it can tell, why: a language
index copied from the English home page (`ko/week01/01` from `/ko/` goes to
`/ko/ko/week01/01`), a page of your language that is not translated yet, a
folder name with the wrong letter case (`Week01`), doubled parentheses
`((https://...))`, a Markdown link pasted inside a link target.

Images are checked by DLC402, spaces inside an address by DLC406, a
root-absolute link without the baseurl by DLC403 and malformed Liquid by
DLC405.

## Why is this bad?
The reader clicks and gets GitHub's 404 page.

## Example
In `docs/ko/index.md` (served at `/ko/`):
```
<a href="ko/week01/01">1주차</a>
```

## Use instead
```
<a href="week01/01">1주차</a>
```

## Fix safety
Safe, and only offered when the repaired link resolves: dropping a repeated
`ko/` or `en/` prefix in a language index (when the translated page exists),
making a relative `es/week04/04-1` in a lecture page root-relative with
`{{site.baseurl}}/`, correcting the letter case of a path, removing doubled
parentheses. Unsafe (needs review): pointing a link to an untranslated page
at the English page instead, replacing a Markdown link pasted inside a link
target by its address, or putting back a translated folder name
(`{{site.baseurl}}/fr/semaine07/07-3/` -> `{{site.baseurl}}/fr/week07/07-3/`,
offered when exactly one page of the language has that file name at that
depth).
"""

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.site.urls import describe_broken, page_links


@rule("DLC401", "broken-link", "error", "A link to a page or file of this site that does not exist (404)", fixable=True)
def check(context):
    page = context.page
    for item in page_links(page, context.site):
        if item.problem != "broken" or item.link.is_image:
            continue
        message, repair = describe_broken(context.site, page.path, item)
        fix = None
        if repair is not None:
            fix = Fix(
                repair.title,
                (Edit(item.link.target_start, item.link.target_end, repair.target),),
                Safety.SAFE if repair.safe else Safety.UNSAFE,
            )
        yield context.report(item.link.target_start, item.link.target_end, message, fix=fix)
