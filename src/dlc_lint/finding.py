"""Findings and fixes: plain, frozen data that reporters and the fixer consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a finding is.

    ``error``: the published site is broken. ``warning``: very likely wrong.
    ``info``: worth a look.
    """

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r}: use one of error, warning, info") from None


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Safety(str, Enum):
    """Whether a fix is applied by ``--fix`` alone or needs ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    # Never applied automatically: shown as a suggestion only.
    DISPLAY = "display"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``new_text`` (offsets in the normalised text).

    ``start == end == -1`` with ``new_text == ''`` removes the byte-order mark.
    """

    start: int
    end: int
    new_text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    safety: Safety = Safety.SAFE
    # The file the edits apply to, when it is not the finding's own file
    # (an outline entry inserted into ``_config.yml`` for a page).
    path: str | None = None


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = field(default=None, compare=False)
    related: tuple[Location, ...] = field(default=(), compare=False)
    # The text the finding points at, for fingerprints that survive line shifts.
    snippet: str = field(default="", compare=False)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def to_dict(self) -> dict:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
        }
        if self.fix is not None:
            data["fix"] = {
                "title": self.fix.title,
                "safety": self.fix.safety.value,
                "path": self.fix.path or self.path,
                "edits": [{"start": e.start, "end": e.end, "new_text": e.new_text} for e in self.fix.edits],
            }
        if self.related:
            data["related"] = [
                {
                    "path": r.path,
                    "line": r.line,
                    "column": r.column,
                    "end_line": r.end_line,
                    "end_column": r.end_column,
                    "message": r.message,
                }
                for r in self.related
            ]
        return data
