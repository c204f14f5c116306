"""The line index: character offsets into ``\\n``-normalised text, and the lines that hold them.

Every part of dlc-lint that turns an offset into a line or a column goes
through this module (pages through :class:`~dlc_lint.parse.source.SourceText`,
``_config.yml`` through the outline reader): rules never count newlines.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def line_starts(text: str) -> tuple[int, ...]:
    """The offset at which each line of ``text`` starts (the first is 0)."""
    starts = [0]
    find = text.find
    index = find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = find("\n", index + 1)
    return tuple(starts)


def line_index(starts: Sequence[int], offset: int) -> int:
    """The 0-based index of the line holding ``offset``."""
    return bisect.bisect_right(starts, offset) - 1


def line_text(text: str, starts: Sequence[int], index: int) -> str:
    """Line ``index`` (0-based) of ``text``, without its newline."""
    start = starts[index]
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def position(starts: Sequence[int], offset: int, length: int) -> tuple[int, int]:
    """The 1-based (line, column) of ``offset``, clamped to a text of ``length`` characters."""
    offset = max(0, min(offset, length))
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def offset(starts: Sequence[int], line: int, column: int, length: int) -> int:
    """The offset of a 1-based (line, column), clamped to the text."""
    line = max(1, min(line, len(starts)))
    return min(starts[line - 1] + column - 1, length)
