"""Regular expressions compiled when first used, for patterns that a run often does not need.

A class of a few thousand CJK code points takes ``re`` milliseconds to compile (it walks every code
point of every range); a module of such patterns costs that on every start, also in the runs that
replay their results from the cache. :func:`lazy_compile` returns an object that stands for the
compiled pattern: the first attribute read compiles it and puts the pattern's methods on the object,
so that every later call is as direct as on the compiled pattern.
"""

from __future__ import annotations

import re
from typing import cast

_ATTRIBUTES = (
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "split",
    "sub",
    "subn",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
