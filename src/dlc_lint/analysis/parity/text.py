"""Text helpers of the parity rules: whitespace, content words, quoting for messages."""

from __future__ import annotations

import difflib
import functools
import re

_WS = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\S+")


_TERM = re.compile(r"[^\W\d_]{2,}")


def vocabulary(text: str) -> frozenset[str]:
    """The words of ``text`` (two letters or more), lower-cased."""
    return frozenset(w.lower() for w in _TERM.findall(text))


def mostly_unknown(text: str, known: frozenset[str]) -> bool:
    """Most words of ``text`` are not in ``known`` (an English page's :func:`vocabulary`): a translation,
    not that page's English, which keeps its words even with a typo or an edit of the page since."""
    words = _TERM.findall(text)
    return bool(words) and 2 * sum(w.lower() not in known for w in words) > len(words)


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
ALNUM = re.compile(r"\w")
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
    return words_of_text(text)


def words_of_text(text: str) -> list[tuple[str, str]]:
    """:func:`words_of`, not remembered (for long texts read once, such as a page's comments)."""
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
        if norm and (norm.isalnum() or ALNUM.search(norm)) and not _TEXT_COMMAND.fullmatch(norm):
            found.append((norm, raw))
    return found


# `\text{` opening prose inside a formula: markup like `$` (``$\eta \text{ is a constant}$`` and
# ``$\eta$ is a constant`` show the same words)
_TEXT_COMMAND = re.compile(r"\\(?:text|textrm|textnormal|mbox)\{?")


_MARKUP_CHARS = {ord(c): "\0" for c in "*_`$\u200b\u200c\u200d\u2060\ufeff"}


def similarity(a, b) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
