"""Reading ``_config.yml`` into an :class:`Outline`: the YAML node tree, entries and structural problems."""

from __future__ import annotations

import difflib
import re

import yaml

from dlc_lint.parse import bounded_yaml, lines
from dlc_lint.site.language import LANGUAGE_KEY
from dlc_lint.site.outline.model import (
    INVISIBLE,
    STRUCTURE_KEYS,
    LanguageOutline,
    Outline,
    OutlineEntry,
    OutlineProblem,
    Span,
    is_language_block,
)
from dlc_lint.site.outline.positions import key_value_span, mark_offset, node_text, span_of
from dlc_lint.site.outline.syntax import error_offset, syntax_problem

_Loader = bounded_yaml.LOADER

_TOP_KEY = re.compile(r"^(?P<key>[^\s#:\-][^:\n]*?)[ \t]*:(?:[ \t]|$)", re.M)


def parse_outline(text: str, default_lang: str = "en") -> Outline:
    """Build the outline model from the normalised text of ``_config.yml``."""
    problems: list[OutlineProblem] = []
    line_starts = lines.line_starts(text)
    blocks = _top_blocks(text)
    broken: set[str] = set()

    def section_of(offset: int) -> str | None:
        return Outline(text, blocks=blocks, default_lang=default_lang).section_at(offset)

    try:
        root = bounded_yaml.compose(text, _Loader)
        nodes = [root]
        parsed = True
        if root is not None and not isinstance(root, yaml.MappingNode):
            problems.append(_not_a_table(root, line_starts))
    except yaml.MarkedYAMLError as exc:
        parsed = False
        offset = error_offset(text, line_starts, exc)
        bomb = isinstance(exc, bounded_yaml.AliasBudgetError)
        problems.append(
            _bomb_problem(text, line_starts, offset, exc, section_of(offset))
            if bomb
            else syntax_problem(text, line_starts, offset, exc, section_of(offset))
        )
        nodes = []
        for key, start, end in blocks:
            padded = "\n" * text.count("\n", 0, start) + text[start:end]  # keep line numbers true
            try:
                node = bounded_yaml.compose(padded, _Loader)
            except yaml.MarkedYAMLError as chunk_exc:
                if bomb and not isinstance(chunk_exc, bounded_yaml.AliasBudgetError):
                    continue  # an alias of the bomb whose anchor is in another chunk: one finding is enough
                chunk_offset = error_offset(text, line_starts, chunk_exc)
                if key in ("chapters", "prologues"):
                    broken.add(default_lang)
                elif is_language_block(key, text, blocks):
                    broken.add(INVISIBLE.sub("", key))
                if all(
                    lines.line_index(line_starts, p.span.start) != lines.line_index(line_starts, chunk_offset)
                    for p in problems
                    if p.kind == "syntax"
                ):
                    problems.append(
                        syntax_problem(text, line_starts, chunk_offset, chunk_exc, section_of(chunk_offset))
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
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            if key in ("prologues", "chapters"):
                kind = "prologue" if key == "prologues" else "chapter"
                top_entries.extend(_entries(value_node, kind, line_starts, problems, default_lang))
                top_keys[key] = span_of(key_node, line_starts)
                span = key_value_span(key_node, value_node, line_starts)
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
                    keys[sub_key.value] = span_of(sub_key, line_starts)
                    if sub_key.value in ("prologues", "chapters"):
                        kind = "prologue" if sub_key.value == "prologues" else "chapter"
                        entries.extend(_entries(sub_value, kind, line_starts, problems, key))
                    elif sub_key.value != "title":
                        _unknown_section_key(sub_key, line_starts, problems, key)
                languages[key] = LanguageOutline(
                    key,
                    span_of(key_node, line_starts),
                    tuple(entries),
                    key_value_span(key_node, value_node, line_starts),
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


def _not_a_table(root, line_starts) -> OutlineProblem:
    what = "a list" if isinstance(root, yaml.SequenceNode) else f"the single value `{node_text(root)[:40]}`"
    start = span_of(root, line_starts).start
    return OutlineProblem(
        "syntax",
        Span(start, start + 1),
        f"`_config.yml` is {what}, not `key: value` settings; Jekyll says `Configuration file: (INVALID)` "
        "and builds the site with its defaults: no baseurl, no languages, no sidebar outline",
    )


def _bomb_problem(text, line_starts, offset, exc, section) -> OutlineProblem:
    line = lines.line_index(line_starts, offset)
    end = line_starts[line] + len(lines.line_text(text, line_starts, line))
    return OutlineProblem(
        "syntax",
        Span(offset, max(offset + 1, end)),
        f"`_config.yml` cannot be checked: {exc.problem}. Write the values out instead of nesting aliases",
        section,
    )


def _is_language(key: str, node) -> bool:
    return (
        bool(LANGUAGE_KEY.match(INVISIBLE.sub("", key))) and isinstance(node, yaml.MappingNode) and _has_outline(node)
    )


def _has_outline(node: yaml.MappingNode) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value in ("chapters", "prologues", "title") for k, _ in node.value)


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
            span_of(key_node, line_starts),
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
                "malformed-entry", span_of(node, line_starts), message, section, fix=_dash_fix(node, line_starts)
            )
        )
        return entries
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            problems.append(
                OutlineProblem(
                    "malformed-entry",
                    span_of(item, line_starts),
                    f"outline item `{node_text(item)}` is not a `- path: ...` mapping "
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
                sections_key = span_of(key_node, line_starts)
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
                    OutlineProblem("malformed-entry", span_of(key_node, line_starts), message, section, fix=fix)
                )
        if path_node is None or not isinstance(path_node, yaml.ScalarNode):
            if path_hinted:
                problems.extend(unknown)  # the misspelled ``path`` says it all
            else:
                keys = ", ".join(f"`{k.value}:`" for k, _ in item.value if isinstance(k, yaml.ScalarNode))
                problems.append(
                    OutlineProblem(
                        "malformed-entry",
                        span_of(item, line_starts),
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
                    span_of(item, line_starts),
                    "`path:` has no value; the sidebar cannot link it",
                    section,
                )
            )
        elif isinstance(path_node, yaml.ScalarNode):
            entries.append(
                OutlineEntry(
                    path_node.value,
                    span_of(path_node, line_starts),
                    kind,
                    item=mark_offset(line_starts, item.start_mark),
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
    span = span_of(key_node, line_starts)
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
    start = mark_offset(line_starts, keys[0].start_mark)
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
                            span_of(key_node, line_starts),
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
        content = lines.line_text(text, line_starts, number)
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
            elif is_language_block(key, text, blocks):
                section = INVISIBLE.sub("", key)
            else:
                section = None
            message = _duplicate_message(
                text,
                line_starts,
                key,
                lines.line_index(line_starts, seen[key]),
                lines.line_index(line_starts, start),
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
        line = lines.line_index(line_starts, match.start())
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
