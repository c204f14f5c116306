"""Which links a page really has (not inside kramdown math), where each goes and its one problem."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dlc_lint.parse import inline
from dlc_lint.parse.html_blocks import raw_element_ranges
from dlc_lint.site.urls.liquid import malformed_liquid
from dlc_lint.site.urls.resolve import Resolution, Resolver, has_inside_space, remove_inside_space, resolver_for


def kramdown_math_ranges(page) -> tuple[tuple[int, int], ...]:
    """``$$...$$`` spans kramdown treats as math (no links or tags inside), paired within a block
    (cached on the page: the link, Liquid and tag scans all need them)."""
    cache = page.__dict__
    ranges = cache.get("_dlc_kramdown_math")
    if ranges is None:
        ranges = cache["_dlc_kramdown_math"] = tuple(_kramdown_math_ranges(page))
    return ranges


def _kramdown_math_ranges(page) -> list[tuple[int, int]]:
    ranges = []
    text = page.content_text
    for block in page.blocks:
        if block.kind in ("code", "indented-code", "comment"):
            continue
        if block.kind == "math":
            ranges.append((block.start, block.end))
            continue
        segment = text[block.start : block.end]
        if "$$" not in segment:
            continue
        for match in re.finditer(r"\$\$.+?\$\$", segment, re.S):
            ranges.append((block.start + match.start(), block.start + match.end()))
    return ranges


@dataclass(frozen=True, slots=True)
class PageLink:
    """A link of a page, where it goes, and which single problem (if any) it has.

    ``problem`` is one of: ``""`` (fine or not checkable), ``malformed-liquid``,
    ``space`` (whitespace or an invisible character inside the URL breaks it;
    ``repaired`` is the target without them, which works), ``no-baseurl``,
    ``broken`` (a 404 for any other reason). Each link gets at most one, so
    every defect is reported by exactly one rule.
    """

    link: inline.Link
    resolution: Resolution
    problem: str = ""
    repaired: str = ""


def page_links(page, site) -> tuple[PageLink, ...]:
    """Every link and image of a rendered page with where it goes (cached on the page)."""
    cache = page.__dict__
    found = cache.get("_dlc_page_links")
    if found is not None:
        return found
    found = ()
    if page.front_matter.present:
        resolver = resolver_for(site)
        math = kramdown_math_ranges(page)
        raw = raw_element_ranges(page, site)  # kramdown prints Markdown there as typed: no link (DLC610)
        items = []
        for link in page.links:
            if link.kind == "autolink" or _inside(link.target_start, math):
                continue
            if link.kind in ("link", "image", "reference") and _inside(link.start, raw):
                continue
            items.append(_diagnose(resolver, page.path, link))
        found = tuple(items)
    cache["_dlc_page_links"] = found
    return found


def _inside(offset: int, ranges) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _diagnose(resolver: Resolver, page_path: str, link: inline.Link) -> PageLink:
    target = link.target
    resolution = resolver.resolve(page_path, target, link.kind)
    if resolution.ok or resolution.kind == "anchor":
        return PageLink(link, resolution)
    if malformed_liquid(target):
        return PageLink(link, resolution, "malformed-liquid")
    if resolution.kind == "external":
        if has_inside_space(target):
            return PageLink(link, resolution, "space", remove_inside_space(target))
        return PageLink(link, resolution)
    if resolution.kind == "liquid":
        return PageLink(link, resolution)
    if has_inside_space(target):
        repaired = remove_inside_space(target)
        if resolver.resolve(page_path, repaired, link.kind).ok:
            return PageLink(link, resolution, "space", repaired)
    if resolution.reason == "no-baseurl":
        return PageLink(link, resolution, "no-baseurl")
    return PageLink(link, resolution, "broken")
