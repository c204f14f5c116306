"""DLC403 link-without-baseurl: a root-absolute link (`/ko/...`) that leaves out `{{site.baseurl}}`.

## What it does
Finds links and images whose address starts with `/` but not with the site's
baseurl (`/pytorch-Deep-Learning`), while the page or file they mean exists
once the baseurl is put in front.

## Why is this bad?
The course site is a project site: everything lives under
`https://atcold.github.io/pytorch-Deep-Learning/`. A link to `/ko/week01/01`
goes to `https://atcold.github.io/ko/week01/01`, which does not exist. It may
work on a local `jekyll serve` without a baseurl, which is why it slips through.

## Example
```
[1주차](/ko/week01/01)
```

## Use instead
```
[1주차]({{site.baseurl}}/ko/week01/01)
```

## Fix safety
Safe: `{{site.baseurl}}` is put in front of the address, and the fix is only
offered when the result resolves.
"""

from dlc_lint.finding import Edit, Fix
from dlc_lint.rules import rule
from dlc_lint.site.urls import page_links, resolver_for


@rule(
    "DLC403",
    "link-without-baseurl",
    "error",
    "A root-absolute link (`/ko/...`) that leaves out `{{site.baseurl}}`",
    fixable=True,
)
def check(context):
    page = context.page
    resolver = resolver_for(context.site)
    for item in page_links(page, context.site):
        if item.problem != "no-baseurl":
            continue
        link = item.link
        stripped = link.target.lstrip()
        fix = None
        fixed = "{{site.baseurl}}" + stripped
        if resolver.resolve(page.path, fixed, link.kind).ok:
            start = link.target_start + (len(link.target) - len(stripped))
            fix = Fix("put `{{site.baseurl}}` in front", (Edit(start, start, "{{site.baseurl}}"),))
        what = "image" if link.is_image else "link"
        yield context.report(
            link.target_start,
            link.target_end,
            f"{what} `{link.target}` leaves out the site's baseurl: it goes to {item.resolution.url} outside the "
            f"course site (a 404); write `{fixed}`",
            fix=fix,
        )
