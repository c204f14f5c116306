"""Links and images of a page, keyed by what they point at, for comparing pages."""

from __future__ import annotations

from dataclasses import dataclass

from dlc_lint.analysis.parity.blocks import units
from dlc_lint.analysis.parity.cache import cached_on_page
from dlc_lint.analysis.parity.locate import units_at
from dlc_lint.parse.page import Page


@dataclass(frozen=True, slots=True)
class LinkItem:
    """A link or image of a page with what it points at, for comparing pages.

    ``key``: ``site:<path>`` for a file of this site, ``ext:<url>`` for another
    site, ``anchor:<#id>``, else ``raw:<target>``. ``problem``: what the link
    rules (DLC4xx) already report about it (``""`` when nothing).
    """

    link: object  # dlc_lint.parse.inline.Link
    key: str
    problem: str
    unit: int | None


def link_items(site, page: Page) -> tuple[LinkItem, ...]:
    def compute():
        from dlc_lint.site import urls

        links = urls.page_links(page, site)
        items = []
        for item, unit in zip(links, units_at(units(site, page), [item.link.start for item in links])):
            resolution = item.resolution
            if resolution.ok:
                key = "site:" + resolution.path
            elif resolution.kind == "external":
                key = "ext:" + resolution.url
            elif resolution.kind == "anchor":
                key = "anchor:" + resolution.url
            else:
                key = "raw:" + item.link.target.strip()
            items.append(
                LinkItem(
                    item.link,
                    key,
                    item.problem or ("broken" if resolution.broken else ""),
                    None if unit is None else unit.index,
                )
            )
        return tuple(items)

    return cached_on_page(page, "links", compute)


def localize_key(site, key: str, lang: str) -> str | None:
    """The key of the same page in ``lang`` (``site:en/x.md`` -> ``site:ko/x.md``) when that page exists."""
    source = site.source_lang
    if not key.startswith(f"site:{source}/"):
        return None
    path = f"{lang}/" + key[len(f"site:{source}/") :]
    return "site:" + path if path in site.files else None
