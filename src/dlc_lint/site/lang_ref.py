"""Helpers shared by the lang-ref rules (DLC2xx)."""

from __future__ import annotations

import difflib
import posixpath
import re

from dlc_lint.parse.frontmatter import Entry, FrontMatter
from dlc_lint.site.model import Site

_NUMBER = re.compile(r"(\d+)")
_NUMBERED = re.compile(r"^(\d+)(?:-(\d+))?\.md$")


def english_path(site: Site, path: str) -> str | None:
    """The source-language file at this page's place: same relative path, or the root index for an index."""
    lang = site.folder_lang(path)
    if lang == site.source_lang:
        return None
    if path == f"{lang}/{site.layout.index_name}":
        return site.layout.index_name if site.layout.index_name in site.files else None
    return site.same_path_counterpart(path)


def unreadable_english(site: Site, path: str) -> str | None:
    """Why the English page at this page's place cannot be read (None when it reads, or there is none)."""
    from dlc_lint.parse.source import ReadError

    english = english_path(site, path)
    if english is None or english not in site.files:
        return None
    try:
        site.read(english)
    except ReadError as exc:
        return str(exc)
    return None


def lang_ref_entry(front: FrontMatter) -> Entry | None:
    """The ``lang-ref`` line Jekyll uses: the last one when the key is repeated."""
    found = None
    for entry in front.entries:
        if entry.key == "lang-ref":
            found = entry
    return found


def lang_ref_value(front: FrontMatter) -> str | None:
    value = front.get("lang-ref")
    return value.strip() if value is not None and value.strip() else None


def value_span(entry: Entry) -> tuple[int, int]:
    """The value of ``entry`` without its quotes."""
    raw = entry.raw_value
    start, end = entry.value_start, entry.value_end
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        return start + 1, end - 1
    return start, end


def looks_like_lang_ref(key: str) -> bool:
    """A misspelled or variant ``lang-ref`` key (``langref``, ``lang_ref``, ``Lang-ref``, ``lang-rf``)."""
    squashed = re.sub(r"[\s_\-.]", "", key.lower())
    if squashed in ("langref", "languageref", "langreference", "ref"):
        return True
    return key != "lang-ref" and difflib.SequenceMatcher(None, squashed, "langref").ratio() >= 0.8


def closest(word: str, candidates, cutoff: float = 0.75) -> str | None:
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return match[0] if match else None


def natural_key(path: str) -> tuple:
    """``week06/06-10.md`` after ``week06/06-9.md``: numbers compare as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _NUMBER.split(path) if part)


def normalise_path(rest: str) -> str:
    """``Week6/6.md`` -> ``week06/06.md``; ``05-02.md`` -> ``week05/05-2.md``."""
    folder, name = posixpath.split(rest)
    parts = [p.lower() for p in folder.split("/") if p]
    parts = [re.sub(r"^week0*(\d+)$", lambda m: f"week{int(m.group(1)):02d}", p) for p in parts]
    match = _NUMBERED.match(name.lower())
    if match:
        week = int(match.group(1))
        name = f"{week:02d}" + (f"-{int(match.group(2))}" if match.group(2) else "") + ".md"
        if not parts:
            parts = [f"week{week:02d}"]
    return "/".join(parts + [name])
