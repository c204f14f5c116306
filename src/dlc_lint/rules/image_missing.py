"""DLC702 image-missing: an image of the English page is missing from the translation.

## What it does
Lists the images of the English page and reports each one the translated page
does not show (an image only inside an HTML comment is not shown). The
finding sits where the image belongs: at the translation of the English block
holding it, or where that translation would be. When the English page got the
image after the translation was made, the message says so.

An image of the translation with a broken address (reported by DLC402 or
DLC406) counts as the English image it replaces: it is not reported twice.

## Why is this bad?
The text around a figure says "as shown in Figure 3"; without the figure the
reader is lost. Figures are usually lost when a translator comments out the
English `<center><img ...></center>` block and forgets the visible copy, or
when the English page gains figures after the translation.

## Example
English:
```
<center><img src="{{site.baseurl}}/images/week06/06-3/seq2vec.png"/></center>
```
The translation has only the commented copy:
```
<!-- <center><img src="{{site.baseurl}}/images/week06/06-3/seq2vec.png"/></center> -->
```

## Use instead
```
<!-- <center><img src="{{site.baseurl}}/images/week06/06-3/seq2vec.png"/></center> -->
<center><img src="{{site.baseurl}}/images/week06/06-3/seq2vec.png"/></center>
```
"""

from dlc_lint.analysis import parity
from dlc_lint.rules import rule


@rule("DLC702", "image-missing", "warning", "An image of the English page is missing from the translation")
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    theirs = [i for i in parity.link_items(site, english) if i.link.is_image and i.key.startswith("site:")]
    if not theirs:
        return
    mine = [i for i in parity.link_items(site, page) if i.link.is_image]
    shown = {i.key for i in mine}
    # the same file under another address (`https://github.com/.../raw/master/docs/images/Yann.png`)
    shown_names = {_name(i.link.target) for i in mine if not i.problem}
    damaged_units = {i.unit for i in mine if i.problem}
    damaged_names = [_name(i.link.target) for i in mine if i.problem]
    align = parity.alignment(site, page, english)
    commented = parity.comment_text(page)
    snaps = parity.snapshot(site, page)
    seen: set[str] = set()
    for item in theirs:
        if item.key in shown or item.key in seen or _name(item.link.target) in shown_names:
            continue
        seen.add(item.key)
        unit = align.english[item.unit] if item.unit is not None else None
        counterpart = align.translated_for(unit) if unit is not None else None
        if counterpart is not None and counterpart.index in damaged_units:
            continue  # its damaged copy is reported by the link rules
        name = _name(item.link.target)
        if any(parity.similarity(name, other) >= 0.6 for other in damaged_names):
            continue
        at = counterpart.start if counterpart is not None else _insertion_point(align, unit, page)
        if item.link.target in commented:
            why = "it is only inside an HTML comment here, so readers do not see it"
        elif snaps:
            why = "the English page got it after this translation was made"
        else:
            why = "the translation does not show it"
        yield parity.report_english(
            context,
            at,
            at,
            f"the English image {parity.code(item.link.target, 80)} is missing from this page: {why}",
            related=(
                parity.english_location(
                    context, english, item.link.target_start, item.link.target_end, "the English image"
                ),
            ),
        )


def _name(target: str) -> str:
    return target.rstrip("/").rsplit("/", 1)[-1]


def _insertion_point(align, unit, page) -> int:
    """Where the translation of English ``unit`` would be: before the translation of the next paired unit."""
    if unit is not None:
        for later in align.english[unit.index + 1 :]:
            counterpart = align.translated_for(later)
            if counterpart is not None:
                return counterpart.start
    return len(page.text.rstrip())
