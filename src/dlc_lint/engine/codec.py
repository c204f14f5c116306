"""Plain data to JSON and back, checked against a declared shape.

The cache stores findings and folder statistics as JSON (never pickle: reading a pickle runs
whatever code it names). What comes back is rebuilt only as the shape says: the dataclasses and
enums named in it, lists, tuples, sets, dictionaries, strings, numbers, booleans and None. Any
value of another shape raises :class:`ShapeError`, which the store treats as a miss.

A shape is a type: ``tuple[Finding, ...]``, ``dict[str, FolderUsage]``, ``int | None``...
Dataclass fields are read from their annotations, so a new field is covered without a word here.
"""

from __future__ import annotations

import contextvars
import dataclasses
import enum
import sys
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


class ShapeError(ValueError):
    """A stored value that does not have the declared shape."""


def encode(value: Any, shape: Any) -> Any:
    """``value`` as JSON-ready data (lists, objects, strings, numbers)."""
    return _plan(shape)[0](value)


def decode(data: Any, shape: Any) -> Any:
    """The value of ``shape`` that :func:`encode` gave ``data`` for; :class:`ShapeError` otherwise.

    Equal instances of a frozen dataclass come back as one object, as they were shared when stored
    (a term's variants are some of its renderings): code that compares them by identity still works.
    """
    token = _SHARED.set({})
    try:
        return _plan(shape)[1](data)
    except ShapeError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise ShapeError(f"{type(exc).__name__}: {exc}") from None
    finally:
        _SHARED.reset(token)


_SHARED: contextvars.ContextVar[dict] = contextvars.ContextVar("dlc_lint_codec_shared")


def _fail(expected: str, data: Any) -> typing.NoReturn:
    raise ShapeError(f"expected {expected}, found {type(data).__name__}")


@cache
def _plan(shape: Any) -> tuple[Encoder, Decoder]:
    if shape is type(None) or shape is None:
        return _identity, _only_none
    if shape in _SCALARS:
        return _SCALARS[shape], _SCALARS[shape]
    if isinstance(shape, type) and issubclass(shape, enum.Enum):
        return _enum_plan(shape)
    if isinstance(shape, type) and dataclasses.is_dataclass(shape):
        return _dataclass_plan(shape)
    origin, args = typing.get_origin(shape), typing.get_args(shape)
    if origin in (typing.Union, types.UnionType):
        return _union_plan(args)
    if origin in (list, set, frozenset) and len(args) == 1:
        return _sequence_plan(origin, args[0])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence_plan(tuple, args[0])
        return _fixed_tuple_plan(args)
    if origin is dict and len(args) == 2:
        return _dict_plan(*args)
    raise TypeError(f"no JSON form for {shape!r}")  # a programming error, not bad data


def _identity(value: Any) -> Any:
    return value


def _only_none(data: Any) -> None:
    if data is not None:
        _fail("null", data)


def _str(data: Any) -> str:
    if type(data) is not str:
        _fail("a string", data)
    return data


def _int(data: Any) -> int:
    if type(data) is not int:
        _fail("an integer", data)
    return data


def _float(data: Any) -> float:
    if type(data) not in (int, float):
        _fail("a number", data)
    return float(data)


def _bool(data: Any) -> bool:
    if type(data) is not bool:
        _fail("a boolean", data)
    return data


_SCALARS: dict[Any, Decoder] = {str: _str, int: _int, float: _float, bool: _bool}


def _enum_plan(cls: type[enum.Enum]) -> tuple[Encoder, Decoder]:
    def encode_enum(value: Any) -> Any:
        if not isinstance(value, cls):
            raise TypeError(f"expected {cls.__name__}, found {type(value).__name__}")
        return value.value

    def decode_enum(data: Any) -> enum.Enum:
        if type(data) not in (str, int):
            _fail(cls.__name__, data)
        return cls(data)

    return encode_enum, decode_enum


def _dataclass_plan(cls: type) -> tuple[Encoder, Decoder]:
    module = sys.modules.get(cls.__module__)
    hints = typing.get_type_hints(cls, vars(module) if module else None)
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        raise TypeError(f"{cls.__name__} has fields outside __init__: it cannot be rebuilt from its fields")
    names = [f.name for f in fields]
    params = getattr(cls, "__dataclass_params__", None)
    # interned: instances equal in every field (not those whose equality leaves fields out, like Finding)
    frozen = bool(params is not None and params.frozen and params.eq and all(f.compare for f in fields))
    required = {f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    # the plans of the fields are made on first use: a dataclass may hold itself
    plans: list[tuple[str, Encoder, Decoder]] = []

    def field_plans() -> list[tuple[str, Encoder, Decoder]]:
        if not plans:
            plans.extend((name, *_plan(hints[name])) for name in names)
        return plans

    def encode_dataclass(value: Any) -> dict:
        if not isinstance(value, cls):
            raise TypeError(f"expected {cls.__name__}, found {type(value).__name__}")
        return {name: enc(getattr(value, name)) for name, enc, _ in field_plans()}

    def decode_dataclass(data: Any) -> Any:
        if type(data) is not dict:
            _fail(cls.__name__, data)
        if not required <= data.keys() or len(data) > len(names):
            raise ShapeError(f"{cls.__name__}: fields {sorted(data)}, expected {names}")
        values = {}
        for name, _, dec in field_plans():
            if name in data:
                values[name] = dec(data[name])
        if len(values) != len(data):
            raise ShapeError(f"{cls.__name__}: unknown fields {sorted(set(data) - set(values))}")
        value = cls(**values)
        if frozen:
            try:
                value = _SHARED.get().setdefault(value, value)
            except TypeError:  # a field that cannot be hashed: not shared
                pass
        return value

    return encode_dataclass, decode_dataclass


def _union_plan(members: tuple) -> tuple[Encoder, Decoder]:
    others = [m for m in members if m is not type(None)]
    if len(others) == 1:  # X | None: null or an X
        enc, dec = _plan(others[0])
        return (lambda value: None if value is None else enc(value)), (lambda data: None if data is None else dec(data))
    plans = [_plan(m) for m in members]
    kinds = [typing.get_origin(m) or m for m in members]

    def encode_union(value: Any) -> list:
        for index, kind in enumerate(kinds):
            if (kind is type(None) and value is None) or (isinstance(kind, type) and isinstance(value, kind)):
                return [index, plans[index][0](value)]
        raise TypeError(f"{type(value).__name__} is none of {members!r}")

    def decode_union(data: Any) -> Any:
        if type(data) is not list or len(data) != 2 or type(data[0]) is not int or not 0 <= data[0] < len(plans):
            _fail("a tagged union", data)
        return plans[data[0]][1](data[1])

    return encode_union, decode_union


def _sequence_plan(kind: type, item: Any) -> tuple[Encoder, Decoder]:
    enc, dec = _plan(item)
    if item in _SCALARS:
        check = _SCALARS[item]

        def decode_scalars(data: Any) -> Any:
            if type(data) is not list:
                _fail("a list", data)
            for element in data:
                check(element)
            return data if kind is list else kind(data)

        return (lambda value: [check(element) for element in value]), decode_scalars

    def decode_items(data: Any) -> Any:
        if type(data) is not list:
            _fail("a list", data)
        return kind(dec(element) for element in data) if kind is not list else [dec(element) for element in data]

    return (lambda value: [enc(element) for element in value]), decode_items


def _fixed_tuple_plan(items: tuple) -> tuple[Encoder, Decoder]:
    plans = [_plan(item) for item in items]

    def decode_fixed(data: Any) -> tuple:
        if type(data) is not list or len(data) != len(plans):
            _fail(f"a list of {len(plans)}", data)
        return tuple(dec(element) for (_, dec), element in zip(plans, data))

    return (lambda value: [enc(element) for (enc, _), element in zip(plans, value)]), decode_fixed


def _dict_plan(key: Any, value: Any) -> tuple[Encoder, Decoder]:
    enc_value, dec_value = _plan(value)
    if key is str:  # a JSON object

        def decode_object(data: Any) -> dict:
            if type(data) is not dict:
                _fail("an object", data)
            return {name: dec_value(item) for name, item in data.items()}

        return (lambda mapping: {_str(k): enc_value(v) for k, v in mapping.items()}), decode_object
    enc_key, dec_key = _plan(key)

    def decode_pairs(data: Any) -> dict:
        if type(data) is not list:
            _fail("a list of pairs", data)
        found = {}
        for pair in data:
            if type(pair) is not list or len(pair) != 2:
                _fail("a pair", pair)
            found[dec_key(pair[0])] = dec_value(pair[1])
        return found

    return (lambda mapping: [[enc_key(k), enc_value(v)] for k, v in mapping.items()]), decode_pairs
