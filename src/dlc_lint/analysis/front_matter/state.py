"""What state a front matter is in, and the small text helpers the front-matter rules share."""

from __future__ import annotations

import fnmatch

from dlc_lint.parse.frontmatter import Entry, FrontMatter


def yaml_ok(front: FrontMatter) -> bool:
    """The front matter is there, closed, and YAML reads it: the value rules may judge it."""
    return front.present and front.closed and front.data is not None


def keys_readable(front: FrontMatter) -> bool:
    """The key lines can be judged (the front matter is closed)."""
    return front.present and front.closed


def line_span(text: str, start: int) -> tuple[int, int]:
    """(start of the line holding ``start``, start of the next line)."""
    line_start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return line_start, (len(text) if end < 0 else end + 1)


def value_is_heading(entry: Entry) -> bool:
    """``title: ## Motivation``: YAML reads everything after `` #`` as a comment."""
    return entry.raw_value.startswith("#")


def quote_yaml(value: str) -> str:
    """``value`` as a YAML scalar that reads back exactly."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def readme_like(path: str, patterns) -> bool:
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)
