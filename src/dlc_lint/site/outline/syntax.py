"""A translator-readable reason, span and safe fix for a YAML syntax error in ``_config.yml``."""

from __future__ import annotations

import re

from dlc_lint.parse import lines
from dlc_lint.site.outline.model import INVISIBLE, OutlineProblem, Span
from dlc_lint.site.outline.positions import mark_offset


def error_offset(text, line_starts, exc) -> int:
    mark = exc.problem_mark or exc.context_mark
    return mark_offset(line_starts, mark) if mark else 0


def syntax_problem(text, line_starts, offset, exc, section) -> OutlineProblem:
    line = lines.line_index(line_starts, offset)
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
    line_text = lines.line_text(text, line_starts, line)
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
        content = lines.line_text(text, line_starts, number)
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
        prev_text = lines.line_text(text, line_starts, previous)
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
            content = lines.line_text(text, line_starts, number)
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
        prev_text = lines.line_text(text, line_starts, previous)
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
        content = lines.line_text(text, line_starts, number).strip()
        if content and not content.startswith("#"):
            return number
    return None


def _previous_item_indent(text, line_starts, line, indent) -> int | None:
    """The line number of an earlier ``- `` item at exactly ``indent`` in the same block, if any."""
    for number in range(line - 1, -1, -1):
        content = lines.line_text(text, line_starts, number)
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
