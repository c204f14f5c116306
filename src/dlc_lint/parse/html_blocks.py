"""Block HTML elements as kramdown reads them with GitHub Pages' settings (`parse_block_html` off).

A line starting (after at most three spaces) with the opening tag of an element that is not a span
element starts a block HTML element; kramdown copies its content raw, up to the matching closing
tag, blank lines included, unless the tag has a `markdown` attribute. Measured with Jekyll 4.3 and
kramdown 2.4 (fixtures/renderer/ko/html-block/, re-checked by tests/render).
"""

from __future__ import annotations

import re

from dlc_lint.parse import inline

# kramdown 2.4 (parser/html.rb): tags that never start a block, and elements read as blocks with markdown="1"
SPAN_ELEMENTS = frozenset(
    "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp "
    "rt rtc ruby samp select small span strong sub sup tt u var".split()
)
BLOCK_MODEL = frozenset(
    "address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header "
    "hgroup iframe li main map menu nav noscript object section summary td".split()
)
SPAN_MODEL = frozenset(
    "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q "
    "rb rbc rp rt rtc ruby select small span strong sub sup th tt".split()
)
VOID = frozenset("area base br col command embed hr img input keygen link meta param source track wbr".split())

_OPT_SPACE = re.compile(r"[ ]{0,3}\Z")


def raw_element_ranges(page, site=None) -> list[tuple[int, int]]:
    """The content of each closed block HTML element kramdown copies raw, in page order (cached on the page)."""
    if site is not None and parses_block_html(site):
        return []
    cache = page.__dict__
    found = cache.get("_dlc_raw_elements")
    if found is None:
        found = cache["_dlc_raw_elements"] = [
            (element.end, close.start) for element, close, _ in raw_elements(page.text, page.tags)
        ]
    return found


def parses_block_html(site) -> bool:
    source = site.config_source
    if source is None or "parse_block_html" not in source.text:
        return False
    return bool(re.search(r"(?m)^[ \t]+parse_block_html:[ \t]*(?:true|yes|on)\b", source.text))


def markdown_attr(tag: inline.Tag) -> str | None:
    attribute = tag.attribute("markdown")
    if attribute is None:
        return None
    return (attribute.value or "").strip()


def starts_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_OPT_SPACE.match(text[line_start:start]))


def _block_opener(text: str, tag: inline.Tag) -> bool:
    name = tag.name.lower()
    return (
        not tag.closing
        and not tag.self_closing
        and name not in SPAN_ELEMENTS
        and name not in VOID
        and starts_line(text, tag.start)
    )


def _closer(tags, index: int) -> int | None:
    """The index of the tag closing ``tags[index]`` (same name, nesting counted), or None."""
    name = tags[index].name.lower()
    depth = 0
    for j in range(index + 1, len(tags)):
        tag = tags[j]
        if tag.name.lower() != name or tag.self_closing:
            continue
        if not tag.closing:
            depth += 1
        elif depth == 0:
            return j
        else:
            depth -= 1
    return None


def raw_elements(text: str, tags):
    """Each block element whose content kramdown copies raw: (opening tag, closing tag or None, nested openers).

    Elements inside a raw element are yielded too (the fix of the outer one leaves them raw)."""
    tags = list(tags)
    for index, tag in enumerate(tags):
        if not _block_opener(text, tag):
            continue
        attr = markdown_attr(tag)
        if attr is not None and attr != "":
            continue  # the writer chose how kramdown reads it
        close_index = _closer(tags, index)
        if close_index is None:
            continue  # never closed: DLC602 reports it (kramdown reads the rest of the page as raw HTML)
        close = tags[close_index]
        end = close.start
        inner = [t for t in tags[index + 1 : close_index] if t.start < end and _block_opener(text, t)]
        yield tag, close, inner
