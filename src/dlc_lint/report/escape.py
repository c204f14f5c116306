"""Text from the pull request, made safe to print: one finding stays one line in every format.

A file name or a quoted line may hold a newline, a carriage return, an escape sequence
(``\\x1b[2J`` clears a terminal) or an undecodable byte. Written as they are, a newline in
a file name forges a ``path:line:col:`` line of its own in the text output, and a lone
surrogate makes JSON and SARIF output invalid UTF-8. Every reporter prints paths and
messages through :func:`printable` (the SARIF URI percent-encodes the file name's bytes
instead, which is exact).
"""

from __future__ import annotations

import re
from dataclasses import replace

from dlc_lint.finding import Finding

# C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, lone surrogates
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    point = ord(char)
    if 0xDC80 <= point <= 0xDCFF:  # a byte Python could not decode (surrogateescape)
        return f"\\x{point - 0xDC00:02x}"
    return _NAMED.get(char) or (f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}")


def printable(text: str) -> str:
    """``text`` with control characters and undecodable bytes written as escapes (``\\n``, ``\\x1b``)."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def printable_finding(finding: Finding) -> Finding:
    """The finding with its path, name, message and related locations made :func:`printable`."""
    related = tuple(
        replace(location, path=printable(location.path), message=printable(location.message))
        for location in finding.related
    )
    changed = (
        printable(finding.path) != finding.path
        or printable(finding.message) != finding.message
        or printable(finding.name) != finding.name
        or related != finding.related
    )
    if not changed:
        return finding
    return replace(
        finding,
        path=printable(finding.path),
        name=printable(finding.name),
        message=printable(finding.message),
        related=related,
    )
