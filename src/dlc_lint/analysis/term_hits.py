"""Shared by the glossary rules (DLC3xx): the language's glossary, its matches on a page
with the English each one translates, glosses, and how to word the basis of an entry.

Everything is computed once per page (or per language) and kept on the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dlc_lint.analysis.terms import Segment, SegmentIndex, cache_for, english_stem, segments
from dlc_lint.glossary import Entry, Glossary, GlossaryError, Kind, Match, glossary_for

WHY = {
    "transliteration": "a transliteration",
    "spelling": "a non-standard spelling",
    "typo": "a typo",
    "nonstandard": "a non-standard term",
    "mistranslation": "a mistranslation",
    "other-standard": "the choice of another glossary",
}


def glossary_files(context) -> tuple:
    settings = getattr(context, "settings", None)
    return tuple(getattr(settings, "glossaries", ()) or ())


def glossary_of(context, lang: str | None = None) -> Glossary | None:
    """The glossary of the page's language (shipped + site files), or None.

    A glossary file that does not load gives None here; DLC305 reports its problems.
    """
    lang = lang or context.lang
    try:
        return glossary_for(lang, glossary_files(context))
    except (GlossaryError, OSError):
        return None


def check_terms(context, with_glossary, learnt, learn: bool = True):
    """Run a term rule on a translated page: by the glossary when the language has one, else (unless
    ``learn``, the rule's option, is off) by the renderings learnt from the folder's aligned pairs."""
    if not context.is_translation:
        return
    glossary = glossary_of(context)
    if glossary is not None:
        yield from with_glossary(context, glossary)
    elif learn:
        yield from learnt(context)


@dataclass(frozen=True)
class Hit:
    """A glossary form found on the page, with the segment (English + translation) it sits in."""

    match: Match
    segment: Segment | None

    @property
    def english(self) -> str | None:
        return None if self.segment is None else self.segment.english


def page_segments(context) -> tuple[Segment, ...]:
    return segments(context.page, context.site)


def glossary_hits(context, glossary: Glossary) -> tuple[Hit, ...]:
    """Every glossary form in the page's rendered prose, in order (cached per page)."""
    return page_hits(context.site, context.page, glossary)


def page_hits(site, page, glossary: Glossary) -> tuple[Hit, ...]:
    cache = cache_for(site)
    key = ("glossary-hits", page.path, id(glossary))
    found = cache.get(key)
    if found is None:
        index = SegmentIndex(segments(page, site))
        found = tuple(Hit(m, index.at(m.start)) for m in glossary.matcher.find(page.prose_text))
        cache[key] = found
    return found


# -- renderings a page uses for an entry -------------------------------------------------------


@dataclass(frozen=True)
class Use:
    """A correct form (preferred or accepted) of an entry, used where the English names the entry.

    ``family`` names the forms that are one rendering (인공 신경망 and 신경망 are one;
    은닉층 and 은닉 계층 are two)."""

    entry_id: str
    family: str
    match: Match
    english: str = ""  # the English words the segment uses for the entry (one wording)
    avoided: bool = False  # a form to avoid, counted as the preferred form DLC301 turns it into


def families(glossary: Glossary) -> dict[str, dict[str, str]]:
    """For each entry: form key -> family name. Forms holding one another are one family
    (신경망 / 인공 신경망, 불변 / 불변성); the name is the family's preferred or shortest form."""
    cache = _FAMILIES.get(id(glossary))
    if cache is not None and cache[0] is glossary:
        return cache[1]
    result: dict[str, dict[str, str]] = {}
    for entry in glossary.entries:
        forms = list(entry.preferred) + list(entry.accepted)
        keys = [family_key(f.text) for f in forms]
        parent = list(range(len(forms)))

        def root(i: int, parent: list[int] = parent) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for i in range(len(forms)):
            for j in range(i + 1, len(forms)):
                if keys[i] in keys[j] or keys[j] in keys[i]:
                    parent[root(j)] = root(i)
        names: dict[int, str] = {}
        for i in sorted(range(len(forms)), key=lambda i: (forms[i].kind is not Kind.PREFERRED, len(keys[i]))):
            names.setdefault(root(i), forms[i].text)
        result[entry.id] = {keys[i]: names[root(i)] for i in range(len(forms))}
    _FAMILIES[id(glossary)] = (glossary, result)
    return result


_FAMILIES: dict[int, tuple[Glossary, dict]] = {}


def page_uses(site, page, glossary: Glossary) -> dict[str, list[Use]]:
    """Group -> the correct forms the page uses for an entry, in order (cached per page).

    A form counts only inside a segment whose English names the entry: 정규화
    under *regularization* is not a use of *normalization*, and 규제 in a
    sentence about regulation is not a use of either. A gloss (`매니폴드(다양체)`)
    is not a second rendering. A form to avoid of an entry with one preferred
    form counts as that form (``avoided``): it is what the page will say once
    DLC301 is fixed. The group is the entry id, or ``id#word`` when
    the English uses another wording of the entry's term (*contrastive methods*
    for the entry *contrastive learning*): renderings of two wordings are not
    compared.
    """
    cache = cache_for(site)
    key = ("glossary-uses", page.path, id(glossary))
    found = cache.get(key)
    if found is not None:
        return found
    by_entry = families(glossary)
    found = {}
    hits = page_hits(site, page, glossary)
    text = page.text
    wordings: dict[tuple[str, str | None], tuple[str, str] | None] = {}  # a segment holds several hits
    for index, hit in enumerate(hits):
        if hit.segment is None:
            continue
        for form in hit.match.forms:
            entry = glossary.entry(form.entry_id)
            avoided = form.kind is Kind.AVOID
            if avoided and not entry.fixable:
                continue
            if not entry.gate_passes(form, hit.segment.english):
                continue  # 층 under *floor*: not this term
            asked = (entry.id, hit.segment.english)
            wording = wordings[asked] if asked in wordings else wordings.setdefault(asked, _wording(entry, asked[1]))
            if wording is None:
                continue
            if is_gloss(text, hits, index):
                continue
            written = entry.preferred[0].text if avoided else form.text
            family = by_entry[entry.id].get(family_key(written), written)
            group = entry.id if not wording[0] else f"{entry.id}#{wording[0]}"
            found.setdefault(group, []).append(Use(entry.id, family, hit.match, wording[1], avoided))
    cache[key] = found
    return found


def _wording(entry: Entry, english: str | None) -> tuple[str, str] | None:
    """How the English names the entry: ``("", text)`` for its own term, ``(word, text)`` for another
    wording (*contrastive methods* under *contrastive learning*), None when absent or mixed."""
    if not english:
        return None
    own = english_stem(entry.en.split()[-1].lower()) if entry.en.split() else ""
    heads: dict[str, str] = {}
    for match in entry.en_regex.finditer(english):
        words = re.findall(r"[A-Za-z]+", match.group())
        if not words:
            continue
        last = english_stem(words[-1].lower())
        head = last if len(words) > 1 and last != own else ""
        heads.setdefault(head, " ".join(match.group().split()))
    if len(heads) != 1:
        return None
    return next(iter(heads.items()))


@dataclass
class FolderUsage:
    """For one entry across a language folder: family -> {page: uses}."""

    pages: dict[str, dict[str, int]]

    def use_count(self, family: str, without: str | None = None) -> int:
        return sum(n for p, n in self.pages.get(family, {}).items() if p != without)


def folder_usage(site, lang: str, glossary: Glossary) -> dict[str, FolderUsage]:
    """Group (see :func:`page_uses`) -> how the folder's pages render it (cached per language)."""
    cache = cache_for(site)
    key = ("glossary-folder", lang, id(glossary))
    found = cache.get(key)
    if found is not None:
        return found
    found = _folder_usage_inputs_cached(site, lang, glossary)
    cache[key] = found
    return found


def _folder_usage_inputs_cached(site, lang: str, glossary: Glossary) -> dict[str, FolderUsage]:
    """The folder tally, from the on-disk cache when the folder, its English pages and the glossary
    are unchanged; else from each page's uses, read again only for the pages that changed."""
    from dlc_lint.engine.cache import cached, cached_by_page, file_inputs, site_inputs

    paths = [p for p in site.page_paths if site.folder_lang(p) == lang]
    english = [p for p in site.page_paths if site.folder_lang(p) == site.source_lang]
    glossary_inputs = [
        lang.encode(),
        *[str(p).encode() for p in glossary.paths],
        *file_inputs(Path("/"), [str(Path(p).resolve()) for p in glossary.paths]),
    ]
    inputs = [*glossary_inputs, *site_inputs(site, paths + english + ["_config.yml"])]

    def tally_pages() -> dict[str, FolderUsage]:
        by_page = cached_by_page(
            "glossary-page-uses",
            glossary_inputs,
            site,
            paths,
            lambda path: _page_families(site, path, glossary),
            dict[str, dict[str, int]],
        )
        return _folder_usage(by_page)

    return cached(
        "glossary-folder", inputs, tally_pages, dict[str, FolderUsage], identity=glossary_inputs, folder_of=lang
    )


def _page_families(site, path: str, glossary: Glossary) -> dict[str, dict[str, int]]:
    """Group -> family -> how often the page uses it (see :func:`page_uses`)."""
    page = site.page(path)
    if page is None:
        return {}
    found: dict[str, dict[str, int]] = {}
    for group, uses in page_uses(site, page, glossary).items():
        counts = found.setdefault(group, {})
        for use in uses:
            counts[use.family] = counts.get(use.family, 0) + 1
    return found


def _folder_usage(by_page: dict[str, dict[str, dict[str, int]]]) -> dict[str, FolderUsage]:
    tally: dict[str, dict[str, dict[str, int]]] = {}
    for path, groups in by_page.items():
        for group, families_used in groups.items():
            per_family = tally.setdefault(group, {})
            for family, count in families_used.items():
                per_family.setdefault(family, {})[path] = count
    return {entry_id: FolderUsage(per_family) for entry_id, per_family in tally.items()}


def dominant(counts: dict[str, int], preferred: str | None, order: list[str]) -> str:
    """The family used most; ties go to the preferred form, then to the first used."""
    return max(counts, key=lambda f: (counts[f], f == preferred, -order.index(f) if f in order else -len(order)))


_OPEN = re.compile(r"\s*(?:\(|（|<su[bp]>)\s*\Z")
_CLOSE = re.compile(r"\A\s*(?:\)|）|</su[bp]>)")


def is_gloss(text: str, hits: tuple[Hit, ...], index: int) -> bool:
    """Whether ``hits[index]`` glosses, or is glossed by, another form of its entry:
    ``컨벌루션(합성곱)`` (a variant explained at once by the preferred form) or
    ``합성곱(컨벌루션)``, ``계층<sup>레이어</sup>`` (the preferred form explained by the variant)."""
    hit = hits[index].match
    entries = set(hit.entry_ids)

    def kin(other: Match) -> bool:
        return bool(entries & set(other.entry_ids)) and any(f.kind is not Kind.AVOID for f in other.forms)

    if index + 1 < len(hits):
        after = hits[index + 1].match
        if kin(after) and _OPEN.match(text[hit.tail_end : after.start]) and _CLOSE.match(text[after.tail_end :]):
            return True
    if index > 0:
        before = hits[index - 1].match
        if kin(before) and _OPEN.match(text[before.tail_end : hit.start]) and _CLOSE.match(text[hit.tail_end :]):
            return True
    return False


EVIDENT = frozenset({"typo", "spelling", "mistranslation"})
"""Reasons to avoid a form that the form itself shows (인색 for 인덱스), whatever the sources say."""


def publicly_backed(entry: Entry) -> bool:
    """Whether the entry cites a public glossary, not only counts of the course's pages (``corpus``)
    or a decision of the course (``policy``)."""
    return any(cited.partition(":")[0].strip() not in ("corpus", "policy") for cited in entry.sources)


def avoid_is_certain(entry: Entry, form) -> bool:
    """Whether using the avoided ``form`` is a defect (a warning) rather than a house choice (info).

    The stated rule: a typo, a misspelling or a mistranslation always is; a transliteration or a
    non-standard term is when the entry cites a public glossary for its choice; the choice of another
    glossary (``other-standard``) and a choice backed only by usage counts never are."""
    if form.why in EVIDENT:
        return True
    return form.why in ("transliteration", "nonstandard") and publicly_backed(entry)


def basis(glossary: Glossary, entry: Entry) -> str:
    """Where the entry's choice comes from, for a message: the first source it cites that is
    not a corpus count, with its detail (``PyTorch Korea ... (Layer -> 계층)``); else the count."""
    counted = None
    for cited in entry.sources:
        source_id, _, detail = cited.partition(":")
        detail = detail.strip()
        if source_id.strip() == "corpus":
            counted = counted or detail
            continue
        source = glossary.sources.get(source_id.strip())
        title = source.title if source is not None else source_id.strip()
        return f"{title} ({detail})" if detail else title
    return f"usage on the course's pages ({counted})" if counted else "the glossary"


def quoted(forms) -> str:
    """``a``, ``a` or `b``, ``a`, `b` or `c``."""
    items = [f"`{f}`" for f in forms]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def english_entries(glossary: Glossary, english: str | None) -> list[tuple[Entry, str]]:
    """The entries whose English term the text names, with the words as written; a longer
    term wins over one inside it (*hidden layer*, not also *layer*). Like
    ``glossary.english.find`` but quick: an entry's pattern runs only when a word of it is
    in the text."""
    if not english:
        return []
    memo = _ENGLISH_MEMO.setdefault(id(glossary), {})
    known = memo.get(english)
    if known is not None:
        return known
    if len(memo) > 20_000:
        memo.clear()
    memo[english] = found = _english_entries(glossary, english)
    return found


_ENGLISH_MEMO: dict[int, dict[str, list]] = {}


def _english_entries(glossary: Glossary, english: str) -> list[tuple[Entry, str]]:
    index = _triggers(glossary)
    entries: dict[str, Entry] = {}
    for prefix in {w[:3] for w in _LETTERS.findall(english.lower())}:
        for entry in index.get(prefix, ()):
            entries[entry.id] = entry
    found = []
    for entry in entries.values():
        for m in entry.en_regex.finditer(english):
            if m.end() > m.start():
                found.append((m.start(), m.end(), entry, m.group()))
    kept: list[tuple] = []
    for start, stop, entry, text in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0], f[2].id)):
        if any(start < k[1] and k[0] < stop for k in kept):
            continue
        kept.append((start, stop, entry, text))
    return [(entry, text) for _, _, entry, text in sorted(kept, key=lambda k: k[0])]


def _triggers(glossary: Glossary):
    cached = _TRIGGERS.get(id(glossary))
    if cached is not None and cached[0] is glossary:
        return cached[1]
    table: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        # every way the pattern can match holds a literal word of 3+ letters: its first three letters
        # start a word of the text
        words = re.findall(r"[A-Za-z]{3,}", entry.en_pattern.replace("\\b", " ")) or [entry.en]
        for prefix in {w[:3].lower() for w in words}:
            table.setdefault(prefix, []).append(entry)
    _TRIGGERS[id(glossary)] = (glossary, table)
    return table


_TRIGGERS: dict[int, tuple[Glossary, dict]] = {}
_LETTERS = re.compile(r"[a-z]{3,}")


def family_key(text: str) -> str:
    """A written form without spaces or hyphens (경사 하강법 = 경사하강법)."""
    return re.sub(r"[\s\-\u2010]+", "", text)
