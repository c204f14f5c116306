"""A translated page cut into segments: a piece of English and the translated prose that renders it.

A page that keeps the English in source comments gives one segment per comment; a page without them
is aligned block by block with its English page where both have the same shape; the front-matter
title pairs with the English title. Computed once per page and run (cached on the site).
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

from dlc_lint.analysis.terms.english import mask_english
from dlc_lint.parse.markdown import scan_blocks
from dlc_lint.parse.page import Page


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
