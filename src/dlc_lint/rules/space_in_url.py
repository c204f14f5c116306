"""DLC406 space-in-url: spaces or invisible characters inside a link or image address break it.

## What it does
Finds link and image addresses with whitespace or invisible characters
(zero-width space, zero-width joiner, BOM, soft hyphen) inside them:
- on this site, when the address is a 404 as written but works once they are
  removed (`{{site.baseurl}} / images / week14 / 14-2 / check_reader.png`):
  an error;
- on another site (`https://...`): an error when the space is in the host name
  (`http://yann.Le Cun.com/`), a warning elsewhere (`watch?v=...& t=4575s`).
File names that really contain spaces (`Figure 7.png`) are fine; spaces at the
ends of an address are ignored, as browsers ignore them.

## Why is this bad?
Browsers encode a space as `%20`: `/images / week14` is another address than
`/images/week14`, and the reader gets a 404 or a broken image. Machine
translation puts spaces around `/` and after `&`; invisible characters come
from copying text out of word processors.

## Example
```
<img src="{{site.baseurl}} / images / week14 / 14-2 / check_reader.png"/>
```

## Use instead
```
<img src="{{site.baseurl}}/images/week14/14-2/check_reader.png"/>
```

## Fix safety
Safe on this site (the fix is only offered when the address without the
spaces resolves). Unsafe for other sites' addresses, which cannot be checked.
"""

from urllib.parse import urlsplit

from dlc_lint.finding import Edit, Fix, Safety, Severity
from dlc_lint.rules import rule
from dlc_lint.site.urls import INVISIBLE, page_links


@rule(
    "DLC406",
    "space-in-url",
    "error",
    "Spaces or invisible characters inside a link or image address break it",
    fixable=True,
)
def check(context):
    page = context.page
    for item in page_links(page, context.site):
        if item.problem != "space":
            continue
        link = item.link
        invisible = any(ch in INVISIBLE for ch in link.target)
        kind = (
            "invisible characters"
            if invisible and not any(ch.isspace() for ch in link.target.strip())
            else "spaces or invisible characters"
            if invisible
            else "spaces"
        )
        what = "image" if link.is_image else "link"
        if item.resolution.kind == "external":
            host = urlsplit(item.resolution.url.replace(" ", "%20")).netloc
            in_host = "%20" in host or any(ch in INVISIBLE for ch in host)
            severity = Severity.ERROR if in_host else Severity.WARNING
            where = (
                "in the host name, so the site cannot be reached"
                if in_host
                else "and the browser sends them as `%20`, so the address is probably wrong"
            )
            yield context.report(
                link.target_start,
                link.target_end,
                f"{what} address `{link.target}` has {kind} inside it {where}; write `{item.repaired}`",
                fix=Fix(
                    f"remove the {kind}", (Edit(link.target_start, link.target_end, item.repaired),), Safety.UNSAFE
                ),
                severity=severity,
            )
            continue
        yield context.report(
            link.target_start,
            link.target_end,
            f"{what} address `{link.target}` has {kind} inside it, so it leads to {item.resolution.url}, a 404; "
            f"without them it works: `{item.repaired}`",
            fix=Fix(f"remove the {kind}", (Edit(link.target_start, link.target_end, item.repaired),)),
        )
