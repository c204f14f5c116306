"""Markdown blocks and HTML comments with their exact positions.

mistune builds a tree but keeps no source positions, and the site is rendered
by kramdown, whose block rules differ from CommonMark in ways that matter
here (an HTML comment does not interrupt a paragraph; ``$$`` opens a math
block). So blocks are recovered here, line by line, with kramdown's rules for
the constructs these pages use. Every offset is into the page's normalised
text; this module is the only place that counts lines of Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r" {0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")
# A line of hashes is a heading block here even without the space (`##Title`, `##\u3000Title`, ` ## Title`):
# the translator means a heading, and the rules compare it with the English one as such. kramdown-parser-gfm
# (the site's input) makes a heading only of hashes at the first column followed by a space or a tab, and
# prints the others as paragraph text: `Block.text` says so (fixtures/renderer/ko/structure/heading-without-space.md)
_ATX = re.compile(r" {0,3}(?P<marks>#{1,6})(?!#)")
_GFM_ATX = re.compile(r"#{1,6}[\t ]")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_HR = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r" {0,3}>")
_TABLE = re.compile(r" {0,3}\|")
_MATH = re.compile(r" {0,3}\$\$")
_HTML_START = re.compile(r" {0,3}</?(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_COMMENT_START = re.compile(r" {0,3}<!--")
_LIQUID_BLOCK = re.compile(r" {0,3}\{%")
# The first character of every construct above: a line not matching this is prose.
_MAYBE_SPECIAL = re.compile(r" {0,3}[-`~<#$*_+\d>|{=]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")

# Span-level elements: a line starting with one of these is paragraph text for kramdown.
SPAN_TAGS = frozenset(
    "a abbr acronym b bdo big br button cite code del dfn em font i img input ins kbd label "
    "map mark object q s samp select small span strike strong sub sup textarea tt u var "
    "math svg".split()
)


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level block of the page body.

    ``kind`` is one of: heading, paragraph, list, blockquote, table, code,
    indented-code, math, html, comment, hr, liquid. ``start``/``end`` cover
    the block's lines (``end`` excludes the final newline).
    """

    kind: str
    start: int
    end: int
    level: int = 0  # heading level
    info: str = ""  # code fence info string
    fence: str = ""  # the code fence (```, ~~~~ ...)
    closed: bool = True  # fences, math, comments: was the closing marker found?
    # math: kramdown makes it a display math block only with a block boundary (a blank line, the start of
    # the body) before the opening `$$` and after the closing one; otherwise it is a paragraph with inline math
    display: bool = False
    # heading: written as one, but kramdown-parser-gfm prints it as paragraph text (`##Title`: no space)
    text: bool = False


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment ``<!-- ... -->`` anywhere outside code.

    ``block`` is true when it starts a block of its own (after a blank line),
    ``glued`` when it starts inside a paragraph (after text on the same line or
    on the line before), where kramdown treats it as paragraph text.
    """

    start: int
    end: int  # offset after ``-->`` (or end of text when unclosed)
    inner_start: int
    inner_end: int
    closed: bool
    block: bool
    glued: bool
    nested_openers: tuple[int, ...] = ()
    spans_blank_line: bool = False


@dataclass(frozen=True)
class Scan:
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    code_ranges: tuple[tuple[int, int], ...]  # fenced and indented code blocks


def scan_blocks(text: str, start: int = 0) -> Scan:
    """Split ``text[start:]`` into blocks and find every HTML comment outside code."""
    lines, strs = _lines(text, start)
    blocks: list[Block] = []
    comments: list[Comment] = []
    code: list[tuple[int, int]] = []
    index = 0
    count = len(lines)
    previous_blank = True
    in_list = False
    while index < count:
        line_start, line_end = lines[index]
        line = strs[index]
        if not line or line.isspace():
            index += 1
            previous_blank = True
            continue
        # Most lines are prose: one cheap test rules out every other construct.
        special = _MAYBE_SPECIAL.match(line) is not None
        fence = _FENCE.match(line) if special else None
        if fence and not (fence.group("fence")[0] == "`" and "`" in fence.group("info")):
            index, block = _fenced(lines, strs, index, fence)
            blocks.append(block)
            code.append((block.start, block.end))
            previous_blank = False
            in_list = False
            continue
        if special and _COMMENT_START.match(line):
            comment = _comment(text, line_start + line.index("<!--"), block=True, glued=False)
            comments.append(comment)
            end_index = _line_index_at(lines, index, comment.end)
            block_end = lines[end_index][1]
            blocks.append(Block("comment", line_start, block_end, closed=comment.closed))
            # text after ``-->`` on the same line is scanned for further comments
            _inline_comments(text, comment.end, block_end, comments, glued=True)
            index = end_index + 1
            previous_blank = False
            in_list = False
            continue
        if previous_blank and line.startswith("    ") and not in_list:
            end_index = index
            while end_index + 1 < count:
                nxt = strs[end_index + 1]
                if nxt.startswith("    ") or not nxt or nxt.isspace():
                    end_index += 1
                else:
                    break
            while not strs[end_index] or strs[end_index].isspace():
                end_index -= 1
            blocks.append(Block("indented-code", line_start, lines[end_index][1]))
            code.append((line_start, lines[end_index][1]))
            index = end_index + 1
            previous_blank = False
            continue
        atx = _ATX.match(line) if special else None
        if atx:
            level = len(atx.group("marks"))
            blocks.append(Block("heading", line_start, line_end, level=level, text=not _GFM_ATX.match(line)))
            _inline_comments(text, line_start, line_end, comments, glued=True)
            index += 1
            previous_blank = False
            in_list = False
            continue
        if special and _MATH.match(line):
            index, block = _math(lines, strs, index)
            after_blank = index >= count or not strs[index].strip()
            in_item = in_list and line.startswith((" ", "\t"))  # inside the list item above: not a top-level block
            if block.closed and previous_blank and after_blank and not in_item and _closes_at_line_end(text, block):
                block = Block("math", block.start, block.end, display=True)
            blocks.append(block)
            previous_blank = False
            in_list = False
            continue
        if special and _HR.match(line):
            blocks.append(Block("hr", line_start, line_end))
            index += 1
            previous_blank = False
            continue
        kind = _container_kind(line) if special else "paragraph"
        if kind == "list" or (in_list and line.startswith((" ", "\t"))):
            kind = "list"
        end_index = _extent(strs, index, kind)
        block_end = lines[end_index][1]
        level = 0
        if kind == "paragraph" and end_index == index + 1:
            # kramdown's setext heading is one line of text and its underline; under longer text the
            # `---` line is paragraph text (GFM does not end a paragraph there)
            last = strs[end_index]
            if _SETEXT.match(last):
                kind = "heading"
                level = 1 if "=" in last else 2
        if kind == "list" and blocks and blocks[-1].kind == "list" and in_list:
            merged = blocks.pop()
            line_start = merged.start
        blocks.append(Block(kind, line_start, block_end, level=level))
        _inline_comments(text, lines[index][0], block_end, comments, glued=kind != "html")
        in_list = kind == "list"
        index = end_index + 1
        previous_blank = False
        # A comment opened in this block may run past its end (through blank lines):
        if comments and comments[-1].end > block_end:
            index = _line_index_at(lines, index - 1, comments[-1].end) + 1
    return Scan(tuple(blocks), tuple(comments), tuple(code))


def _lines(text: str, start: int) -> tuple[list[tuple[int, int]], list[str]]:
    """(start, end) offsets of each line of ``text[start:]``, and the lines themselves."""
    strs = text[start:].split("\n")
    if not strs[-1]:
        strs.pop()  # nothing after the last newline
    lines: list[tuple[int, int]] = []
    append = lines.append
    pos = start
    for line in strs:
        end = pos + len(line)
        append((pos, end))
        pos = end + 1
    return lines, strs


def _line_index_at(lines: list[tuple[int, int]], from_index: int, offset: int) -> int:
    index = from_index
    while index + 1 < len(lines) and lines[index][1] < offset - 1 and lines[index + 1][0] < offset:
        index += 1
    return index


def _fenced(lines, strs, index, match) -> tuple[int, Block]:
    fence = match.group("fence")
    start = lines[index][0]
    end_index = index + 1
    closing = re.compile(r" {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
    while end_index < len(lines):
        if closing.match(strs[end_index]):
            return end_index + 1, Block(
                "code", start, lines[end_index][1], info=match.group("info").strip(), fence=fence
            )
        end_index += 1
    return len(lines), Block("code", start, lines[-1][1], info=match.group("info").strip(), fence=fence, closed=False)


def _math(lines, strs, index) -> tuple[int, Block]:
    start = lines[index][0]
    first = strs[index].strip()
    if len(first) > 2 and first.endswith("$$"):
        return index + 1, Block("math", start, lines[index][1])
    whole = _math_across_blank_lines(strs, index)
    if whole is not None:
        return whole + 1, Block("math", start, lines[whole][1])
    end_index = index + 1
    while end_index < len(lines):
        line = strs[end_index]
        if line.rstrip().endswith("$$"):
            return end_index + 1, Block("math", start, lines[end_index][1])
        if not line or line.isspace():
            break
        end_index += 1
    last = end_index - 1 if end_index - 1 >= index else index
    while last > index and (not strs[last] or strs[last].isspace()):
        last -= 1
    return last + 1, Block("math", start, lines[last][1], closed=False)


def _closes_at_line_end(text: str, block: Block) -> bool:
    """Whether the first ``$$`` after the opening one ends its line (kramdown's block math needs that)."""
    opener = text.find("$$", block.start, block.end)
    close = text.find("$$", opener + 2, block.end)
    if close < 0:
        return False
    line_end = text.find("\n", close)
    return not text[close + 2 : line_end if line_end >= 0 else len(text)].strip()


def _math_across_blank_lines(strs, index) -> int | None:
    """The closing line of a ``$$`` block whose formula holds blank lines, when kramdown reads it whole.

    kramdown's block math is ``$$`` up to the next ``$$`` wherever it is, blank lines included, if a
    blank line (or the end) follows; otherwise it falls back to a paragraph, which a blank line ends
    (fixtures/renderer/ko/structure/math-block-with-blank-lines.md).
    """
    if "$$" in strs[index].lstrip()[2:]:
        return None  # `$$ a $$.`: kramdown's lazy match closes on the opening line, which is then a paragraph
    probe = index + 1
    blank = False
    while probe < len(strs):
        line = strs[probe]
        if "$$" in line:
            if not blank or not line.rstrip().endswith("$$"):
                return None  # no blank line inside: the usual scan finds it
            after = probe + 1
            return probe if after >= len(strs) or not strs[after].strip() else None
        blank = blank or not line.strip()
        probe += 1
    return None


def _container_kind(line: str) -> str:
    if _LIST.match(line):
        return "list"
    if _QUOTE.match(line):
        return "blockquote"
    if _TABLE.match(line):
        return "table"
    html = _HTML_START.match(line)
    if html and html.group("tag").lower() not in SPAN_TAGS:
        return "html"
    if _LIQUID_BLOCK.match(line):
        return "liquid"
    return "paragraph"


# kramdown-parser-gfm ends a paragraph at a list item too (PARAGRAPH_END_GFM); `1)` is not a list there
_GFM_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d+\.)[ \t]")


def _interrupts(line: str) -> bool:
    """A line that ends the paragraph before it even without a blank line."""
    if _ATX.match(line) or _FENCE.match(line) or _QUOTE.match(line) or _GFM_LIST_ITEM.match(line):
        return True
    html = _HTML_START.match(line)
    return bool(html and html.group("tag").lower() not in SPAN_TAGS)


def _extent(strs, index, kind) -> int:
    """The last line index of a block of ``kind`` starting at ``index``."""
    end_index = index
    count = len(strs)
    while end_index + 1 < count:
        nxt = strs[end_index + 1]
        if not nxt or nxt.isspace():
            if kind != "list":
                break
            # a list goes on after a blank line when the next text is indented or another item
            probe = end_index + 1
            while probe < count and (not strs[probe] or strs[probe].isspace()):
                probe += 1
            if probe < count:
                after = strs[probe]
                if (after.startswith(("  ", "\t")) or _LIST.match(after)) and not _FENCE.match(after):
                    end_index = probe
                    continue
            break
        if not _MAYBE_SPECIAL.match(nxt):
            end_index += 1  # prose goes on: nothing below can end the block here
            continue
        if kind == "paragraph" and _SETEXT.match(nxt) and end_index > index:
            end_index += 1  # under two or more lines of text an underline is paragraph text
            continue
        if kind == "paragraph" and (_interrupts(nxt) or _SETEXT.match(nxt)):
            if _SETEXT.match(nxt):
                end_index += 1
            break
        if kind in ("list", "blockquote", "table") and _FENCE.match(nxt) and not nxt.startswith(("  ", "\t")):
            break
        if kind == "list" and (_ATX.match(nxt)):
            break
        end_index += 1
    return end_index


def _comment(text: str, opener: int, block: bool, glued: bool) -> Comment:
    inner_start = opener + 4
    close = text.find("-->", inner_start)
    # ``<!-->`` and ``<!--->`` close at once in HTML
    if text.startswith(">", inner_start):
        close, inner_start = inner_start - 2, inner_start
    elif text.startswith("->", inner_start):
        close, inner_start = inner_start - 1, inner_start
    closed = close >= 0
    inner_end = close if closed else len(text)
    end = close + 3 if closed else len(text)
    nested = []
    pos = text.find("<!--", inner_start, inner_end)
    while pos >= 0:
        nested.append(pos)
        pos = text.find("<!--", pos + 4, inner_end)
    return Comment(
        start=opener,
        end=end,
        inner_start=inner_start,
        inner_end=max(inner_start, inner_end),
        closed=closed,
        block=block,
        glued=glued,
        nested_openers=tuple(nested),
        spans_blank_line=_BLANK_LINES.search(text, inner_start, max(inner_start, inner_end)) is not None,
    )


def _after_text(text: str, block_start: int, pos: int) -> bool:
    """Whether text precedes ``pos`` on its line, or on the line before within the block."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip():
        return True
    if line_start <= block_start:
        return False
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    return bool(text[max(previous_start, block_start) : line_start - 1].strip())


def _inline_comments(text: str, start: int, end: int, out: list[Comment], glued: bool) -> None:
    pos = text.find("<!--", start, end)
    while pos >= 0:
        comment = _comment(text, pos, block=False, glued=glued and _after_text(text, start, pos))
        out.append(comment)
        if comment.end >= end:
            return
        pos = text.find("<!--", comment.end, end)
