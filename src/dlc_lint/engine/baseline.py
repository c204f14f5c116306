"""Fingerprints and the baseline file: adopt dlc-lint on a site with old findings.

A fingerprint names a finding without its line number, so that it survives
edits elsewhere in the file: it is a hash of the rule code, the file's path,
the text the finding points at (``Finding.snippet``) and an occurrence counter
that tells apart identical findings in one file (the second `<centrer>` in a
page). Moving a paragraph keeps its findings' fingerprints; editing the text a
finding points at makes it a new finding, which is what a reviewer wants.

``--write-baseline FILE`` records the fingerprints of today's findings;
``--baseline FILE`` reports only findings whose fingerprint is not recorded.
Paths in the file are relative to the baseline file's folder, so the same
baseline works from any working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dlc_lint.finding import Finding

FORMAT_VERSION = 1
# The key under which SARIF's partialFingerprints carry ours.
SARIF_KEY = "dlcLint/v1"


class BaselineError(Exception):
    """The baseline file cannot be read or is not a baseline."""


def _normal_path(path: str, base: Path | None) -> str:
    """``path`` (relative to the working directory) made relative to ``base``, ``/``-separated."""
    if base is None:
        return path.replace(os.sep, "/")
    absolute = os.path.abspath(path)
    return os.path.relpath(absolute, os.path.abspath(base)).replace(os.sep, "/")


def fingerprint(code: str, path: str, snippet: str, occurrence: int) -> str:
    text = "\0".join((code, path, " ".join(snippet.split()), str(occurrence)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: list[Finding], base: Path | None = None) -> list[str]:
    """One fingerprint per finding, in the order given.

    Occurrences are counted in (line, column) order within a file, whatever
    order the findings come in, so the counter means "the n-th such finding
    from the top of the file".
    """
    keys = []
    for finding in findings:
        keys.append((finding.code, _normal_path(finding.path, base), " ".join(finding.snippet.split())))
    order = sorted(
        range(len(findings)),
        key=lambda i: (
            keys[i],
            findings[i].line,
            findings[i].column,
            findings[i].end_line,
            findings[i].end_column,
            findings[i].message,
        ),
    )
    seen: Counter = Counter()
    result = [""] * len(findings)
    for index in order:
        code, path, snippet = keys[index]
        result[index] = fingerprint(code, path, snippet, seen[keys[index]])
        seen[keys[index]] += 1
    return result


@dataclass
class Baseline:
    path: Path
    known: dict[str, str]  # fingerprint -> path (relative to the baseline's folder)

    @property
    def base(self) -> Path:
        return self.path.resolve().parent


@dataclass
class BaselineMatch:
    new: list[Finding]
    known: int  # findings matched by the baseline
    gone: int  # baseline entries no finding matched any more (fixed, or the text changed)


def write_baseline(path: Path, findings: list[Finding], tool_version: str = "") -> int:
    """Record ``findings`` in ``path``; returns the number of entries written."""
    base = path.resolve().parent
    prints = fingerprints(findings, base)
    entries = sorted(
        (
            {
                "fingerprint": fp,
                "code": f.code,
                "path": _normal_path(f.path, base),
                "line": f.line,
                "message": f.message,
            }
            for f, fp in zip(findings, prints)
        ),
        key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]),
    )
    payload = {
        "version": FORMAT_VERSION,
        "tool": f"dlc-lint {tool_version}".strip(),
        "about": "Findings recorded by `dlc-lint --write-baseline`; `--baseline` reports only findings "
        "not listed here. Lines are for people: matching ignores them.",
        "findings": entries,
    }
    data = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    from dlc_lint.atomic import write_atomic

    write_atomic(path, data.encode("utf-8"))
    return len(entries)


def load_baseline(path: Path) -> Baseline:
    from dlc_lint.parse.source import ReadError, read_text

    if not os.path.lexists(path):
        raise BaselineError(f"--baseline {path}: no such file (create it with --write-baseline {path})")
    try:
        data = json.loads(read_text(path))  # bounded, regular files only: the baseline may come with the change
    except ReadError as exc:
        raise BaselineError(f"--baseline {path}: {exc}") from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise BaselineError(f"--baseline {path}: not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"--baseline {path}: not a baseline file (no `findings` list)")
    if data.get("version") != FORMAT_VERSION:
        raise BaselineError(
            f"--baseline {path}: baseline format version {data.get('version')!r} is not "
            f"supported (expected {FORMAT_VERSION}); write it again with --write-baseline"
        )
    known = {}
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"--baseline {path}: an entry has no `fingerprint`")
        known[entry["fingerprint"]] = str(entry.get("path", ""))
    return Baseline(path, known)


def apply_baseline(findings: list[Finding], baseline: Baseline, linted: list[str] | None = None) -> BaselineMatch:
    """Split ``findings`` into new ones and ones the baseline already records.

    ``linted`` (paths as shown, like ``Finding.path``) limits the count of
    ``gone`` entries to the files of this run; without it every entry counts.
    """
    prints = fingerprints(findings, baseline.base)
    new = [f for f, fp in zip(findings, prints) if fp not in baseline.known]
    matched = {fp for fp in prints if fp in baseline.known}
    scope = None if linted is None else {_normal_path(p, baseline.base) for p in linted}
    gone = sum(1 for fp, path in baseline.known.items() if fp not in matched and (scope is None or path in scope))
    return BaselineMatch(new=new, known=len(findings) - len(new), gone=gone)
