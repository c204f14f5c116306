"""The per-language outline in ``_config.yml`` (chapters -> sections -> path), with positions.

PyYAML keeps the last of two equal keys without a word, and one syntax error
makes it give up on the whole file. Both have broken the sidebar of every
language of the site, so this module composes the YAML node tree itself
(duplicate keys are seen there), and when the file does not parse it reports
where, then parses each top-level section on its own so that the other
languages' outlines can still be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_TOP_KEY = re.compile(r"^(?P<key>[^\s#:][^:\n]*?)[ \t]*:(?:[ \t]|$)", re.M)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
OUTLINE_KEYS = ("prologues", "chapters", "sections", "path", "title")


@dataclass(frozen=True)
class Span:
    """A position in ``_config.yml``: 0-based offsets into its normalised text."""

    start: int
    end: int


@dataclass(frozen=True)
class OutlineEntry:
    """One ``path:`` of an outline."""

    path: str
    span: Span  # of the path value
    kind: str  # "prologue" | "chapter" | "section"
    chapter: str | None = None  # the chapter's path, for sections


@dataclass(frozen=True)
class OutlineProblem:
    """Something wrong in the outline's structure or syntax."""

    kind: str  # "syntax" | "duplicate-key" | "malformed-entry" | "invisible-character"
    span: Span
    message: str
    section: str | None = None  # language key, or None for the top level


@dataclass(frozen=True)
class LanguageOutline:
    lang: str
    key_span: Span | None  # the ``ko:`` key, None for the default language's top-level outline
    entries: tuple[OutlineEntry, ...]
    span: Span  # the whole section

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(entry.path for entry in self.entries)


@dataclass(frozen=True)
class Outline:
    text: str
    languages: dict[str, LanguageOutline] = field(default_factory=dict)
    problems: tuple[OutlineProblem, ...] = ()
    settings: dict = field(default_factory=dict)  # top-level scalar settings (baseurl, default_lang ...)
    parsed: bool = True  # False when the YAML of the whole file did not parse

    def entry_for(self, path: str) -> OutlineEntry | None:
        for outline in self.languages.values():
            for entry in outline.entries:
                if entry.path == path:
                    return entry
        return None


def parse_outline(text: str, default_lang: str = "en") -> Outline:
    """Build the outline model from the normalised text of ``_config.yml``."""
    problems: list[OutlineProblem] = []
    line_starts = _line_starts(text)
    try:
        root = yaml.compose(text, Loader=_Loader)
        nodes = [(None, root)]
        parsed = True
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = _offset(line_starts, mark) if mark else 0
        problems.append(
            OutlineProblem(
                "syntax",
                Span(offset, _line_end(text, offset)),
                f"`_config.yml` is not valid YAML here ({exc.problem or exc.context}); "
                "Jekyll cannot build the sidebar of any language",
            )
        )
        nodes = _compose_sections(text, line_starts)
        parsed = False
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        problems.append(OutlineProblem("syntax", Span(0, 0), f"`_config.yml` is not valid YAML ({exc})"))
        nodes = []
        parsed = False

    languages: dict[str, LanguageOutline] = {}
    settings: dict = {}
    top_entries: list[OutlineEntry] = []
    top_span = None
    for _section, node in nodes:
        if node is None or not isinstance(node, yaml.MappingNode):
            continue
        _duplicates(node, line_starts, problems, section=None)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            if key in ("prologues", "chapters"):
                kind = "prologue" if key == "prologues" else "chapter"
                top_entries.extend(_entries(value_node, kind, line_starts, problems, default_lang))
                span = _node_span(key_node, value_node, line_starts)
                top_span = span if top_span is None else Span(min(top_span.start, span.start), max(top_span.end, span.end))
            elif isinstance(value_node, yaml.MappingNode) and LANGUAGE_KEY.match(key) and _has_outline(value_node):
                entries: list[OutlineEntry] = []
                for sub_key, sub_value in value_node.value:
                    if isinstance(sub_key, yaml.ScalarNode) and sub_key.value in ("prologues", "chapters"):
                        kind = "prologue" if sub_key.value == "prologues" else "chapter"
                        entries.extend(_entries(sub_value, kind, line_starts, problems, key))
                languages[key] = LanguageOutline(
                    key,
                    _span(key_node, line_starts),
                    tuple(entries),
                    _node_span(key_node, value_node, line_starts),
                )
            elif isinstance(value_node, yaml.ScalarNode):
                settings[key] = value_node.value
    if top_entries:
        languages.setdefault(
            default_lang, LanguageOutline(default_lang, None, tuple(top_entries), top_span or Span(0, 0))
        )
    for match in _INVISIBLE.finditer(text):
        problems.append(
            OutlineProblem(
                "invisible-character",
                Span(match.start(), match.end()),
                f"invisible character U+{ord(match.group()):04X} in `_config.yml`",
            )
        )
    problems.sort(key=lambda p: (p.span.start, p.kind))
    return Outline(text, languages, tuple(problems), settings, parsed)


def _has_outline(node: yaml.MappingNode) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value in ("chapters", "prologues", "title") for k, _ in node.value)


def _entries(node, kind, line_starts, problems, section) -> list[OutlineEntry]:
    entries: list[OutlineEntry] = []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(
            OutlineProblem(
                "malformed-entry",
                _span(node, line_starts),
                f"`{kind}s` should be a list of `- path: ...` items",
                section,
            )
        )
        return entries
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            problems.append(
                OutlineProblem(
                    "malformed-entry",
                    _span(item, line_starts),
                    f"outline item `{_text(item)}` is not a `- path: ...` mapping "
                    "(is the space after `-` missing, or is it indented wrongly?)",
                    section,
                )
            )
            continue
        path_node = None
        sections_node = None
        for key_node, value_node in item.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
            if key == "path":
                path_node = value_node
            elif key == "sections" and kind == "chapter":
                sections_node = value_node
            else:
                hint = _suggest_key(key)
                problems.append(
                    OutlineProblem(
                        "malformed-entry",
                        _span(key_node, line_starts),
                        f"unknown outline key `{key}`" + (f" (did you mean `{hint}`?)" if hint else ""),
                        section,
                    )
                )
        if path_node is None or not isinstance(path_node, yaml.ScalarNode):
            problems.append(
                OutlineProblem(
                    "malformed-entry",
                    _span(item, line_starts),
                    "outline item has no `path:`; the sidebar cannot link it",
                    section,
                )
            )
        else:
            entries.append(OutlineEntry(path_node.value, _span(path_node, line_starts), kind))
        if sections_node is not None:
            chapter = path_node.value if isinstance(path_node, yaml.ScalarNode) else None
            for entry in _entries(sections_node, "section", line_starts, problems, section):
                entries.append(OutlineEntry(entry.path, entry.span, "section", chapter))
    return entries


_KNOWN = ("path", "sections", "chapters", "prologues", "title")


def _suggest_key(key: str) -> str | None:
    import difflib

    cleaned = key.strip().lstrip("-").strip()
    if cleaned in _KNOWN:
        return cleaned
    match = difflib.get_close_matches(cleaned, _KNOWN, n=1, cutoff=0.6)
    return match[0] if match else None


def _duplicates(node, line_starts, problems, section) -> None:
    """Report every key written twice in one mapping, at any depth."""
    stack = [(node, section)]
    while stack:
        current, current_section = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = key_node.value
                    if key in seen:
                        first_line = seen[key].start_mark.line + 1
                        problems.append(
                            OutlineProblem(
                                "duplicate-key",
                                _span(key_node, line_starts),
                                f"key `{key}` is repeated (first at line {first_line}); YAML silently keeps "
                                "only the last one and drops the first with everything under it",
                                current_section,
                            )
                        )
                    else:
                        seen[key] = key_node
                    child_section = key if current_section is None and LANGUAGE_KEY.match(key) else current_section
                    stack.append((value_node, child_section))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, current_section) for item in current.value)


def _compose_sections(text: str, line_starts) -> list[tuple[str | None, yaml.Node | None]]:
    """Compose each top-level ``key:`` section on its own, skipping those that do not parse."""
    matches = list(_TOP_KEY.finditer(text))
    nodes = []
    for index, match in enumerate(matches):
        start = match.start()
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        chunk = text[start:end]
        padded = "\n" * text.count("\n", 0, start) + chunk  # keep line numbers true
        try:
            node = yaml.compose(padded, Loader=_Loader)
        except yaml.YAMLError:
            continue
        if node is not None:
            nodes.append((match.group("key"), node))
    return nodes


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _offset(line_starts, mark) -> int:
    line = min(mark.line, len(line_starts) - 1)
    return line_starts[line] + mark.column


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _span(node, line_starts) -> Span:
    start = _offset(line_starts, node.start_mark)
    end = _offset(line_starts, node.end_mark)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        end = start  # point at the start of a collection, not its whole body
    return Span(start, max(start, end))


def _node_span(key_node, value_node, line_starts) -> Span:
    return Span(_offset(line_starts, key_node.start_mark), _offset(line_starts, value_node.end_mark))


def _text(node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return node.value
    return node.tag.rsplit(":", 1)[-1]
