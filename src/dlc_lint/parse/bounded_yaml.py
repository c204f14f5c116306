"""YAML with a budget: every YAML text dlc-lint reads goes through :func:`compose` or :func:`load`.

A pull request controls ``_config.yml``, the front matter of its pages and a
site glossary. YAML aliases let a few hundred bytes stand for billions of
values (the "billion laughs" bomb: ``a1: &a1 [*a0, *a0, ...]`` nine levels
deep); anything that walks the tree then never finishes. Before the text is
composed, its events are counted: the values that aliases stand for may add
at most :data:`MAX_ALIAS_VALUES` to the document, and an alias may not point
into its own anchor (a tree without end). Either is an :class:`AliasBudgetError`,
a ``yaml.MarkedYAMLError`` placed at the offending alias, so every reader turns
it into an ordinary positioned finding, in time linear in the size of the text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available

# Values aliases may add to one document. Real sites repeat a block a few times (a few hundred values);
# the bomb needs billions. Walking 100 000 values takes a few milliseconds.
MAX_ALIAS_VALUES = 100_000

# Quick filters: a text without an anchor and an alias cannot expand (most texts; no second parse).
_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])&[^\s\[\]{},]")
_ALIAS = re.compile(r"(?:^|[\s\[{,:?-])\*[^\s\[\]{},]")


class AliasBudgetError(yaml.MarkedYAMLError):
    """Aliases that expand too far, or into themselves."""


def check_aliases(text: str, loader: type = LOADER, budget: int = MAX_ALIAS_VALUES) -> None:
    """Raise :class:`AliasBudgetError` if aliases in ``text`` stand for more than ``budget`` values.

    Syntax errors are left to the caller's own parse, which reports them as it always has.
    """
    if not (_ANCHOR.search(text) and _ALIAS.search(text)):
        return
    sizes: dict[str, int] = {}  # anchor -> values it stands for (its own aliases expanded)
    open_nodes: list[tuple[str | None, int]] = []  # (anchor, values before it) of the open collections
    open_anchors: dict[str, int] = {}
    total = 0
    added = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.ScalarEvent):
                total += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                total += 1
                open_nodes.append((event.anchor, total - 1))
                if event.anchor:
                    open_anchors[event.anchor] = open_anchors.get(event.anchor, 0) + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, before = open_nodes.pop()
                if anchor:
                    sizes[anchor] = total - before
                    open_anchors[anchor] -= 1
            elif isinstance(event, yaml.AliasEvent):
                name = event.anchor or ""
                if open_anchors.get(name):
                    raise AliasBudgetError(
                        problem=f"the alias `*{name}` is inside its own anchor `&{name}`, so the value never ends",
                        problem_mark=_mark(event),
                    )
                size = sizes.get(name, 1)
                total += size
                added += size
                if added > budget:
                    raise AliasBudgetError(
                        problem=(
                            f"the aliases up to `*{name}` stand for more than {budget:,} values "
                            "(an alias bomb); dlc-lint does not read such a file"
                        ),
                        problem_mark=_mark(event),
                    )
            elif isinstance(event, yaml.DocumentStartEvent):
                added = 0
    except AliasBudgetError:
        raise
    except yaml.YAMLError:
        return  # the caller's parse reports it


def _mark(event: yaml.Event) -> yaml.Mark | None:
    """The event's start as a pure-Python mark (libyaml's has the same fields, another type)."""
    mark = event.start_mark
    return None if mark is None else yaml.Mark(mark.name, mark.index, mark.line, mark.column, None, 0)


def compose(text: str, loader: type = LOADER) -> Any:
    """``yaml.compose`` after :func:`check_aliases`."""
    check_aliases(text, loader)
    return yaml.compose(text, Loader=loader)


def load(text: str, loader: type = LOADER) -> Any:
    """``yaml.load`` with a safe loader after :func:`check_aliases`."""
    check_aliases(text, loader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
