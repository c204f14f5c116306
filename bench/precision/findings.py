"""Findings of one dlc-lint run on a site, keyed so that a label survives line shifts.

A finding is identified by its file, its rule code, the text of the source line it points at (stripped),
the flagged text on that line and its occurrence among the findings of the same rule on lines with the
same text. Line numbers are kept for reading, never for matching.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "pytorch-Deep-Learning" / "docs"
LABELS = HERE / "labels.jsonl"
POPULATION = HERE / "population.txt"
VERDICTS = ("true", "false", "policy")


@dataclass(frozen=True)
class Current:
    """One finding of the current run, with the text that identifies it."""

    path: str
    code: str
    severity: str
    line: int
    column: int
    message: str
    text: str
    span: str
    occurrence: int

    @property
    def language(self) -> str:
        return language_of(self.path)

    @property
    def key(self) -> tuple[str, str, str, str, int]:
        return (self.path, self.code, self.text, self.span, self.occurrence)

    @property
    def digest(self) -> str:
        return digest_of(self.path, self.code, self.text, self.span, self.occurrence)


def digest_of(path: str, code: str, text: str, span: str, occurrence: int) -> str:
    raw = "\0".join((path, code, text, span, str(occurrence))).encode("utf-8")
    return hashlib.sha1(raw).hexdigest()[:16]


def language_of(path: str) -> str:
    """`ko/week01/01-1.md` -> `ko`; files at the site root (`_config.yml`, `index.md`) -> `(site)`."""
    return path.split("/", 1)[0] if "/" in path else "(site)"


def run_dlc_lint(site: Path, targets: tuple[str, ...] = (".",)) -> list[dict]:
    """Run the installed dlc-lint on ``site`` (from inside it, so paths are site-relative), JSON output.

    No user settings (`--isolated`) and a fresh cache, so that what is scored is what the code says.
    """
    with tempfile.TemporaryDirectory(prefix="dlc-precision-cache-") as cache:
        env = dict(os.environ, DLC_LINT_CACHE_DIR=cache)
        done = subprocess.run(
            [sys.executable, "-m", "dlc_lint", "--isolated", "--format", "json", *targets],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if not done.stdout.strip():
        raise SystemExit(f"dlc-lint printed nothing (exit {done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)["findings"]


def _lines(site: Path, path: str, cache: dict[str, list[str]]) -> list[str]:
    if path not in cache:
        try:
            cache[path] = (site / path).read_bytes().decode("utf-8", "replace").splitlines()
        except OSError:
            cache[path] = []
    return cache[path]


def current_findings(site: Path, raw: list[dict] | None = None) -> list[Current]:
    """The findings of a run on ``site``, each with its line text, flagged text and occurrence."""
    raw = run_dlc_lint(site) if raw is None else raw
    files: dict[str, list[str]] = {}
    staged = []
    for item in raw:
        lines = _lines(site, item["path"], files)
        number = item.get("line") or 0
        full = lines[number - 1] if 0 < number <= len(lines) else ""
        start = max((item.get("column") or 1) - 1, 0)
        end = item.get("end_column") if item.get("end_line", number) == number else None
        span = full[start : (end - 1) if end else len(full)].strip()
        staged.append((item, full.strip(), span))
    staged.sort(key=lambda s: (s[0]["path"], s[0]["code"], s[1], s[2], s[0].get("line") or 0, s[0].get("column") or 0))
    seen: dict[tuple, int] = defaultdict(int)
    result = []
    for item, text, span in staged:
        group = (item["path"], item["code"], text, span)
        result.append(
            Current(
                path=item["path"],
                code=item["code"],
                severity=item["severity"],
                line=item.get("line") or 0,
                column=item.get("column") or 0,
                message=item["message"],
                text=text,
                span=span,
                occurrence=seen[group],
            )
        )
        seen[group] += 1
    return result


def read_labels(path: Path = LABELS) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def label_sort_key(label: dict) -> tuple:
    return (label["path"], label["code"], label["text"], label["span"], label["occurrence"])


def write_labels(labels: list[dict], path: Path = LABELS) -> None:
    ordered = sorted(labels, key=label_sort_key)
    with path.open("w", encoding="utf-8") as stream:
        for label in ordered:
            stream.write(json.dumps(label, ensure_ascii=False, sort_keys=True) + "\n")


def match(labels: list[dict], findings: list[Current]) -> tuple[dict[int, Current], list[Current]]:
    """Pair labels with current findings: returns {label index: finding} and the unlabelled findings.

    First by the full key; then, for what is left, by file, code and line text in order (the flagged span or
    its occurrence may move when a rule's positions change; the line it points at is the same).
    """
    by_key = {f.key: f for f in findings}
    paired: dict[int, Current] = {}
    used: set[tuple] = set()
    for index, label in enumerate(labels):
        key = label_sort_key(label)
        if key in by_key and key not in used:
            paired[index] = by_key[key]
            used.add(key)
    loose: dict[tuple, list[Current]] = defaultdict(list)
    for f in findings:
        if f.key not in used:
            loose[(f.path, f.code, f.text)].append(f)
    for index, label in enumerate(labels):
        if index in paired:
            continue
        pool = loose.get((label["path"], label["code"], label["text"]))
        if pool:
            found = pool.pop(0)
            paired[index] = found
            used.add(found.key)
    unlabelled = [f for f in findings if f.key not in used]
    return paired, unlabelled
