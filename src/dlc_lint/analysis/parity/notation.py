"""Formula notation: the TeX shorthands a site defines, and the commands that only change how a symbol looks.

Course sites define shorthands in their layout (``$$\\gdef \\vx {\\pink{\\vect{x }}} $$``, read by
MathJax or KaTeX on every page). A translator may copy the English with the shorthand (``\\vx`` where
the English page writes ``\\vect{x}``, ``\\mX`` for ``X``): the reader sees the same symbol, only bold or
coloured. :func:`same_notation` tells such a pair from a real change: both texts are expanded with the
site's macros, font and colour commands (``\\boldsymbol``, ``\\mathbf``, ``\\bm``, ``\\textcolor{c}``,
``\\color{c}``) are dropped, braces that group nothing are removed, and spaces are ignored.

The layout comes from the pull request, so expansion is bounded (steps and size), never recursive
without end.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dlc_lint.analysis.credit import layout_files

# `\gdef \name #1 #2 {body}`, `\def\name#1{body}`, `\xdef`; `\newcommand{\name}[2]{body}`, `\renewcommand`
_DEF = re.compile(r"\\[gxe]?def\s*\\([A-Za-z]+)\s*((?:#\d\s*)*)\{")
_NEWCOMMAND = re.compile(r"\\(?:re)?newcommand\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*\{")
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}]|[^\\{}]+", re.S)
_FONT = frozenset({"boldsymbol", "mathbf", "bm", "pmb", "mathbfit", "bold"})
_COLOUR_WITH_TEXT = frozenset({"textcolor", "colorbox"})  # \textcolor{colour}{text}: the colour goes
_COLOUR = frozenset({"color"})  # \color{colour}: the colour goes
_SCRIPT_GROUP = re.compile(r"([_^])\{(\\?[A-Za-z0-9])\}")

MAX_STEPS = 20_000  # tokens produced by one expansion
MAX_GROWTH = 20  # an expansion may be at most this many times the size of its input (plus 200 characters)


@dataclass(frozen=True)
class Macro:
    arguments: int
    body: str


def site_macros(site, *pages) -> dict[str, Macro]:
    """The TeX macros defined by the layouts (and their includes) of ``pages``, by name."""
    found: dict[str, Macro] = {}
    for page in pages:
        for text in layout_files(site, page):
            found.update(parse_macros(text))
    return found


@functools.lru_cache(maxsize=32)
def parse_macros(text: str) -> dict[str, Macro]:
    """The macros defined in ``text`` (a layout): ``\\gdef``, ``\\def``, ``\\newcommand``.

    Remembered: every page of a site has the same layout (callers must not change the result)."""
    found: dict[str, Macro] = {}
    if "\\" not in text:
        return found
    for pattern in (_DEF, _NEWCOMMAND):
        for match in pattern.finditer(text):
            body = _group(text, match.end() - 1)
            if body is None:
                continue
            if pattern is _DEF:
                arguments = match.group(2).count("#")
            else:
                arguments = int(match.group(2) or 0)
            found[match.group(1)] = Macro(arguments, body)
    return found


def _group(text: str, start: int) -> str | None:
    """The text inside the brace group opening at ``text[start]``, or None when it never closes."""
    depth = 0
    for index in range(start, min(len(text), start + 2000)):
        char = text[index]
        if char == "\\":
            continue
        if char == "{" and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif char == "}" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index]
    return None


def same_notation(old: str, new: str, macros: dict[str, Macro]) -> bool:
    """Whether ``old`` and ``new`` differ (if at all) only in how their symbols are typeset."""
    if "\\" not in old and "\\" not in new:
        return False  # nothing to expand or drop: not a notation change (other checks compare these)
    a, b = _looks(old, macros), _looks(new, macros)
    return a is not None and a == b


def _looks(text: str, macros: dict[str, Macro]) -> str | None:
    """``text`` as a sequence of symbols: expanded, without font and colour, braces and spaces."""
    expanded = _expand(text, macros)
    if expanded is None:
        return None
    plain = "".join(_unbrace(_drop_typesetting(expanded)).split())
    return _SCRIPT_GROUP.sub(r"\1\2", plain).replace("$", "")


def _unbrace(text: str) -> str:
    """``text`` without the braces that group nothing for TeX: those not right after ``_``, ``^``, a command
    or another group (``{{y}}_{t}`` and ``{y_{t}}`` are both ``y_{t}``; in ``\\mid {y}`` the space tells
    that the group is no argument of ``\\mid``)."""
    out: list[str] = []
    kept: list[bool] = []
    previous = ""
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            command = re.match(r"\\(?:[A-Za-z]+|.)", text[index:])
            word = command.group(0) if command else char
            out.append(word)
            previous = word
            index += len(word)
            continue
        if char == "{":
            keep = previous in ("_", "^", "}", "]") or previous.startswith("\\")
            kept.append(keep)
            if keep:
                out.append(char)
        elif char == "}":
            if not kept or kept.pop():
                out.append(char)
        else:
            out.append(char)
        previous = char
        index += 1
    return "".join(out)


def _expand(text: str, macros: dict[str, Macro]) -> str | None:
    """``text`` with the site's macros expanded; None when the expansion runs past its bounds."""
    if not macros or "\\" not in text:
        return text
    limit = MAX_GROWTH * len(text) + 200
    tokens = _TOKEN.findall(text)
    tokens.reverse()  # a stack: the next token is the last
    out: list[str] = []
    size = steps = 0
    while tokens:
        steps += 1
        if steps > MAX_STEPS:
            return None
        token = tokens.pop()
        macro = macros.get(token[1:]) if token.startswith("\\") else None
        if macro is None:
            out.append(token)
            size += len(token)
            if size > limit:
                return None
            continue
        arguments = [_argument(tokens) for _ in range(macro.arguments)]
        body = macro.body
        for number, argument in enumerate(arguments, 1):
            body = body.replace(f"#{number}", argument)
        if len(body) > limit:
            return None
        tokens.extend(reversed(_TOKEN.findall(body)))
    return "".join(out)


def _argument(tokens: list[str]) -> str:
    """Take one macro argument off the stack: a brace group (without its braces) or one token."""
    while tokens and tokens[-1].isspace():
        tokens.pop()
    if not tokens:
        return ""
    first = tokens.pop()
    if first != "{":
        if not first.startswith("\\") and len(first) > 1:
            tokens.append(first[1:])  # plain text: its first character is the argument
            return first[0]
        return first
    depth, parts = 1, []
    while tokens:
        token = tokens.pop()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                break
        parts.append(token)
    return "".join(parts)


def _drop_typesetting(text: str) -> str:
    """``text`` without font commands (their argument stays) and colours (the colour goes, the text stays)."""
    tokens = _TOKEN.findall(text)
    tokens.reverse()
    out: list[str] = []
    while tokens:
        token = tokens.pop()
        name = token[1:] if token.startswith("\\") else ""
        if name in _FONT:
            continue
        if name in _COLOUR_WITH_TEXT or name in _COLOUR:
            _argument(tokens)  # the colour
            continue
        out.append(token)
    return "".join(out)
