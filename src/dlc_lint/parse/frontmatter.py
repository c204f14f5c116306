"""Front matter: where it is, every key and value with its position, and YAML problems.

Jekyll sees front matter only when the file's very first bytes are ``---``;
a byte-order mark or a blank line before it makes the whole block render as
page text. We still read such a block (``hidden_by`` says why Jekyll would
not), so the other rules can judge the page by what its author meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import yaml

from dlc_lint.parse import bounded_yaml

try:  # the C loader is several times faster where libyaml is present
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the build of PyYAML
    _Loader = yaml.SafeLoader

_DELIMITER = re.compile(r"---[ \t]*$")
# A top-level key: no indentation, anything up to the first ':' that is followed
# by a space, a tab or the end of the line (YAML's own rule for plain keys).
_KEY_LINE = re.compile(r"(?P<key>[^\s#:\-][^:]*?|\"[^\"]*\"|'[^']*')[ \t]*:(?P<sep>[ \t]+|$)")
_COMMENTED_KEY = re.compile(r"#+[ \t]*[A-Za-z][\w-]*[ \t]*:[ \t]")
_KEY_NO_SPACE = re.compile(r"(?P<key>[A-Za-z][\w \-]*?):(?P<value>\S.*)$")


@dataclass(frozen=True)
class Entry:
    """One top-level ``key: value`` line (or a key whose value is a block below it)."""

    key: str
    key_start: int
    key_end: int
    value_start: int
    value_end: int
    raw_value: str
    line: int

    @property
    def value_text(self) -> str:
        """The value as written, without surrounding quotes."""
        value = self.raw_value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            return value[1:-1]
        return value


@dataclass(frozen=True)
class YamlProblem:
    offset: int
    message: str


@dataclass(frozen=True)
class OddLine:
    """A line inside the front matter that is not ``key: value`` (a heading, ``key:value``...)."""

    start: int
    end: int
    text: str
    # "no-space-after-colon" | "fullwidth-colon" | "not-a-key" | "commented-key" (``# title: x``,
    # a Markdown heading marker in front of a key: YAML reads it as a comment and drops the key)
    kind: str


@dataclass(frozen=True)
class FrontMatter:
    present: bool
    start: int = 0  # offset of the opening ``---``
    end: int = 0  # offset just after the closing ``---`` line (body starts here)
    inner_start: int = 0
    inner_end: int = 0
    closed: bool = True
    hidden_by: str | None = None  # "bom" | "blank-lines" | None
    entries: tuple[Entry, ...] = ()
    odd_lines: tuple[OddLine, ...] = ()
    data: dict | None = None
    problem: YamlProblem | None = None

    def entry(self, key: str) -> Entry | None:
        """The first entry named ``key``."""
        for entry in self.entries:
            if entry.key == key:
                return entry
        return None

    def get(self, key: str) -> str | None:
        """The value of ``key`` as a string, from YAML when it parsed, else as written."""
        if _UNLOADED in self.__dict__:
            # Site-wide facts (every page's ``lang-ref``) need no YAML when the answer cannot differ.
            value = _plain_value(self, key)
            if value is not _NEEDS_YAML:
                return value
        if self.data is not None and key in self.data:
            value = self.data[key]
            return None if value is None else str(value)
        entry = self.entry(key)
        return entry.value_text if entry is not None else None

    @cached_property
    def duplicates(self) -> tuple[tuple[Entry, Entry], ...]:
        """(first, repeated) pairs for keys written more than once."""
        seen: dict[str, Entry] = {}
        pairs = []
        for entry in self.entries:
            if entry.key in seen:
                pairs.append((seen[entry.key], entry))
            else:
                seen[entry.key] = entry
        return tuple(pairs)


class _LoadedOnUse:
    """``FrontMatter.data`` and ``.problem``: the YAML is loaded the first time either is read.

    A run reads the front matter of every page for site-wide facts but needs the YAML only
    of the pages it lints. Reading either attribute loads it exactly as an eager parse would;
    a value given to the constructor is kept as given.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, front, owner=None):
        if front is None:
            return None  # the dataclass default
        state = front.__dict__
        if self.name not in state:
            inner, inner_start = state.pop(_UNLOADED)
            state["data"], state["problem"] = _load(inner, inner_start)
        return state[self.name]

    def __set__(self, front, value) -> None:
        if value is not _PENDING:
            front.__dict__[self.name] = value


_PENDING: Any = object()  # data and problem of a front matter not loaded yet
_NEEDS_YAML = object()
_UNLOADED = "_yaml_source"  # instance key: (inner text, its offset) until the YAML is loaded
FrontMatter.data = _LoadedOnUse("data")  # type: ignore[assignment]  # a descriptor over the dataclass field
FrontMatter.problem = _LoadedOnUse("problem")  # type: ignore[assignment]

# A mapping whose every line is blank, a ``#`` comment or ``simple key: one-line value``:
# YAML then reads each value from its own line and nothing else.
_NOT_FLAT = re.compile(r"^(?![A-Za-z_][\w-]*(?: [\w-]+)*:(?:[ \t]|$)|#|[ \t]*$)", re.M)
_PLAIN_VALUE = re.compile(r"[^\W\d_][\w .,'()/+-]*")  # no YAML indicator, no ``: `` or `` #``
_QUOTED_VALUE = re.compile(r"'[^'\n]*'|\"[^\"\\\n]*\"")  # quoted, nothing to unescape
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def _plain_value(front: FrontMatter, key: str):
    """``front.get(key)`` without loading the YAML, or ``_NEEDS_YAML`` when only YAML can tell.

    In a flat mapping where ``key`` means the string ``key`` to YAML: None when no line has
    the key; the line's own text when one line has it and its value is a plain scalar that
    YAML reads as a string (not a number, date, boolean or null), or a quoted one without
    escapes. Whether the YAML is valid does not matter: ``get`` falls back to the text as
    written when it is not.
    """
    state = front.__dict__
    flat = state.get("_flat")
    if flat is None:
        flat = state["_flat"] = _NOT_FLAT.search(state[_UNLOADED][0]) is None
    if not flat or key in ("True", "False", "None") or not _resolves_to_str(key):
        return _NEEDS_YAML
    found = None
    for entry in front.entries:
        if entry.key == key:
            if found is not None:
                return _NEEDS_YAML
            found = entry
    if found is None:
        return None
    value = found.raw_value
    if _QUOTED_VALUE.fullmatch(value):
        return value[1:-1]
    if _PLAIN_VALUE.fullmatch(value) and _resolves_to_str(value):
        return value
    return _NEEDS_YAML


def _resolves_to_str(plain: str) -> bool:
    return _RESOLVER.resolve(yaml.ScalarNode, plain, (True, False)) == _STR_TAG


def parse_front_matter(text: str, has_bom: bool = False) -> FrontMatter:
    """Locate and parse the front matter of ``text`` (newlines already ``\\n``)."""
    start = 0
    hidden_by = "bom" if has_bom else None
    if not text.startswith("---"):
        stripped = text.lstrip(" \t\n")
        skipped = len(text) - len(stripped)
        if skipped and stripped.startswith("---") and "\n" in text[:skipped]:
            start = skipped
            hidden_by = hidden_by or "blank-lines"
        else:
            return FrontMatter(present=False, hidden_by=None)
    first_end = text.find("\n", start)
    first_line = text[start:] if first_end < 0 else text[start:first_end]
    if not _DELIMITER.fullmatch(first_line):
        return FrontMatter(present=False)
    inner_start = len(text) if first_end < 0 else first_end + 1
    closing = _find_closing(text, inner_start)
    if closing is None:
        inner_end = len(text)
        end = len(text)
        closed = False
    else:
        inner_end, end = closing
        closed = True
    inner = text[inner_start:inner_end]
    entries, odd = _scan_entries(text, inner_start, inner_end)
    data, problem = (_PENDING, _PENDING) if closed else (None, None)
    front = FrontMatter(
        present=True,
        start=start,
        end=end,
        inner_start=inner_start,
        inner_end=inner_end,
        closed=closed,
        hidden_by=hidden_by,
        entries=entries,
        odd_lines=odd,
        data=data,
        problem=problem,
    )
    if closed:
        front.__dict__[_UNLOADED] = (inner, inner_start)
    return front


def _find_closing(text: str, pos: int) -> tuple[int, int] | None:
    """Return (start of the closing delimiter line, offset after it)."""
    while pos <= len(text):
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if line.rstrip(" \t") in ("---", "..."):
            return pos, (len(text) if end < 0 else end + 1)
        if end < 0:
            return None
        pos = end + 1
    return None


def _scan_entries(text: str, start: int, end: int) -> tuple[tuple[Entry, ...], tuple[OddLine, ...]]:
    entries: list[Entry] = []
    odd: list[OddLine] = []
    pos = start
    line_no = 0
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        line_no += 1
        if line.startswith("#") and _COMMENTED_KEY.match(line):
            odd.append(OddLine(pos, line_end, line, "commented-key"))
        elif line.strip() and not line.lstrip().startswith("#") and line[0] not in " \t-":
            match = _KEY_LINE.match(line)
            if match and "：" not in match.group("key"):
                key = match.group("key").strip("\"'")
                value_start = pos + match.end()
                raw_value = line[match.end() :]
                stripped = raw_value.rstrip()
                entries.append(
                    Entry(
                        key=key,
                        key_start=pos + match.start("key"),
                        key_end=pos + match.end("key"),
                        value_start=value_start,
                        value_end=value_start + len(stripped),
                        raw_value=stripped,
                        line=line_no,
                    )
                )
            elif "：" in line:
                odd.append(OddLine(pos, line_end, line, "fullwidth-colon"))
            elif _KEY_NO_SPACE.match(line):
                odd.append(OddLine(pos, line_end, line, "no-space-after-colon"))
            else:
                odd.append(OddLine(pos, line_end, line, "not-a-key"))
        pos = line_end + 1
    return tuple(entries), tuple(odd)


def _load(inner: str, inner_start: int) -> tuple[dict | None, YamlProblem | None]:
    if not inner.strip():
        return {}, None
    try:
        data = bounded_yaml.load(inner, _Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = inner_start + _mark_offset(inner, mark)
        message = exc.problem or exc.context or "invalid YAML"
        return None, YamlProblem(offset, message)
    except yaml.YAMLError as exc:
        return None, YamlProblem(inner_start, str(exc).splitlines()[0])
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return None, YamlProblem(inner_start, "front matter is not a list of `key: value` lines")
    return {str(k): v for k, v in data.items()}, None


def _mark_offset(inner: str, mark) -> int:
    if mark is None:
        return 0
    lines = inner.split("\n")
    line = min(mark.line, len(lines) - 1)
    return sum(len(l) + 1 for l in lines[:line]) + min(mark.column, len(lines[line]))
