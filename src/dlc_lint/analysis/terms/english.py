"""The English side: source text masked to prose, and its terms (content-word stems and pairs of them).

``training`` and ``trained`` are one term (``train``); function words are grammar, never terms.
"""

from __future__ import annotations

import re
from collections import Counter

from dlc_lint.parse import inline

_FENCED = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.S | re.M)


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
        return english_reading(text, None)
    written: dict[str, dict[str, int]] = {}
    found = english_reading(text, written)
    for term, counts in written.items():
        shown.setdefault(term, Counter()).update(counts)
    return found


def english_reading(text: str, shown: dict[str, dict[str, int]] | None) -> set[str]:
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
                    count_form(shown, term, form)
                if previous:
                    pair = previous + " " + term
                    add(pair)
                    if shown is not None:
                        count_form(shown, pair, previous_form + " " + form)
                previous, previous_form = term, form
                continue
            if kind is not _SKIPPED:
                add(term)
                if kind is _ACRONYM and shown is not None:
                    count_form(shown, term, form)
            previous = ""
    return found


def count_form(forms: dict[str, dict[str, int]], key: str, form: str) -> None:
    """One more use of ``key`` written ``form``."""
    counts = forms.get(key)
    if counts is None:
        forms[key] = {form: 1}
    else:
        counts[form] = counts.get(form, 0) + 1


def usual_form(counts: dict[str, int]) -> str:
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
