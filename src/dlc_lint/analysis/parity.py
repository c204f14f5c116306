"""Pairing a translated page with its English page, block by block.

The parity rules (DLC7xx) and ``dlc-lint status`` compare a translation with
its English counterpart. Both need the same three things, computed once per
page pair and cached on the translated page (so they go when it goes):

* the page's *visible units*: its blocks without the HTML comments and
  without the ``<div dir="rtl">`` wrappers of right-to-left languages;
* the *snapshot*: the English blocks kept in the translation's source
  comments, i.e. the English page as the translator saw it;
* an *alignment* of the translated units with the English units, in order,
  tolerating inserted and missing blocks. Snapshot blocks that still equal
  an English block are anchors; between anchors, blocks are paired by kind
  with :mod:`difflib`.

From the snapshot and the current English page comes the *drift*: English
paragraphs that changed, were added or were removed since the translation.
Pages without source comments fall back to git history, when the site is in
a git repository.
"""

from __future__ import annotations

import bisect
import collections
import difflib
import functools
import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field

from dlc_lint.parse import inline
from dlc_lint.parse.markdown import SPAN_TAGS, Block, scan_blocks
from dlc_lint.parse.page import Page

# -- per-site cache ---------------------------------------------------------------


def cache_for(site) -> dict:
    """A dictionary living as long as ``site``: site-wide parity facts are computed once per run."""
    return site.__dict__.setdefault("_dlc_parity_cache", {})


def _cached(site, key, compute):
    cache = cache_for(site)
    try:
        return cache[key]
    except KeyError:
        value = cache[key] = compute()
        return value


def cached_on_page(page: Page, key, compute):
    """A view of one page (or of a translated page and its English page), kept on the page itself:
    it is computed once and goes when the page goes (the engine lets a translated page go once it is
    linted, while the English pages stay for the other translations)."""
    cache = page.__dict__.setdefault("_dlc_parity", {})
    try:
        return cache[key]
    except KeyError:
        value = cache[key] = compute()
        return value


# -- text helpers -------------------------------------------------------------------

_WS = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\S+")


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, stripped."""
    return " ".join(text.split())


def has_letters(text: str, count: int = 1) -> bool:
    """At least ``count`` letters in ``text`` (counting stops there: paragraphs are long)."""
    for seen, _ in enumerate(_LETTER.finditer(text), 1):
        if seen >= count:
            return True
    return count <= 0


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters for a message."""
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def code(text: str, limit: int = 60) -> str:
    """``text`` quoted as inline code for a message (backticks inside are handled)."""
    text = short(text, limit)
    if not text:
        return "(nothing)"
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def word_diff(old: str, new: str, limit: int = 3) -> str:
    """A short description of how ``old`` became ``new``, word by word."""
    a, b = old.split(), new.split()
    parts = []
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in ops[:limit]:
        before, after = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if tag == "replace":
            parts.append(f"{code(before, 40)} → {code(after, 40)}")
        elif tag == "delete":
            parts.append(f"removed {code(before, 40)}")
        else:
            parts.append(f"added {code(after, 40)}")
    if len(ops) > limit:
        parts.append(f"and {len(ops) - limit} more change{'s' if len(ops) - limit != 1 else ''}")
    return "; ".join(parts) if parts else "whitespace only"


_MARKUP = re.compile(r"[*_`$\u200b\u200c\u200d\u2060\ufeff]|(?<=-)-+")
_EDGE = ".,;:!?()[]{}\"'“”‘’«»"


_LIST_MARK = re.compile(r"\d{1,3}[.)]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ALNUM = re.compile(r"\w")
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")


def content_words(text: str) -> list[str]:
    """The words of ``text`` without link targets, Markdown emphasis, ``$``, backticks, dash doubling
    and edge punctuation.

    Two texts with the same content words differ only in formatting (``i.e.``
    became ``*i.e.*``, ``C`` became ``$C$``, a heading got its video link):
    not worth re-translating.
    """
    return [norm for norm, _ in words_of(text)]


@functools.lru_cache(maxsize=1024)
def words_of(text: str) -> list[tuple[str, str]]:
    """``(content word, the word as written)`` pairs of ``text`` (see :func:`content_words`).

    Remembered: the English paragraphs come back with every translation of their page.
    """
    return _words_of(text)


def _words_of(text: str) -> list[tuple[str, str]]:
    found = []
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "](" in text:
        text = _LINK_TARGET.sub("]", text)
    # markup characters become NUL, not nothing: the words of both copies split at the same places
    marked = text.translate(_MARKUP_CHARS)
    for raw, norm in zip(text.split(), marked.split()):
        if raw[0].isdigit() and _LIST_MARK.fullmatch(raw):
            continue
        if "\0" in norm:
            norm = norm.replace("\0", "")
        if "--" in norm:
            norm = _MARKUP.sub("", norm)
        norm = norm.strip(_EDGE)
        if norm and (norm.isalnum() or _ALNUM.search(norm)):
            found.append((norm, raw))
    return found


_MARKUP_CHARS = {ord(c): "\0" for c in "*_`$\u200b\u200c\u200d\u2060\ufeff"}


def similarity(a, b) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


# -- LaTeX ----------------------------------------------------------------------------

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


# -- units ----------------------------------------------------------------------------

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
    found = []
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
        if not _ALNUM.search(inner) and not inner.strip().strip("-").strip():
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
            if not key or not _ALNUM.search(key):
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
        if _ALNUM.search(text):  # (not only the dashes of an opener or of a separator line)
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


# -- alignment ----------------------------------------------------------------------------


@dataclass
class Alignment:
    """Translated units paired with English units, in order.

    ``pairs`` holds ``(english, translated)`` tuples where either side may be
    None (a block only one page has). ``snap_to_en`` maps snapshot indexes to
    English unit indexes for the snapshot blocks that still equal the English.
    ``convention``: ``above`` when the page keeps each English comment above its
    translation (the site's convention), ``below`` when below it.
    """

    english: tuple[Unit, ...]
    translated: tuple[Unit, ...]
    pairs: list[tuple[Unit | None, Unit | None]]
    snap_to_en: dict[int, int] = field(default_factory=dict)
    opcodes: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # snapshot vs English
    t_to_e: dict[int, int] = field(default_factory=dict)
    e_to_t: dict[int, int] = field(default_factory=dict)
    convention: str = "above"

    def english_for(self, unit: Unit) -> Unit | None:
        index = self.t_to_e.get(unit.index)
        return None if index is None else self.english[index]

    def translated_for(self, unit: Unit) -> Unit | None:
        index = self.e_to_t.get(unit.index)
        return None if index is None else self.translated[index]

    def english_near(self, unit: Unit, radius: int = 2) -> list[Unit]:
        """The English unit paired with ``unit``, then its neighbours, nearest first.

        For an unpaired unit, the neighbours of the nearest paired unit before it.
        """
        index = self.t_to_e.get(unit.index)
        if index is None:
            before = [self.t_to_e[t] for t in range(unit.index - 1, -1, -1) if t in self.t_to_e][:1]
            index = before[0] + 1 if before else 0
            if index >= len(self.english):
                index = len(self.english) - 1
        if index < 0 or not self.english:
            return []
        order = [index]
        for step in range(1, radius + 1):
            order += [index - step, index + step]
        return [self.english[i] for i in order if 0 <= i < len(self.english)]


def alignment(site, translated: Page, english: Page) -> Alignment:
    return cached_on_page(translated, ("align", english.path), lambda: _align(site, translated, english))


def _align(site, translated: Page, english: Page) -> Alignment:
    t_units = units(site, translated)
    e_units = units(site, english)
    snaps = snapshot(site, translated)
    snap_to_en, opcodes = anchors(site, translated, english)
    convention = _convention(snaps, snap_to_en, t_units, e_units) if snaps else "above"
    # Segment boundaries, one per comment: with the comments above the translations, the
    # comment's first English block starts at the unit after it; below, its last English block
    # ends at the unit before it.
    # English blocks of the comment that no longer match (edited since) still belong to it.
    first_of: dict[int, int] = {}
    last_of: dict[int, int] = {}
    for s_index, snap in enumerate(snaps):
        first_of.setdefault(snap.comment_index, s_index)
        last_of[snap.comment_index] = s_index
    per_comment: dict[int, tuple[int, int]] = {}
    for s_index, e_index in sorted(snap_to_en.items()):
        snap = snaps[s_index]
        if convention == "above":
            before = s_index - first_of[snap.comment_index]
            per_comment.setdefault(snap.comment_index, (snap.t_pos, max(0, e_index - before)))
        else:
            after = last_of[snap.comment_index] - s_index
            per_comment[snap.comment_index] = (snap.t_pos, min(len(e_units), e_index + 1 + after))
    bounds: list[tuple[int, int]] = []
    for t_pos, e_index in (per_comment[k] for k in sorted(per_comment)):
        if bounds and (t_pos <= bounds[-1][0] or e_index <= bounds[-1][1]):
            continue
        bounds.append((t_pos, e_index))
    cuts = [(0, 0)] + bounds + [(len(t_units), len(e_units))]
    pairs: list[tuple[Unit | None, Unit | None]] = []
    anchored = set(bounds)
    for (t0, e0), (t1, e1) in zip(cuts, cuts[1:]):
        english, translated = e_units[e0:e1], t_units[t0:t1]
        # The anchor itself: the comment's English block is translated right after it (above), or its
        # last English block right before it (below).
        if (
            convention == "above"
            and (t0, e0) in anchored
            and english
            and translated
            and _klass(english[0]) == _klass(translated[0])
        ):
            pairs.append((english[0], translated[0]))
            english, translated = english[1:], translated[1:]
        tail = None
        if (
            convention == "below"
            and (t1, e1) in anchored
            and english
            and translated
            and _klass(english[-1]) == _klass(translated[-1])
        ):
            tail = (english[-1], translated[-1])
            english, translated = english[:-1], translated[:-1]
        pairs.extend(_align_segment(english, translated))
        if tail is not None:
            pairs.append(tail)
    pairs = _pair_stragglers(pairs)
    result = Alignment(e_units, t_units, pairs, snap_to_en, opcodes, convention=convention)
    for e, t in pairs:
        if e is not None and t is not None:
            result.t_to_e[t.index] = e.index
            result.e_to_t[e.index] = t.index
    return result


def _pair_stragglers(pairs):
    """Pair an unpaired English unit with a nearby unpaired translated unit of the same kind and level
    when the order of the paired units around them allows it (a heading the translator put on the
    other side of a comment)."""
    loose_t = [i for i, (e, t) in enumerate(pairs) if e is None and t is not None]
    loose_e = [i for i, (e, t) in enumerate(pairs) if t is None and e is not None]
    if not loose_t or not loose_e:
        return pairs
    pairs = list(pairs)
    taken: set[int] = set()
    for ei in loose_e:
        english = pairs[ei][0]
        for ti in loose_t:
            if ti in taken or abs(ti - ei) > 4:
                continue
            translated = pairs[ti][1]
            if translated.token != english.token:
                continue
            low, high = min(ei, ti), max(ei, ti)
            if any(pairs[k][0] is not None and pairs[k][1] is not None for k in range(low + 1, high)):
                continue  # a paired unit between them: pairing these would cross it
            pairs[ei] = (english, translated)
            pairs[ti] = (None, None)
            taken.add(ti)
            break
    return [p for p in pairs if p != (None, None)]


def _convention(snaps, snap_to_en, t_units, e_units) -> str:
    """Whether the page keeps its English comments above or below the translations.

    Under "above", the units after a comment have the kinds of the comment's English
    blocks, in order; under "below", the units before it do. Windows falling off the
    page count as misses (a comment at the very end has nothing after it). The
    hypothesis matching more blocks wins; ties go to "above", the site's convention.
    """
    by_comment: dict[int, list[SnapBlock]] = {}
    for snap in snaps:
        by_comment.setdefault(snap.comment_index, []).append(snap)
    tokens = [_coarse(u.token) for u in t_units]
    above = below = 0
    for blocks in by_comment.values():
        wanted = [_coarse(f"h{b.level}" if b.kind == "heading" else b.kind) for b in blocks]
        t_pos = blocks[0].t_pos
        after = tokens[t_pos : t_pos + len(wanted)]
        before = tokens[max(blocks[0].t_before, t_pos - len(wanted)) : t_pos]
        above += sum(a == b for a, b in zip(wanted, after))
        below += sum(a == b for a, b in zip(reversed(wanted), reversed(before)))
    return "below" if below > above else "above"


def _coarse(token: str) -> str:
    return "p" if token in ("paragraph", "list", "blockquote") else token


def anchors(site, translated: Page, english: Page):
    """``(snap_to_en, opcodes)``: the kept English matched with the current English page."""
    return cached_on_page(
        translated, ("anchors", english.path), lambda: _anchor(snapshot(site, translated), units(site, english))
    )


def _anchor(snaps: tuple[SnapBlock, ...], e_units: tuple[Unit, ...]):
    """Snapshot blocks that still equal an English block, matched in order; and the opcodes."""
    if not snaps:
        return {}, []
    matcher = difflib.SequenceMatcher(None, [s.key for s in snaps], [u.key for u in e_units], autojunk=False)
    found = {}
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            found[i + k] = j + k
    return found, matcher.get_opcodes()


def _align_segment(english: Iterable[Unit], translated: Iterable[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    english, translated = list(english), list(translated)
    if not english or not translated:
        return [(e, None) for e in english] + [(None, t) for t in translated]
    if len(english) == len(translated) and all(_klass(e) == _klass(t) for e, t in zip(english, translated)):
        return list(zip(english, translated))  # the common case: block for block
    out: list[tuple[Unit | None, Unit | None]] = []
    # Block for block when the broad kinds agree (a heading of another level is then a finding, not a gap);
    # else by exact kind and level first, so that a missing heading does not shift every level after it.
    matcher = difflib.SequenceMatcher(None, [u.token for u in english], [u.token for u in translated], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (
            tag == "replace" and i2 - i1 == j2 - j1 and _compatible(english[i1:i2], translated[j1:j2])
        ):
            out.extend(zip(english[i1:i2], translated[j1:j2]))
        elif tag == "replace":
            out.extend(_align_loose(english[i1:i2], translated[j1:j2]))
        else:
            out.extend((e, None) for e in english[i1:i2])
            out.extend((None, t) for t in translated[j1:j2])
    return out


def _klass(unit: Unit) -> str:
    return (
        "heading"
        if unit.kind == "heading"
        else "prose"
        if unit.kind in ("paragraph", "list", "blockquote")
        else unit.kind
    )


def _compatible(english: list[Unit], translated: list[Unit]) -> bool:
    return all(_klass(e) == _klass(t) for e, t in zip(english, translated))


def _align_loose(english: list[Unit], translated: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """Pair what is left by broad kind (any heading level, any prose block)."""
    out: list[tuple[Unit | None, Unit | None]] = []
    matcher = difflib.SequenceMatcher(
        None, [_klass(u) for u in english], [_klass(u) for u in translated], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(zip(english[i1:i2], translated[j1:j2]))
        else:
            out.extend((e, None) for e in english[i1:i2])
            out.extend((None, t) for t in translated[j1:j2])
    return out


# -- drift: the English changed since the translation ----------------------------------------


@dataclass(frozen=True)
class Change:
    """One drifted English paragraph.

    ``kind``: ``changed`` (``snap`` and ``english`` both set), ``added`` (only
    ``english``; ``at`` is where the translation would hold it) or
    ``removed`` (only ``snap``). ``formula``: a formula of the paragraph
    changed, so the translation very likely shows an outdated one.
    """

    kind: str
    snap: SnapBlock | None
    english: Unit | None
    at: int  # offset in the translated page to report at
    formula: bool = False
    diff: str = ""  # for ``changed``: what changed, word by word


@dataclass(frozen=True)
class Drift:
    basis: str  # "comments" | "git" | "none"
    changes: tuple[Change, ...] = ()
    commits: tuple[Commit, ...] = ()  # basis "git": English commits after the translation's last one

    @property
    def count(self) -> int:
        return len(self.changes) if self.basis == "comments" else len(self.commits)


MIN_CHANGED_SIMILARITY = 0.5
MAX_REGION_BLOCKS = 400  # a word diff over more paragraphs than this costs more than it can tell
# Common English words: with the English page's own words, they tell kept English from a note in
# the translation's language (French, Spanish...) inside a comment.
ENGLISH_WORDS = frozenset(
    """
a about after again all also an and any are as at be because been before being between both but by can
could did do does each few for from had has have he her here him his how i if in into is it its just
later like may more most much must my no not now of off on once one only or other our out over own same
she should so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who why will with would you your
""".split()
)
_NOTE = re.compile(r"\W*(?:TODO|NOTE|FIXME|XXX|N\.B\.)\b", re.I)
_MINOR_WORDS = frozenset(
    "a an the is are was were be been of to in on at for and or that this it its as by "
    "with from we can will so them they these those their there which who".split()
)
_NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_ACRONYM = re.compile(r"\([A-Z][A-Za-z]*[A-Z]s?\)[.,;:]?$")


def drift_changes(context, kind: str):
    """(English page, the page's drift changes of ``kind``); (None, ()) without an English page."""
    english = english_for(context)
    if english is None:
        return None, ()
    return english, [c for c in drift(context.site, context.page, english).changes if c.kind == kind]


def drift(site, translated: Page, english: Page) -> Drift:
    return cached_on_page(translated, ("drift", english.path), lambda: _drift(site, translated, english))


def _drift(site, translated: Page, english: Page) -> Drift:
    snaps = snapshot(site, translated)
    if not snaps:
        commits = git_changes_since(site, translated.path, english.path)
        if commits is None:
            return Drift("none")
        return Drift("git", commits=tuple(commits))
    e_units = units(site, english)
    snap_to_en, opcodes = anchors(site, translated, english)
    align: Alignment | None = None  # the full alignment, computed only when a region needs it
    snap_keys = {s.key for s in snaps}
    e_keys = {u.key for u in e_units}
    commented = _CommentText(translated)
    english_text = " ".join(u.key for u in e_units)  # a paragraph commented in pieces is still there
    changes: list[Change] = []
    removed: list[SnapBlock] = []
    added: list[Unit] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        old = [s for s in snaps[i1:i2] if _drift_kind(s.kind) and s.key not in e_keys and s.key not in english_text]
        new = [u for u in e_units[j1:j2] if _drift_kind(u.kind) and u.key not in snap_keys]
        if len(old) > MAX_REGION_BLOCKS or len(new) > MAX_REGION_BLOCKS:
            continue  # thousands of unmatched paragraphs: not an edited page but another one; no word diff
        if not old or not new:
            region = _Region()  # nothing to compare with: every kept paragraph here was removed
        else:
            region = _diff_region(old, new)
        for snap in old:
            partner = region.partner.get(snap.start)
            if partner is None:
                removed.append(snap)
            elif not region.minor.get(snap.start, True):
                changes.append(
                    Change("changed", snap, partner, snap.start, region.formula(snap, partner), region.describe(snap))
                )
        for unit in new:
            if unit.index in region.touched or not snap_to_en:
                continue  # (with no kept paragraph still matching, no telling where the translation stands)
            if not has_letters(unit.key, 3) or commented.has_text(unit.key):
                continue  # inside some comment (even one glued to a paragraph): the translator saw it
            if align is None:
                align = alignment(site, translated, english)
            if unit.index in align.e_to_t:
                continue  # paired with a translated block: translated, just not commented
            if unit.key in commented:
                continue  # in a comment with other formatting (`*e.g.*` for `e.g.`)
            added.append(unit)
            changes.append(Change("added", None, unit, _insertion_point(align, unit, snaps, translated)))
    # a paragraph that moved in the English page is neither removed nor added
    moved_to = {u.index for u in added}
    if len(removed) > MAX_REGION_BLOCKS:
        removed = []
    if removed:
        vocabulary, all_words, english_comments = _english_words(site, english)
        # English blocks no kept paragraph matches exactly: where a reworded or moved one may be now
        unclaimed = [u for u in e_units if _drift_kind(u.kind) and u.key not in snap_keys]
        captions = [u for u in e_units if u.kind == "html"]  # a figure's caption, kept as a paragraph
        title = (english.front_matter.get("title") or "").strip() if english.front_matter.present else ""
    for snap in removed:
        if not has_letters(snap.key, 3) or _NOTE.match(snap.key):
            continue  # a translator's note ("TODO: ...")
        if title and snap.key.removeprefix("title:").strip().strip("'\"") == title:
            continue  # the English title, kept from the front matter
        if snap.key in english_comments:
            continue  # the English page comments it out too: the translation mirrors it
        words = [w.lower() for w in content_words(snap.key)]
        if not words or sum(w in vocabulary for w in words) < 0.5 * len(words):
            continue  # not English of this page: a translator's note, or the translation kept in a comment
        if " " + " ".join(words) + " " in all_words:
            continue  # still there, inside a figure caption or a longer block
        best = _best_match(snap, added) or _best_match(snap, unclaimed) or _best_match(snap, captions)
        if best is None:
            changes.append(Change("removed", snap, None, snap.start))
            continue
        if best.index in moved_to:
            moved_to.discard(best.index)
            changes = [c for c in changes if not (c.kind == "added" and c.english is best)]
        region = _diff_region([snap], [best])
        if not region.minor.get(snap.start, True):
            changes.append(Change("changed", snap, best, snap.start, region.formula(snap, best), region.describe(snap)))
    changes.sort(key=lambda c: (c.at, c.kind))
    return Drift("comments", tuple(changes))


def _english_words(site, english: Page) -> tuple[frozenset[str], str, _CommentText]:
    """The English page's words (a set, and all of them in order between spaces) and its comments'
    words: the same for every translation of the page, so computed once."""

    def compute():
        english_words = [w.lower() for u in units(site, english) for w in content_words(u.key)]
        return frozenset(english_words) | ENGLISH_WORDS, " " + " ".join(english_words) + " ", _CommentText(english)

    return cached_on_page(english, "english-words", compute)


def _best_match(snap: SnapBlock, candidates: list[Unit]) -> Unit | None:
    best, best_score = None, MIN_CHANGED_SIMILARITY
    mine = [w.lower() for w in content_words(snap.key)]
    for unit in candidates:
        theirs = [w.lower() for w in content_words(unit.key)]
        matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
        if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        score = matcher.ratio()
        if score >= best_score:
            best, best_score = unit, score
    return best


class _Region:
    """A word diff of some commented English blocks against some current English blocks.

    ``partner``: snapshot block start -> the English unit sharing most words
    with it; ``minor``: snapshot block start -> whether all its edits are
    spelling/formatting; ``touched``: English units sharing any word with the
    snapshot (not "added").
    """

    def __init__(self):
        self.partner: dict[int, Unit] = {}
        self.minor: dict[int, bool] = {}
        self.touched: set[int] = set()
        self.edits: dict[int, list[tuple[str, str]]] = {}  # snapshot start -> (old words, new words)

    def describe(self, snap: SnapBlock, limit: int = 3) -> str:
        """What changed in this paragraph, word by word: the meaningful edits first."""
        edits = self.edits.get(snap.start, [])
        major = [
            e
            for e in edits
            if not minor_edit([w.lower() for w in content_words(e[0])], [w.lower() for w in content_words(e[1])])
        ]
        shown = (major + [e for e in edits if e not in major])[:limit]
        parts = []
        for before, after in sorted(shown, key=edits.index):
            if before and after:
                parts.append(f"{code(before, 40)} → {code(after, 40)}")
            elif before:
                parts.append(f"removed {code(before, 40)}")
            else:
                parts.append(f"added {code(after, 40)}")
        if len(edits) > limit:
            rest = len(edits) - limit
            parts.append(f"and {rest} more change{'s' if rest != 1 else ''}")
        return "; ".join(parts)

    def formula(self, snap: SnapBlock, unit: Unit) -> bool:
        """A formula of the commented English is gone from the English, or a new one appeared."""
        old = {tex_key(m) for m in _formulas(snap.key)}
        new = {tex_key(m) for m in _formulas(unit.key)}
        return any(len(k) > 1 for k in old ^ new)


def _diff_region(old: list[SnapBlock], new: list[Unit]) -> _Region:
    shape = _region_shape(tuple(snap.key for snap in old), tuple(unit.key for unit in new))
    region = _Region()
    for position, snap in enumerate(old):
        region.minor[snap.start] = shape.minor[position]
    for position, partner in shape.partner.items():
        region.partner[old[position].start] = new[partner]
    region.touched = {new[partner].index for partner in shape.touched}
    for position, edits in shape.edits.items():
        region.edits[old[position].start] = list(edits)
    return region


@dataclass(frozen=True)
class _RegionShape:
    """A :class:`_Region` with snapshot blocks and English units given by their position in the lists
    compared: it depends on their texts only, so the translations of one English page share it."""

    minor: tuple[bool, ...]
    partner: dict[int, int]
    touched: frozenset[int]
    edits: dict[int, tuple[tuple[str, str], ...]]


@functools.lru_cache(maxsize=512)  # (a language or two: the next language asks for the same regions)
def _region_shape(old: tuple[str, ...], new: tuple[str, ...]) -> _RegionShape:
    minor = [True] * len(old)
    edits: dict[int, list[tuple[str, str]]] = {}
    a_orig, a_owner, b_orig, b_owner = [], [], [], []
    a_words, b_words = [], []
    for words, orig, owner, keys in ((a_words, a_orig, a_owner, old), (b_words, b_orig, b_owner, new)):
        for position, key in enumerate(keys):
            found = words_of(key)
            words.extend([norm.lower() for norm, _ in found])
            orig.extend([raw for _, raw in found])
            owner.extend([position] * len(found))
    if not a_words:
        return _RegionShape(tuple(minor), {}, frozenset(), {})
    if a_words == b_words:
        opcodes = [("equal", 0, len(a_words), 0, len(b_words))]  # only the formatting changed
    else:
        opcodes = difflib.SequenceMatcher(None, a_words, b_words, autojunk=False).get_opcodes()
    # (snapshot block, English unit) -> words they share, in order of first appearance
    shared_words = collections.Counter()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            shared_words.update(zip(a_owner[i1:i2], b_owner[j1:j2]))
    shared: dict[int, dict[int, int]] = {}  # snapshot block -> English unit -> shared words
    for (position, unit), count in shared_words.items():
        shared.setdefault(position, {})[unit] = count
    sizes = [len(words_of(key)) for key in old]
    unit_sizes = [len(words_of(key)) for key in new]
    partner: dict[int, int] = {}
    for position, counts in shared.items():
        best = max(counts, key=counts.get)
        # the same paragraph, edited: it shares a good part of its words with the English one
        if counts[best] >= max(1.0, 0.4 * min(sizes[position], unit_sizes[best])):
            partner[position] = best
    partnered = set(partner.values())
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        a = a_words[i1:i2]
        # words of an English block that shares nothing with the snapshot belong to an added block
        kept = [k for k in range(j1, j2) if b_owner[k] in partnered]
        b = [b_words[k] for k in kept]
        owners = set(a_owner[i1:i2]) or ({a_owner[i1 - 1]} if i1 > 0 else {a_owner[0]})
        if not (a or b):
            continue
        for position in owners:
            edits.setdefault(position, []).append((" ".join(a_orig[i1:i2]), " ".join(b_orig[k] for k in kept)))
        if not a and kept and all(_ACRONYM.match(b_orig[k]) for k in kept):
            continue  # "(DAE)" added after the name it abbreviates
        if not minor_edit(a, b):
            for position in owners:
                minor[position] = False
    return _RegionShape(
        tuple(minor), partner, frozenset(partnered), {position: tuple(found) for position, found in edits.items()}
    )


def _formulas(text: str) -> list[str]:
    return [text[a:b].strip("$") for a, b in inline.math_spans(text)] if "$" in text else []


def minor_edit(old: list[str], new: list[str]) -> bool:
    """Spelling, case, hyphenation, small-word and notation fixes only: the meaning did not change.

    Words are compared lower-cased; ``one`` is ``1``; a pronoun or an article swapped, and typos
    (two letters off) are minor.
    """
    old = [_NUMBER_WORDS.get(w, w) for w in old]
    new = [_NUMBER_WORDS.get(w, w) for w in new]
    if _ALNUM_ONLY.sub("", "".join(old)) == _ALNUM_ONLY.sub("", "".join(new)):
        return True  # spacing, hyphens, punctuation
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        if tag == "replace" and len(a) == len(b):
            if all(_typo(x, y) or (x in _MINOR_WORDS and y in _MINOR_WORDS) for x, y in zip(a, b)):
                continue
            return False
        if tag == "replace" and _ALNUM_ONLY.sub("", "".join(a)) == _ALNUM_ONLY.sub("", "".join(b)):
            continue  # "data point" / "datapoint"
        if all(w in _MINOR_WORDS for w in a + b):
            continue
        return False
    return True


_ALNUM_ONLY = re.compile(r"[\W_]+")


def _typo(a: str, b: str) -> bool:
    if any(c.isdigit() for c in a + b):
        return False
    if sorted(a) == sorted(b):
        return True  # swapped letters
    if min(len(a), len(b)) >= 5 and _distance(a, b) <= 2:
        return True  # "nerual" / "neural", "scence" / "sense"
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (small words only)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


class _CommentText:
    """``key in comments``: are the words of this text inside any HTML comment of the page?

    Words as :func:`content_words` sees them: a paragraph whose emphasis or ``$`` changed since it
    was copied into a comment is still in it.
    """

    def __init__(self, page: Page):
        self.page = page
        self._words: str | None = None
        self._text: str | None = None

    def has_text(self, key: str) -> bool:
        """The text itself, spaces aside, is inside a comment (cheaper than comparing words)."""
        if self._text is None:
            text = self.page.text
            self._text = " ".join(squash(text[c.inner_start : c.inner_end]) for c in self.page.comments)
        return key in self._text

    def __contains__(self, key: str) -> bool:
        if self._words is None:
            text = self.page.text
            # (not remembered by words_of: each comment is read once, and they are long)
            self._words = (
                " "
                + " ".join(
                    w.lower() for c in self.page.comments for w, _ in _words_of(text[c.inner_start : c.inner_end])
                )
                + " "
            )
        words = " ".join(w.lower() for w in content_words(key))
        return bool(words) and " " + words + " " in self._words


def _drift_kind(kind: str) -> bool:
    return kind in PROSE_KINDS


def _insertion_point(align: Alignment, unit: Unit, snaps, translated: Page) -> int:
    """Where the translation of English ``unit`` would be: before the translation of the next English
    block that has one (before its comment, when the comments are kept above), else at the end."""
    for later in align.english[unit.index + 1 :]:
        counterpart = align.translated_for(later)
        if counterpart is None:
            continue
        if align.convention == "above":
            for snap in snaps:
                if snap.t_pos == counterpart.index:
                    return translated.pairs[snap.comment_index].comment.start
        return counterpart.start
    return len(translated.text.rstrip())


# -- git history -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Commit:
    sha: str
    timestamp: int
    subject: str

    @property
    def date(self) -> str:
        import datetime

        return datetime.datetime.fromtimestamp(self.timestamp, datetime.UTC).strftime("%Y-%m-%d")


@dataclass
class History:
    """Which commits touched which file, newest first, for the site's git repository."""

    top: str  # repository root
    by_file: dict[str, list[int]]  # repo-relative path -> indexes into commits, newest first
    commits: list[Commit]


def history(site) -> History | None:
    return _cached(site, "git-history", lambda: _history(str(site.root)))


def _history(root: str) -> History | None:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        top = subprocess.run(
            ["git", "-C", root, "rev-parse", "--show-toplevel"], capture_output=True, text=True, env=env, timeout=30
        )
        if top.returncode != 0:
            return None
        toplevel = top.stdout.strip()
        log = subprocess.run(
            ["git", "-C", root, "log", "--no-renames", "--format=%x00%H %ct %s", "--name-only", "--", "."],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            encoding="utf-8",
            errors="replace",
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if log.returncode != 0:
        return None
    commits: list[Commit] = []
    by_file: dict[str, list[int]] = {}
    for record in log.stdout.split("\0")[1:]:
        head, _, names = record.partition("\n")
        sha, _, rest = head.partition(" ")
        stamp, _, subject = rest.partition(" ")
        index = len(commits)
        commits.append(Commit(sha, int(stamp or 0), subject))
        for name in names.splitlines():
            name = name.strip()
            if name:
                by_file.setdefault(name, []).append(index)
    return History(toplevel, by_file, commits)


def git_changes_since(site, translated_path: str, english_path: str) -> list[Commit] | None:
    """English commits newer than the translation's last commit; None without usable history."""
    found = history(site)
    if found is None:
        return None
    site.used_git_history()
    prefix = os.path.relpath(str(site.root), found.top).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    mine = found.by_file.get(prefix + translated_path)
    theirs = found.by_file.get(prefix + english_path)
    if not mine or not theirs:
        return None
    last = mine[0]  # newest commit touching the translation (log order: newest first)
    return [found.commits[i] for i in theirs if i < last]


# -- helpers for the rules -----------------------------------------------------------------


def english_for(context) -> Page | None:
    """The English page a translated page is compared with, or None (English page, no counterpart)."""
    if not context.is_translation:
        return None
    english = context.counterpart
    if english is None or english.path == context.page.path or not english.blocks:
        return None
    return english


def english_location(context, english: Page, start: int, end: int, message: str = "the English page"):
    """A related location in the English page, for a finding on the translated page."""
    shown = _cached(context.site, ("display", english.path), lambda: context.display(english.path))
    return context.location(english.source, shown, start, end, message)


_STARTS: dict[int, tuple[tuple, list[int]]] = {}


def unit_at(found: tuple[Unit, ...], offset: int) -> Unit | None:
    """The unit whose block holds ``offset``."""
    import bisect

    memo = _STARTS.get(id(found))
    if memo is None or memo[0] is not found:
        if len(_STARTS) > 16:
            _STARTS.clear()  # (a page needs two: its units and its English page's; older ones hold old pages)
        memo = _STARTS[id(found)] = (found, [u.start for u in found])
    starts = memo[1]
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and found[index].start <= offset <= found[index].end:
        return found[index]
    return None


def units_at(found: tuple[Unit, ...], offsets) -> list[Unit | None]:
    """``unit_at`` of each offset, in one walk over the units when the offsets ascend (tags, formulas)."""
    out: list[Unit | None] = []
    index, count, previous = -1, len(found), -1
    for offset in offsets:
        if offset < previous:
            out.append(unit_at(found, offset))
            continue
        previous = offset
        while index + 1 < count and found[index + 1].start <= offset:
            index += 1
        unit = found[index] if index >= 0 else None
        out.append(unit if unit is not None and offset <= unit.end else None)
    return out


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


def first_difference(mine: list, theirs: list) -> tuple[int, int, int, int] | None:
    """``(i1, i2, j1, j2)`` of the first differing stretch of two token lists, or None if equal."""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes():
        if tag != "equal":
            return i1, i2, j1, j2
    return None


# -- links and images -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkItem:
    """A link or image of a page with what it points at, for comparing pages.

    ``key``: ``site:<path>`` for a file of this site, ``ext:<url>`` for another
    site, ``anchor:<#id>``, else ``raw:<target>``. ``problem``: what the link
    rules (DLC4xx) already report about it (``""`` when nothing).
    """

    link: object  # dlc_lint.parse.inline.Link
    key: str
    problem: str
    unit: int | None


def link_items(site, page: Page) -> tuple[LinkItem, ...]:
    def compute():
        from dlc_lint.site import urls

        links = urls.page_links(page, site)
        items = []
        for item, unit in zip(links, units_at(units(site, page), [item.link.start for item in links])):
            resolution = item.resolution
            if resolution.ok:
                key = "site:" + resolution.path
            elif resolution.kind == "external":
                key = "ext:" + resolution.url
            elif resolution.kind == "anchor":
                key = "anchor:" + resolution.url
            else:
                key = "raw:" + item.link.target.strip()
            items.append(
                LinkItem(
                    item.link,
                    key,
                    item.problem or ("broken" if resolution.broken else ""),
                    None if unit is None else unit.index,
                )
            )
        return tuple(items)

    return cached_on_page(page, "links", compute)


def localize_key(site, key: str, lang: str) -> str | None:
    """The key of the same page in ``lang`` (``site:en/x.md`` -> ``site:ko/x.md``) when that page exists."""
    source = site.source_lang
    if not key.startswith(f"site:{source}/"):
        return None
    path = f"{lang}/" + key[len(f"site:{source}/") :]
    return "site:" + path if path in site.files else None


def comment_text(page: Page) -> str:
    """Everything inside the page's HTML comments, joined (for "is this only in a comment?")."""
    text = page.text
    return "\n".join(text[c.inner_start : c.inner_end] for c in page.comments)


def line_end(text: str, start: int, limit: int) -> int:
    """The end of the line holding ``start``, not past ``limit``."""
    end = text.find("\n", start, limit)
    return limit if end < 0 else end
