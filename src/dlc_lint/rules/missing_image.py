"""DLC402 missing-image: an image whose file does not exist on this site.

## What it does
Resolves the address of every image (`![alt](src)`, `<img src>`, `<source
src>`, ...) the way the browser does from the page's published address
(`/ko/week01/01-1/`), after `{{ site.baseurl }}` is replaced, and reports the
ones that point at no file. A file name with spaces is fine when the file
really has them (`Figure 7.png`).

## Why is this bad?
The reader sees a broken-image icon, or nothing, where the figure should be.
Typical causes: a file name translated along with the text
(`Figura_4a.png` for `Figure_4a.png`), a relative `images/x.png` on a language
index (served at `/ko/`, so it means `/ko/images/x.png`).

## Example
```
<img src="{{site.baseurl}}/images/week03/03-3/Figura_4b_zero_padding.png"/>
```

## Use instead
```
<img src="{{site.baseurl}}/images/week03/03-3/Figure_4b_zero_padding.png"/>
```

## Fix safety
Safe, and only offered when the repaired address resolves: correcting the
letter case of a path, dropping a repeated language prefix on a language index.
"""

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.urls import describe_broken, page_links, resolver_for


@rule("DLC402", "missing-image", "error", "An image whose file does not exist on this site", fixable=True)
def check(context):
    page = context.page
    for item in page_links(page, context.site):
        if item.problem != "broken" or not item.link.is_image:
            continue
        message, repair = describe_broken(context.site, page.path, item)
        fix = None
        if repair is not None:
            fix = Fix(repair.title, (Edit(item.link.target_start, item.link.target_end, repair.target),),
                      Safety.SAFE if repair.safe else Safety.UNSAFE)
        elif item.resolution.site_url and item.resolution.site_url.startswith("/" + context.lang + "/images/"):
            shared = "{{site.baseurl}}" + item.resolution.site_url[len(context.lang) + 1:]
            if resolver_for(context.site).resolve(page.path, shared, item.link.kind).ok:
                message += f"; the shared image is at `{shared}`"
                fix = Fix(f"write `{shared}`", (Edit(item.link.target_start, item.link.target_end, shared),))
        yield context.report(item.link.target_start, item.link.target_end, message, fix=fix)
