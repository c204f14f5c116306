"""Candidate renderings: the words of a translation that may render an English term.

Chinese/Japanese runs of 1-4 ideographs and katakana words, Korean words without their particle,
and words (or word pairs) of other scripts with their endings folded.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import repeat

from dlc_lint.analysis.terms.english import count_form
from dlc_lint.lazy_pattern import lazy_compile

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"
_KANA = "\u30a0-\u30ff\u31f0-\u31ff\uff70"
_HIRA = "\u3040-\u309f"
_HANGUL = "\uac00-\ud7a3"
# compiled on first use: a run whose term statistics come from the cache needs none of them
_TOKEN = lazy_compile(
    rf"(?P<han>[{_HAN}]+)|(?P<kata>[{_KANA}]+)|(?P<hangul>[{_HANGUL}]+)"
    rf"|(?P<word>[^\W\d_{_HAN}{_KANA}{_HIRA}{_HANGUL}]+)|(?P<brk>[^\s\w'’\-]+|\n[ \t]*\n)"
)
HAN_RE = lazy_compile(f"[{_HAN}]")
_EAST_ASIAN = lazy_compile(f"[{_HAN}{_KANA}{_HIRA}{_HANGUL}]")
_WORD_TOKEN = re.compile(r"([^\W\d_]+)|[^\s\w'’\-]+|\n[ \t]*\n")  # _TOKEN where no _EAST_ASIAN character is
_NOTHING = repeat("")
UNSPACED_RE = lazy_compile(f"[{_HAN}{_KANA}{_HANGUL}]")
MAX_NGRAM = 4
_KO_PARTICLE_1 = frozenset("이가을를은는의에도로와과")


_ARABIC_ARTICLE = re.compile(r"^(?:[وفبكل]?ال|لل)(?=\w{3})")


def fold_word(word: str) -> str:
    """A word of an alphabetic language, lower-cased and with its ending folded
    (allenamento / allenamenti -> allenamen), so that inflections count as one rendering.
    Arabic and Persian words lose the article and the particles glued before it
    (الطبقة / طبقة, والشبكة / شبكة)."""
    word = word.lower()
    if "\u0600" <= word[:1] <= "\u06ff":
        word = _ARABIC_ARTICLE.sub("", word)
    if len(word) >= 6:
        return word[: len(word) - min(2, len(word) - 5)]
    return word


def korean_stems(word: str) -> list[str]:
    """A Korean word without the particle or ending glued to it (계층에서 -> 계층).

    The first stem is the best guess; a two-syllable word ending in a
    one-syllable particle also gives its first syllable (층이 -> 층이, 층).
    """
    from dlc_lint.glossary.particles import is_tail

    stems = []
    for cut in range(2, len(word)):
        if is_tail(word[cut:]):
            stems.append(word[:cut])
            break
    else:
        stems.append(word)
    if len(word) == 2 and word[1] in _KO_PARTICLE_1:
        stems.append(word[0])
    return stems


def _korean_stems(word: str) -> tuple[str, ...]:
    """:func:`korean_stems`, memoised (a folder writes the same words over and over)."""
    stems = _KOREAN_STEMS.get(word)
    if stems is None:
        if len(_KOREAN_STEMS) > 50_000:
            _KOREAN_STEMS.clear()
        stems = _KOREAN_STEMS[word] = tuple(korean_stems(word))
    return stems


_KOREAN_STEMS: dict[str, tuple[str, ...]] = {}


def _folded(word: str) -> tuple[str, str]:
    """``(fold_word(word), word.lower())``, memoised."""
    found = _FOLDED.get(word)
    if found is None:
        if len(_FOLDED) > 50_000:
            _FOLDED.clear()
        found = _FOLDED[word] = (fold_word(word), word.lower())
    return found


_FOLDED: dict[str, tuple[str, str]] = {}


def _ngram_slices(length: int) -> tuple[slice, ...]:
    """The slices cutting every run of 1 to MAX_NGRAM characters out of a string of ``length``."""
    found = _NGRAM_SLICES.get(length)
    if found is None:
        found = tuple(slice(i, i + n) for i in range(length) for n in range(1, min(MAX_NGRAM, length - i) + 1))
        if length <= 64:
            _NGRAM_SLICES[length] = found
    return found


_NGRAM_SLICES: dict[int, tuple[slice, ...]] = {}


def occurrences(
    text: str, start: int = 0, end: int | None = None, ideographs: Iterable[str] | None = None
) -> Iterator[tuple[str, int, int]]:
    """Candidate renderings in ``text[start:end]`` (masked prose): ``(key, start, end)``.

    Keys: Chinese/Japanese runs of 1-4 ideographs and katakana words; Korean
    word stems and pairs of stems written apart (경사 하강법); other scripts
    folded words and pairs of adjacent folded words. Keys of alphabetic scripts
    are lower case. Given ``ideographs``, a run of ideographs gives only those keys
    (the same ones, in the same order, found faster).
    """
    previous: tuple[str, int] | None = None
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup
        value = match.group()
        at = match.start()
        if kind == "han":
            if ideographs is not None:
                yield from _ideograph_occurrences(value, at, ideographs)
                previous = None
                continue
            length = len(value)
            for i in range(length):
                for n in range(1, min(MAX_NGRAM, length - i) + 1):
                    yield value[i : i + n], at + i, at + i + n
            previous = None
        elif kind == "kata":
            if len(value) >= 2 and value.strip("ー・ｰ"):
                yield value, at, match.end()
            previous = None
        elif kind == "hangul":
            stems = _korean_stems(value)
            for stem in stems:
                yield stem, at, at + len(stem)
            if previous is not None:
                yield previous[0] + " " + stems[0], previous[1], at + len(stems[0])
            previous = (stems[0], at) if stems[0] == value else None
        elif kind == "word":
            if len(value) < 3:
                previous = None
                continue
            key = _folded(value)[0]
            yield key, at, match.end()
            if previous is not None:
                yield previous[0] + " " + key, previous[1], match.end()
            previous = (key, at)
        else:
            previous = None


def _ideograph_occurrences(run: str, at: int, keys: Iterable[str]) -> Iterator[tuple[str, int, int]]:
    """The n-grams of a run of ideographs that are among ``keys``, in the order of :func:`occurrences`
    (by start, then length)."""
    found = []
    for key in keys:
        if len(key) > MAX_NGRAM:
            continue
        index = run.find(key) if key else -1
        while index >= 0:
            found.append((index, len(key), key))
            index = run.find(key, index + 1)
    for index, length, key in sorted(found):
        yield key, at + index, at + index + length


def candidates(
    text: str, start: int = 0, end: int | None = None, written: dict[str, Counter] | None = None
) -> set[str]:
    """The keys of :func:`occurrences`, as a set (the same walk, made for speed).

    ``written`` collects how folded keys of alphabetic scripts are written.
    """
    end = len(text) if end is None else end
    if written is None:
        return candidate_keys(text, start, end, None)
    forms: dict[str, dict[str, int]] = {}
    keys = candidate_keys(text, start, end, forms)
    for key, counts in forms.items():
        written.setdefault(key, Counter()).update(counts)
    return keys


def candidate_keys(text: str, start: int, end: int, written: dict[str, dict[str, int]] | None) -> set[str]:
    """:func:`candidates`, counting in plain dictionaries."""
    keys: set[str] = set()
    add = keys.add
    previous: str | None = None
    previous_text = ""
    folded = _FOLDED.get
    tokens: Iterable[tuple[str, str, str, str, str]]
    if _EAST_ASIAN.search(text, start, end) is None:
        # words and breaks only: a simpler pattern finds them faster, in the shape of _TOKEN's
        words = _WORD_TOKEN.findall(text, start, end)
        tokens = zip(_NOTHING, _NOTHING, _NOTHING, words, _NOTHING)
    else:
        tokens = _TOKEN.findall(text, start, end)
    for han, kata, hangul, word, _ in tokens:
        if word:
            if len(word) < 3:
                previous = None
                continue
            key, lower = folded(word) or _folded(word)
            add(key)
            if written is not None and key != lower:
                count_form(written, key, lower)
            if previous is not None:
                pair = previous + " " + key
                add(pair)
                if written is not None:
                    count_form(written, pair, previous_text + " " + lower)
            previous, previous_text = key, lower
        elif han:
            keys.update(map(han.__getitem__, _ngram_slices(len(han))))
            previous = None
        elif hangul:
            stems = _korean_stems(hangul)
            keys.update(stems)
            if previous is not None:
                add(previous + " " + stems[0])
            previous = stems[0] if stems[0] == hangul else None
        else:
            if len(kata) >= 2 and kata.strip("ー・ｰ"):
                add(kata)
            previous = None
    return keys


def same_family(a: str, b: str) -> bool:
    """Two renderings that are one word in two shapes: one holds the other, or (ideographs,
    kana, Hangul) they share a character, or (alphabets) two of their words share a stem,
    accents aside (imágenes / imagen)."""
    if a in b or b in a:
        return True
    if UNSPACED_RE.search(a) or UNSPACED_RE.search(b):
        return bool((set(a) & set(b)) - {" "})
    for x in _plain(a).split():
        for y in _plain(b).split():
            if len(_common_prefix(x, y)) >= max(3, min(len(x), len(y)) - 2):
                return True
    return False


@lru_cache(maxsize=20_000)
def _plain(text: str) -> str:
    """Without accents: imágenes -> imagenes."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _common_prefix(a: str, b: str) -> str:
    i = 0
    for x, y in zip(a, b):
        if x != y:
            break
        i += 1
    return a[:i]
