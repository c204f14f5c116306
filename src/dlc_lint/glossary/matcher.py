"""Find glossary terms in translated prose and in the English source.

:class:`TermMatcher` is compiled once per glossary (``glossary.matcher``). Its
input is a string in which everything that is not rendered prose has already
been masked by the caller (replaced by spaces, newlines kept), so offsets are
offsets into the caller's page. For Korean it:

* normalises to NFC internally (offsets still refer to the input) and steps over
  zero-width and control characters (``특징\\b지도``);
* matches only at a word start, or glued right after another glossary form
  (solid compounds such as 합성곱신경망);
* treats spacing as free between the syllables of a form (경사 하강법 =
  경사하강법 = 경사-하강법);
* tries all forms of all entries longest first, so 파라미터 never fires inside
  하이퍼파라미터 nor 인코더 inside 오토인코더;
* accepts a form only when what follows is nothing Hangul, another glossary form,
  or a closed-grammar tail (particles, copula, light-verb endings; see
  :mod:`dlc_lint.glossary.particles`): 합성곱을, 계층에서, 역전파하는, 레이어들의.

Other languages (site glossaries) use the same longest-first search with word
boundaries for alphabetic scripts and none for Chinese/Japanese.

:class:`EnglishMatcher` tells which entries' English terms occur in an English
paragraph, longest first (``hidden layer`` is not also a ``layer``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dlc_lint.glossary.entry import Entry, Form, Kind, form_key
from dlc_lint.glossary.particles import INVISIBLE, is_syllable, is_tail, replacement

_HANGUL_CLASS = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
_INVISIBLE_SET = frozenset(INVISIBLE)
_SPACES = frozenset(" \t\u00a0\u3000")
_JOINERS = frozenset("\n-\u2010")


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary form in a translated text.

    ``start``/``end`` delimit the term itself, ``tail_end`` the particle or
    ending glued to it (``레이어`` + ``를``), all as offsets into the caller's
    string. ``forms`` are the glossary forms written this way (usually one; more
    when entries share a form, e.g. 정규화), with ``entries`` alongside.
    """

    start: int
    end: int
    tail_end: int
    text: str
    tail: str
    forms: tuple[Form, ...]
    entries: tuple[Entry, ...]
    tail_ok: bool = True  # the tail belongs to the closed grammar (particle rewriting is safe)
    glued: bool = False  # written solid after the previous glossary form (합성곱|신경망)

    @property
    def form(self) -> Form:
        return self.forms[0]

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def kind(self) -> Kind:
        return self.forms[0].kind

    @property
    def entry_id(self) -> str:
        return self.forms[0].entry_id

    @property
    def entry_ids(self) -> tuple[str, ...]:
        return tuple(f.entry_id for f in self.forms)

    def form_for(self, entry_id: str) -> Form | None:
        for form in self.forms:
            if form.entry_id == entry_id:
                return form
        return None

    def kind_for(self, entry_id: str) -> Kind | None:
        form = self.form_for(entry_id)
        return None if form is None else form.kind

    def replaced_by(self, new_form: str) -> str | None:
        """The text for ``[start, tail_end)`` when the term becomes ``new_form``, its particle
        adjusted (레이어를 -> 계층을); None when that cannot be done safely."""
        if not self.tail_ok:
            return None
        return replacement(self.text + self.tail, new_form, term_length=len(self.text))


@dataclass(frozen=True)
class EnglishMatch:
    start: int
    end: int
    text: str
    entry: Entry


class _Node:
    __slots__ = ("children", "forms")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.forms: list[Form] = []


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x0E00 <= code <= 0x0E7F  # Thai, written without spaces
    )


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


class TermMatcher:
    """All forms of one glossary, compiled once; :meth:`find` scans a masked text."""

    def __init__(self, language: str, entries: Sequence[Entry]):
        self.korean = language == "ko"
        self._entries = {e.id: e for e in entries}
        self._root = _Node()
        for entry in entries:
            for form in entry.forms:
                key = self._key(form.text)
                node = self._root
                for char in key:
                    node = node.children.setdefault(char, _Node())
                node.forms.append(form)
        self._regex = self._compile_filter()

    # --- building ---------------------------------------------------------
    def _key(self, text: str) -> str:
        if self.korean:
            return form_key(text)
        text = unicodedata.normalize("NFC", text)
        return " ".join(text.split()).lower()

    def _compile_filter(self) -> re.Pattern[str]:
        """A regex finding every position where some key may start (a superset; Python decides).

        Each alternative begins with a literal character so that the regex engine
        can skip ahead with a character-set scan; the Korean word-start condition
        is a lookbehind placed after that first character.
        """
        firsts = sorted(self._root.children)
        if not firsts:
            return re.compile(r"(?!x)x")
        # One character class (cheap to compile, and the engine scans for it); the
        # Korean word-start condition is a two-character lookbehind after it.
        start = "[" + "".join(re.escape(c) for c in firsts) + "]"
        if self.korean:
            start += f"(?<![{_HANGUL_CLASS}].)"
        return re.compile(start, 0 if self.korean else re.IGNORECASE)

    # --- scanning ---------------------------------------------------------
    def find(self, text: str) -> list[Match]:
        """Every glossary form in ``text`` (masked prose), in text order."""
        if not text:
            return []
        if unicodedata.is_normalized("NFC", text):
            return self._find(text)
        normal, offsets = _nfc_with_offsets(text)
        found = []
        for m in self._find(normal):
            start, end, tail_end = offsets[m.start], offsets[m.end], offsets[m.tail_end]
            found.append(
                Match(start, end, tail_end, text[start:end], text[end:tail_end], m.forms, m.entries, m.tail_ok, m.glued)
            )
        return found

    def _find(self, text: str) -> list[Match]:
        out: list[Match] = []
        search = self._regex.search
        pos = 0
        length = len(text)
        while pos < length:
            hit = search(text, pos)
            if hit is None:
                break
            start = hit.start()
            if not self.korean and not self._boundary_before(text, start):
                pos = start + 1
                continue
            chain = self._match_at(text, start, glued=False, previous_key=None)
            if chain:
                out.extend(chain)
                pos = max(chain[-1].end, chain[-1].tail_end, start + 1)
            else:
                pos = start + 1
        return out

    def _walk(self, text: str, pos: int) -> list[tuple[int, _Node]]:
        """Where keys starting at ``pos`` end (at a node holding forms), longest first."""
        node = self._root
        i = pos
        length = len(text)
        terminals: list[tuple[int, _Node]] = []
        previous = ""
        korean = self.korean
        while i < length:
            char = text[i]
            if node is not self._root and char in _INVISIBLE_SET:
                i += 1
                continue
            if not korean:
                if char.isspace():
                    if node is self._root or " " not in node.children:
                        break
                    while i < length and text[i].isspace():
                        i += 1
                    node = node.children[" "]
                    continue
                char = char.lower()
            child = node.children.get(char)
            if child is None and korean and node is not self._root:
                j = self._skip_spacing(text, i, previous)
                if j != i:
                    child = node.children.get(text[j])
                    if child is not None:
                        i, char = j, text[j]
            if child is None:
                break
            node = child
            previous = char
            i += 1
            if node.forms:
                terminals.append((i, node))
        terminals.reverse()
        return terminals

    @staticmethod
    def _skip_spacing(text: str, i: int, previous: str) -> int:
        """Korean: spacing between two syllables of a form is free (one line break or hyphen allowed)."""
        length = len(text)
        if _ascii_alnum(previous):
            return i
        k = i
        while k < length and (text[k] in _SPACES or text[k] in _INVISIBLE_SET):
            k += 1
        if k < length and text[k] in _JOINERS:
            k += 1
            while k < length and (text[k] in _SPACES or text[k] in _INVISIBLE_SET):
                k += 1
        if k >= length or _ascii_alnum(text[k]):
            return i
        return k

    def _boundary_before(self, text: str, start: int) -> bool:
        if start == 0:
            return True
        prev, first = text[start - 1], text[start]
        if _is_cjk(first) or _is_cjk(prev):
            return True
        return not prev.isalnum()

    def _boundary_after(self, text: str, end: int) -> bool:
        if end >= len(text):
            return True
        nxt, last = text[end], text[end - 1]
        if _is_cjk(last) or _is_cjk(nxt):
            return True
        return not nxt.isalnum()

    def _tail_run(self, text: str, end: int) -> tuple[str, int]:
        """The Hangul glued after ``end`` (invisible characters skipped) and where it stops."""
        length = len(text)
        i = end
        run = []
        stop = end
        while i < length:
            char = text[i]
            if is_syllable(char):
                run.append(char)
                i += 1
                stop = i
            elif char in _INVISIBLE_SET:
                i += 1
            else:
                break
        return "".join(run), stop

    def _match_at(self, text: str, pos: int, *, glued: bool, previous_key: str | None) -> list[Match]:
        """The longest acceptable form at ``pos``, plus the forms glued after it."""
        for end, node in self._walk(text, pos):
            fitting = [f for f in node.forms if self._fits(f, text[pos:end])]
            if not fitting:
                continue
            key = self._key(fitting[0].text)
            if glued and key == previous_key:
                continue  # reduplication (층층이) is a different word
            if not self.korean:
                if self._boundary_after(text, end):
                    return [self._make(text, pos, end, end, fitting, True, glued)]
                continue
            run, run_end = self._tail_run(text, end)
            if not run:
                return [self._make(text, pos, end, end, fitting, True, glued)]
            with_tail = [
                f for f in fitting if f.match in ("prefix", "noun") and is_tail(run, verbs=f.match == "prefix")
            ]
            exact = [f for f in fitting if f.match == "exact"]
            if with_tail or (exact and is_tail(run)):
                forms = with_tail + [f for f in exact if f not in with_tail]
                return [self._make(text, pos, end, run_end, forms, True, glued)]
            compound_forms = [f for f in fitting if f.match != "word"]
            if compound_forms:
                rest = self._match_at(text, end, glued=True, previous_key=key)
                if rest:
                    return [self._make(text, pos, end, end, compound_forms, True, glued)] + rest
            if exact:
                # a stem wrong in whatever word it begins; no tail that could be rewritten
                return [self._make(text, pos, end, end, exact, False, glued)]
        return []

    def _fits(self, form: Form, surface: str) -> bool:
        if form.match != "exact":
            return True
        cleaned = "".join(c for c in surface if c not in _INVISIBLE_SET)
        return cleaned == form.text if self.korean else cleaned.lower() == form.text.lower()

    def _make(self, text, start, end, tail_end, forms, tail_ok, glued) -> Match:
        entries = tuple(self._entries[f.entry_id] for f in forms)
        return Match(start, end, tail_end, text[start:end], text[end:tail_end], tuple(forms), entries, tail_ok, glued)


class EnglishMatcher:
    """Which entries' English terms occur in an English paragraph."""

    def __init__(self, entries: Sequence[Entry] | Iterable[Entry]):
        self.entries = tuple(entries)
        ordered = sorted(self.entries, key=lambda e: (-len(e.en), e.id))
        self._ids = {f"e{i}": entry for i, entry in enumerate(ordered)}
        body = "|".join(f"(?P<e{i}>{entry.en_pattern})" for i, entry in enumerate(ordered))
        self._regex = re.compile(body, re.IGNORECASE) if body else re.compile(r"(?!x)x")

    def find(self, text: str) -> list[EnglishMatch]:
        """Non-overlapping occurrences, the longer term winning (``hidden layer`` over ``layer``)."""
        out = []
        for hit in self._regex.finditer(text):
            if hit.start() == hit.end():
                continue
            out.append(EnglishMatch(hit.start(), hit.end(), hit.group(), self._ids[hit.lastgroup or ""]))
        return out

    def entry_ids(self, text: str, *, overlapping: bool = False) -> set[str]:
        """Ids of the entries whose term occurs; ``overlapping=True`` also counts ``layer`` inside ``hidden layer``."""
        if overlapping:
            return {e.id for e in self.entries if e.en_regex.search(text)}
        return {m.entry.id for m in self.find(text)}


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC of ``text`` and, for every index of it (plus the end), the offset in ``text``."""
    pieces: list[str] = []
    offsets: list[int] = []
    start = 0
    length = len(text)
    for i in range(1, length + 1):
        if i < length:
            char = text[i]
            code = ord(char)
            joins = unicodedata.combining(char) != 0 or 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF
            if joins:
                continue
        segment = unicodedata.normalize("NFC", text[start:i])
        pieces.append(segment)
        offsets.extend([start] * len(segment))
        start = i
    offsets.append(length)
    return "".join(pieces), offsets
