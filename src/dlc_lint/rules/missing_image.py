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

When the English page shows an image of a similar name in the same folder
(a translated file name), the message names it.

## Fix safety
Safe, and only offered when the repaired address resolves: correcting the
letter case of a path, dropping a repeated language prefix on a language index.
Unsafe when it writes the English page's image of a similar name: check that it
is the same figure.
"""

import difflib
import posixpath

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.site.urls import describe_broken, page_links, resolver_for, visible


def _english_images(context) -> dict[str, dict[str, str]]:
    """The English page's working images: folder -> {file name: target as written}, once per page."""
    english = context.counterpart
    images: dict[str, dict[str, str]] = {}
    for other in page_links(english, context.site) if english is not None else ():
        if not other.link.is_image or other.problem or other.resolution.kind == "external":
            continue
        other_folder, other_name = posixpath.split(other.resolution.site_url or "")
        images.setdefault(other_folder, {}).setdefault(other_name, other.link.target)
    return images


def _english_image(images: dict[str, dict[str, str]], item) -> str | None:
    """The target of the English page's one image whose name is closest to this broken one."""
    url = item.resolution.site_url or ""
    if not url:
        return None
    folder, name = posixpath.split(url)
    candidates = {other: target for other, target in images.get(folder, {}).items() if other != name}
    close = difflib.get_close_matches(name, list(candidates), n=2, cutoff=0.8)
    if len(close) == 1 or (
        len(close) == 2
        and difflib.SequenceMatcher(None, name, close[1]).ratio()
        < difflib.SequenceMatcher(None, name, close[0]).ratio()
    ):
        return candidates[close[0]]
    return None


@rule("DLC402", "missing-image", "error", "An image whose file does not exist on this site", fixable=True)
def check(context):
    page = context.page
    images = None
    for item in page_links(page, context.site):
        if item.problem != "broken" or not item.link.is_image:
            continue
        message, repair = describe_broken(context.site, page.path, item)
        fix = None
        if repair is not None:
            fix = Fix(
                repair.title,
                (Edit(item.link.target_start, item.link.target_end, repair.target),),
                Safety.SAFE if repair.safe else Safety.UNSAFE,
            )
        elif item.resolution.site_url and item.resolution.site_url.startswith("/" + context.lang + "/images/"):
            shared = "{{site.baseurl}}" + item.resolution.site_url[len(context.lang) + 1 :]
            if resolver_for(context.site).resolve(page.path, shared, item.link.kind).ok:
                message += f"; the shared image is at `{shared}`"
                fix = Fix(f"write `{shared}`", (Edit(item.link.target_start, item.link.target_end, shared),))
        if fix is None:
            images = _english_images(context) if images is None else images
            english = _english_image(images, item)
            if english is not None:
                message = (
                    f"`{visible(item.link.target)}` leads to {visible(item.resolution.url)}, where no page or "
                    f"file exists (404); the English page shows `{english}` here: was the file name "
                    "translated? Image file names stay as in English"
                )
                fix = Fix(
                    f"write the English page's image `{english}`",
                    (Edit(item.link.target_start, item.link.target_end, english),),
                    Safety.UNSAFE,
                )
        yield context.report(item.link.target_start, item.link.target_end, message, fix=fix)
