"""The per-language outline in ``_config.yml`` (chapters -> sections -> path), with positions.

PyYAML keeps the last of two equal keys without a word, and one syntax error
makes it give up on the whole file. Both have broken the sidebar of every
language of the site, so this module composes the YAML node tree itself
(duplicate keys are seen there), and when the file does not parse it reports
where, then parses each top-level section on its own so that the other
languages' outlines can still be checked.

It also knows how to insert an entry into an outline without disturbing the
rest of the file (:func:`plan_insertion`): the new line copies the
indentation of its neighbours and goes right after the entry it follows in
the source language's order, before any comment that separates sections.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import yaml

from dlc_lint.site.model import LANGUAGE_KEY

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_TOP_KEY = re.compile(r"^(?P<key>[^\s#:\-][^:\n]*?)[ \t]*:(?:[ \t]|$)", re.M)
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
OUTLINE_KEYS = ("prologues", "chapters", "sections", "path", "title")
# Keys whose repetition drops part of an outline: the sidebar loses pages.
STRUCTURE_KEYS = frozenset(("prologues", "chapters", "sections", "path"))


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
    item: int = -1  # offset of the item's first key (just after its ``- ``)
    sections_key: Span | None = None  # a chapter's ``sections:`` key


@dataclass(frozen=True)
class OutlineProblem:
    """Something wrong in the outline's structure or syntax."""

    kind: str  # "syntax" | "duplicate-key" | "malformed-entry" | "invisible-character"
    span: Span
    message: str
    section: str | None = None  # language key, or None for the top-level settings
    key: str | None = None  # for duplicate keys: the repeated key
    depth: int = 0  # for duplicate keys: 0 = top level, 1 = inside a language section, ...
    fix: tuple[int, int, str] | None = None  # a safe text edit that repairs it (start, end, new text)


@dataclass(frozen=True)
class LanguageOutline:
    lang: str
    key_span: Span | None  # the ``ko:`` key, None for the default language's top-level outline
    entries: tuple[OutlineEntry, ...]
    span: Span  # the whole section
    keys: dict = field(default_factory=dict)  # sub-key ("title", "chapters", "prologues") -> Span of the key

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(entry.path for entry in self.entries)

    def chapters(self) -> list[OutlineEntry]:
        return [e for e in self.entries if e.kind == "chapter"]


@dataclass(frozen=True)
class Outline:
    text: str
    languages: dict[str, LanguageOutline] = field(default_factory=dict)
    problems: tuple[OutlineProblem, ...] = ()
    settings: dict = field(default_factory=dict)  # top-level scalar settings (baseurl, default_lang ...)
    parsed: bool = True  # False when the YAML of the whole file did not parse
    # Language sections that could not be read at all (a syntax error inside them).
    broken: frozenset[str] = frozenset()
    # (key, start, end) of every top-level key's block, in file order.
    blocks: tuple[tuple[str, int, int], ...] = ()
    default_lang: str = "en"

    def entry_for(self, path: str) -> OutlineEntry | None:
        for outline in self.languages.values():
            for entry in outline.entries:
                if entry.path == path:
                    return entry
        return None

    def section_at(self, offset: int) -> str | None:
        """The language whose section holds ``offset``; None for top-level settings."""
        owner = None
        for key, start, end in self.blocks:
            if start <= offset < end or (offset == end == len(self.text)):
                owner = key
        if owner is None:
            return None
        if owner in ("chapters", "prologues"):
            return self.default_lang
        return INVISIBLE.sub("", owner) if _is_language_block(owner, self.text, self.blocks) else None

    @cached_property
    def _code(self) -> str:
        """The text without comments and invisible characters."""
        lines = []
        for line in INVISIBLE.sub("", self.text).splitlines():
            code = line.split(" #", 1)[0]
            lines.append("" if code.lstrip().startswith("#") else code)
        return "\n".join(lines)

    def mentions(self, path: str) -> bool:
        """Whether ``path`` is written anywhere outside comments (even in a malformed entry)."""
        pattern = re.compile(r"(?<![\w/.\-])" + re.escape(path) + r"(?![\w/.\-])")
        return pattern.search(self._code) is not None


def parse_outline(text: str, default_lang: str = "en") -> Outline:
    """Build the outline model from the normalised text of ``_config.yml``."""
    problems: list[OutlineProblem] = []
    line_starts = _line_starts(text)
    blocks = _top_blocks(text)
    broken: set[str] = set()

    def section_of(offset: int) -> str | None:
        return Outline(text, blocks=blocks, default_lang=default_lang).section_at(offset)

    try:
        root = yaml.compose(text, Loader=_Loader)
        nodes = [root]
        parsed = True
    except yaml.MarkedYAMLError as exc:
        parsed = False
        offset = _error_offset(text, line_starts, exc)
        problems.append(_syntax_problem(text, line_starts, offset, exc, section_of(offset)))
        nodes = []
        for key, start, end in blocks:
            padded = "\n" * text.count("\n", 0, start) + text[start:end]  # keep line numbers true
            try:
                node = yaml.compose(padded, Loader=_Loader)
            except yaml.MarkedYAMLError as chunk_exc:
                chunk_offset = _error_offset(text, line_starts, chunk_exc)
                if key in ("chapters", "prologues"):
                    broken.add(default_lang)
                elif _is_language_block(key, text, blocks):
                    broken.add(INVISIBLE.sub("", key))
                if all(
                    _line_of(line_starts, p.span.start) != _line_of(line_starts, chunk_offset)
                    for p in problems
                    if p.kind == "syntax"
                ):
                    problems.append(
                        _syntax_problem(text, line_starts, chunk_offset, chunk_exc, section_of(chunk_offset))
                    )
                continue
            except yaml.YAMLError:  # pragma: no cover - non-marked errors are rare
                continue
            if node is not None:
                nodes.append(node)
        _chunk_duplicates(blocks, text, line_starts, problems, default_lang)
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        problems.append(OutlineProblem("syntax", Span(0, 0), f"`_config.yml` is not valid YAML ({exc})"))
        nodes = []
        parsed = False

    languages: dict[str, LanguageOutline] = {}
    settings: dict = {}
    top_entries: list[OutlineEntry] = []
    top_keys: dict = {}
    top_span = None
    for node in nodes:
        if node is None or not isinstance(node, yaml.MappingNode):
            continue
        _duplicates(node, text, line_starts, problems, default_lang)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            if key in ("prologues", "chapters"):
                kind = "prologue" if key == "prologues" else "chapter"
                top_entries.extend(_entries(value_node, kind, line_starts, problems, default_lang))
                top_keys[key] = _span(key_node, line_starts)
                span = _node_span(key_node, value_node, line_starts)
                top_span = (
                    span if top_span is None else Span(min(top_span.start, span.start), max(top_span.end, span.end))
                )
            elif _is_language(key, value_node):
                key = INVISIBLE.sub("", key)  # an invisible character in the key is reported on its own
                entries: list[OutlineEntry] = []
                keys = {}
                for sub_key, sub_value in value_node.value:
                    if not isinstance(sub_key, yaml.ScalarNode):
                        continue
                    keys[sub_key.value] = _span(sub_key, line_starts)
                    if sub_key.value in ("prologues", "chapters"):
                        kind = "prologue" if sub_key.value == "prologues" else "chapter"
                        entries.extend(_entries(sub_value, kind, line_starts, problems, key))
                    elif sub_key.value != "title":
                        _unknown_section_key(sub_key, line_starts, problems, key)
                languages[key] = LanguageOutline(
                    key,
                    _span(key_node, line_starts),
                    tuple(entries),
                    _node_span(key_node, value_node, line_starts),
                    keys,
                )
            elif isinstance(value_node, yaml.ScalarNode):
                settings[key] = value_node.value
    if top_entries or top_keys:
        languages.setdefault(
            default_lang,
            LanguageOutline(default_lang, None, tuple(top_entries), top_span or Span(0, 0), top_keys),
        )
    _invisible(text, line_starts, problems, section_of)
    problems.sort(key=lambda p: (p.span.start, p.kind))
    return Outline(text, languages, tuple(problems), settings, parsed, frozenset(broken), blocks, default_lang)


# -- reading -----------------------------------------------------------------


def _is_language(key: str, node) -> bool:
    return (
        bool(LANGUAGE_KEY.match(INVISIBLE.sub("", key))) and isinstance(node, yaml.MappingNode) and _has_outline(node)
    )


def _has_outline(node: yaml.MappingNode) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value in ("chapters", "prologues", "title") for k, _ in node.value)


def _is_language_block(key: str, text: str, blocks) -> bool:
    """A top-level block that looks like a language section, judged from its text (it may not parse)."""
    if not LANGUAGE_KEY.match(INVISIBLE.sub("", key)):
        return False
    for block_key, start, end in blocks:
        if block_key == key:
            body = text[start:end]
            if re.search(r"^[ \t]+(?:title|chapters|prologues)[ \t]*:", body, re.M):
                return True
    return False


def _top_blocks(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every top-level ``key:`` line and the text up to the next one."""
    matches = list(_TOP_KEY.finditer(text))
    blocks = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        blocks.append((match.group("key"), match.start(), end))
    return tuple(blocks)


def _unknown_section_key(key_node, line_starts, problems, section) -> None:
    key = key_node.value
    hint = _suggest_key(key, ("title", "chapters", "prologues"))
    if INVISIBLE.search(key):
        return  # reported as an invisible character
    problems.append(
        OutlineProblem(
            "malformed-entry",
            _span(key_node, line_starts),
            f"unknown key `{key}` in the `{section}:` outline"
            + (f" (did you mean `{hint}`?)" if hint else "")
            + "; the sidebar ignores it",
            section,
            fix=_rename_fix(key_node, line_starts, hint),
        )
    )


def _entries(node, kind, line_starts, problems, section) -> list[OutlineEntry]:
    entries: list[OutlineEntry] = []
    if not isinstance(node, yaml.SequenceNode):
        if isinstance(node, yaml.ScalarNode) and node.value == "" and node.tag.endswith(":null"):
            message = f"`{kind}s:` is empty; remove it or list `- path: ...` items under it"
        elif isinstance(node, yaml.MappingNode) and any(
            isinstance(k, yaml.ScalarNode) and k.value.startswith("-") for k, _ in node.value
        ):
            message = (
                f"`{kind}s` should be a list of `- path: ...` items, but its items are written "
                "`-path:` (a space is missing after `-`)"
            )
        else:
            message = f"`{kind}s` should be a list of `- path: ...` items"
        problems.append(
            OutlineProblem(
                "malformed-entry", _span(node, line_starts), message, section, fix=_dash_fix(node, line_starts)
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
        sections_key = None
        unknown: list[OutlineProblem] = []
        path_hinted = False
        for key_node, value_node in item.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
            if key == "path":
                path_node = value_node
            elif key == "sections" and kind == "chapter":
                sections_node = value_node
                sections_key = _span(key_node, line_starts)
            elif INVISIBLE.search(key) and INVISIBLE.sub("", key) in ("path", "sections"):
                path_hinted = True  # reported as an invisible character
            else:
                hint = _suggest_key(key, ("path", "sections") if kind == "chapter" else ("path",))
                path_hinted = path_hinted or hint == "path"
                if key == "sections":
                    message = f"a {kind} cannot have `sections:`; only chapters have sections"
                    fix = None
                else:
                    message = (
                        f"unknown outline key `{key}`"
                        + (f" (did you mean `{hint}`?)" if hint else "")
                        + "; the sidebar ignores it"
                    )
                    fix = _rename_fix(key_node, line_starts, hint)
                unknown.append(
                    OutlineProblem("malformed-entry", _span(key_node, line_starts), message, section, fix=fix)
                )
        if path_node is None or not isinstance(path_node, yaml.ScalarNode):
            if path_hinted:
                problems.extend(unknown)  # the misspelled ``path`` says it all
            else:
                keys = ", ".join(f"`{k.value}:`" for k, _ in item.value if isinstance(k, yaml.ScalarNode))
                problems.append(
                    OutlineProblem(
                        "malformed-entry",
                        _span(item, line_starts),
                        "outline item has no `path:`"
                        + (f" (only {keys})" if keys else "")
                        + "; the sidebar cannot link it",
                        section,
                    )
                )
            unknown = []
        problems.extend(unknown)
        if isinstance(path_node, yaml.ScalarNode) and not path_node.value.strip():
            problems.append(
                OutlineProblem(
                    "malformed-entry",
                    _span(item, line_starts),
                    "`path:` has no value; the sidebar cannot link it",
                    section,
                )
            )
        elif isinstance(path_node, yaml.ScalarNode):
            entries.append(
                OutlineEntry(
                    path_node.value,
                    _span(path_node, line_starts),
                    kind,
                    item=_offset(line_starts, item.start_mark),
                    sections_key=sections_key,
                )
            )
        if sections_node is not None:
            chapter = path_node.value if isinstance(path_node, yaml.ScalarNode) else None
            for entry in _entries(sections_node, "section", line_starts, problems, section):
                entries.append(OutlineEntry(entry.path, entry.span, "section", chapter, entry.item))
    return entries


_KNOWN = ("path", "sections", "chapters", "prologues", "title")


def _suggest_key(key: str, known=_KNOWN) -> str | None:
    cleaned = INVISIBLE.sub("", key).strip().lstrip("-").strip().lower()
    if cleaned in known:
        return cleaned
    match = difflib.get_close_matches(cleaned, known, n=1, cutoff=0.6)
    return match[0] if match else None


def _rename_fix(key_node, line_starts, hint):
    if hint is None or not isinstance(key_node, yaml.ScalarNode) or key_node.style:
        return None
    span = _span(key_node, line_starts)
    if key_node.value.startswith("-"):
        return None  # ``-path:`` is a list item without its space: see _dash_fix
    return (span.start, span.end, hint)


def _dash_fix(node, line_starts):
    """``-path: x`` items (no space after the dash) inside a mapping: add the space to each."""
    if not isinstance(node, yaml.MappingNode):
        return None
    keys = [k for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    if len(keys) != 1 or not keys[0].value.startswith("-") or keys[0].value.lstrip("-") not in ("path",):
        return None
    start = _offset(line_starts, keys[0].start_mark)
    return (start + 1, start + 1, " ")


def _duplicates(node, text, line_starts, problems, default_lang) -> None:
    """Report every key written twice in one mapping, at any depth."""
    stack = [(node, None, 0)]
    while stack:
        current, current_section, depth = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key_node, value_node in current.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = key_node.value
                if depth == 0:
                    if key in ("chapters", "prologues"):
                        child_section = default_lang
                    elif _is_language(key, value_node):
                        child_section = INVISIBLE.sub("", key)
                    else:
                        child_section = None
                else:
                    child_section = current_section
                if key in seen:
                    problems.append(
                        OutlineProblem(
                            "duplicate-key",
                            _span(key_node, line_starts),
                            _duplicate_message(
                                text,
                                line_starts,
                                key,
                                seen[key].start_mark.line,
                                key_node.start_mark.line,
                                child_section,
                                depth,
                                default_lang,
                            ),
                            child_section,
                            key=key,
                            depth=depth,
                        )
                    )
                else:
                    seen[key] = key_node
                stack.append((value_node, child_section, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, current_section, depth) for item in current.value)


def _duplicate_message(text, line_starts, key, first_line, line, section, depth, default_lang) -> str:
    """What a repeated key costs; ``first_line``/``line`` are 0-based."""
    start = f"key `{key}` is repeated (first at line {first_line + 1}); "
    if depth == 0 and section is not None and key not in ("chapters", "prologues"):
        return start + (
            f"YAML keeps only the last `{key}:` section, so every page listed in the first one "
            "vanishes from the sidebar; merge the two sections"
        )
    if key == "path":
        return start + (
            "YAML keeps only the last one, so the first page is dropped from the sidebar; is the `- ` "
            "that starts a new item missing?"
        )
    if key in STRUCTURE_KEYS or section is not None:
        return start + "YAML keeps only the last one, so everything under the first is dropped from the sidebar"
    message = start + "YAML silently keeps only the last value"
    parent = _empty_parent_above(text, line_starts, line) if depth == 0 else None
    if parent:
        message += (
            f"; `{parent}:` above it has no indented value: were the keys below it meant to be indented under it?"
        )
    return message


def _empty_parent_above(text, line_starts, line: int) -> str | None:
    """The top-level ``key:`` with no value right above ``line`` (skipping sibling keys), if any."""
    for number in range(line - 1, max(-1, line - 4), -1):
        content = _line_text(text, line_starts, number)
        if not content.strip() or content.lstrip().startswith("#"):
            return None
        match = re.match(r"([^\s#:][^:]*):[ \t]*(#.*)?$", content)
        if match:
            return match.group(1)
    return None


def _chunk_duplicates(blocks, text, line_starts, problems, default_lang) -> None:
    """Duplicate top-level keys when the file is parsed section by section."""
    seen: dict[str, int] = {}
    for key, start, _end in blocks:
        if key in seen:
            if key in ("chapters", "prologues"):
                section = default_lang
            elif _is_language_block(key, text, blocks):
                section = INVISIBLE.sub("", key)
            else:
                section = None
            message = _duplicate_message(
                text,
                line_starts,
                key,
                _line_of(line_starts, seen[key]),
                _line_of(line_starts, start),
                section,
                0,
                default_lang,
            )
            problems.append(
                OutlineProblem("duplicate-key", Span(start, start + len(key)), message, section, key=key, depth=0)
            )
        else:
            seen[key] = start


def _invisible(text, line_starts, problems, section_of) -> None:
    for match in INVISIBLE.finditer(text):
        line = _line_of(line_starts, match.start())
        line_text = text[line_starts[line] : match.start()]
        if "#" in line_text and (line_text.lstrip().startswith("#") or " #" in line_text):
            continue  # inside a comment: harmless
        problems.append(
            OutlineProblem(
                "invisible-character",
                Span(match.start(), match.end()),
                f"invisible character U+{ord(match.group()):04X} in `_config.yml`",
                section_of(match.start()),
                fix=(match.start(), match.end(), ""),
            )
        )


# -- syntax errors -----------------------------------------------------------


def _error_offset(text, line_starts, exc) -> int:
    mark = exc.problem_mark or exc.context_mark
    return _offset(line_starts, mark) if mark else 0


def _syntax_problem(text, line_starts, offset, exc, section) -> OutlineProblem:
    line = _line_of(line_starts, offset)
    hint, start, end, fix = _diagnose(text, line_starts, line, offset, exc)
    return OutlineProblem(
        "syntax",
        Span(start, end),
        f"`_config.yml` is not valid YAML here: {hint}. Jekyll cannot read the file, so the site is not "
        "built and no language gets its sidebar",
        section,
        fix=fix,
    )


def _diagnose(text, line_starts, line, offset, exc):
    """A translator-readable reason for a YAML error, the span to underline and a safe fix if any."""
    start = line_starts[line]
    line_text = _line_text(text, line_starts, line)
    line_end = start + len(line_text)
    stripped = line_text.lstrip(" ")
    indent = len(line_text) - len(stripped)
    yaml_says = f"YAML says: {exc.problem or exc.context}"
    invisible = INVISIBLE.search(line_text)
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip(" \t"))]:
        tab = start + line_text.index("\t")
        return "a tab is used for indentation; YAML needs spaces", tab, tab + 1, None
    for number in (line, _previous_content_line(text, line_starts, line)):
        if number is None:
            continue
        content = _line_text(text, line_starts, number)
        leading = INVISIBLE.search(content)
        if leading and not content[: leading.start()].strip():
            at = line_starts[number] + leading.start()
            return (
                f"an invisible character U+{ord(leading.group()):04X} starts the line",
                at,
                at + 1,
                (at, at + 1, ""),
            )
    if re.match(r"-[^\s\-]", stripped):
        at = start + indent
        return (f"`{stripped.split(':', 1)[0]}:` needs a space after `-`", at, at + 1, (at + 1, at + 1, " "))
    previous = _previous_content_line(text, line_starts, line)
    if stripped.startswith("- ") and previous is not None:
        prev_text = _line_text(text, line_starts, previous)
        prev_stripped = prev_text.lstrip(" ")
        prev_indent = len(prev_text) - len(prev_stripped)
        if prev_stripped.startswith("- ") and indent != prev_indent:
            sibling = _previous_item_indent(text, line_starts, line, indent)
            if indent >= prev_indent + 2 and prev_stripped.startswith("- path:") and sibling is None:
                return (
                    "this item is indented under `" + prev_stripped.strip() + "`, which has no `sections:` key",
                    start + indent,
                    line_end,
                    None,
                )
            return (
                f"this item is indented {indent} spaces but the item above it {prev_indent}",
                start + indent,
                line_end,
                None,
            )
        if not prev_stripped.startswith("- ") and not prev_stripped.rstrip().endswith(":") and indent > prev_indent:
            return (
                f"this line is indented more than the line above it ({indent} spaces, not {prev_indent})",
                start + indent,
                line_end,
                None,
            )
    key = re.match(r"([^\s#:\-][^:]*):(?:\s|$)", stripped)
    if key and key.group(1) != "path" and previous is not None:
        levels = {0}
        for number in range(line):
            content = _line_text(text, line_starts, number)
            body = content.lstrip(" ")
            if body and not body.startswith("#"):
                levels.add(len(content) - len(body) + (2 if body.startswith("- ") else 0))
        if indent not in levels:
            return (
                f"`{key.group(1)}:` is indented {indent} space{'s' if indent != 1 else ''}, which lines up with "
                "nothing above it",
                start + indent,
                line_end,
                None,
            )
    if re.match(r"path:", stripped) and previous is not None:
        prev_text = _line_text(text, line_starts, previous)
        prev_indent = len(prev_text) - len(prev_text.lstrip(" "))
        if prev_text.lstrip(" ").startswith("- path:") and indent != prev_indent + 2:
            return (
                f"`path:` is indented {indent} spaces; an item's keys line up {prev_indent + 2} spaces in",
                start + indent,
                line_end,
                None,
            )
    if invisible:
        at = start + invisible.start()
        return (f"the line holds an invisible character U+{ord(invisible.group()):04X} ({yaml_says})", at, at + 1, None)
    at = max(start, min(offset, line_end))
    return yaml_says, at, max(at + 1, line_end) if at < line_end else at, None


def _previous_content_line(text, line_starts, line) -> int | None:
    for number in range(line - 1, -1, -1):
        content = _line_text(text, line_starts, number).strip()
        if content and not content.startswith("#"):
            return number
    return None


def _previous_item_indent(text, line_starts, line, indent) -> int | None:
    """The line number of an earlier ``- `` item at exactly ``indent`` in the same block, if any."""
    for number in range(line - 1, -1, -1):
        content = _line_text(text, line_starts, number)
        stripped = content.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        current = len(content) - len(stripped)
        if current < indent and not stripped.startswith("- "):
            return None
        if current == indent and stripped.startswith("- "):
            return number
        if current < indent - 2:
            return None
    return None


# -- positions ---------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _line_of(line_starts, offset: int) -> int:
    return bisect.bisect_right(line_starts, offset) - 1


def _line_text(text, line_starts, line: int) -> str:
    start = line_starts[line]
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _offset(line_starts, mark) -> int:
    line = min(mark.line, len(line_starts) - 1)
    return line_starts[line] + mark.column


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


# -- editing -----------------------------------------------------------------


@dataclass(frozen=True)
class Insertion:
    """Text to insert at ``offset`` of ``_config.yml`` to add an outline entry."""

    offset: int
    text: str
    description: str  # "under chapter `ko/week07/07.md`", for the fix title


def plan_insertion(
    outline: Outline,
    lang: str,
    path: str,
    kind: str,
    order: Callable[[str], int | None],
    chapter: str | None = None,
    chapter_exists: bool = False,
) -> Insertion | None:
    """Where and what to insert so that ``path`` appears in ``lang``'s outline.

    ``kind`` is the kind the source language gives the page ("chapter",
    "section", "prologue"); ``chapter`` is, for a section, the path of its
    chapter in ``lang``; ``order(path)`` ranks a path by the source language's
    outline (None when it is not there). A section whose chapter is not in the
    outline comes with its chapter when ``chapter_exists``, else it is listed
    as a chapter itself. Returns None when the section cannot be read.
    """
    section = outline.languages.get(lang)
    if section is None or lang in outline.broken:
        return None
    text = outline.text
    starts = _line_starts(text)
    style = _Style(outline, starts, lang)
    chapters = section.chapters()

    if kind == "section" and chapter is not None:
        parent = next((e for e in chapters if e.path == chapter), None)
        if parent is not None:
            siblings = [e for e in section.entries if e.kind == "section" and e.chapter == chapter]
            if siblings:
                offset = _sibling_offset(text, starts, siblings, order, path)
                dash = _dash_column(text, starts, siblings[0])
                return Insertion(offset, f"{' ' * dash}- path: {path}\n", f"under chapter `{chapter}`")
            if parent.sections_key is not None:
                return None  # ``sections:`` without items: malformed, reported elsewhere
            dash = _dash_column(text, starts, parent)
            offset = _block_end(text, starts, _line_of(starts, parent.item), dash)
            keys = dash + style.sections_offset
            new = f"{' ' * keys}sections:\n{' ' * (keys + style.item_offset)}- path: {path}\n"
            return Insertion(offset, _after_newline(text, offset, new), f"as the first section of `{chapter}`")
        if chapter_exists:
            keys = style.sections_offset
            body = f"- path: {chapter}\n{' ' * keys}sections:\n{' ' * (keys + style.item_offset)}- path: {path}\n"
            return _container_insert(
                outline,
                section,
                starts,
                style,
                "chapters",
                chapters,
                body,
                order,
                chapter,
                f"with its chapter `{chapter}`",
            )
        return _container_insert(
            outline,
            section,
            starts,
            style,
            "chapters",
            chapters,
            f"- path: {path}\n",
            order,
            path,
            "as a chapter (there is no chapter page to put it under)",
        )
    if kind == "prologue":
        prologues = [e for e in section.entries if e.kind == "prologue"]
        return _container_insert(
            outline,
            section,
            starts,
            style,
            "prologues",
            prologues,
            f"- path: {path}\n",
            order,
            path,
            "in the prologues",
        )
    return _container_insert(
        outline, section, starts, style, "chapters", chapters, f"- path: {path}\n", order, path, "in the chapters"
    )


class _Style:
    """The indentation this file uses, learnt from its existing outline."""

    def __init__(self, outline: Outline, starts, lang: str):
        text = outline.text
        self.sections_offset = 2  # ``sections:`` relative to its chapter's dash
        self.item_offset = 2  # an item's dash relative to its list's key
        self.key_indent = 2  # a language's sub-keys relative to the language key
        found_sections = found_items = found_keys = False
        ordered = [outline.languages[lang]] + [o for k, o in outline.languages.items() if k != lang]
        for language in ordered:
            for name, key_span in language.keys.items():
                if name in ("chapters", "prologues") and not found_items:
                    first = next((e for e in language.entries if e.kind == name[:-1]), None)
                    if first is not None:
                        self.item_offset = _dash_column(text, starts, first) - (
                            key_span.start - starts[_line_of(starts, key_span.start)]
                        )
                        found_items = True
            if language.key_span is not None and language.keys and not found_keys:
                some = next(iter(language.keys.values()))
                self.key_indent = (some.start - starts[_line_of(starts, some.start)]) - (
                    language.key_span.start - starts[_line_of(starts, language.key_span.start)]
                )
                found_keys = True
            for entry in language.entries:
                if entry.kind == "chapter" and entry.sections_key is not None and not found_sections:
                    key_col = entry.sections_key.start - starts[_line_of(starts, entry.sections_key.start)]
                    self.sections_offset = key_col - _dash_column(text, starts, entry)
                    found_sections = True

    def key_column(self, section: LanguageOutline, starts) -> int:
        """The column of ``section``'s sub-keys (``chapters:``)."""
        if section.keys:
            span = next(iter(section.keys.values()))
            return span.start - starts[_line_of(starts, span.start)]
        if section.key_span is None:
            return 0
        return section.key_span.start - starts[_line_of(starts, section.key_span.start)] + self.key_indent


def section_end(outline: Outline, lang: str) -> int:
    """The offset just after the last line of ``lang``'s section (before comments that follow it)."""
    text = outline.text
    starts = _line_starts(text)
    section = outline.languages[lang]
    if section.key_span is None:  # the source language's outline is at the top level
        return max(
            (
                _block_end(
                    text, starts, _line_of(starts, span.start), span.start - starts[_line_of(starts, span.start)]
                )
                for span in section.keys.values()
            ),
            default=0,
        )
    line = _line_of(starts, section.key_span.start)
    return _block_end(text, starts, line, section.key_span.start - starts[line])


def _container_insert(outline, section, starts, style, container, items, body, order, ranked, description):
    """Insert ``body`` (an item starting with ``- ``) into the ``chapters``/``prologues`` list."""
    text = outline.text
    if items:
        dash = _dash_column(text, starts, items[0])
        offset = _sibling_offset(text, starts, items, order, ranked)
        return Insertion(offset, _indent_item(body, dash), description)
    key_col = style.key_column(section, starts)
    dash = key_col + style.item_offset
    new = f"{' ' * key_col}{container}:\n" + _indent_item(body, dash)
    if container in section.keys:
        return None  # an empty list key: malformed, reported elsewhere
    if container == "prologues" and "chapters" in section.keys:
        offset = starts[_line_of(starts, section.keys["chapters"].start)]
        return Insertion(offset, new, description)
    end = section_end(outline, section.lang)
    return Insertion(end, _after_newline(text, end, new), description)


def _indent_item(body: str, dash: int) -> str:
    """``body`` was written for a dash at column 0 with nested lines relative to the chapter style."""
    lines = body.splitlines(keepends=True)
    first = " " * dash + lines[0]
    rest = [(" " * dash + line) if line.strip() else line for line in lines[1:]]
    return first + "".join(rest)


def _sibling_offset(text, starts, siblings, order, path) -> int:
    """After the sibling that comes last before ``path`` in the source order, else before the first."""
    mine = order(path)
    ranked = [(order(s.path), index, s) for index, s in enumerate(siblings)]
    if mine is not None:
        before = [r for r in ranked if r[0] is not None and r[0] < mine]
        if before:
            anchor = max(before, key=lambda r: (r[0], r[1]))[2]
            return _item_end(text, starts, anchor)
        after = [r for r in ranked if r[0] is not None and r[0] > mine]
        if after:
            first = min(after, key=lambda r: r[1])[2]
            return starts[_line_of(starts, first.item)]
    return _item_end(text, starts, siblings[-1])


def _item_end(text, starts, entry: OutlineEntry) -> int:
    line = _line_of(starts, entry.item)
    return _block_end(text, starts, line, _dash_column(text, starts, entry))


def _dash_column(text, starts, entry: OutlineEntry) -> int:
    """The column of the ``-`` that opens ``entry``'s item."""
    line = _line_of(starts, entry.item)
    dash = text.rfind("-", starts[line], entry.item)
    return (dash if dash >= 0 else entry.item) - starts[line]


def _block_end(text, starts, first_line: int, indent: int) -> int:
    """The offset just after the last line (not a comment) indented deeper than ``indent``."""
    last = first_line
    for number in range(first_line + 1, len(starts)):
        content = _line_text(text, starts, number)
        stripped = content.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        if len(content) - len(stripped) <= indent:
            break
        last = number
    end = text.find("\n", starts[last])
    return len(text) if end < 0 else end + 1


def _after_newline(text: str, offset: int, new: str) -> str:
    """Prefix a newline when inserting at the end of a file that lacks one."""
    return ("\n" + new) if offset == len(text) and text and not text.endswith("\n") else new
