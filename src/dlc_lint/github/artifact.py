"""The results of the lint half, handed to the report half as a workflow artifact.

The lint half runs on the pull request's code with a read-only token; whatever
it writes can be forged by the pull request (a workflow file changed in the
pull request runs in its place). So the report half reads the artifact as
hostile data: a size limit on each file, no symbolic links, every field checked
for type, range and shape, and labels only from the site's known language
tags. Anything else is an ``ArtifactError`` and nothing is reported.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

RESULT_NAME = "dlc-lint-result.json"
SARIF_NAME = "dlc-lint.sarif"
FORMAT = "dlc-lint-pull-request"
VERSION = 1

MAX_BYTES = 16 * 1024 * 1024  # each file; code scanning takes SARIF up to 10 MB gzipped
MAX_FINDINGS = 20_000
MAX_TEXT = 4_000  # a message, a path
MAX_LABELS = 20

_CODE = re.compile(r"DLC\d{3}")
_NAME = re.compile(r"[a-z][a-z0-9-]{0,63}")
_LANGUAGE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,34}")
_SEVERITIES = ("error", "warning", "info")


class ArtifactError(Exception):
    """The artifact is missing, too big, or not what the lint half writes."""


@dataclass(frozen=True)
class ReportedFinding:
    path: str
    line: int
    column: int
    code: str
    name: str
    severity: str
    message: str


@dataclass(frozen=True)
class Problem:
    code: str
    name: str
    severity: str
    message: str


@dataclass(frozen=True)
class LintResult:
    pull_request: int
    labels: tuple[str, ...]
    languages: tuple[str, ...]
    problems: tuple[Problem, ...]
    findings: tuple[ReportedFinding, ...]
    files: int
    sarif: dict | None  # the parsed SARIF log, checked for shape


def write_artifact(folder: Path, *, pull_request: int | None, labels, languages, problems, findings, files, sarif):
    """The lint half: write the result and the SARIF log to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "pull_request": pull_request,
        "labels": list(labels),
        "languages": list(languages),
        "problems": list(problems),
        "findings": [
            {k: f[k] for k in ("path", "line", "column", "code", "name", "severity", "message")} for f in findings
        ],
        "files": files,
    }
    (folder / RESULT_NAME).write_text(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    (folder / SARIF_NAME).write_text(sarif, encoding="utf-8")


def _read_json(path: Path, required: bool = True):
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if required:
            raise ArtifactError(f"{path.name} is missing from the artifact") from None
        return None
    except OSError as exc:
        raise ArtifactError(f"{path.name} cannot be opened ({exc.strerror}; a symbolic link?)") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ArtifactError(f"{path.name} is not a regular file")
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArtifactError(f"{path.name} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ArtifactError(f"{path.name} is not valid UTF-8 JSON ({type(exc).__name__})") from None


def _int(value, what: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ArtifactError(f"{what} must be a whole number from {low} to {high}, not {value!r:.60}")
    return value


def _text(value, what: str, pattern: re.Pattern | None = None, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit or (pattern is not None and not pattern.fullmatch(value)):
        raise ArtifactError(f"{what} is not a valid value: {value!r:.60}")
    return value


def _list(value, what: str, limit: int) -> list:
    if not isinstance(value, list) or len(value) > limit:
        raise ArtifactError(f"{what} must be a list of at most {limit} entries")
    return value


def _severity(value, what: str) -> str:
    if value not in _SEVERITIES:
        raise ArtifactError(f"{what} must be error, warning or info, not {value!r:.60}")
    return value


def read_artifact(folder: Path, known_labels: set[str]) -> LintResult:
    """The report half: the lint half's result, checked field by field. Raises ArtifactError."""
    data = _read_json(folder / RESULT_NAME)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ArtifactError(f"{RESULT_NAME} is not a dlc-lint pull request result")
    if data.get("version") != VERSION:
        raise ArtifactError(f"{RESULT_NAME} has format version {data.get('version')!r:.20}, expected {VERSION}")
    number = _int(data.get("pull_request"), "pull_request", 1, 2**31 - 1)
    labels = []
    for label in _list(data.get("labels"), "labels", MAX_LABELS):
        if not isinstance(label, str) or label not in known_labels:
            raise ArtifactError(f"label {label!r:.60} is not one of the site's language tags")
        labels.append(label)
    languages = [_text(x, "a language", _LANGUAGE) for x in _list(data.get("languages"), "languages", 200)]
    problems = []
    for entry in _list(data.get("problems"), "problems", 20):
        if not isinstance(entry, dict):
            raise ArtifactError("a problem is not an object")
        problems.append(
            Problem(
                _text(entry.get("code"), "a problem's code", _CODE),
                _text(entry.get("name"), "a problem's name", _NAME),
                _severity(entry.get("severity"), "a problem's severity"),
                _text(entry.get("message"), "a problem's message"),
            )
        )
    findings = []
    for entry in _list(data.get("findings"), "findings", MAX_FINDINGS):
        if not isinstance(entry, dict):
            raise ArtifactError("a finding is not an object")
        findings.append(
            ReportedFinding(
                _text(entry.get("path"), "a finding's path"),
                _int(entry.get("line"), "a finding's line", 0, 10**9),
                _int(entry.get("column"), "a finding's column", 0, 10**9),
                _text(entry.get("code"), "a finding's code", _CODE),
                _text(entry.get("name"), "a finding's rule name", _NAME),
                _severity(entry.get("severity"), "a finding's severity"),
                _text(entry.get("message"), "a finding's message"),
            )
        )
    files = _int(data.get("files"), "files", 0, 10**7)
    sarif = _read_json(folder / SARIF_NAME, required=False)
    if sarif is not None:
        _check_sarif(sarif)
    return LintResult(number, tuple(labels), tuple(languages), tuple(problems), tuple(findings), files, sarif)


def _check_sarif(log) -> None:
    """A SARIF 2.1.0 log whose runs are all dlc-lint's (code scanning shows whatever tool a log names)."""
    if not isinstance(log, dict) or log.get("version") != "2.1.0" or not isinstance(log.get("runs"), list):
        raise ArtifactError(f"{SARIF_NAME} is not a SARIF 2.1.0 log")
    for run in log["runs"]:
        tool = run.get("tool") if isinstance(run, dict) else None
        driver = tool.get("driver") if isinstance(tool, dict) else None
        if not isinstance(driver, dict) or driver.get("name") != "dlc-lint":
            raise ArtifactError(f"{SARIF_NAME} holds a run of another tool than dlc-lint")
