"""The page model: one file, parsed once, frozen, shared by every rule."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from dlc_lint.parse import inline
from dlc_lint.parse.frontmatter import FrontMatter, parse_front_matter
from dlc_lint.parse.markdown import Block, Comment, scan_blocks
from dlc_lint.parse.source import SourceText
from dlc_lint.parse.visibility import Visibility, comment_visibility, lines_of

DIRECTIVE = re.compile(
    r"\s*dlc-lint-(?P<action>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<codes>[^\n]*?)\s*$"
)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Pair:
    """An English source comment and the translated blocks that follow it."""

    comment: Comment
    blocks: tuple[Block, ...]

    def english(self, text: str) -> str:
        return text[self.comment.inner_start : self.comment.inner_end]


@dataclass(frozen=True)
class Directive:
    """An inline ``<!-- dlc-lint-... -->`` suppression comment."""

    action: str
    codes: tuple[str, ...]  # empty = every rule
    line: int
    comment: Comment


@dataclass(frozen=True)
class Page:
    """A Markdown page: its path inside the site, its text and its structure.

    ``path`` is relative to the site root with ``/`` separators
    (``ko/week01/01-1.md``); ``file`` is how the user named it, for reports.
    """

    path: str
    file: str
    source: SourceText
    front_matter: FrontMatter
    body_start: int
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    code_ranges: tuple[tuple[int, int], ...]

    @property
    def text(self) -> str:
        return self.source.text

    # -- derived views, computed on first use ----------------------------------
    @cached_property
    def _hidden_ranges(self) -> tuple[tuple[int, int], ...]:
        ranges = [(0, self.body_start)] if self.body_start else []
        ranges.extend(self.code_ranges)
        ranges.extend((c.start, c.end) for c in self.comments)
        return tuple(ranges)

    @cached_property
    def _content(self) -> tuple[tuple[tuple[int, int], ...], str]:
        # Code spans are found in the text with code blocks and comments already blanked;
        # blanking them too in that same text gives the content text in one more pass.
        masked = inline.mask(self.text, self._hidden_ranges)
        spans = tuple(inline.code_spans(masked))
        return spans, inline.mask(masked, spans)

    @cached_property
    def content_text(self) -> str:
        """The body as the reader's browser gets it from Markdown: code, comments and front matter blanked."""
        return self._content[1]

    @cached_property
    def math_ranges(self) -> tuple[tuple[int, int], ...]:
        """``$...$`` and ``$$...$$`` formulas outside code and comments, in page order.

        Delimiters pair within a block, as kramdown pairs them: one stray `$$` must not
        turn the rest of the page (its tags and links) into a formula.
        """
        text = self.content_text
        if "$" not in text:
            return ()
        ranges = []
        for block in self.blocks:
            if block.kind in ("code", "indented-code", "comment"):
                continue
            segment = text[block.start : block.end]
            if "$" in segment:
                ranges.extend(sorted((block.start + a, block.start + b) for a, b in inline.math_spans(segment)))
        return tuple(ranges)

    @cached_property
    def tags(self) -> tuple[inline.Tag, ...]:
        text = self.content_text
        if "<" not in text:
            return ()
        masked = inline.mask(text, self.math_ranges) if self.math_ranges else text
        return tuple(inline.find_tags(masked))

    @cached_property
    def links(self) -> tuple[inline.Link, ...]:
        return tuple(inline.find_links(self.content_text, list(self.tags)))

    @cached_property
    def prose_text(self) -> str:
        """Only rendered prose: math, Liquid, tag names, link targets and URLs blanked too."""
        text = self.content_text
        ranges = [*self.math_ranges, *inline.liquid_spans(text), *inline.url_spans(text)]
        ranges.extend((t.start, t.end) for t in self.tags)
        ranges.extend((l.target_start, l.target_end) for l in self.links)
        text = inline.mask(text, ranges)
        title = self.front_matter.entry("title")
        if title is not None and self.front_matter.hidden_by is None:
            # the title is rendered: keep it visible to prose rules
            text = text[: title.value_start] + self.text[title.value_start : title.value_end] + text[title.value_end :]
        return text

    @cached_property
    def directives(self) -> tuple[Directive, ...]:
        found = []
        for comment in self.comments:
            match = DIRECTIVE.match(self.text, comment.inner_start, comment.inner_end)
            if match:
                codes = tuple(c for c in re.split(r"[\s,]+", match.group("codes").strip()) if c)
                found.append(Directive(match.group("action"), codes, self.source.position(comment.start)[0], comment))
        return tuple(found)

    def is_source_comment(self, comment: Comment) -> bool:
        """A comment holding English source text (not a directive, not a ``=====`` separator)."""
        text, start, end = self.text, comment.inner_start, comment.inner_end  # (searched in place: no copy)
        return bool(_LETTER.search(text, start, end)) and not DIRECTIVE.match(text, start, end)

    @cached_property
    def pairs(self) -> tuple[Pair, ...]:
        comments = {c.start: c for c in self.comments if c.block}
        pairs = []
        current: Comment | None = None
        following: list[Block] = []
        for block in self.blocks:
            if block.kind == "comment":
                comment = comments.get(self._comment_start(block))
                if comment is None or not self.is_source_comment(comment):
                    continue
                if current is not None:
                    pairs.append(Pair(current, tuple(following)))
                current, following = comment, []
            elif current is not None:
                following.append(block)
        if current is not None:
            pairs.append(Pair(current, tuple(following)))
        return tuple(pairs)

    @cached_property
    def raw_html_from(self) -> int:
        """Where kramdown stops reading Markdown for good (an HTML block never closed); the text's end if nowhere.

        Two cases count, both proven on the corpus by tests/render: an opening tag typed for the closing one
        (`<div>caption<div>`), and an element left open inside an HTML block (`<table>…<a href=…>…/a>…</table>`):
        kramdown ignores the block's closing tag and waits to the end of the page for the inner one."""
        from dlc_lint.parse import html_balance

        raw = [
            i.tag.start
            for i in html_balance.analyse(self)
            if i.kind == "unclosed" and i.raw and (i.reopened or i.blocked_by is not None)
        ]
        return min(raw) if raw else len(self.text)

    @cached_property
    def _visibility(self) -> dict[int, Visibility]:
        if not self.comments:
            return {}
        starts, strs = lines_of(self.text)
        kinds: dict[int, str] = {}
        index = 0
        for block in self.blocks:
            while index + 1 < len(starts) and starts[index + 1] <= block.start:
                index += 1
            line = index
            while line < len(starts) and starts[line] <= block.end:
                kinds[line] = block.kind
                line += 1
        raw_from = self.raw_html_from
        found = {}
        for comment in self.comments:
            if comment.start > raw_from:
                found[comment.start] = Visibility(False)  # raw HTML: the browser hides the comment
                continue
            verdict = comment_visibility(self.text, starts, strs, comment, kinds)
            found[comment.start] = verdict
            if not comment.block and not verdict.shown:
                # hidden inside a paragraph: its lines are paragraph text, which the next line may continue
                first, last = bisect_right(starts, comment.start) - 1, bisect_right(starts, comment.end - 1) - 1
                kinds.update(dict.fromkeys(range(first, last + 1), "paragraph"))
        return found

    def visibility(self, comment: Comment) -> Visibility:
        """What kramdown does with ``comment``: keeps it hidden, or prints it (and why)."""
        return self._visibility.get(comment.start, Visibility(False))

    def comment_shown(self, comment: Comment) -> bool:
        return self.visibility(comment).shown

    def _comment_start(self, block: Block) -> int:
        return self.text.find("<!--", block.start, block.end)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of a text range."""
        line, column = self.source.position(start)
        end_line, end_column = self.source.position(max(start, end))
        return line, column, end_line, end_column


def parse_page(path: str, file: str, data: bytes) -> Page:
    """Parse raw bytes into a :class:`Page`; never raises on odd input."""
    source = SourceText.from_bytes(data)
    return page_from_source(path, file, source)


def page_from_source(path: str, file: str, source: SourceText) -> Page:
    text = source.text
    front_matter = parse_front_matter(text, has_bom=source.has_bom)
    body_start = front_matter.end if front_matter.present else 0
    scan = scan_blocks(text, body_start)
    return Page(
        path=path,
        file=file,
        source=source,
        front_matter=front_matter,
        body_start=body_start,
        blocks=scan.blocks,
        comments=scan.comments,
        code_ranges=scan.code_ranges,
    )
