"""Whether kramdown (GFM input, as GitHub Pages runs it) keeps an HTML comment hidden or prints it.

kramdown keeps a comment hidden in two places only: as a block of its own, when `<!--` starts a
block at the first column (after a blank line or a block that ends by itself), and inside a
paragraph, when the paragraph still goes on at the comment's `-->`. Everything else prints `<!--`
as text (`<!–` after kramdown's typography) and renders the English after it:

- a comment on the line right after paragraph text, a list item or a closing `$$` (no blank line)
  belongs to that paragraph; the paragraph ends at the first line inside the comment that starts
  a block in GFM (a blank line, a list item `* `/`1. `, a heading `# `, a quote `>`, a fence, a
  block HTML tag such as `<center>`), and there the comment is cut;
- a comment indented by one to three spaces (deeper than nothing, shallower than a list item's
  text) is not read as a comment block at all but as a paragraph, cut the same way;
- a `$$ ... $$` formula followed by a line that is not blank is not a math block, so a comment
  right after the closing `$$` is paragraph text;
- a comment that opens in a heading line and closes on a later line;
- a comment that is never closed.

Each verdict is proven by tests/render against the real build (fixtures/renderer holds one page
per shape, with the HTML kramdown gives for it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# kramdown-parser-gfm 1.1 PARAGRAPH_END_GFM, line by line (kramdown 2.4 regexes, OPT_SPACE = 0-3 spaces)
_SPAN = (
    "a|abbr|acronym|b|big|bdo|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|label|mark|option|q|"
    "rb|rbc|rp|rt|rtc|ruby|samp|select|small|span|strong|sub|sup|textarea|tt|var|script"
)
_PARAGRAPH_END = re.compile(
    # (a closing block tag ends the paragraph too, but with no open HTML block kramdown reads that line as
    # paragraph text and joins it to the paragraph before: the comment stays whole)
    r"[ \t]*$"  # blank line
    r"| {0,3}\{:(?!:|/)"  # inline attribute list
    r"|\^[ \t]*$"  # end-of-block marker
    rf"| {{0,3}}<(?!(?:{_SPAN})\b)[A-Za-z_:][\w:.-]*"  # opening block tag
    r"| {0,3}[+*-][\t ]"  # list item
    r"| {0,3}\d+\.[\t ]"  # ordered list item
    r"|#{1,6}[\t ]+\S"  # ATX heading (GFM: a space after the hashes, first column)
    r"| {0,3}:[\t ]"  # definition
    r"| {0,3}>"  # quote
    r"| {0,3}(?:`{3,}|~{3,})"  # fence
)
_LIST_ITEM = re.compile(r"(?P<indent> {0,3})(?P<marker>[+*-]|\d+\.)(?P<space>[\t ]{1,4})(?=\S)")
_ATX_LINE = re.compile(r"#{1,6}[\t ]")
_FENCE = re.compile(r" {0,3}(?:`{3,}|~{3,})")
_MATH_CLOSE = re.compile(r".*\$\$[ \t]*$")
# kramdown TABLE_LINE: a `|` with something before it (not a backslash), or two `|`
_TABLE_LINE = re.compile(r" {0,3}(?=\S)(?:\|.*?[^\\]\||.*?[^\\]\|)")


@dataclass(frozen=True, slots=True)
class Visibility:
    """kramdown's verdict on one comment: ``shown`` and, when shown, why (for the message)."""

    shown: bool
    why: str = ""
    cut_line: int = -1  # 0-based index (into the page's lines) of the line where the paragraph ends


def lines_of(text: str) -> tuple[list[int], list[str]]:
    strs = text.split("\n")
    starts = []
    pos = 0
    for line in strs:
        starts.append(pos)
        pos += len(line) + 1
    return starts, strs


def comment_visibility(
    text: str, starts: list[int], strs: list[str], comment, block_kinds: dict[int, str]
) -> Visibility:
    """The verdict for ``comment`` (a :class:`~dlc_lint.parse.markdown.Comment`) of a page's ``text``.

    ``block_kinds`` maps a line index to the kind of block dlc-lint's block scan put it in (html
    blocks keep their comments raw, hence hidden).
    """
    index = _line_of(starts, comment.start)
    if block_kinds.get(index) in ("html", "code", "indented-code"):
        return Visibility(not comment.closed, "unclosed" if not comment.closed else "")
    line = strs[index]
    column = comment.start - starts[index]
    prefix = line[:column]
    close_index = _line_of(starts, max(comment.start, comment.end - 1)) if comment.closed else len(strs) - 1
    if prefix.strip():
        if _ATX_LINE.match(prefix):
            if close_index > index:
                return Visibility(True, "heading", index)
            return Visibility(False)
        return _in_paragraph(strs, index, close_index, _item_dedent(strs, index), comment.closed, "glued")
    indent = len(prefix.expandtabs(4))
    previous = strs[index - 1] if index > 0 and (index - 1) in block_kinds else ""
    if block_kinds.get(index - 1) == "table" and _TABLE_LINE.match(previous) and _is_table_row(strs, index):
        return Visibility(True, "table-row", index)  # a line with a `|` after a table row is a row: cells
    if previous.strip() and _continues_paragraph(strs, index - 1, block_kinds):
        why = "after-math" if _MATH_CLOSE.match(previous) and "$$" in previous else "glued"
        return _in_paragraph(strs, index, close_index, _item_dedent(strs, index), comment.closed, why)
    content_indent = _item_content_indent(strs, index, indent)
    relative = indent - content_indent
    if relative <= 0:
        if not comment.closed:
            return Visibility(True, "unclosed")
        return Visibility(False)
    return _in_paragraph(strs, index, close_index, content_indent, comment.closed, "indented")


def _is_table_row(strs, index: int) -> bool:
    """Whether line ``index`` (after a table row) is a row too: kramdown's table must end at a block boundary."""
    probe = index
    while probe < len(strs) and _TABLE_LINE.match(strs[probe]):
        probe += 1
    return probe >= len(strs) or not strs[probe].strip()


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _in_paragraph(strs, index: int, close_index: int, dedent: int, closed: bool, why: str) -> Visibility:
    """A comment inside a paragraph that starts at or before line ``index``: hidden if the paragraph reaches ``-->``."""
    for probe in range(index + 1, close_index + 1):
        line = strs[probe]
        lead = len(line) - len(line.lstrip(" "))
        if _PARAGRAPH_END.match(line[min(dedent, lead) :]):
            return Visibility(True, why, probe)
    if not closed:
        return Visibility(True, "unclosed")
    return Visibility(False)


def _continues_paragraph(strs, index: int, block_kinds: dict[int, str]) -> bool:
    """Whether line ``index`` (not blank) is paragraph text that a following line would continue."""
    line = strs[index]
    kind = block_kinds.get(index, "")
    if kind in ("heading", "code", "indented-code", "hr", "html", "comment", "liquid"):
        if kind == "heading" and not _ATX_LINE.match(line) and not re.match(r" {0,3}(?:=+|-+)[ \t]*$", line):
            return True  # an indented `### x` is paragraph text in GFM
        return False
    if _FENCE.match(line) or _TABLE_LINE.match(line):
        return False  # a table row: the table ends at a line with no `|`, which starts a new block
    if kind == "math":
        return _MATH_CLOSE.match(line) is not None  # `$$` closed with no blank line after: not a math block
    return True


def _item_dedent(strs, index: int) -> int:
    """The text indentation of the list item that line ``index`` continues (0 outside lists)."""
    probe = index
    while probe >= 0 and strs[probe].strip():
        item = _LIST_ITEM.match(strs[probe])
        if item:
            return len(item.group(0))
        probe -= 1
    return 0


def _item_content_indent(strs, index: int, indent: int) -> int:
    """The content indentation of the innermost list item whose text line ``index`` (after a blank line) is in."""
    best = 0
    limit = indent
    probe = index - 1
    while probe >= 0:
        line = strs[probe]
        probe -= 1
        if not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        lead = len(line) - len(line.lstrip(" "))
        if item:
            content = len(item.group(0))
            if len(item.group("indent")) < limit:
                if content <= indent:
                    return max(best, content)
                limit = len(item.group("indent"))
            continue
        if lead == 0:
            return best  # text at the first column: no list is open here
    return best
