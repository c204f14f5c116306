"""The blocks compared: a page's visible *units*, and the *snapshot* of English blocks kept in its source comments."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dlc_lint.analysis.parity.cache import cached_on_page
from dlc_lint.analysis.parity.text import (
    ALNUM,
    has_letters,
    squash,
)
from dlc_lint.parse import inline
from dlc_lint.parse.markdown import SPAN_TAGS, Block, scan_blocks
from dlc_lint.parse.page import Page

PROSE_KINDS = frozenset({"paragraph", "heading", "list", "blockquote", "table"})
_RTL_OPEN = re.compile(r"\s*<(div|span|section|p)\b[^>]*\bdir\s*=\s*[\"']?(?:rtl|ltr|auto)\b[^>]*>\s*$", re.I)
_CLOSE_ONLY = re.compile(r"\s*</(div|span|section|p)\s*>\s*$", re.I)
_IMAGE_ONLY = re.compile(r"\s*!\[[^\]]*\]\([^)]*\)\s*$")


@dataclass(frozen=True, slots=True)
class Unit:
    """A visible block of a page, as the aligner sees it."""

    block: Block
    index: int  # position among the page's units
    kind: str  # the block kind; "image" for a paragraph holding only an image
    token: str  # what must match for two units to pair at once
    key: str  # the block's visible text, whitespace collapsed

    @property
    def start(self) -> int:
        return self.block.start

    @property
    def end(self) -> int:
        return self.block.end


def units(site, page: Page) -> tuple[Unit, ...]:
    return cached_on_page(page, "units", lambda: _units(page))


def _units(page: Page) -> tuple[Unit, ...]:
    text = page.text
    # The page as written, comments blanked: what a reader's Markdown holds (code spans kept).
    # Only blocks that hold (part of) a comment need the blanked copy.
    comment_ranges = [(c.start, c.end) for c in page.comments]
    content = None

    def visible_text(start: int, end: int) -> str:
        nonlocal content
        index = bisect.bisect_left(comment_ends, start)
        if index < len(comment_ranges) and comment_ranges[index][0] < end:
            if content is None:
                content = inline.mask(text, comment_ranges)
            return content[start:end]
        return text[start:end]

    comment_ends = [end for _, end in comment_ranges]
    rtl = False
    blocks: list[Block] = []
    for block in page.blocks:
        if block.kind == "comment":
            glued = _text_after_comments(block, visible_text(block.start, block.end))
            if glued is not None:
                blocks.append(glued)  # `<!-- English --> translation` on one line: kramdown shows the text
            continue
        if block.kind == "html":
            first_end = text.find("\n", block.start, block.end)
            first_end = block.end if first_end < 0 else first_end
            if _RTL_OPEN.match(text, block.start, first_end) or _RTL_OPEN.fullmatch(text[block.start : first_end]):
                rtl = True
                if first_end < block.end:
                    # the wrapper opens on its own line and the content follows at once
                    inner = scan_blocks(text[: block.end], first_end + 1).blocks
                    blocks.extend(b for b in inner if b.kind != "comment")
                continue
            if rtl and _CLOSE_ONLY.fullmatch(text[block.start : block.end]):
                continue
        blocks.append(block)
    found: list[Unit] = []
    for block in blocks:
        visible = squash(visible_text(block.start, block.end))
        kind = block.kind
        if kind == "heading" and not visible.strip("#=- \t"):
            continue  # a heading holding only a comment renders nothing worth pairing
        if not visible and kind not in ("code", "indented-code"):
            continue
        if kind == "paragraph" and _IMAGE_ONLY.match(visible):
            kind = "image"
        token = f"h{block.level}" if kind == "heading" else kind
        found.append(Unit(block, len(found), kind, token, visible))
    return tuple(found)


def _text_after_comments(block: Block, visible: str) -> Block | None:
    """The text a comment block holds outside its comments, as a paragraph of its own (or None).

    kramdown ends the comment at ``-->`` and renders what follows on the line as a paragraph.
    """
    if not has_letters(visible):
        return None
    offset = len(visible) - len(visible.lstrip())
    return Block("paragraph", block.start + offset, block.end)


# -- the snapshot: English kept in comments --------------------------------------------


@dataclass(frozen=True, slots=True)
class SnapBlock:
    """One English block inside a source comment of the translation."""

    comment_index: int  # which pair of page.pairs
    start: int  # offsets in the translated page's text
    end: int
    kind: str
    level: int
    key: str  # text, whitespace collapsed
    t_pos: int  # index of the first translated unit after the comment
    t_before: int = 0  # index of the first translated unit after the previous source comment


def snapshot(site, page: Page) -> tuple[SnapBlock, ...]:
    return cached_on_page(page, "snapshot", lambda: _snapshot(site, page))


def _snapshot(site, page: Page) -> tuple[SnapBlock, ...]:
    pairs = page.pairs
    if not pairs:
        return ()
    text = page.text
    unit_starts = [u.start for u in units(site, page)]
    found: list[SnapBlock] = []
    u = before = 0
    for index, pair in enumerate(pairs):
        comment = pair.comment
        before = u
        while u < len(unit_starts) and unit_starts[u] < comment.end:
            u += 1
        inner = text[comment.inner_start : comment.inner_end]
        if not ALNUM.search(inner) and not inner.strip().strip("-").strip():
            continue  # nothing but spaces and dashes (a letter or digit answers at once: no copies)
        if "```" not in inner and "~~~" not in inner and "$$" not in inner:
            # no fence or display formula that could hold a blank line: split the comment here, faster
            # than the block scanner (most comments hold one paragraph, or a heading and a paragraph)
            base = comment.inner_start
            for start, end in _chunks(inner):
                chunk = inner[start:end]
                kind, level = _line_kind(chunk)
                found.append(SnapBlock(index, base + start, base + end, kind, level, squash(chunk), u, before))
            continue
        for block in scan_blocks(inner).blocks:
            if block.kind == "comment":
                continue
            key = squash(inner[block.start : block.end])
            if not key or not ALNUM.search(key):
                continue  # the dashes of a `<!-----` opener, a separator line
            found.append(
                SnapBlock(
                    index,
                    comment.inner_start + block.start,
                    comment.inner_start + block.end,
                    block.kind,
                    block.level,
                    key,
                    u,
                    before,
                )
            )
    return tuple(found)


_BLANK = re.compile(r"\n[ \t]*\n\s*")
_HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t][^\n]*)?$", re.M)


def _chunks(inner: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the blocks of a comment without fences: paragraphs split at blank lines,
    and at ATX headings (a heading is a block of its own even without a blank line)."""
    found = []
    pos = 0
    for match in [*_BLANK.finditer(inner), None]:
        end = match.start() if match else len(inner)
        piece_start = pos
        # (a pattern starting with ``^`` is tried at every character: only where a ``#`` could start a heading)
        for heading in _HEADING_LINE.finditer(inner, pos, end) if inner.find("#", pos, end) >= 0 else ():
            if inner[piece_start : heading.start()].strip():
                found.append((piece_start, heading.start()))
            found.append((heading.start(), heading.end()))
            piece_start = heading.end()
        if inner[piece_start:end].strip():
            found.append((piece_start, end))
        pos = match.end() if match else len(inner)
    out = []
    for start, end in found:
        text = inner[start:end]
        left = text.lstrip()
        if left.startswith("<!--"):
            # the opener of a comment nested in this one (unclosed before it): the English follows
            skip = text.index("<!--") + 4
            start, text = start + skip, text[skip:]
            left = text.lstrip()
        if ALNUM.search(text):  # (not only the dashes of an opener or of a separator line)
            out.append((start + len(text) - len(left), start + len(text.rstrip())))
    return out


_ATX_LINE = re.compile(r"(#{1,6})(?:[ \t]|$)")
_OTHER_LINE = (("```", "code"), ("~~~", "code"), ("$$", "math"), ("|", "table"), (">", "blockquote"))
_LIST_LINE = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_HTML_LINE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")


def _line_kind(line: str) -> tuple[str, int]:
    """The block kind of a single stripped line, as :func:`scan_blocks` would see it."""
    heading = _ATX_LINE.match(line)
    if heading:
        return "heading", len(heading.group(1))
    for prefix, kind in _OTHER_LINE:
        if line.startswith(prefix):
            return kind, 0
    if _LIST_LINE.match(line):
        return "list", 0
    html = _HTML_LINE.match(line)
    if html and html.group(1).lower() not in SPAN_TAGS:
        return "html", 0
    return "paragraph", 0
