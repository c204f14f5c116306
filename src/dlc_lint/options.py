"""Typed rule options.

A rule with options declares them as a frozen dataclass: one field per option,
its type, its default and a one-line help (:func:`option`). The config table
``[tool.dlc-lint.rules.CODE]`` is checked against it (:func:`build`): a key the
rule does not have, or a value of the wrong type, is an :class:`OptionError`
naming the key; ``dlc-lint explain`` lists the fields. A field ``min_words`` is
written ``min-words`` in the config.

Types understood: ``bool``, ``int``, ``float`` (an integer is accepted),
``str`` and ``tuple[str, ...]`` (written as a TOML list of strings).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any


class OptionError(ValueError):
    """An option table that does not fit the rule: ``key`` names the offending option."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class NoOptions:
    """The options of a rule that has none."""


@dataclass(frozen=True)
class OptionSpec:
    """One option as the user sees it."""

    key: str  # as written in the config: ``min-words``
    field: str  # the dataclass field: ``min_words``
    type: str  # ``int``, ``list of strings`` ...
    default: Any
    help: str


def option(default: Any, help: str) -> Any:
    """A field of an options dataclass: its default and a one-line help for ``explain``."""
    return dataclasses.field(default=default, metadata={"help": help})


_TYPE_NAMES = {bool: "bool", int: "int", float: "float", str: "string", tuple[str, ...]: "list of strings"}


@cache
def specs(options: type) -> tuple[OptionSpec, ...]:
    """The options of an options dataclass, in declaration order."""
    hints = typing.get_type_hints(options)
    found = []
    for f in dataclasses.fields(options):
        kind = hints[f.name]
        if kind not in _TYPE_NAMES:
            raise TypeError(f"{options.__name__}.{f.name}: unsupported option type {kind!r}")
        found.append(OptionSpec(f.name.replace("_", "-"), f.name, _TYPE_NAMES[kind], f.default, f.metadata["help"]))
    return tuple(found)


@cache
def defaults(options: type) -> Any:
    """The default options (one shared, frozen instance per options class)."""
    return options()


def build(options: type, raw: Mapping[str, Any]) -> Any:
    """An instance of ``options`` from a config table; raises :class:`OptionError` for a wrong key or type."""
    by_key = {spec.key: spec for spec in specs(options)}
    values = {}
    for key, value in raw.items():
        spec = by_key.get(key)
        if spec is None:
            known = ", ".join(f"`{k}`" for k in by_key) or "none"
            raise OptionError(key, f"no option `{key}` (its options: {known})")
        values[spec.field] = _convert(spec, value)
    return options(**values)


def _convert(spec: OptionSpec, value: Any) -> Any:
    wrong = OptionError(spec.key, f"`{spec.key}` must be {_article(spec.type)}, not {_describe(value)}")
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise wrong
        return value
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong
        return value
    if spec.type == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise wrong
        return float(value)
    if spec.type == "string":
        if not isinstance(value, str):
            raise wrong
        return value
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise wrong
    return tuple(value)


def _article(type_name: str) -> str:
    return {"int": "an integer", "float": "a number", "bool": "true or false"}.get(type_name, f"a {type_name}")


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f'the string "{value}"'
    if isinstance(value, list):
        return "a list" + ("" if all(isinstance(v, str) for v in value) else " with non-string items")
    if isinstance(value, dict):
        return "a table"
    return f"`{value}`"


def plain(value: Any) -> Any:
    """An option value as JSON and TOML write it (a tuple is a list)."""
    return list(value) if isinstance(value, tuple) else value
