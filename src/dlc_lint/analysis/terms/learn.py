"""Learning a language folder's terms from its (English, translation) segments (see the package docstring)."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from dlc_lint.analysis.terms.candidates import HAN_RE, UNSPACED_RE, candidate_keys, same_family
from dlc_lint.analysis.terms.english import GRAMMAR, english_reading, usual_form
from dlc_lint.analysis.terms.model import (
    MAIN_SHARE,
    MAX_SHARE,
    MIN_G2,
    MIN_G2_WEAK,
    MIN_JOINT,
    MIN_MAIN,
    MIN_SPECIFICITY,
    MIN_VARIANT,
    FolderSegment,
    FolderTerms,
    Rendering,
    Term,
)
from dlc_lint.analysis.terms.segments import Segment, cache_for, segments
from dlc_lint.analysis.terms.transliteration import is_katakana, transliterates


def folder_terms(site, lang: str, paths: Iterable[str] | None = None) -> FolderTerms:
    """The English terms of a language folder and how its pages render them (cached per site)."""
    cache = cache_for(site)
    key = ("folder", lang)
    if paths is None and key in cache:
        return cache[key]
    if paths is None:
        from dlc_lint.engine.cache import cached, site_inputs

        paths = [p for p in site.page_paths if site.folder_lang(p) == lang]
        english = [p for p in site.page_paths if site.folder_lang(p) == site.source_lang]
        inputs = [lang.encode(), *site_inputs(site, [*paths, *english, "_config.yml"])]
        result = cached(
            "folder-terms",
            inputs,
            lambda: _folder_terms(site, lang, tuple(paths)),
            FolderTerms,
            identity=[lang.encode()],
            folder_of=lang,
        )
    else:
        result = _folder_terms(site, lang, tuple(paths))
    cache[key] = result
    return result


class _Read(NamedTuple):
    """A segment as first read: the English terms it holds (as text) and its candidate keys."""

    page: str
    segment: Segment
    english: set[str]
    keys: set[str]


@dataclass
class _Reading:
    """One pass over a folder's segments."""

    segs: list[_Read]
    shown: dict[str, dict[str, int]]  # English term -> {as written: uses}, each distinct text counted once
    written: dict[str, dict[str, int]]  # key -> {as written: uses}, each distinct translation counted once


def _read_folder(site, paths: tuple[str, ...]) -> _Reading:
    """The segments of the folder whose English has a term and whose translation has a candidate."""
    shown: dict[str, dict[str, int]] = {}
    written: dict[str, dict[str, int]] = {}
    english_memo: dict[str, set[str]] = {}  # a text met twice is read once (huge pages repeat themselves)
    with_terms = []
    for path in paths:
        page = site.page(path)
        if page is None:
            continue
        prose = page.prose_text
        for segment in segments(page, site):
            english = english_memo.get(segment.english)
            if english is None:
                english = english_memo[segment.english] = english_reading(segment.english, shown)
            if english:
                with_terms.append((path, segment, english, prose[segment.start : segment.end]))
    # the translations next, in a second pass: one kind of work at a time runs faster
    segs: list[_Read] = []
    keys_memo: dict[str, set[str]] = {}
    for path, segment, english, translation in with_terms:
        keys = keys_memo.get(translation)
        if keys is None:
            keys = keys_memo[translation] = candidate_keys(translation, 0, len(translation), written)
        if keys:
            segs.append(_Read(path, segment, english, keys))
    return _Reading(segs, shown, written)


def _bits(indexes: list[int]) -> int:
    """The segments of ``indexes`` as bits."""
    bits = 0
    for index in indexes:
        bits |= 1 << index
    return bits


def _folder_terms(site, lang: str, paths: tuple[str, ...]) -> FolderTerms:
    reading = _read_folder(site, paths)
    read = reading.segs
    n = len(read)
    result = FolderTerms(lang, paths, n)
    if not n:
        return result
    dfe = Counter(chain.from_iterable(seg.english for seg in read))
    dfc = Counter(chain.from_iterable(seg.keys for seg in read))
    limit = max(MIN_JOINT + 1, MAX_SHARE * n)
    unspaced = len(list(filter(UNSPACED_RE.match, dfc))) > len(dfc) / 2

    # English terms: frequent enough, not everywhere; word pairs only when they are collocations
    def keep_english(term: str) -> bool:
        count = dfe[term]
        if count < MIN_JOINT or count > limit:
            return False
        if " " in term:
            first, second = term.split(" ", 1)
            return count >= 0.3 * min(dfe[first], dfe[second])
        return True

    english_list = sorted(t for t in dfe if keep_english(t))
    english_ids = {t: i for i, t in enumerate(english_list)}
    superterms: dict[int, list[int]] = defaultdict(list)
    for term in english_list:
        if " " in term or "-" in term:
            for part in re.split(r"[ -]", term):
                if part in english_ids and part != term:
                    superterms[english_ids[part]].append(english_ids[term])
    shown = reading.shown
    english_shown = [usual_form(shown[term]) if term in shown else term for term in english_list]
    df = [dfe[term] for term in english_list]

    # candidate renderings: not grammar; an ideograph run that nearly always sits inside a longer
    # run is a fragment of it (据 of 数据); Latin words in a non-Latin translation are English left as is
    recurring = {k: c for k, c in dfc.items() if c >= MIN_JOINT}
    frequent_floor = 0.4 * n  # above it a key is frequent: only keys met once are not when n > 2
    frequent = {k for k, c in (recurring if frequent_floor >= 1 else dfc).items() if c > frequent_floor}
    extension: dict[str, int] = {}
    for key, count in recurring.items():
        if len(key) >= 2 and HAN_RE.match(key):
            for part in (key[:-1], key[1:]):
                if extension.get(part, 0) < count:
                    extension[part] = count

    def keep_candidate(key: str) -> bool:
        count = dfc[key]
        if count > limit or extension.get(key, 0) >= 0.9 * count:
            return False
        if unspaced and key.isascii():
            return False
        if " " in key and any(part in frequent for part in key.split(" ")):
            return False
        return True

    kept = {key for key in recurring if keep_candidate(key)}

    # which segments hold each English term (bits) and each candidate (indexes)
    bits_e = [0] * len(english_list)
    english_sets: list[frozenset[int]] = []
    members: dict[str, list[int]] = {key: [] for key in sorted(kept)}
    segs: list[FolderSegment] = []
    for index, row in enumerate(read):
        bit = 1 << index
        ids = [english_ids[t] for t in row.english if t in english_ids]
        segs.append(FolderSegment(row.page, row.segment, ids, row.keys))
        english_sets.append(frozenset(ids))
        for i in ids:
            bits_e[i] |= bit
        for key in row.keys & kept:
            members[key].append(index)
    key_bits: dict[str, int] = {}

    def bits_of(key: str) -> int:
        bits = key_bits.get(key)
        if bits is None:
            bits = key_bits[key] = _bits(members[key])
        return bits

    # terms by number of segments, most first: the terms in at least k segments are a prefix
    by_df = sorted(range(len(english_list)), key=lambda i: -df[i])
    df_descending = [-df[i] for i in by_df]
    terms_per_segment = sum(map(len, english_sets)) / n

    # link each candidate to the English term that best explains it
    links: dict[int, dict[str, int]] = defaultdict(dict)
    weak: set[tuple[int, str]] = set()  # links good enough for a variant, not for the usual rendering
    spoken: set[str] = set()  # transliterations of their term
    g2_memo: dict[tuple[int, int, int], float] = {}
    for key, indexes in members.items():
        count = len(indexes)
        # a term present in >= 60% of the candidate's segments
        least = max(MIN_JOINT, math.ceil(MIN_SPECIFICITY * count - 1e-9))
        # joints: term -> segments it shares with the candidate, for the terms sharing `least`;
        # counted the cheaper way: over the candidate's segments, or over the terms in enough segments
        if count == 2:
            joints = dict.fromkeys(english_sets[indexes[0]] & english_sets[indexes[1]], 2)
        else:
            often = bisect.bisect_right(df_descending, -least)
            if often < count * terms_per_segment:
                bits = bits_of(key)
                joints = {}
                for i in by_df[:often]:
                    joint = (bits_e[i] & bits).bit_count()
                    if joint >= least:
                        joints[i] = joint
            else:
                tally = Counter(chain.from_iterable([segs[index].english for index in indexes]))
                joints = {i: j for i, j in tally.items() if j >= least}
        if not joints:
            continue
        katakana = is_katakana(key)
        kept_joints = {}
        for i, j in joints.items():
            g2 = g2_memo.get((j, df[i], count))
            if g2 is None:
                g2 = g2_memo[j, df[i], count] = _g2(j, df[i], count, n)
            if g2 >= MIN_G2:
                kept_joints[i] = j
            elif g2 >= MIN_G2_WEAK and (
                j >= MIN_VARIANT and j >= 0.75 * count or katakana and transliterates(key, english_shown[i])
            ):
                kept_joints[i] = j
                weak.add((i, key))
        joints = kept_joints
        if not joints:
            continue
        # a transliteration names its term (マトリクス: matrix); otherwise, of the terms nearly always
        # present when the candidate is, the one used about as often
        sounds = [i for i in joints if transliterates(key, english_shown[i])] if katakana else []
        if sounds:
            joints = {i: joints[i] for i in sounds}
            spoken.add(key)
        top = max(joints.values())
        scores = {i: 2 * j / (df[i] + count) for i, j in joints.items() if j >= 0.9 * top}
        best = max(scores.values())
        for i, score in scores.items():
            if score >= 0.8 * best and not any(scores.get(s, 0) >= score for s in superterms.get(i, ())):
                links[i][key] = joints[i]

    page_bits: dict[str, int] = defaultdict(int)
    for index, seg in enumerate(segs):
        page_bits[seg.page] |= 1 << index
    for i, found in links.items():
        term = english_list[i]
        if term.startswith(GRAMMAR):
            continue
        term_bits = bits_e[i]
        families: list[list] = []  # [keys, bits]
        # one key per word: a key inside an accepted one that covers it (像 in 图像, 据 in 数据) or
        # holding an accepted one (隐藏层 holds 层) adds nothing but may still name the family
        accepted: list[str] = []
        within: dict[str, str] = {}
        fragments = {}
        for key in sorted(found):
            cover = max(
                (k for k in found if key in k and k != key and found[k] >= 0.9 * found[key]),
                key=lambda k: (found[k], -len(k), k),
                default=None,
            )
            if cover is not None:
                fragments[key] = cover
        for key in sorted(found, key=lambda k: (-found[k], -len(k), k)):
            if key in fragments:
                continue
            holder = next((a for a in accepted if a in key), None)
            if holder is not None:
                within[key] = holder
                continue
            accepted.append(key)
        for key, cover in fragments.items():
            while cover in fragments:
                cover = fragments[cover]
            within[key] = within.get(cover, cover)
        for key in accepted:
            covered = bits_of(key) & term_bits
            family = next((f for f in families if any(same_family(key, k) for k in f[0])), None)
            if family is None:
                families.append([[key], covered])
            else:
                family[0].append(key)
                family[1] |= covered
        for key, holder in within.items():
            for family in families:
                if holder in family[0]:
                    family[0].append(key)
                    family[1] |= bits_of(key) & term_bits
        families = [f for f in families if f[1].bit_count() >= MIN_JOINT]
        if not families:
            continue
        # the usual rendering has a strong link; weak ones can only be variants
        families.sort(key=lambda f: (not any((i, k) not in weak for k in f[0]), -f[1].bit_count(), f[0][0]))
        if all((i, k) in weak for k in families[0][0]):
            continue
        families[1:] = sorted(families[1:], key=lambda f: (-f[1].bit_count(), f[0][0]))
        renderings = tuple(_rendering(f[0], f[1], segs, page_bits, reading.written, found, frequent) for f in families)
        total = term_bits.bit_count()
        variants = []
        main_bits = families[0][1]
        if main_bits.bit_count() >= max(MIN_MAIN, MAIN_SHARE * total) and _clean(renderings[0].text, frequent):
            for family, rendering in zip(families[1:], renderings[1:]):
                alone = family[1] & ~main_bits
                if any(k in spoken for k in family[0]):
                    variants.append(rendering)  # the English word in the script of the page: レイヤー for 層
                    continue
                if alone.bit_count() < MIN_VARIANT or alone.bit_count() * 2 <= family[1].bit_count():
                    continue  # mostly next to the usual rendering: another word, not a replacement
                # where it is used, it is what the page writes for the term when the usual rendering is absent
                gap = term_bits & ~main_bits & _page_mask(alone, segs, page_bits)
                if alone.bit_count() * 2 < gap.bit_count() or not _clean(rendering.text, frequent):
                    continue
                variants.append(rendering)
        pages = _pages_of(term_bits, segs, page_bits)
        result.terms[term] = Term(term, english_shown[i], total, pages, renderings, tuple(variants))
    # keep only what the rules ask later: the keys of the renderings of terms with variants
    wanted: set[str] = set()
    for found_term in result.terms.values():
        if found_term.variants:
            wanted.update(found_term.main.keys)
            for variant in found_term.variants:
                wanted.update(variant.keys)
    followed = {english_ids[key] for key, found_term in result.terms.items() if found_term.variants}
    by_page: dict[str, list[FolderSegment]] = defaultdict(list)
    for seg in segs:
        seg.keys = seg.keys & wanted
        seg.english = followed.intersection(seg.english)
        by_page[seg.page].append(seg)
    result.follow(dict(by_page), {english_list[i]: i for i in sorted(followed)})
    return result


def _g2(joint: int, a: int, b: int, n: int) -> float:
    """Log-likelihood ratio (G²) of a term in ``a`` of ``n`` segments and a word in ``b`` meeting ``joint`` times."""
    cells = (joint, b - joint, a - joint, n - a - b + joint)
    rows = (a, n - a)
    cols = (b, n - b)
    total = 0.0
    for k, row, col in (
        (cells[0], rows[0], cols[0]),
        (cells[1], rows[1], cols[0]),
        (cells[2], rows[0], cols[1]),
        (cells[3], rows[1], cols[1]),
    ):
        if k > 0:
            total += k * math.log(k * n / (row * col))
    return 2 * total


def _clean(text: str, frequent: set[str]) -> bool:
    """A rendering that does not begin or end with a grammar character (的, の)."""
    if not HAN_RE.match(text):
        return True
    return len(text) == 1 or (text[0] not in frequent and text[-1] not in frequent)


def _rendering(keys, bits, segs, page_bits, written, joints, frequent) -> Rendering:
    top = max(joints[k] for k in keys)
    # the member used most; a word of two or more characters used nearly as much names it better (图像, not 像)
    best = max(keys, key=lambda k: (joints[k] >= 0.9 * top, len(k) > 1, joints[k], len(k), k))
    text = usual_form(written[best]) if best in written else best
    return Rendering(text, frozenset(keys), bits.bit_count(), _pages_of(bits, segs, page_bits))


def _page_mask(bits: int, segs: list[FolderSegment], page_bits: dict[str, int]) -> int:
    """All segments of the pages that hold any of ``bits``."""
    mask = 0
    while bits:
        low = bits & -bits
        page = page_bits[segs[low.bit_length() - 1].page]
        mask |= page
        bits &= ~page
    return mask


def _pages_of(bits: int, segs: list[FolderSegment], page_bits: dict[str, int]) -> tuple[str, ...]:
    """The pages holding the segments of ``bits``, the one holding most first."""
    if bits.bit_count() < len(page_bits):  # visit the segments
        counts: dict[str, int] = {}
        while bits:
            low = bits & -bits
            page = segs[low.bit_length() - 1].page
            counts[page] = counts.get(page, 0) + 1
            bits ^= low
    else:  # visit the pages
        counts = {page: (bits & mask).bit_count() for page, mask in page_bits.items()}
    return tuple(p for p, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if count)
