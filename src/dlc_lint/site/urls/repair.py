"""What to say about a broken target, and how to repair it when the repair is certain enough."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dlc_lint.site.urls.links import PageLink
from dlc_lint.site.urls.resolve import EDGE, SCHEME, has_inside_space, remove_inside_space, resolver_for, visible

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
    page = f" (`{{{{ site.baseurl }}}}{site.url_of(resolution.path)}`)" if resolution.path else ""
    if resolution.reason == "md-link":
        return (
            f'{where}, a 404: plain Jekyll (`renderer = "jekyll"`) does not turn a link to a page\'s `.md` file '
            f"into the page's address as GitHub Pages does, and the `.md` file is not published; link to the "
            f"page's address{page}",
            None,
        )
    if resolution.reason == "source-file":
        return (f"{where}: the `.md` source of a page is not published, only its address without `.md`{page}", None)
    stripped = target.strip(EDGE)
    # ((https://...)) and [url](url) inside a link target
    if stripped.startswith("(") and stripped.endswith(")") and SCHEME.match(stripped[1:]):
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
    relative = not stripped.startswith(("/", "{", "#", ".")) and not SCHEME.match(stripped)
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
        renumbered = _renumbered(resolver, page_path, link, target)
        if renumbered:
            return (
                f"{where}, where no page or file exists (404); did you mean `{renumbered}`?",
                Repair(renumbered, False, f"write `{renumbered}`"),
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
            fixed = pattern.sub(_replacement(good), fixed)
    if fixed == target or not resolver.resolve(page_path, fixed, link.kind).ok:
        return None
    return fixed


_NUMBERED_FOLDER = re.compile(r"(?:(?<=/)|^)(?P<name>[A-Za-z][A-Za-z_-]*)(?P<number>[0-9]+)(?=/)")


def _renumbered(resolver, page_path: str, link, target: str) -> str | None:
    """The target with one folder's number written as the site writes it, when that one resolves.

    `../week9/09-1` -> `../week09/09-1` (the folders are `week01` ... `week14`), and back.
    """
    found = set()
    for match in _NUMBERED_FOLDER.finditer(target):
        number = match.group("number")
        for width in (1, 2, 3):
            written = number.lstrip("0").rjust(width, "0") or "0"
            if written == number or len(written) > max(width, 1):
                continue
            candidate = target[: match.start("number")] + written + target[match.end("number") :]
            if resolver.resolve(page_path, candidate, link.kind).ok:
                found.add(candidate)
    return found.pop() if len(found) == 1 else None


def _recase(target: str, wrong: str, right: str) -> str | None:
    fixed = target
    for bad, good in zip(wrong.strip("/").split("/"), right.strip("/").split("/")):
        if bad != good:
            pattern = re.compile(r"(?:(?<=/)|^)" + re.escape(bad) + r"(?=/|$|[?#])")
            if len(pattern.findall(fixed)) != 1:
                return None
            fixed = pattern.sub(_replacement(good), fixed)
    return fixed if fixed != target else None


def swap_language(target: str, old: str, new: str) -> str | None:
    pattern = re.compile(r"(?:(?<=/)|^)" + re.escape(old) + r"(?=/)")
    if len(pattern.findall(target)) != 1:
        return None
    return pattern.sub(new, target)


def _replacement(text: str):
    """A ``re.sub`` replacement that inserts ``text`` as it is (no backslash escapes)."""
    return lambda _match: text
