"""DLC701 image-source-mismatch: an image shows another file than the English page shows at that place.

## What it does
Compares each image of a translated page (`![...](src)`, `<img src>`) with the
images of the English page. An image the English page also shows (as many
times) is fine. An image whose file exists but that the English page does not
show, or shows fewer times, where the English page shows another image at the
same place, is reported with the English image as related location.

Images whose address is broken (a translated file name, spaces, a mistyped
`{{ site.baseurl }}`) are reported by the link rules DLC402, DLC405 and
DLC406 and are not repeated here.

## Why is this bad?
Figures are shared by all languages. A different file at the same place is
usually a copy-paste slip (figure 3 shown twice, figure 4 never), or a figure
of another lecture.

## Example
English: `<img src="{{site.baseurl}}/images/week05/05-3/Result_1D_Conv.png">`
```
<img src="{{site.baseurl}}/images/week05/05-3/Illustration_1D_Conv.png">
```

## Use instead
```
<img src="{{site.baseurl}}/images/week05/05-3/Result_1D_Conv.png">
```
"""

from collections import Counter

from dlc_lint.analysis import parity
from dlc_lint.rules import rule


@rule(
    "DLC701",
    "image-source-mismatch",
    "warning",
    "An image shows another file than the English page shows at the same place",
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    theirs = [i for i in parity.link_items(site, english) if i.link.is_image]
    if not theirs:
        return
    known = Counter(i.key for i in theirs)
    mine = [i for i in parity.link_items(site, page) if i.link.is_image]
    mine_keys = Counter(i.key for i in mine)
    align = parity.alignment(site, page, english)
    by_unit: dict[int, list[parity.LinkItem]] = {}
    for item in theirs:
        by_unit.setdefault(item.unit, []).append(item)
    for item in mine:
        if item.problem or not item.key.startswith("site:") or item.unit is None:
            continue
        if item.key in known and mine_keys[item.key] <= known[item.key]:
            continue  # an English image (a figure shown twice where the English shows it once is not)
        unit = align.translated[item.unit]
        candidates = [
            other
            for near in align.english_near(unit, radius=1)
            for other in by_unit.get(near.index, ())
            if other.key not in mine_keys
        ]
        if not candidates:
            continue
        other = candidates[0]
        yield parity.report_english(
            context,
            item.link.target_start,
            item.link.target_end,
            f"this image is {parity.code(item.link.target, 70)}, but the English page shows "
            f"{parity.code(other.link.target, 70)} here",
            related=(
                parity.english_location(
                    context, english, other.link.target_start, other.link.target_end, "the English image"
                ),
            ),
        )
