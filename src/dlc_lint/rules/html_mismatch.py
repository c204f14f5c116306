"""DLC706 html-mismatch: an HTML tag or attribute differs from the same tag on the English page.

## What it does
Pairs the HTML tags of each translated block with the tags of the English
block it translates and compares, for tags in the same place, the tag name
(one HTML element swapped for a similar one; a name that is not HTML at all,
`<centro>`, is DLC601's) and the attributes that are not human text. `alt`, `title`, `aria-label`
and the like may be translated; `style`, `class`, `width`, `align`, `id`...
may not. Spaces inside `style` and the spelling of a hex colour do not matter
(`#ddd` is `#DDDDDD`; `#DCDCDCDC`, CSS's `#rrggbbaa` with an alpha channel, is
the colour `#DCDCDC`); a figure sized differently
(`width`, `height`, the numbers of `zoom`) is only information. Tags a translator adds
(`<sup>English term</sup>` glosses, `<br>`) or leaves out are not compared,
nor are the `<div dir="rtl">` wrappers of right-to-left languages. Addresses
(`src`, `href`) are compared by DLC701 and DLC703.

## Why is this bad?
Machine translation translates markup: `style="couleur de fond: ..."` for
`style="background-color: ..."`, `align="centre"`. The browser ignores what it does not know, so the figure
loses its layout or the element disappears.

## Example
English: `<img src="x.png" style="zoom: 40%; background-color:#DCDCDC;"/>`
```
<img src="x.png" style="zoom: 40%; couleur de fond:#DCDCDC;"/>
```

## Use instead
```
<img src="x.png" style="zoom: 40%; background-color:#DCDCDC;"/>
```
"""

import difflib
import functools
import re

from dlc_lint.analysis import parity
from dlc_lint.finding import Severity
from dlc_lint.parse.html_balance import is_known
from dlc_lint.rules import rule

HUMAN_ATTRIBUTES = frozenset(
    "alt title aria-label aria-description aria-placeholder placeholder label summary abbr dir lang translate".split()
)
_DIGITS = re.compile(r"[\d.]+")
ADDRESS_ATTRIBUTES = frozenset("src href srcset poster data action cite".split())


@rule("DLC706", "html-mismatch", "warning", "An HTML tag or attribute differs from the same tag on the English page")
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    theirs_tags = english.tags
    mine_tags = page.tags
    if not theirs_tags or not mine_tags:
        return
    align = parity.alignment(site, page, english)
    # the same for every translation of the English page: grouped once
    theirs = parity.cached_on_page(english, "tags-by-unit", lambda: _by_unit(align.english, theirs_tags))
    mine = _by_unit(align.translated, mine_tags)
    for e_index, tags in theirs.items():
        unit = align.english[e_index]
        counterpart = align.translated_for(unit)
        if counterpart is None or counterpart.index not in mine:
            continue
        yield from _compare(context, english, tags, mine[counterpart.index])


def _by_unit(found, tags):
    grouped: dict[int, list] = {}
    for tag, unit in zip(tags, parity.units_at(found, [tag.start for tag in tags])):
        if unit is None or tag.attribute("dir") is not None:
            continue  # outside the units, or a right-to-left wrapper
        grouped.setdefault(unit.index, []).append(tag)
    return grouped


def _compare(context, english, theirs, mine):
    key = lambda tag: ("/" if tag.closing else "") + tag.name.lower()
    mine_keys, their_keys = tuple(key(t) for t in mine), tuple(key(t) for t in theirs)
    if mine_keys == their_keys:
        opcodes = [("equal", 0, len(mine), 0, len(theirs))]
    else:
        opcodes = _opcodes(mine_keys, their_keys)
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            text, english_text = context.page.text, english.text
            for tag, other in zip(mine[i1:i2], theirs[j1:j2]):
                if text[tag.start : tag.end] == english_text[other.start : other.end]:
                    continue  # the very same tag
                finding = _compare_attributes(context, english, tag, other)
                if finding is not None:
                    yield finding
        elif op == "replace":
            for tag, other in zip(mine[i1:i2], theirs[j1:j2]):
                if tag.closing != other.closing or not _renamed(tag.name.lower(), other.name.lower()):
                    continue
                if not is_known(tag.name):
                    continue  # not HTML at all (`<centro>`): DLC601 (unknown-html-tag) reports it
                yield parity.report_english(
                    context,
                    tag.start,
                    tag.end,
                    f"this tag is {parity.code(context.page.text[tag.start : tag.end], 40)} where the English "
                    f"page has {parity.code(english.text[other.start : other.end], 40)}: tag names are not "
                    "translated",
                    related=(parity.english_location(context, english, other.start, other.end, "the English tag"),),
                )


@functools.lru_cache(maxsize=256)
def _opcodes(mine: tuple[str, ...], theirs: tuple[str, ...]) -> list[tuple[str, int, int, int, int]]:
    """How one tag sequence became the other (remembered: translations of a page differ alike, and a
    table of 600 tags takes a while)."""
    return difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()  # type: ignore[return-value]


def _renamed(mine: str, theirs: str) -> bool:
    """``centro`` for ``center``: the same tag with its name damaged, not another tag."""
    return mine != theirs and difflib.SequenceMatcher(None, mine, theirs).ratio() >= 0.6


def _compare_attributes(context, english, tag, other):
    mine = {a.name.lower(): a for a in tag.attributes}
    theirs = {a.name.lower(): a for a in other.attributes}
    for name, attribute in theirs.items():
        if name in HUMAN_ATTRIBUTES or name in ADDRESS_ATTRIBUTES:
            continue
        related = (parity.english_location(context, english, other.start, other.end, "the English tag"),)
        mine_attribute = mine.get(name)
        if mine_attribute is None:
            if name in ("width", "height"):
                continue  # a translator may size a figure differently
            renamed = [a for n, a in mine.items() if n not in theirs and n not in HUMAN_ATTRIBUTES]
            at = renamed[0] if renamed else None
            start = at.start if at else tag.start
            end = at.value_end if at and at.value is not None else (start + len(at.name) if at else tag.end)
            return parity.report_english(
                context,
                start,
                end,
                f"the English tag has the attribute {parity.code(_show(attribute, name, english.text), 60)}, this one "
                + (f"has {parity.code(_show(at, at.name, context.page.text), 60)} instead" if at else "does not"),
                related=related,
            )
        mine_value, their_value = _value(name, mine_attribute.value), _value(name, attribute.value)
        if mine_value != their_value:
            # a figure resized (English changed it since, or a deliberate choice): worth a look only
            sizing = name in ("width", "height") or _DIGITS.sub("", mine_value) == _DIGITS.sub("", their_value)
            return parity.report_english(
                context,
                mine_attribute.value_start,
                mine_attribute.value_end,
                f"`{name}` is {parity.code(mine_attribute.value or '', 60)} where the English tag has "
                f"{parity.code(attribute.value or '', 60)}",
                related=related,
                severity=Severity.INFO if sizing else None,
            )
    return None


def _show(attribute, name, text) -> str:
    if attribute.value is None:
        return name
    return text[attribute.start : attribute.value_end + 1]


_HEX_COLOUR = re.compile(r"#([0-9a-f]{3,8})\b", re.I)


def _colour(match) -> str:
    """``#rgb``, ``#rgba`` and ``#rrggbbaa`` as ``#rrggbb``: the same colour (an alpha channel added or
    dropped is a rendering detail, not another attribute)."""
    digits = match.group(1).lower()
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits[:3])
    elif len(digits) in (6, 8):
        digits = digits[:6]
    else:
        return match.group(0).lower()
    return "#" + digits


def _value(name: str, value: str | None) -> str:
    value = (value or "").strip()
    if "#" in value:
        value = _HEX_COLOUR.sub(_colour, value)
    if name == "style":
        return ";".join(part.replace(" ", "").lower() for part in value.split(";") if part.strip())
    if name == "class":
        return " ".join(sorted(value.split()))
    return value
