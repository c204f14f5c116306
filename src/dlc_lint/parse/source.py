"""Reading files as bytes, and the decoded text with its line index (:mod:`dlc_lint.parse.lines`).

Rules see text with ``\\n`` newlines only and without a byte-order mark; the
:class:`SourceText` remembers what the file really held (BOM, ``\\r\\n`` or
``\\r``, undecodable bytes) so that positions are reported in the file's own
lines and fixes can be written back byte-for-byte.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from dlc_lint.parse import lines

BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class DecodeProblem:
    """The first undecodable byte: its offset in the text and the byte itself."""

    offset: int
    byte: int


@dataclass(frozen=True)
class SourceText:
    """Decoded text of one file with a line index.

    ``text`` has ``\\n`` newlines and no BOM. ``newline`` is the file's
    dominant newline (``\\n``, ``\\r\\n`` or ``\\r``); ``raw_line_ends`` keeps
    the real ending of each line so fixes can restore mixed endings.
    """

    text: str
    has_bom: bool = False
    newline: str = "\n"
    raw_line_ends: tuple[str, ...] = ()
    decode_problem: DecodeProblem | None = None
    binary: bool = False
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)

    @classmethod
    def from_bytes(cls, data: bytes) -> SourceText:
        has_bom = data.startswith(BOM)
        if has_bom:
            data = data[len(BOM) :]
        binary = b"\x00" in data[:8192]
        problem = None
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            prefix = data[: exc.start].decode("utf-8", errors="replace")
            problem = DecodeProblem(offset=len(_normalise(prefix)[0]), byte=data[exc.start])
            decoded = data.decode("utf-8", errors="replace")
        text, ends = _normalise(decoded)
        newline = _dominant(ends)
        return cls(
            text=text,
            has_bom=has_bom,
            newline=newline,
            raw_line_ends=tuple(ends),
            decode_problem=problem,
            binary=binary,
            line_starts=lines.line_starts(text),
        )

    @classmethod
    def from_text(cls, text: str) -> SourceText:
        """Build from a Python string, as the tests and fuzzers do."""
        return cls.from_bytes(text.encode("utf-8", errors="surrogatepass"))

    # -- positions ---------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset."""
        return lines.position(self.line_starts, offset, len(self.text))

    def offset(self, line: int, column: int = 1) -> int:
        """Return the character offset of a 1-based (line, column)."""
        return lines.offset(self.line_starts, line, column, len(self.text))

    def line_text(self, line: int) -> str:
        """Return line ``line`` (1-based) without its newline."""
        return lines.line_text(self.text, self.line_starts, line - 1)

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def apply_edits(self, edits) -> bytes:
        """The file's bytes with ``edits`` (``Edit``-like, offsets into ``text``) applied.

        Everything outside the edits is kept byte for byte, each line keeping
        its own ending; newlines inside new text take the file's dominant one.
        """
        text = self.text
        pieces: list[str] = []
        pos = 0
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            pieces.append(self._raw(pos, edit.start))
            pieces.append(edit.new_text.replace("\n", self.newline))
            pos = edit.end
        pieces.append(self._raw(pos, len(text)))
        body = "".join(pieces).encode("utf-8", errors="surrogatepass")
        return (BOM + body) if self.has_bom else body

    def _raw(self, start: int, end: int) -> str:
        """``text[start:end]`` with each newline turned back into the file's own ending for that line."""
        segment = self.text[start:end]
        if "\n" not in segment or all(e == "\n" for e in self.raw_line_ends):
            return segment
        first_line = lines.line_index(self.line_starts, start)
        parts = segment.split("\n")
        out = [parts[0]]
        for index, part in enumerate(parts[1:]):
            line = first_line + index
            out.append(self.raw_line_ends[line] if line < len(self.raw_line_ends) else self.newline)
            out.append(part)
        return "".join(out)

    def encode(self, text: str | None = None) -> bytes:
        """Encode ``text`` (default: the text itself) back to the file's bytes.

        Line endings are restored line by line where the line count is
        unchanged, otherwise the dominant newline is used for every line.
        """
        text = self.text if text is None else text
        lines = text.split("\n")
        ends = list(self.raw_line_ends)
        if len(ends) != len(lines) - 1:
            ends = [self.newline] * (len(lines) - 1)
        out = [line + end for line, end in zip(lines, ends)] + [lines[-1]]
        body = "".join(out).encode("utf-8", errors="surrogatepass")
        return (BOM + body) if self.has_bom else body


_ANY_NEWLINE = re.compile(r"\r\n?|\n")
_CARRIAGE_RETURN = re.compile(r"\r\n?")


def _normalise(text: str) -> tuple[str, list[str]]:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``; return the real endings."""
    if "\r" not in text:
        return text, ["\n"] * text.count("\n")
    return _CARRIAGE_RETURN.sub("\n", text), _ANY_NEWLINE.findall(text)


def _dominant(ends: list[str]) -> str:
    if not ends:
        return "\n"
    counts = {end: ends.count(end) for end in set(ends)}
    return max(sorted(counts), key=counts.__getitem__)


class ReadError(Exception):
    """A file that could not be read at all (missing, a folder, no permission)."""


# The most dlc-lint reads of one file. A page, a site file or a glossary of a pull request may be a
# device (/dev/zero), a pipe nobody writes to, or a sparse file of a terabyte: each would never end.
MAX_PAGE_BYTES = 64 << 20
MAX_SETTINGS_BYTES = 16 << 20  # _config.yml, settings files, glossaries, baselines


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_bytes(path: Path | str, limit: int = MAX_PAGE_BYTES) -> bytes:
    """Read a regular file of at most ``limit`` bytes; every problem is a :class:`ReadError` with a plain reason."""
    try:
        # O_NONBLOCK: opening a pipe nobody writes to returns at once (it is refused below)
        with open(path, "rb", opener=_nonblocking) as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(path)
            if not stat.S_ISREG(info.st_mode):
                raise ReadError("is not a regular file (a device, a pipe or a socket)")
            if info.st_size > limit:
                raise ReadError(f"is larger than {limit >> 20} MB, the most dlc-lint reads")
            # as much as the file holds (a buffer of ``limit`` bytes for each page costs more than the read),
            # then the rest up to the limit, should it have grown since
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(limit + 1 - len(data))
            if len(data) > limit:
                raise ReadError(f"is larger than {limit >> 20} MB, the most dlc-lint reads")
            return data
    except IsADirectoryError as exc:
        raise ReadError("is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise ReadError("does not exist (was it deleted during the run?)") from exc
    except PermissionError as exc:
        raise ReadError("cannot be read: permission denied") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("cannot be read: it is a symbolic link that loops back to itself") from exc
        raise ReadError(f"cannot be read: {exc.strerror or exc}") from exc


def read_text(path: Path, limit: int = MAX_SETTINGS_BYTES) -> str:
    """A settings-like file as UTF-8 text (see :func:`read_bytes`); undecodable bytes are a :class:`ReadError`."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReadError(f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line})") from None
