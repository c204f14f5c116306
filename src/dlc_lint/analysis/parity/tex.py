"""Formulas compared across pages: LaTeX tokens and keys, the formulas of a page and of its source comments."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dlc_lint.analysis.parity.cache import cached_on_page
from dlc_lint.parse import inline
from dlc_lint.parse.page import Page

_TEX = re.compile(r"\\[A-Za-z]+|\\.|\s+|.", re.S)
# Macros whose argument is human text: its content may be translated.
TEXT_MACROS = frozenset(r"\text \textrm \textit \textbf \textsf \texttt \textnormal \mbox \tag \intertext".split())


@dataclass(frozen=True, slots=True)
class TexToken:
    text: str
    start: int  # offset in the formula source
    end: int


@functools.lru_cache(maxsize=1024)
def tex_tokens(source: str) -> tuple[TexToken, ...]:
    """Tokens of a formula without insignificant whitespace; human text in ``\\text{}`` dropped.

    Whitespace is significant only as ``\\ `` (a control space): ``\\ times``
    is not ``\\times``, but ``a+b`` is ``a + b``. ``x^{t}`` is ``x^t``, and the
    Markdown escapes ``\\_`` and ``\\*`` are ``_`` and ``*`` (kramdown removes the
    backslash before the browser sees the formula). A formula nested in
    ``\\text{if $x > 0$}`` is kept. Remembered: an English formula is compared once per translation.
    """
    tokens: list[TexToken] = []
    if not source.isascii():
        source = _fold(source)
    matches = list(_TEX.finditer(source))
    index = 0
    while index < len(matches):
        match = matches[index]
        text = match.group()
        index += 1
        if text.isspace():
            continue
        if text.startswith("\\") and len(text) == 2:
            if text[1].isspace():
                text = "\\ "
            elif text[1] in "_*":
                text = text[1]
        tokens.append(TexToken(text, match.start(), match.end()))
        if text in TEXT_MACROS:
            # skip spaces, then a balanced {...} group of human text (formulas inside it are kept)
            while index < len(matches) and matches[index].group().isspace():
                index += 1
            if index < len(matches) and matches[index].group() == "{":
                depth = 0
                begin = matches[index].start()
                while index < len(matches):
                    piece = matches[index].group()
                    index += 1
                    if piece == "{":
                        depth += 1
                    elif piece == "}":
                        depth -= 1
                        if depth == 0:
                            break
                end = matches[index - 1].end()
                tokens.pop()  # human text: neither the macro nor its words are compared
                group = source[begin:end]
                if "$" in group:
                    for a, b in inline.math_spans(group):
                        width = 2 if group.startswith("$$", a) else 1
                        tokens.extend(
                            TexToken(t.text, begin + a + width + t.start, begin + a + width + t.end)
                            for t in tex_tokens(group[a + width : b - width])
                        )
    tokens = _unbrace(tokens)
    if "..." in source:
        tokens = _merge_ellipses(tokens)
    if len(tokens) > 2 and tokens[0].text == "{" and tokens[-1].text == "}" and _closes_at_end(tokens):
        tokens = tokens[1:-1]  # ``${z(t)}$`` is ``$z(t)$``
    return tuple(tokens)


def _closes_at_end(tokens) -> bool:
    depth = 0
    for index, token in enumerate(tokens):
        text = token if isinstance(token, str) else token.text
        depth += text == "{"
        depth -= text == "}"
        if depth == 0:
            return index == len(tokens) - 1
    return False


# Typographic quotes and ellipsis typed by editors mean the same in a formula; invisible
# direction marks (right-to-left pages) and zero-width characters render nothing.
_TEX_FOLD = {ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"', ord("…"): "."}
_TEX_FOLD.update(
    {
        c: " "
        for c in (
            0x200B,
            0x200C,
            0x200D,
            0x200E,
            0x200F,
            0x202A,
            0x202B,
            0x202C,
            0x202D,
            0x202E,
            0x2060,
            0x2066,
            0x2067,
            0x2068,
            0x2069,
            0xFEFF,
        )
    }
)


def _fold(source: str) -> str:
    """Quotes, ellipsis and invisible marks folded; digits of any script made ASCII (``০`` is ``0``)."""
    import unicodedata

    source = source.translate(_TEX_FOLD)
    if any(c.isdigit() and not c.isascii() for c in source):
        source = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in source)
    return source


def localized_tex_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """``key`` with decimal and thousands separators unified (``0,5`` and ``0.5``; ``1.000`` and ``1,000``).

    French and other languages write a decimal comma: a deliberate choice, not damage.
    """
    out = list(key)
    for i in range(1, len(out) - 1):
        if out[i] in (",", ".", "{,}") and out[i - 1][-1:].isdigit() and out[i + 1][:1].isdigit():
            out[i] = "."
    return tuple(out)


def _unbrace(tokens: list[TexToken]) -> list[TexToken]:
    """``^{t}`` and ``_{1}`` are ``^t`` and ``_1``."""
    out: list[TexToken] = []
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        out.append(token)
        if (
            token.text in ("^", "_")
            and index + 3 < count + 0
            and tokens[index + 1].text == "{"
            and tokens[index + 3].text == "}"
            and tokens[index + 2].text not in "{}"
        ):
            out.append(tokens[index + 2])
            index += 4
            continue
        index += 1
    return out


_BACKSLASH_SPACE = re.compile(r"\\[ \t]+(?=[A-Za-z])")


def repaired_tex_key(source: str) -> tuple[str, ...]:
    """The key of ``source`` with typical machine-translation damage undone.

    A space after a backslash removed (``\\ times`` -> ``\\times``) and full-width
    characters folded to ASCII (``（`` -> ``(``): a formula whose repaired key
    equals an English formula is a damaged copy of it.
    """
    import unicodedata

    return tex_key(unicodedata.normalize("NFKC", _BACKSLASH_SPACE.sub(lambda _: "\\", source)))


_TEX_FAST = re.compile(r"\\[A-Za-z]+|\\.|\S", re.S)
_TEX_ESCAPE = re.compile(r"\\\\|\\([_*])|\\\s+")
_TEX_TEXT = re.compile(
    r"\\(?:text|textrm|textit|textbf|textsf|texttt|textnormal|mbox|tag|intertext)(?![A-Za-z])"
    r"\s*(\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})"
)
_TEX_UNBRACE = re.compile(r"([\^_])\s*\{\s*(\\[A-Za-z]+|\\[^A-Za-z\s]|[^\s{}\\])\s*\}")


@functools.lru_cache(maxsize=8192)
def tex_key(source: str) -> tuple[str, ...]:
    """The comparable form of a formula: the texts of :func:`tex_tokens`, computed with regular expressions.

    Remembered: the same formulas come back in every translation of a page (2,100 distinct of 19,000).
    """
    if not source.isascii():
        source = _fold(source)
    if "\\" in source:
        source = _TEX_ESCAPE.sub(_escape, source)
        for _ in range(3):  # a \\text{} inside a formula inside a \\text{}
            if "\\t" not in source and "\\m" not in source and "\\i" not in source:
                break
            replaced = _TEX_TEXT.sub(_text_group, source)
            if replaced == source:
                break
            source = replaced
    if "{" in source:
        source = _TEX_UNBRACE.sub(r"\1\2", source)
    tokens = _TEX_FAST.findall(source)
    if "..." in source:
        tokens = _merge_ellipses(tokens)
    if len(tokens) > 2 and tokens[0] == "{" and tokens[-1] == "}" and _closes_at_end(tokens):
        tokens = tokens[1:-1]
    return tuple(tokens)


def _merge_ellipses(tokens):
    """``...`` is one token, like the ``…`` it is typed for."""
    out = []
    for token in tokens:
        text = token if isinstance(token, str) else token.text
        if text == "." and len(out) >= 2:
            last, before = out[-1], out[-2]
            if all((t if isinstance(t, str) else t.text) == "." for t in (last, before)):
                if isinstance(token, str):
                    out[-2:] = ["…"]
                else:
                    out[-2:] = [TexToken("…", before.start, token.end)]
                continue
        out.append(token)
    return [
        ("." if (t if isinstance(t, str) else t.text) == "…" else t)
        if isinstance(t, str)
        else (TexToken(".", t.start, t.end) if t.text == "…" else t)
        for t in out
    ]


def _escape(match) -> str:
    text = match.group()
    if text == "\\\\":
        return text
    if match.group(1):
        return match.group(1)
    return "\\ "


def _text_group(match) -> str:
    group = match.group(1)
    if "$" not in group:
        return " "
    formulas = []
    for a, b in inline.math_spans(group):
        width = 2 if group.startswith("$$", a) else 1
        formulas.append(group[a + width : b - width])
    return " " + " ".join(formulas) + " "


@dataclass(frozen=True, slots=True)
class MathSpan:
    """A formula of a page: ``$...$`` or ``$$...$$``, with its offsets in the page text."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    display: bool
    key: tuple[str, ...]


def _math_span(text: str, start: int, end: int) -> MathSpan:
    display = text.startswith("$$", start)
    width = 2 if display else 1
    return MathSpan(start, end, start + width, end - width, display, tex_key(text[start + width : end - width]))


def page_math(site, page: Page) -> list[MathSpan]:
    """Every formula of the page outside code and comments (:attr:`Page.math_ranges`)."""

    def compute():
        text = page.content_text
        return [_math_span(text, start, end) for start, end in page.math_ranges]

    return cached_on_page(page, "math", compute)


def snapshot_math(site, page: Page) -> frozenset[tuple[str, ...]]:
    """Formulas inside the page's English source comments (the English as the translator saw it)."""

    def compute():
        keys = set()
        text = page.text
        for pair in page.pairs:
            inner = text[pair.comment.inner_start : pair.comment.inner_end]
            for start, end in inline.math_spans(inner) if "$" in inner else ():
                width = 2 if inner.startswith("$$", start) else 1
                keys.add(tex_key(inner[start + width : end - width]))
        return frozenset(keys)

    return cached_on_page(page, "snapshot-math", compute)
