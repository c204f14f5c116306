"""Where a link goes: resolving link and image targets the way the published site does.

A page ``ko/week01/01-1.md`` is served at ``{baseurl}/ko/week01/01-1/`` (pretty
permalinks; a language index ``ko/index.md`` at ``{baseurl}/ko/``). Jekyll first
replaces ``{{ site.baseurl }}``; jekyll-relative-links (on by default on GitHub
Pages) turns a Markdown link to an existing ``.md`` page into that page's URL;
then the reader's browser resolves what is left against the page's URL. GitHub
Pages serves ``/a/b/`` also as ``/a/b``, and ``/a/b.html`` as ``/a/b``; it is
case-sensitive. GitHub Pages also enables jekyll-optional-front-matter, so a
Markdown file without (visible) front matter is still published at its pretty
URL (broken, but not a 404).

:func:`resolve` does all of that for one target and says what it found, so
the link rules only decide what to report.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from dlc_lint.parse import inline

_BASEURL = re.compile(r"\{\{\s*site\.baseurl\s*\}\}")
_LINK_TAG = re.compile(r"\{%-?\s*link\s+(?P<path>[^\s%]+)\s*-?%\}")
_LIQUID = re.compile(r"\{\{|\}\}|\{%|%\}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# What browsers and kramdown strip from both ends of a URL.
_EDGE = " \t\n\r\f"
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
    ``source-file`` (``x.md`` of a page: only its pretty URL is published),
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
    return bool(_INSIDE_SPACE.search(target.strip(_EDGE)))


def remove_inside_space(target: str) -> str:
    """``target`` with all whitespace and invisible characters removed."""
    return _INSIDE_SPACE.sub("", target)


class Resolver:
    """Resolves link targets for one site; build it once per site with :func:`resolver_for`."""

    def __init__(self, site):
        self.site = site
        self.baseurl = site.baseurl  # "/pytorch-Deep-Learning" or ""
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
            if path.endswith(_MARKDOWN_EXT):
                url = site.url_of(path).rstrip("/") or "/"
                self._markdown.setdefault(url, path)
                self._lower.setdefault(url.lower(), []).append(url)
            else:
                self._static.add("/" + path)
                self._lower.setdefault(("/" + path).lower(), []).append("/" + path)

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
        text = _BASEURL.sub(self.baseurl, target)

        def link_tag(match):
            return self.site.url_of(match.group("path")) if match.group("path") in self.site.files else "\0"

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
        url = expanded.strip(_EDGE).replace("\t", "").replace("\n", "").replace("\r", "")
        if not url:
            return Resolution("anchor")
        if url.startswith("//") or _SCHEME.match(url):
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
        if kind in ("link", "reference", "image") and raw_path.endswith(_MARKDOWN_EXT):
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
        return Resolution("broken", url=path, site_url=site_url, reason=reason)

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


# -- which links a page really has ------------------------------------------------


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
        items = []
        for link in page.links:
            if link.kind == "autolink" or _inside(link.target_start, math):
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


# -- Liquid that is not quite ``{{ site.baseurl }}`` ---------------------------------

_GAP = r"[ \t\u200b\u200c\u200d\u2060\ufeff]*"
_SITE_VARIABLE = re.compile(
    r"(?P<open>(?:(?<![{%])[{%]" + _GAP + r")?(?:[{%]" + _GAP + r")*)"
    r"(?P<name>site" + _GAP + r"[.,]" + _GAP + r"base" + _GAP + r"_?" + _GAP + r"url\w*)"
    r"(?P<close>(?:" + _GAP + r"[}%])*)",
    re.I,
)


@dataclass(frozen=True)
class LiquidProblem:
    start: int  # offset in the text that was scanned
    end: int
    text: str
    problem: str  # what is wrong, for the message


def malformed_liquid(text: str, base: int = 0) -> list[LiquidProblem]:
    """``{{ site.baseurl }}`` written wrongly: extra or missing braces, spaces or
    invisible characters inside the name, a misspelled or miscased name."""
    found = []
    if "url" not in text or "site" not in text:  # (a lower-cased copy only when the words are not there as they are)
        lower = text.lower()
        if "url" not in lower or "site" not in lower:
            return found
    for match in _site_variables(text):
        opener, name, closer = match.group("open"), match.group("name"), match.group("close")
        if not opener and not closer:
            continue  # prose that mentions site.baseurl, not Liquid
        start, end = match.start(), match.end()
        whole = match.group()
        if _strict_ok(whole):
            continue
        found.append(LiquidProblem(base + start, base + end, whole, _liquid_problem(opener, name, closer)))
    return found


def _site_variables(text: str):
    """``_SITE_VARIABLE.finditer(text)``, started only where a match can begin.

    The pattern may start with an empty group, so a plain scan tries it at
    every character of the page. A match holds ``site`` with nothing but
    braces, ``%`` and gaps before it, so the search starts at the run of those
    in front of each ``site``; the matches are the same.
    """
    pos = 0
    while True:
        found = _SITE_WORD.search(text, pos)  # not ``lower``: lower() may change the length (İ)
        if found is None:
            return
        at = found.start()
        begin = at
        while begin > pos and text[begin - 1] in _OPENER_CHARS:
            begin -= 1
        match = _SITE_VARIABLE.search(text, begin)
        if match is None:
            return
        yield match
        pos = max(match.end(), begin + 1)


# ``site`` in any case, as ``re.I`` matches it (``ſ`` is an ``s``; ``İ`` and ``ı`` are an ``i``), spelled
# out: an ignore-case pattern is tried at every character, a class of first letters is skipped to.
_SITE_WORD = re.compile("[Ss\u017f][Ii\u0130\u0131][Tt][Ee]")
_OPENER_CHARS = frozenset("{% \t\u200b\u200c\u200d\u2060\ufeff")


_STRICT_BASEURL = re.compile(r"\{\{[ ]*site\.baseurl[ ]*\}\}")


def _strict_ok(whole: str) -> bool:
    return bool(_STRICT_BASEURL.fullmatch(whole))


def _liquid_problem(opener: str, name: str, closer: str) -> str:
    open_braces = opener.replace(" ", "")
    close_braces = closer.replace(" ", "")
    if any(ch in INVISIBLE for ch in opener + name + closer):
        return "an invisible character inside it"
    if open_braces.strip(INVISIBLE) != "{{":
        count = open_braces.count("{")
        if "%" in open_braces:
            return "`{%` where `{{` belongs"
        return f"{count} opening brace{'s' if count != 1 else ''} instead of 2"
    if close_braces.strip(INVISIBLE) != "}}":
        count = close_braces.count("}")
        if "%" in close_braces:
            return "`%}` where `}}` belongs"
        return f"{count} closing brace{'s' if count != 1 else ''} instead of 2"
    if re.search(r"\s", name):
        return "a space inside the variable name"
    return f"the variable name `{name}` (Liquid names are case-sensitive; it must be `site.baseurl`)"


# -- what to say about a broken target, and how to repair it ----------------------

_LANG_PREFIX = re.compile(r"^(?P<lang>[a-z]{2}(?:-[A-Za-z]{2,4})?)/(?P<rest>.+)$")


@dataclass(frozen=True)
class Repair:
    target: str  # the new target text
    safe: bool
    title: str


def describe_broken(site, page_path: str, pl: PageLink) -> tuple[str, Repair | None]:
    """A message explaining why ``pl`` is a 404 and, when one is certain enough, a repair.

    Invisible characters of the address are written out in the message (`<U+200B>`).
    """
    message, repair = _describe_broken(site, page_path, pl)
    return visible(message), repair


def _describe_broken(site, page_path: str, pl: PageLink) -> tuple[str, Repair | None]:
    resolver = resolver_for(site)
    link = pl.link
    target = link.target
    resolution = pl.resolution
    what = "image" if link.is_image else "link"
    where = f"`{target}` leads to {resolution.url}"
    if resolution.reason == "bad-link-tag":
        return f"{what} `{target}`: the `{{% link %}}` tag names a file that does not exist", None
    if resolution.reason == "source-file":
        return (f"{where}: the `.md` source of a page is not published, only its address without `.md`", None)
    stripped = target.strip(_EDGE)
    # ((https://...)) and [url](url) inside a link target
    if stripped.startswith("(") and stripped.endswith(")") and _SCHEME.match(stripped[1:]):
        inner = stripped[1:-1]
        return (
            f"{what} target `{target}` has doubled parentheses, so the browser reads it as a page of "
            f"this site ({resolution.url}), a 404; write `{inner}`",
            Repair(inner, True, f"remove the extra parentheses around `{inner}`"),
        )
    nested = re.fullmatch(r"\[[^\]]*\]\((?P<url>[^()\s]+)\)", stripped)
    if stripped.startswith("[") and nested:
        inner = nested.group("url")
        return (
            f"{what} target `{target}` is itself a Markdown link, so the browser reads it as a page of "
            f"this site, a 404; write only the address `{inner}`",
            Repair(inner, False, f"use `{inner}` as the link target"),
        )
    lang = site.folder_lang(page_path)
    source = site.source_lang
    is_index = site.is_index(page_path) and lang != source
    prefix = _LANG_PREFIX.match(stripped)
    relative = not stripped.startswith(("/", "{", "#", ".")) and not _SCHEME.match(stripped)
    if relative and prefix and prefix.group("lang") in site.languages:
        target_lang, rest = prefix.group("lang"), prefix.group("rest")
        own = f"{lang}/{rest}"
        if is_index:
            if resolver.resolve(page_path, rest, link.kind).ok:
                return (
                    f"{where}, a 404: this index page is served at {resolver.page_url(page_path)}, and a "
                    f"relative link must not repeat `{target_lang}/`; write `{rest}`",
                    Repair(rest, True, f"drop the `{target_lang}/` prefix: `{rest}`"),
                )
            english = "{{site.baseurl}}/" + f"{source}/{rest}"
            if resolver.resolve(page_path, english, link.kind).ok:
                return (
                    f"{where}, a 404, and `{own}` is not translated yet; link the English page `{english}` until it is",
                    Repair(english, False, f"link the English page `{english}`"),
                )
        else:
            for candidate in ("{{site.baseurl}}/" + own, "{{site.baseurl}}/" + stripped):
                if resolver.resolve(page_path, candidate, link.kind).ok:
                    return (
                        f"{where}, a 404: a relative link starts from this page's own address "
                        f"{resolver.page_url(page_path)}; "
                        f"write `{candidate}`",
                        Repair(candidate, True, f"write `{candidate}`"),
                    )
    site_url = resolution.site_url
    if site_url:
        variants = resolver.case_variants(site_url)
        if len(variants) == 1:
            fixed = _recase(target, site_url, variants[0])
            if fixed and resolver.resolve(page_path, fixed, link.kind).ok:
                return (
                    f"{where}, a 404: GitHub Pages is case-sensitive and the existing address is "
                    f"{resolver.baseurl}{variants[0]}",
                    Repair(fixed, True, f"write `{fixed}`"),
                )
        parts = site_url.strip("/").split("/")
        if len(parts) >= 2 and parts[0] in site.languages and parts[0] != source and not link.is_image:
            english_url = "/" + "/".join([source] + parts[1:])
            if resolver.lookup(english_url)[0] is not None:
                english = swap_language(target, parts[0], source) or "{{site.baseurl}}" + english_url
                if english and resolver.resolve(page_path, english, link.kind).ok:
                    return (
                        f"{where}, a 404: `{parts[0]}` has no translation of this page yet; link the English "
                        f"page `{english}` until it exists",
                        Repair(english, False, f"link the English page `{english}`"),
                    )
                return (
                    f"{where}, a 404: `{parts[0]}` has no translation of this page yet; link the English "
                    f"page {resolver.baseurl}{english_url} until it exists",
                    None,
                )
        renamed = _same_page_elsewhere(site, resolver, page_path, link, target, parts)
        if renamed:
            return (
                f"{where}, where no page or file exists (404); did you mean `{renamed}`? Folder names in "
                "addresses are not translated",
                Repair(renamed, False, f"write `{renamed}`"),
            )
    hint = ""
    if has_inside_space(target):
        hint = " (the spaces or invisible characters in it are part of the address"
        repaired = remove_inside_space(target)
        if not resolver.resolve(page_path, repaired, link.kind).ok:
            hint += f", but even without them, `{repaired}` does not exist"
        hint += ")"
    elif link.kind == "link" and "/" not in stripped and "." not in stripped and len(stripped) <= 3:
        hint = (
            f"; if `[{link.text}]({target})` is not meant to be a link, put a space before `(` as the English text does"
        )
    return f"{where}, where no page or file exists (404){hint}", None


def _same_page_elsewhere(site, resolver, page_path, link, target, parts) -> str | None:
    """The target rewritten to the one page of the same language and file name in another folder.

    `{{site.baseurl}}/fr/semaine07/07-3/` -> `{{site.baseurl}}/fr/week07/07-3/` (a translated folder name).
    """
    if link.is_image or len(parts) < 3 or parts[0] not in site.languages:
        return None
    lang, name = parts[0], parts[-1]
    found = [
        path
        for path in site.page_paths
        if path.startswith(lang + "/")
        and path.count("/") == len(parts) - 1
        and path.rsplit("/", 1)[-1].rsplit(".", 1)[0] == name
    ]
    if len(found) != 1:
        return None
    folders = found[0].split("/")[1:-1]
    fixed = target
    for bad, good in zip(parts[1:-1], folders):
        if bad != good:
            pattern = re.compile(r"(?:(?<=/)|^)" + re.escape(bad) + r"(?=/)")
            if len(pattern.findall(fixed)) != 1:
                return None
            fixed = pattern.sub(lambda _m, good=good: good, fixed)
    if fixed == target or not resolver.resolve(page_path, fixed, link.kind).ok:
        return None
    return fixed


def _recase(target: str, wrong: str, right: str) -> str | None:
    fixed = target
    for bad, good in zip(wrong.strip("/").split("/"), right.strip("/").split("/")):
        if bad != good:
            pattern = re.compile(r"(?:(?<=/)|^)" + re.escape(bad) + r"(?=/|$|[?#])")
            if len(pattern.findall(fixed)) != 1:
                return None
            fixed = pattern.sub(lambda _m, good=good: good, fixed)
    return fixed if fixed != target else None


def swap_language(target: str, old: str, new: str) -> str | None:
    pattern = re.compile(r"(?:(?<=/)|^)" + re.escape(old) + r"(?=/)")
    if len(pattern.findall(target)) != 1:
        return None
    return pattern.sub(new, target)
