"""Resolving one link or image target the way the published site does (see :mod:`dlc_lint.site.urls`)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

# Liquid allows spaces around the dot (`{{site. baseurl}}` works: fixtures/renderer/ko/links/liquid-space.md)
BASEURL = re.compile(r"\{\{\s*site\s*\.\s*baseurl\s*\}\}")
_LINK_TAG = re.compile(r"\{%-?\s*link\s+(?P<path>[^\s%]+)\s*-?%\}")
_LIQUID = re.compile(r"\{\{|\}\}|\{%|%\}")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What browsers and kramdown strip from both ends of a URL.
EDGE = " \t\n\r\f"
# Invisible characters that end up percent-encoded inside a URL.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INSIDE_SPACE = re.compile(r"[\s" + INVISIBLE + "]")
_INVISIBLE_CHAR = re.compile("[" + INVISIBLE + "]")


def visible(text: str) -> str:
    """``text`` with each invisible character written out (`<U+200B>`), so a message can show it."""
    return _INVISIBLE_CHAR.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


_MARKDOWN_EXT = (".md", ".markdown")
# Jekyll never publishes these (besides ``_``/``.`` names and the config's ``exclude``).
_JEKYLL_EXCLUDED = {"Gemfile", "Gemfile.lock", "node_modules", "vendor"}


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one link target from one page.

    ``kind``:
      - ``external``: another site (``https://...``, ``mailto:``); not checked
      - ``anchor``: ``#section`` on the same page; not checked
      - ``liquid``: holds Liquid this tool cannot evaluate; not checked
      - ``ok``: served by ``path``
      - ``broken``: nothing is served at ``url``
    ``url`` is the absolute URL path the browser asks for (baseurl included);
    ``site_url`` the same inside the site (baseurl removed), or None when it
    points outside the site (a root-absolute link that skips the baseurl).
    ``reason`` (for ``broken``): ``missing``, ``no-baseurl`` (``/ko/...`` that
    would work with the baseurl; ``path`` is then the file it would reach),
    ``source-file`` (``x.md`` of a page: only its pretty URL is published; ``path`` is the page; with
    plain Jekyll), ``md-link`` (plain Jekyll: a link to the ``.md`` file of a page, which only
    jekyll-relative-links turns into the page's address; ``path`` is the page),
    ``bad-link-tag`` (``{% link %}`` to a file that does not exist).
    """

    kind: str
    url: str = ""
    site_url: str | None = None
    path: str | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.kind == "ok"

    @property
    def broken(self) -> bool:
        return self.kind == "broken"


def has_inside_space(target: str) -> bool:
    """Whitespace or an invisible character inside (not at the ends of) ``target``."""
    return bool(_INSIDE_SPACE.search(target.strip(EDGE)))


def remove_inside_space(target: str) -> str:
    """``target`` with all whitespace and invisible characters removed."""
    return _INSIDE_SPACE.sub("", target)


class Resolver:
    """Resolves link targets for one site; build it once per site with :func:`resolver_for`."""

    def __init__(self, site):
        from dlc_lint.parse.renderer import GITHUB_PAGES, is_page

        self.site = site
        self.baseurl = site.baseurl  # "/pytorch-Deep-Learning" or ""
        # GitHub Pages runs jekyll-relative-links; plain Jekyll neither rewrites `x.md` links nor makes a
        # page of a Markdown file without front matter (it copies the file as it is)
        self.renderer = getattr(site.layout, "renderer", GITHUB_PAGES)
        self.relative_links = self.renderer == GITHUB_PAGES
        excluded = set(site.config_list("exclude"))
        self._excluded = excluded
        self._static: set[str] = set()
        self._markdown: dict[str, str] = {}  # page URL (no trailing slash) -> page path
        self._lower: dict[str, list[str]] = {}
        self._from_root: dict[tuple[str, str], Resolution] = {}  # (address from the root, link kind) -> where
        for path in site.files:
            parts = path.split("/")
            if any(part.startswith(("_", ".")) for part in parts) or parts[0] in _JEKYLL_EXCLUDED:
                continue
            if path in excluded or parts[0] in excluded:
                continue
            if path.endswith(_MARKDOWN_EXT) and (self.relative_links or self._is_page(path, is_page)):
                url = site.url_of(path).rstrip("/") or "/"
                self._markdown.setdefault(url, path)
                self._lower.setdefault(url.lower(), []).append(url)
            else:
                self._static.add("/" + path)
                self._lower.setdefault(("/" + path).lower(), []).append("/" + path)

    def _is_page(self, path: str, is_page) -> bool:
        front = self.site.front_matter(path)
        return front is not None and is_page(path, front, self.renderer)

    def page_url(self, path: str) -> str:
        """The absolute URL (with baseurl) a page is served at."""
        return self.baseurl + self.site.url_of(path)

    # -- lookups -------------------------------------------------------------
    def lookup(self, site_url: str) -> tuple[str | None, str]:
        """The file served at ``site_url`` (no baseurl, decoded) and a reason when there is none."""
        path = posixpath.normpath(site_url) if site_url not in ("", "/") else "/"
        if path.startswith("//"):
            path = "/" + path.lstrip("/")
        trimmed = path.rstrip("/") or "/"
        for candidate in (
            trimmed,
            trimmed[: -len("/index.html")] or "/" if trimmed.endswith("/index.html") else None,
            trimmed[: -len(".html")] if trimmed.endswith(".html") else None,
        ):
            if candidate is None:
                continue
            page = self._markdown.get(candidate)
            if page is not None:
                return page, ""
        if trimmed in self._static:
            return trimmed[1:], ""
        if trimmed + ".html" in self._static:
            return trimmed[1:] + ".html", ""
        if trimmed.endswith(_MARKDOWN_EXT) and self._markdown.get(trimmed[: trimmed.rfind(".")]):
            return None, "source-file"  # ``x.md`` is not published: only its pretty URL is
        return None, "missing"

    def case_variants(self, site_url: str) -> list[str]:
        """Existing URLs that differ from ``site_url`` only in letter case."""
        trimmed = (posixpath.normpath(site_url) if site_url not in ("", "/") else "/").rstrip("/") or "/"
        return [u for u in self._lower.get(trimmed.lower(), []) if u != trimmed]

    # -- resolution ----------------------------------------------------------
    def expand(self, target: str) -> str | None:
        """``target`` with ``{{ site.baseurl }}`` and ``{% link x %}`` expanded; None for other Liquid."""
        text = BASEURL.sub(self.baseurl, target)

        def link_tag(match):
            # Jekyll 4's `{% link %}` prints the URL with the baseurl (`relative_url`): `{{site.baseurl}}{% link %}`
            # doubles it (tests/render proves it on the corpus)
            path = match.group("path")
            return self.baseurl + self.site.url_of(path) if path in self.site.files else "\0"

        text = _LINK_TAG.sub(link_tag, text)
        if "\0" in text:
            return "\0"
        if _LIQUID.search(text):
            return None
        return text

    def resolve(self, page_path: str, target: str, kind: str = "link") -> Resolution:
        """Resolve ``target`` as written in the page at ``page_path``.

        ``kind`` is the :class:`dlc_lint.parse.inline.Link` kind: Markdown ``link`` and
        ``reference`` targets get jekyll-relative-links treatment.
        """
        expanded = self.expand(target)
        if expanded is None:
            return Resolution("liquid")
        if expanded == "\0":
            return Resolution("broken", reason="bad-link-tag")
        url = expanded.strip(EDGE).replace("\t", "").replace("\n", "").replace("\r", "")
        if not url:
            return Resolution("anchor")
        if url.startswith("//") or SCHEME.match(url):
            return Resolution("external", url=url)
        if url.startswith("#"):
            return Resolution("anchor", url=url)
        if url.startswith("/"):
            # an address from the site's root leads to the same place from every page: resolved once
            found = self._from_root.get((url, kind))
            if found is None:
                found = self._from_root[(url, kind)] = self._resolve_url(page_path, url, kind)
            return found
        return self._resolve_url(page_path, url, kind)

    def _resolve_url(self, page_path: str, url: str, kind: str) -> Resolution:
        parts = urlsplit(url)
        raw_path = parts.path
        if self.relative_links and kind in ("link", "reference", "image") and raw_path.endswith(_MARKDOWN_EXT):
            found = self._relative_links(page_path, unquote(raw_path))
            if found is not None:
                return Resolution("ok", url=self.page_url(found), site_url=self.site.url_of(found), path=found)
        base = self.page_url(page_path)
        absolute = urljoin("http://site" + base, url)
        path = unquote(urlsplit(absolute).path)
        base_prefix = self.baseurl
        if base_prefix and not (path == base_prefix or path.startswith(base_prefix + "/")):
            found, _ = self.lookup(path)
            return Resolution(
                "broken", url=path, site_url=None, path=found, reason="no-baseurl" if found else "missing"
            )
        site_url = path[len(base_prefix) :] or "/"
        found, reason = self.lookup(site_url)
        if found is not None:
            return Resolution("ok", url=path, site_url=site_url, path=found)
        if reason == "source-file":  # the page whose source it names
            found = self._markdown.get(posixpath.splitext(posixpath.normpath(site_url))[0])
        if not self.relative_links and kind in ("link", "reference", "image") and raw_path.endswith(_MARKDOWN_EXT):
            page = self._relative_links(page_path, unquote(raw_path))  # what GitHub Pages would have linked
            if page is not None and self.site.url_of(page).rstrip("/") in self._markdown:
                return Resolution("broken", url=path, site_url=site_url, path=page, reason="md-link")
        return Resolution("broken", url=path, site_url=site_url, path=found, reason=reason)

    def _relative_links(self, page_path: str, link_path: str) -> str | None:
        """jekyll-relative-links: a link to a ``.md`` page becomes the page's URL."""
        if link_path.startswith("/"):
            candidate = posixpath.normpath(link_path.lstrip("/"))
        else:
            candidate = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), link_path))
        if candidate in self.site.files and not candidate.startswith("../"):
            return candidate
        return None


def resolver_for(site) -> Resolver:
    """The site's resolver, built once per site."""
    cache = site.__dict__
    resolver = cache.get("_dlc_url_resolver")
    if resolver is None:
        resolver = cache["_dlc_url_resolver"] = Resolver(site)
    return resolver
