"""DLC703 link-target-mismatch: a link goes somewhere else than the same link on the English page.

## What it does
Compares the links of a translated page with the links of the English page,
block by block. A link to a page of this site matches when it reaches the same
page, or the same page in the translation's language
(`{{site.baseurl}}/en/week04/04-1/` and `{{site.baseurl}}/ko/week04/04-1/`
both match the English `{{site.baseurl}}/en/week04/04-1`). A link to another
site matches when the address is the same. A link that matches nothing on the
English page, where the English block has a link that the translation lacks,
is reported with the English link as related location. The links of a block
are paired in order (as sequences: a row of the index table holds several),
so a link is compared with the English link at its own place. A link to the same
resource in the page's own language (`docs/ko/README-KO.md` for `README.md`)
is fine.

Broken links (404s, spaces in addresses, a mistyped `{{ site.baseurl }}`) are
reported by the link rules DLC401-DLC406; YouTube links by DLC708.

## Why is this bad?
The reader lands on another page than the English reader: an edited address
(`yann.lecun.com` became another host), a link to the wrong week, a link to
the English page where the English page links elsewhere.

## Example
English: `[previous week]({{site.baseurl}}/en/week04/04-1)`
```
[지난주]({{site.baseurl}}/ko/week04/04-2)
```

## Use instead
```
[지난주]({{site.baseurl}}/ko/week04/04-1)
```
"""

import difflib

from dlc_lint.analysis import parity
from dlc_lint.rules import rule


@rule("DLC703", "link-target-mismatch", "warning", "A link goes somewhere else than the same link on the English page")
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    lang = context.lang
    theirs = [i for i in parity.link_items(site, english) if _comparable(i)]
    if not theirs:
        return
    accepted = set()
    for item in theirs:
        accepted.add(item.key)
        local = parity.localize_key(site, item.key, lang)
        if local:
            accepted.add(local)
    mine = [i for i in parity.link_items(site, page) if _comparable(i)]
    mine_keys = {i.key for i in mine}
    align = parity.alignment(site, page, english)
    by_unit: dict[int, list[parity.LinkItem]] = {}
    for item in theirs:
        by_unit.setdefault(item.unit, []).append(item)
    for item in mine:
        if item.problem or item.key in accepted or item.unit is None or item.key.startswith(("raw:", "anchor:")):
            continue
        unit = align.translated[item.unit]
        paired = align.english_for(unit)
        if paired is None:
            continue
        missing = [
            other
            for other in by_unit.get(paired.index, ())
            if other.key not in mine_keys
            and parity.localize_key(site, other.key, lang) not in mine_keys
            and other.key.split(":", 1)[0] == item.key.split(":", 1)[0]
        ]
        if not missing:
            continue
        other = _counterpart(item, [i for i in mine if i.unit == item.unit], by_unit.get(paired.index, []), site, lang)
        if other is None or other not in missing:
            continue  # a link the translation added, or its English link is elsewhere on the page
        if _localized(item.link.target, other.link.target, lang):
            continue
        yield parity.report_english(
            context,
            item.link.target_start,
            item.link.target_end,
            f"this link goes to {parity.code(_where(item), 70)}, but the English page links "
            f"{parity.code(other.link.target, 70)} here",
            related=(
                parity.english_location(
                    context, english, other.link.target_start, other.link.target_end, "the English link"
                ),
            ),
        )


def _counterpart(item, mine: list, theirs: list, site, lang: str):
    """The English link at the same place as ``item`` among the links of the two blocks, aligned as
    sequences (a table row of the index holds several links: the first missing one is not this one's)."""
    local = [parity.localize_key(site, other.key, lang) or other.key for other in theirs]
    matcher = difflib.SequenceMatcher(None, [i.key for i in mine], local, autojunk=False)
    index = mine.index(item)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= index < i2:
            if tag == "equal" or (tag == "replace" and index - i1 < j2 - j1):
                return theirs[j1 + index - i1]
            return None
    return None


def _comparable(item) -> bool:
    return not item.link.is_image and "youtube.com/" not in item.link.target and "youtu.be/" not in item.link.target


def _where(item) -> str:
    kind, _, rest = item.key.partition(":")
    return rest if kind in ("site", "ext") else item.link.target


def _localized(mine: str, theirs: str, lang: str) -> bool:
    """A link to the same resource in the page's language (``docs/ko/README-KO.md``, ``...-ZH``)."""
    import re

    marker = re.compile(rf"(?:[/_-]){re.escape(lang)}(?:[/._-]|$)", re.I)
    return bool(marker.search(mine)) and not marker.search(theirs)
