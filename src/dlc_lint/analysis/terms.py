"""Which words of a translation render which English term.

Two layers, both computed once per run and cached on the site:

* :func:`segments` cuts a translated page into *segments*: a piece of English
  and the translated prose that renders it. A page that keeps the English in
  source comments gives one segment per comment: the translated blocks next to
  it, as many as the comment holds English blocks (comments kept above their
  translation, or below it, as the page's headings show). A page without source
  comments is aligned block by block with its English page where both have the
  same shape. The front-matter title pairs with the English title. The English
  is masked like page prose: code, math, tags, URLs and link targets are
  blanked, so ``2-layer-inference.png`` is not the word *layer*.

* :func:`folder_terms` reads every segment of a language folder and learns, for
  each English term (a content word, its inflections folded, or a pair of them),
  the words that render it there. Candidate renderings are Chinese/Japanese runs
  of 1-4 ideographs and katakana words, Korean words without their particle,
  and words (or word pairs) of other scripts with their endings folded. A
  candidate renders a term when the term is in the English of most segments
  that hold it, the meeting is no coincidence (log-likelihood ratio), and no
  other term explains it better; a katakana word that sounds like the term
  (マトリクス: matrix) needs less evidence. Renderings that are one word in two
  shapes form a *family* (数据 / 数据集, 層 / 隠れ層, imágenes / imagen). A term
  whose usual family covers most of its segments and which has another family
  replacing it elsewhere has *variants*: 资料 next to 数据 for *data*,
  レイヤー next to 層 for *layer*, allenamento next to addestramento for
  *training*. No glossary is needed.

Everything works on offsets into the page text, so findings point at the words.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat

from dlc_lint.parse import inline
from dlc_lint.parse.markdown import scan_blocks
from dlc_lint.parse.page import Page

# -- English ---------------------------------------------------------------------------------

_FENCED = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.S | re.M)
_INDENT_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)]|#{1,6}|>)(?=[ \t])", re.M)


def mask_english(text: str) -> str:
    """English source text as prose only: code, math, Liquid, tags, link targets and URLs blanked.

    Offsets and newlines are kept. ``2-layer-inference.png`` in an image tag or
    ``nn.Linear`` in a code span never count as English words.
    """
    if not text:
        return text
    masked = _MASKED.get(text)
    if masked is None:
        if len(_MASKED) > 50_000:
            _MASKED.clear()
        masked = _MASKED[text] = _mask_english(text)
    return masked


_MASKED: dict[str, str] = {}  # a comment met twice (huge pages repeat themselves) is masked once


def _mask_english(text: str) -> str:
    ranges: list[tuple[int, int]] = []
    if "```" in text or "~~~" in text:
        ranges.extend(m.span() for m in _FENCED.finditer(text))
        text = inline.mask(text, ranges)
        ranges = []
    text = inline.mask(text, inline.code_spans(text))
    ranges.extend(inline.math_spans(text) if "$" in text else ())
    ranges.extend(inline.liquid_spans(text) if "{" in text else ())
    ranges.extend(inline.url_spans(text))
    tags = inline.find_tags(inline.mask(text, ranges)) if "<" in text else []
    ranges.extend((t.start, t.end) for t in tags)
    masked = inline.mask(text, ranges)
    if "](" in masked or "<" in text or "]:" in masked:
        ranges.extend((l.target_start, l.target_end) for l in inline.find_links(masked, tags))
    return inline.mask(text, ranges)


_EN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_EN_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”|/]|\s-\s|\n\s*\n")

# Function words and words too general to be worth a glossary line.
EN_STOPWORDS = frozenset(
    """
a about above across after again against all almost along also although always am among an and another any
anyone anything are around as at away back be became because become becomes been before being below between
both but by can cannot could did do does doing done down during each either else enough even ever every
few for from further get gets getting given gives go goes going got had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less let lets like made make
makes making many may me might more most much must my myself near need needs neither never no nor not now of
off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps
rather really said same say says see seen shall she should since so some something such than that the their
theirs them themselves then there therefore these they this those though through thus to together too
toward towards under unless until up upon us use used uses using usually very via was way ways we well were
what whatever when where whether which while who whom whose why will with within without would yet you
your yours yourself e g eg ie etc vs
also able actually already basically called case cases certain clear different does done easy example
examples fact first following good got here important instead kind kinds know known last look looking lot
lots mean means new next note notice now number numbers obtain order part particular point points possible
previous question really respect right second see seen several show shown shows simple simply since slide
slides small specific still sure take takes talk terms thing things think third three time times try two
value values want whole work works write zero one two three four five six seven eight nine ten figure fig
""".split()
)

GRAMMAR = "~"  # marks a word of EN_STOPWORDS among the terms of a text: it competes for renderings, is never listed

_IRREGULAR = {
    "matrices": "matrix",
    "vertices": "vertex",
    "indices": "index",
    "data": "data",
    "analyses": "analysis",
    "bases": "basis",
    "hypotheses": "hypothesis",
    "axes": "axis",
    "children": "child",
    "people": "person",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "maxima": "maximum",
    "minima": "minimum",
    "optima": "optimum",
    "lemmata": "lemma",
    "radii": "radius",
    "series": "series",
    "species": "species",
}


def english_lemma(word: str) -> str:
    """A lower-case English word with its plural folded (``layers`` -> ``layer``, ``matrices`` -> ``matrix``)."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ous", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("ses") and len(word) > 5 and word[:-2].endswith(("ias", "us", "ss")):
        return word[:-2]
    return word[:-1]


_DOUBLE_END = re.compile(r"([bdfgklmnprt])\1$")


def english_stem(word: str) -> str:
    """An English word reduced to a stem shared by its inflections:
    training / trained / trains / train -> train, computing / computed / compute -> comput."""
    stem = _STEMS.get(word)
    if stem is None:
        stem = _STEMS[word] = _english_stem(word)
    return stem


_STEMS: dict[str, str] = {}


def _english_stem(word: str) -> str:
    lemma = english_lemma(word)
    if lemma.isupper():
        return lemma
    for ending in ("ing", "ed"):
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 3:
            stem = lemma[: -len(ending)]
            if _DOUBLE_END.search(stem) and not stem.endswith(("ll", "ss")):
                stem = stem[:-1]
            return stem[:-1] if stem.endswith("e") else stem
    if lemma.endswith("e") and len(lemma) > 4:
        return lemma[:-1]
    return lemma


def english_terms(text: str, shown: dict[str, Counter] | None = None) -> set[str]:
    """The English terms of a (masked) text: stems of content words, and pairs of adjacent ones.

    ``training`` and ``trained`` are one term (``train``); ``self-supervised``
    also counts as ``supervised``. When ``shown`` is given, it collects how each
    term is written (to show ``training`` rather than ``train``).
    """
    if shown is None:
        return _english_reading(text, None)
    written: dict[str, dict[str, int]] = {}
    found = _english_reading(text, written)
    for term, counts in written.items():
        shown.setdefault(term, Counter()).update(counts)
    return found


def _english_reading(text: str, shown: dict[str, dict[str, int]] | None) -> set[str]:
    """:func:`english_terms`, counting in plain dictionaries."""
    found: set[str] = set()
    add = found.add
    known = _ENGLISH_WORDS.get
    for chunk in _EN_BREAK.split(text):
        previous = previous_form = ""  # the content word just before, if any
        for raw in _EN_WORD.findall(chunk):
            kind, term, form, tail = known(raw) or _english_word(raw)
            if kind is _CONTENT:
                add(term)
                if tail:
                    add(tail)
                if shown is not None:
                    _count(shown, term, form)
                if previous:
                    pair = previous + " " + term
                    add(pair)
                    if shown is not None:
                        _count(shown, pair, previous_form + " " + form)
                previous, previous_form = term, form
                continue
            if kind is not _SKIPPED:
                add(term)
                if kind is _ACRONYM and shown is not None:
                    _count(shown, term, form)
            previous = ""
    return found


def _count(forms: dict[str, dict[str, int]], key: str, form: str) -> None:
    """One more use of ``key`` written ``form``."""
    counts = forms.get(key)
    if counts is None:
        forms[key] = {form: 1}
    else:
        counts[form] = counts.get(form, 0) + 1


def _usual_form(counts: dict[str, int]) -> str:
    """The form written most; the first written of equals (as ``Counter.most_common``)."""
    return max(counts, key=counts.__getitem__)


_CONTENT, _ACRONYM, _GRAMMAR_WORD, _SKIPPED = "content", "acronym", "grammar", "skipped"


def _english_word(raw: str) -> tuple[str, str, str, str]:
    """``(kind, term, as written, tail)`` of one English word; ``tail`` is the term of the last
    part of a hyphenated word (``supervis`` of ``self-supervised``) or "". Memoised: a folder's
    English uses the same words over and over."""
    word = _ENGLISH_WORDS.get(raw)
    if word is None:
        if len(_ENGLISH_WORDS) > 100_000:
            _ENGLISH_WORDS.clear()
        word = _ENGLISH_WORDS[raw] = _read_english_word(raw)
    return word


_ENGLISH_WORDS: dict[str, tuple[str, str, str, str]] = {}


def _read_english_word(raw: str) -> tuple[str, str, str, str]:
    if len(raw) > 1 and (raw.isupper() or raw[:-1].isupper() and raw[-1] == "s" and len(raw) > 2):
        # an acronym: CNN, GANs, SGD
        term = raw[:-1] if raw[-1] == "s" else raw
        return _ACRONYM, term, term, ""
    lower = raw.lower()
    stem = english_stem(lower)
    if lower in EN_STOPWORDS or english_lemma(lower) in EN_STOPWORDS:
        # not a term, but its translation must be explained by it (üçüncü by *third*),
        # not credited to a term next to it
        return _GRAMMAR_WORD, GRAMMAR + english_lemma(lower), lower, ""
    if len(stem) < 3 or not stem.isalpha() and "-" not in stem:
        return _SKIPPED, "", lower, ""
    tail = ""
    if "-" in stem:
        last = english_stem(lower.rsplit("-", 1)[1])
        if len(last) >= 3 and last not in EN_STOPWORDS:
            tail = last
    return _CONTENT, stem, lower, tail


# -- segments ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of English and the translated prose that renders it.

    ``start``/``end``: the translated range in the page text. ``english``: the
    English, masked to prose. ``source`` is ``comment`` (a source comment of the
    page; ``english_start`` is its offset in the page) or ``aligned`` (a block of
    the English page; ``english_start`` is its offset there).
    """

    start: int
    end: int
    english: str
    source: str
    english_start: int

    @property
    def from_comment(self) -> bool:
        return self.source == "comment"


def cache_for(site) -> dict:
    """A dictionary living as long as ``site``: term data is computed once per run."""
    return site.__dict__.setdefault("_dlc_terms_cache", {})


def forget_folder(site, lang: str) -> None:
    """Drop what was worked out for a language folder: its statistics, its pages' segments and
    glossary hits. The engine lints folder after folder and calls this when it leaves one, so
    memory does not grow with the number of languages; anything asked for again is recomputed."""
    cache = cache_for(site)
    prefix = lang + "/"
    for key in [k for k in cache if len(k) > 1 and isinstance(k[1], str) and (k[1] == lang or k[1].startswith(prefix))]:
        del cache[key]


def segments(page: Page, site=None) -> tuple[Segment, ...]:
    """The page's (English, translation) segments, in page order (cached per site)."""
    if site is None:
        return _segments(page, None)
    cache = cache_for(site)
    key = ("segments", page.path)
    if key not in cache:
        cache[key] = _segments(page, site)
    return cache[key]


class SegmentIndex:
    """Finds the segment holding an offset (segments are in page order and do not overlap)."""

    def __init__(self, found: tuple[Segment, ...]):
        self.found = found
        self.starts = [s.start for s in found]

    def at(self, offset: int) -> Segment | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0 and self.found[index].start <= offset < self.found[index].end:
            return self.found[index]
        return None


def _segments(page: Page, site) -> tuple[Segment, ...]:
    found = _comment_segments(page)
    if site is None:
        return found
    if not found:
        found = _aligned_segments(page, site)
    title = _title_segment(page, site)
    return (title, *found) if title is not None else found


def _title_segment(page: Page, site) -> Segment | None:
    """The front-matter title, paired with the English page's title."""
    front = page.front_matter
    entry = front.entry("title") if front.present and front.hidden_by is None else None
    if entry is None or entry.value_end <= entry.value_start:
        return None
    english = site.counterpart_page(page.path)
    if english is None or english.path == page.path:
        return None
    other = english.front_matter.entry("title")
    if other is None:
        return None
    return Segment(
        entry.value_start,
        entry.value_end,
        mask_english(english.text[other.value_start : other.value_end]),
        "title",
        other.value_start,
    )


def _line_start_comment(text: str, comment) -> bool:
    """A comment that begins its line (a block of its own, or glued right under a paragraph)."""
    line_start = text.rfind("\n", 0, comment.start) + 1
    return not text[line_start : comment.start].strip()


def _comment_segments(page: Page) -> tuple[Segment, ...]:
    """One segment per source comment: the translated blocks next to it, as many as the comment
    holds English blocks (a comment holding only a heading pairs with the heading), never past
    another source comment. Most pages keep the English above its translation; some below it
    (the side that pairs headings with headings wins)."""
    text = page.text
    if not page.pairs:
        return ()
    sources = [c for c in page.comments if page.is_source_comment(c) and _line_start_comment(text, c)]
    if not sources:
        return ()
    prose = page.prose_text
    blocks = [b for b in page.blocks if (b.kind in _PROSE_KINDS or b.kind == "html") and prose[b.start : b.end].strip()]
    starts = [b.start for b in blocks]
    ends = [b.end for b in blocks]
    inners = [text[c.inner_start : c.inner_end] for c in sources]
    below = _english_below(sources, inners, blocks, starts, ends)
    found = []
    for index, comment in enumerate(sources):
        wanted = max(1, _english_block_count(inners[index]))
        if below:
            limit = sources[index - 1].end if index else 0
            last = bisect.bisect_right(ends, comment.start) - 1
            chosen = [b for b in blocks[max(0, last - wanted + 1) : last + 1] if b.start >= limit]
            if not chosen:
                continue
            start, end = max(chosen[0].start, limit), min(chosen[-1].end, comment.start)
        else:
            limit = sources[index + 1].start if index + 1 < len(sources) else len(text)
            first = bisect.bisect_right(ends, comment.end)
            chosen = [b for b in blocks[first : first + wanted] if b.start < limit]
            if not chosen:
                continue
            start, end = max(comment.end, chosen[0].start), min(chosen[-1].end, limit)
        if end <= start or not prose[start:end].strip():
            continue
        found.append(Segment(start, end, mask_english(inners[index]), "comment", comment.inner_start))
    return tuple(found)


def _english_token(inner: str) -> str:
    line = inner.strip().split("\n", 1)[0]
    heading = re.match(r"(#{1,6})\s", line)
    if heading:
        return f"h{len(heading.group(1))}"
    return "list" if re.match(r"(?:[-*+]|\d{1,9}[.)])\s", line) else "paragraph"


def _block_token(block) -> str:
    if block.kind == "heading":
        return f"h{block.level}"
    return "list" if block.kind == "list" else "paragraph"


def _english_below(sources, inners, blocks, starts, ends) -> bool:
    """Whether the page keeps its English comments below the translations (headings decide)."""
    above = below = 0
    for comment, inner in zip(sources, inners):
        token = _english_token(inner)
        if not token.startswith("h"):
            continue
        after = bisect.bisect_right(ends, comment.end)
        before = bisect.bisect_right(ends, comment.start) - 1
        if after < len(blocks) and _block_token(blocks[after]) == token:
            above += 1
        if before >= 0 and _block_token(blocks[before]) == token:
            below += 1
    return below > above


def _english_block_count(inner: str) -> int:
    """How many prose blocks an English source comment holds."""
    stripped = inner.strip()
    if "\n" not in stripped:
        return 1
    return sum(1 for b in scan_blocks(inner).blocks if b.kind in _PROSE_KINDS or b.kind == "html")


_PROSE_KINDS = ("paragraph", "heading", "list", "blockquote", "table")


def _aligned_segments(page: Page, site) -> tuple[Segment, ...]:
    """Blocks of a page without source comments, paired with its English page's blocks.

    Only where the two pages have the same shape: runs of blocks whose kinds
    (heading levels, paragraphs, lists, math, code) follow each other the same
    way are paired one to one; everything else is left out.
    """
    english = site.counterpart_page(page.path)
    if english is None or english.path == page.path:
        return ()
    mine = _prose_blocks(page)
    theirs = _prose_blocks(english)
    if not mine or not theirs:
        return ()
    tokens_a = [_token(b) for b in mine]
    tokens_b = [_token(b) for b in theirs]
    matcher = difflib.SequenceMatcher(None, tokens_a, tokens_b, autojunk=False)
    if matcher.ratio() < 0.6:
        return ()
    prose = english.prose_text
    found = []
    for a, b, size in matcher.get_matching_blocks():
        if size < 2:
            continue  # a lone match between two differing stretches is a guess
        for k in range(size):
            block, other = mine[a + k], theirs[b + k]
            if block.kind not in _PROSE_KINDS:
                continue
            found.append(Segment(block.start, block.end, prose[other.start : other.end], "aligned", other.start))
    return tuple(found)


def _prose_blocks(page: Page):
    return [
        b
        for b in page.blocks
        if b.kind not in ("comment", "hr", "liquid") and (b.kind != "html" or page.prose_text[b.start : b.end].strip())
    ]


def _token(block) -> str:
    if block.kind == "heading":
        return f"h{block.level}"
    if block.kind in ("code", "indented-code"):
        return "code"
    return block.kind


# -- renderings: candidate words of the translation -----------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"
_KANA = "\u30a0-\u30ff\u31f0-\u31ff\uff70"
_HIRA = "\u3040-\u309f"
_HANGUL = "\uac00-\ud7a3"
_TOKEN = re.compile(
    rf"(?P<han>[{_HAN}]+)|(?P<kata>[{_KANA}]+)|(?P<hangul>[{_HANGUL}]+)"
    rf"|(?P<word>[^\W\d_{_HAN}{_KANA}{_HIRA}{_HANGUL}]+)|(?P<brk>[^\s\w'’\-]+|\n[ \t]*\n)"
)
_HAN_RE = re.compile(f"[{_HAN}]")
_EAST_ASIAN = re.compile(f"[{_HAN}{_KANA}{_HIRA}{_HANGUL}]")
_WORD_TOKEN = re.compile(r"([^\W\d_]+)|[^\s\w'’\-]+|\n[ \t]*\n")  # _TOKEN where no _EAST_ASIAN character is
_NOTHING = repeat("")
_UNSPACED_RE = re.compile(f"[{_HAN}{_KANA}{_HANGUL}]")
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
        return _candidates(text, start, end, None)
    forms: dict[str, dict[str, int]] = {}
    keys = _candidates(text, start, end, forms)
    for key, counts in forms.items():
        written.setdefault(key, Counter()).update(counts)
    return keys


def _candidates(text: str, start: int, end: int, written: dict[str, dict[str, int]] | None) -> set[str]:
    """:func:`candidates`, counting in plain dictionaries."""
    keys: set[str] = set()
    add = keys.add
    previous: str | None = None
    previous_text = ""
    folded = _FOLDED.get
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
                _count(written, key, lower)
            if previous is not None:
                pair = previous + " " + key
                add(pair)
                if written is not None:
                    _count(written, pair, previous_text + " " + lower)
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


def _same_family(a: str, b: str) -> bool:
    """Two renderings that are one word in two shapes: one holds the other, or (ideographs,
    kana, Hangul) they share a character, or (alphabets) two of their words share a stem,
    accents aside (imágenes / imagen)."""
    if a in b or b in a:
        return True
    if _UNSPACED_RE.search(a) or _UNSPACED_RE.search(b):
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


# -- a folder's terms ------------------------------------------------------------------------------

MIN_JOINT = 2  # a rendering must follow the term at least this often
MIN_SPECIFICITY = 0.6  # ... and the term must be in the English this often when the rendering is used
MAX_SHARE = 0.25  # words in more segments than this are grammar, not terms
MAIN_SHARE = 0.5  # the usual rendering of a term with variants covers this share of its segments
MIN_MAIN = 5  # ... and at least this many
MIN_VARIANT = 3  # a variant replaces it in at least this many segments
MIN_G2 = 15.0  # log-likelihood ratio a link must reach: not a coincidence among thousands of words
MIN_G2_WEAK = 6.0  # ... or this, for a rare variant nearly always next to the term, or a transliteration of it


@dataclass(frozen=True)
class Rendering:
    """One way a folder renders an English term: a family of keys (数据, 数据集)."""

    text: str  # the member used most, as written
    keys: frozenset[str]
    uses: int  # segments whose English has the term and whose translation has this rendering
    pages: tuple[str, ...]  # site paths of the pages using it for the term, by use


@dataclass(frozen=True)
class Term:
    """An English term of a language folder and its renderings, the usual one first.

    ``variants`` are the renderings after the first that replace it (they seldom
    share a segment with it and are specific to the term): 资料 next to 数据.
    """

    key: str  # stem form (``train``, ``neural network``)
    text: str  # as mostly written (``training``)
    segments: int  # segments whose English has the term
    pages: tuple[str, ...]
    renderings: tuple[Rendering, ...]
    variants: tuple[Rendering, ...] = ()

    @property
    def main(self) -> Rendering:
        return self.renderings[0]


@dataclass
class _Seg:
    page: str
    segment: Segment
    english: list[int] | set[int]
    keys: set[str]


@dataclass
class FolderTerms:
    """What a language folder's aligned segments say about its terms (see :func:`folder_terms`).

    Only terms with variants are followed page by page: :meth:`uses_in_page` and
    :meth:`page_counts` answer for them (each page and term is worked out once).
    """

    lang: str
    pages: tuple[str, ...]
    segment_count: int
    terms: dict[str, Term] = field(default_factory=dict)
    _by_page: dict[str, list[_Seg]] = field(default_factory=dict, repr=False)
    _english_ids: dict[str, int] = field(default_factory=dict, repr=False)  # terms with variants
    _page_uses: dict[str, dict[str, list[tuple[Segment, Rendering]]]] = field(default_factory=dict, repr=False)
    _page_counts: dict[str, dict[Rendering, dict[str, int]]] = field(default_factory=dict, repr=False)
    _with_variants: list[Term] | None = field(default=None, repr=False)

    def with_variants(self) -> list[Term]:
        if self._with_variants is None:
            self._with_variants = [t for t in self.terms.values() if t.variants]
        return list(self._with_variants)

    def page_segments(self, path: str) -> list[tuple[Segment, set[str]]]:
        """The page's segments with their candidate keys."""
        return [(s.segment, s.keys) for s in self._by_page.get(path, ())]

    def uses_in_page(self, path: str, term: Term) -> list[tuple[Segment, Rendering]]:
        """For each segment of the page whose English has ``term`` (a term with variants): the usual
        rendering and the variants it uses (a segment using two gives two pairs)."""
        uses = self._page_uses.get(path)
        if uses is None:
            uses = self._page_uses[path] = self._uses_by_term(path)
        return list(uses.get(term.key, ()))

    def _uses_by_term(self, path: str) -> dict[str, list[tuple[Segment, Rendering]]]:
        by_id = {self._english_ids[t.key]: t for t in self.with_variants() if t.key in self._english_ids}
        found: dict[str, list[tuple[Segment, Rendering]]] = {}
        for seg in self._by_page.get(path, ()):
            for index in seg.english:
                term = by_id.get(index)
                if term is None:
                    continue
                for rendering in (term.main, *term.variants):
                    if rendering.keys & seg.keys:
                        found.setdefault(term.key, []).append((seg.segment, rendering))
        return found

    def page_counts(self, term: Term) -> dict[Rendering, dict[str, int]]:
        """Rendering (usual and variants) -> {page: segments using it for the term}. Shared: do not
        modify."""
        counts = self._page_counts.get(term.key)
        if counts is None:
            counts = self._page_counts[term.key] = {}
            for path in self._by_page:
                for _, rendering in self.uses_in_page(path, term):
                    per_page = counts.setdefault(rendering, {})
                    per_page[path] = per_page.get(path, 0) + 1
        return counts


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
        result = cached("folder-terms", inputs, lambda: _folder_terms(site, lang, tuple(paths)))
    else:
        result = _folder_terms(site, lang, tuple(paths))
    cache[key] = result
    return result


@dataclass
class _Reading:
    """One pass over a folder's segments."""

    segs: list[_Seg]
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
                english = english_memo[segment.english] = _english_reading(segment.english, shown)
            if english:
                with_terms.append((path, segment, english, prose[segment.start : segment.end]))
    # the translations next, in a second pass: one kind of work at a time runs faster
    segs: list[_Seg] = []
    keys_memo: dict[str, set[str]] = {}
    for path, segment, english, translation in with_terms:
        keys = keys_memo.get(translation)
        if keys is None:
            keys = keys_memo[translation] = _candidates(translation, 0, len(translation), written)
        if keys:
            segs.append(_Seg(path, segment, english, keys))  # english ids filled below
    return _Reading(segs, shown, written)


def _bits(indexes: list[int]) -> int:
    """The segments of ``indexes`` as bits."""
    bits = 0
    for index in indexes:
        bits |= 1 << index
    return bits


def _folder_terms(site, lang: str, paths: tuple[str, ...]) -> FolderTerms:
    reading = _read_folder(site, paths)
    segs = reading.segs
    n = len(segs)
    result = FolderTerms(lang, paths, n)
    if not n:
        return result
    dfe = Counter(chain.from_iterable(seg.english for seg in segs))
    dfc = Counter(chain.from_iterable(seg.keys for seg in segs))
    limit = max(MIN_JOINT + 1, MAX_SHARE * n)
    unspaced = len(list(filter(_UNSPACED_RE.match, dfc))) > len(dfc) / 2

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
    english_shown = [_usual_form(shown[term]) if term in shown else term for term in english_list]
    df = [dfe[term] for term in english_list]

    # candidate renderings: not grammar; an ideograph run that nearly always sits inside a longer
    # run is a fragment of it (据 of 数据); Latin words in a non-Latin translation are English left as is
    recurring = {k: c for k, c in dfc.items() if c >= MIN_JOINT}
    frequent_floor = 0.4 * n  # above it a key is frequent: only keys met once are not when n > 2
    frequent = {k for k, c in (recurring if frequent_floor >= 1 else dfc).items() if c > frequent_floor}
    extension: dict[str, int] = {}
    for key, count in recurring.items():
        if len(key) >= 2 and _HAN_RE.match(key):
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
    for index, seg in enumerate(segs):
        bit = 1 << index
        ids = [english_ids[t] for t in seg.english if t in english_ids]
        seg.english = ids
        english_sets.append(frozenset(ids))
        for i in ids:
            bits_e[i] |= bit
        for key in seg.keys & kept:
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
        katakana = _katakana(key)
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
            family = next((f for f in families if any(_same_family(key, k) for k in f[0])), None)
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
    by_page: dict[str, list[_Seg]] = defaultdict(list)
    for seg in segs:
        seg.keys = seg.keys & wanted
        seg.english = followed.intersection(seg.english)
        by_page[seg.page].append(seg)
    result._by_page = dict(by_page)
    result._english_ids = {english_list[i]: i for i in sorted(followed)}
    return result


_KANA_ROMAJI = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボ"
        "パピプペポマミムメモヤユヨラリルレロワヲンヴァィゥェォャュョヮ",
        "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da ji zu de do "
        "na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro "
        "wa o n vu a i u e o ya yu yo wa".split(),
    )
)
_SOUNDS = (
    ("sh", "S"),
    ("ch", "T"),
    ("ts", "T"),
    ("th", "S"),
    ("ph", "F"),
    ("ck", "K"),
    ("qu", "K"),
    ("x", "KS"),
    ("ce", "SV"),
    ("ci", "SV"),
    ("cy", "SV"),
)
_CLASS = {
    **dict.fromkeys("bpv", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkcq", "K"),
    **dict.fromkeys("szj", "S"),
    **dict.fromkeys("fh", "F"),
    **dict.fromkeys("lr", "R"),
    "m": "M",
    "n": "N",
    **dict.fromkeys("aeiou", "V"),
}


def _sound(latin: str) -> str:
    """A coarse sound skeleton of a Latin-letter word: consonant classes, vowels as V."""
    latin = latin.lower()
    for pair, code in _SOUNDS:
        latin = latin.replace(pair, code)
    out = []
    for char in latin:
        code = char if char.isupper() else _CLASS.get(char, "")
        if code and (not out or out[-1] != code):
            out.append(code)
    return "".join(out)


_katakana = re.compile("[\u30a0-\u30ff]+").fullmatch  # a word in katakana only


def transliterates(word: str, english: str) -> bool:
    """Whether a katakana word sounds like the English (マトリクス ~ matrix, レイヤー ~ layer)."""
    if not _katakana(word):
        return False
    romaji = "".join(_KANA_ROMAJI.get(c, "") for c in word)
    mine = _sound(romaji)
    theirs = _sound(english.replace(" ", ""))
    if not mine or not theirs or mine[0] != theirs[0]:
        return False
    consonants = difflib.SequenceMatcher(None, mine.replace("V", ""), theirs.replace("V", "")).ratio()
    whole = difflib.SequenceMatcher(None, mine, theirs).ratio()
    return max(consonants, whole) >= 0.75


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


def locate(text: str, segment: Segment, rendering: Rendering) -> tuple[int, int] | None:
    """Where the rendering is written in the segment: its usual form if there, else its
    shortest member (the first one)."""
    best = None
    for key, start, end in occurrences(text, segment.start, segment.end, rendering.keys):
        if key not in rendering.keys:
            continue
        if text[start:end].lower() == rendering.text.lower():
            return start, end
        if best is None or end - start < best[1] - best[0]:
            best = (start, end)
    return best


def _clean(text: str, frequent: set[str]) -> bool:
    """A rendering that does not begin or end with a grammar character (的, の)."""
    if not _HAN_RE.match(text):
        return True
    return len(text) == 1 or (text[0] not in frequent and text[-1] not in frequent)


def _rendering(keys, bits, segs, page_bits, written, joints, frequent) -> Rendering:
    top = max(joints[k] for k in keys)
    # the member used most; a word of two or more characters used nearly as much names it better (图像, not 像)
    best = max(keys, key=lambda k: (joints[k] >= 0.9 * top, len(k) > 1, joints[k], len(k), k))
    text = _usual_form(written[best]) if best in written else best
    return Rendering(text, frozenset(keys), bits.bit_count(), _pages_of(bits, segs, page_bits))


def _page_mask(bits: int, segs: list[_Seg], page_bits: dict[str, int]) -> int:
    """All segments of the pages that hold any of ``bits``."""
    mask = 0
    while bits:
        low = bits & -bits
        page = page_bits[segs[low.bit_length() - 1].page]
        mask |= page
        bits &= ~page
    return mask


def _pages_of(bits: int, segs: list[_Seg], page_bits: dict[str, int]) -> tuple[str, ...]:
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
