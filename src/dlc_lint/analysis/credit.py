"""Whether the site's layout shows a front-matter key to readers (the translation credit).

A page's layout comes from its ``layout:`` key, else from the ``defaults`` of
``_config.yml`` (the most specific scope holding the page), else from the
default Jekyll (and GitHub Pages' ``jekyll-default-layout``) picks: ``page``,
then ``default``. The layout file ``_layouts/NAME.html`` is read with the
layouts it builds on (its own ``layout:``) and the ``_includes`` it includes;
the key is shown when one of them reads ``page.KEY`` (or ``page["KEY"]``).

The answer is ``True`` (shown), ``False`` (every file of the chain is in the
site and none reads the key) or ``None``: a layout or include comes from a
theme that is not in the site, so it cannot be told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from dlc_lint.parse import bounded_yaml
from dlc_lint.parse.source import ReadError

_INCLUDE = re.compile(r"\{%-?\s*include\s+([^\s%}]+)")
_LAYOUT_KEY = re.compile(r"^layout:[ \t]*['\"]?([^'\"\s]+)", re.M)


@dataclass(frozen=True)
class Layout:
    name: str  # the layout the page uses ("" when none can be found)
    shown: bool | None


def layout_shows(site, page, key: str) -> Layout:
    """Whether the layout of ``page`` shows front-matter ``key`` (see the module docstring)."""
    name = page_layout(site, page)
    cache = site.__dict__.setdefault("_dlc_layout_shows", {})
    if (name, key) not in cache:
        cache[(name, key)] = Layout(name or "", _chain_shows(site, name, key) if name else None)
    return cache[(name, key)]


def page_layout(site, page) -> str | None:
    front = page.front_matter
    value = front.data.get("layout") if front.present and isinstance(front.data, dict) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    chosen, depth = None, -1
    for entry in _config_defaults(site):
        scope = entry.get("scope") if isinstance(entry, dict) else None
        values = entry.get("values") if isinstance(entry, dict) else None
        if not isinstance(scope, dict) or not isinstance(values, dict) or not isinstance(values.get("layout"), str):
            continue
        path = str(scope.get("path") or "").strip("/")
        if scope.get("type") not in (None, "pages"):
            continue
        if path and not (page.path == path or page.path.startswith(path + "/")):
            continue
        if len(path) > depth:
            chosen, depth = values["layout"], len(path)
    if chosen:
        return chosen
    for fallback in ("page", "default"):
        if _read(site, f"_layouts/{fallback}.html") is not None:
            return fallback
    return None


def _config_defaults(site) -> list:
    cache = site.__dict__
    if "_dlc_config_defaults" not in cache:
        found: list = []
        source = site.config_source
        if source is not None:
            try:
                data = bounded_yaml.load(source.text)
            except yaml.YAMLError:
                data = None
            if isinstance(data, dict) and isinstance(data.get("defaults"), list):
                found = data["defaults"]
        cache["_dlc_config_defaults"] = found
    return cache["_dlc_config_defaults"]


def _read(site, path: str) -> str | None:
    try:
        return site.read(path).decode("utf-8", errors="replace")
    except (ReadError, OSError):
        return None


def _chain_shows(site, name: str, key: str) -> bool | None:
    wanted = re.compile(rf"\bpage\s*(?:\.\s*{re.escape(key)}(?![\w-])|\[\s*['\"]{re.escape(key)}['\"]\s*\])")
    complete = True
    for _path, text in _chain(site, name):
        if text is None:
            complete = False  # from a theme that is not in the site
        elif wanted.search(text):
            return True
    return False if complete else None


def layout_files(site, page) -> list[str]:
    """The texts of the layout files ``page`` is built with (its layout, those it builds on, their includes)
    that are in the site."""
    name = page_layout(site, page)
    if not name:
        return []
    cache = site.__dict__.setdefault("_dlc_layout_files", {})
    if name not in cache:
        cache[name] = [text for _path, text in _chain(site, name) if text is not None]
    return cache[name]


def _chain(site, name: str):
    """(site path, text or None when not in the site) of each file of layout ``name``'s chain."""
    seen: set[str] = set()
    todo = [f"_layouts/{name}.html"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        text = _read(site, path)
        link = _link_target(path, text)
        if link is not None:
            todo.append(link)  # a symbolic link checked out as a file holding its target
            continue
        yield path, text
        if text is None:
            continue
        head = text[: text.find("\n---", 3)] if text.startswith("---") else ""
        parent = _LAYOUT_KEY.search(head)
        if parent and path.startswith("_layouts/"):
            todo.append(f"_layouts/{parent.group(1)}.html")
        todo.extend(f"_includes/{included}" for included in _INCLUDE.findall(text))


def _link_target(path: str, text: str | None) -> str | None:
    """The site path a one-line file names when it is a symbolic link that git checked out as a plain file
    (``../jekyllbook/_layouts/default.html``), else None."""
    if (
        text is None
        or "\n" in text.strip()
        or not text.strip().endswith((".html", ".md"))
        or "<" in text
        or "{" in text
    ):
        return None
    parts = path.split("/")[:-1]
    for part in text.strip().split("/"):
        if part == "..":
            if not parts:
                return "../"  # outside the site: never readable
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def not_shown_note(layout: Layout, keys: str) -> str:
    """Why a missing key is only information: what the layout does with it (``keys``: the names)."""
    if not keys.startswith("`"):
        keys = f"`{keys}`"
    if layout.shown is False:
        return f"; the site's layout (`{layout.name}`) does not show {keys}, so readers miss nothing"
    if layout.name:
        return (
            f"; the site's own layout files do not show {keys}, and the layout `{layout.name}` (or one it builds "
            "on) comes from a theme that is not in the site, so whether readers see it cannot be checked"
        )
    return (
        f"; the site's layout comes from a theme that is not in the site: whether readers see {keys} cannot be checked"
    )
