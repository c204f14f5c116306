"""What a folder learns about its terms, as data: renderings, terms, and the folder's answers per page."""

from __future__ import annotations

from dataclasses import dataclass, field

from dlc_lint.analysis.terms.candidates import occurrences
from dlc_lint.analysis.terms.segments import Segment

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
class FolderSegment:
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
    _by_page: dict[str, list[FolderSegment]] = field(default_factory=dict, repr=False)
    _english_ids: dict[str, int] = field(default_factory=dict, repr=False)  # terms with variants
    _page_uses: dict[str, dict[str, list[tuple[Segment, Rendering]]]] = field(default_factory=dict, repr=False)
    _page_counts: dict[str, dict[Rendering, dict[str, int]]] = field(default_factory=dict, repr=False)
    _with_variants: list[Term] | None = field(default=None, repr=False)

    def follow(self, by_page: dict[str, list[FolderSegment]], english_ids: dict[str, int]) -> None:
        """Keep the segments of each page (reduced to the terms with variants) for the questions per page."""
        self._by_page = by_page
        self._english_ids = english_ids

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
