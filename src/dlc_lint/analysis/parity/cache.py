"""Caches of parity facts: per site (computed once per run) and per page (they go when the page goes)."""

from __future__ import annotations

from dlc_lint.parse.page import Page


def cache_for(site) -> dict:
    """A dictionary living as long as ``site``: site-wide parity facts are computed once per run."""
    return site.__dict__.setdefault("_dlc_parity_cache", {})


def cached_on_site(site, key, compute):
    cache = cache_for(site)
    try:
        return cache[key]
    except KeyError:
        value = cache[key] = compute()
        return value


def cached_on_page(page: Page, key, compute):
    """A view of one page (or of a translated page and its English page), kept on the page itself:
    it is computed once and goes when the page goes (the engine lets a translated page go once it is
    linted, while the English pages stay for the other translations)."""
    cache = page.__dict__.setdefault("_dlc_parity", {})
    try:
        return cache[key]
    except KeyError:
        value = cache[key] = compute()
        return value
