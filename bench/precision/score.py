#!/usr/bin/env python3
"""Precision of dlc-lint on the labelled sample: rerun it, match its findings to the labels, print the tables.

    python bench/precision/score.py [CORPUS] [--labels FILE] [--population FILE] [--list new|stale] [--json]

CORPUS defaults to ../shared/corpus/pytorch-Deep-Learning/docs (beside the repository). Precision of warnings
and errors is true / (true + false + policy): a warning must be a defect. Precision of info findings is
(true + policy) / all: a hint may be a style choice, but not a mistake. Only labels that match a current finding
count, each with the severity the finding has now.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import (  # noqa: E402
    DEFAULT_CORPUS,
    LABELS,
    POPULATION,
    Current,
    current_findings,
    label_sort_key,
    match,
    read_labels,
)

SEVERITY_ORDER = ("error", "warning", "info")


@dataclass
class Tally:
    """Verdict counts for one row of a table, split into warnings+errors and info."""

    strict: Counter = field(default_factory=Counter)
    info: Counter = field(default_factory=Counter)

    def add(self, severity: str, verdict: str) -> None:
        (self.info if severity == "info" else self.strict)[verdict] += 1

    @property
    def total(self) -> int:
        return sum(self.strict.values()) + sum(self.info.values())

    @property
    def strict_precision(self) -> float | None:
        n = sum(self.strict.values())
        return self.strict["true"] / n if n else None

    @property
    def info_precision(self) -> float | None:
        n = sum(self.info.values())
        return (self.info["true"] + self.info["policy"]) / n if n else None

    def as_dict(self) -> dict:
        return {
            "n": self.total,
            "true": self.strict["true"] + self.info["true"],
            "false": self.strict["false"] + self.info["false"],
            "policy": self.strict["policy"] + self.info["policy"],
            "warn_err": sum(self.strict.values()),
            "warn_err_precision": self.strict_precision,
            "info": sum(self.info.values()),
            "info_precision": self.info_precision,
        }


@dataclass
class Score:
    findings: int
    labels: int
    judged: int
    unjudged: int
    new: list[Current]
    stale: list[dict]
    by_language: dict[str, Tally]
    by_rule: dict[str, Tally]
    by_severity: dict[str, Tally]
    overall: Tally
    weighted: dict[str, float | None] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "findings": self.findings,
            "labels": self.labels,
            "judged": self.judged,
            "unjudged": self.unjudged,
            "new": len(self.new),
            "stale": len(self.stale),
            "overall": self.overall.as_dict(),
            "weighted": self.weighted,
            "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
            "by_rule": {k: v.as_dict() for k, v in sorted(self.by_rule.items())},
            "by_severity": {k: self.by_severity[k].as_dict() for k in SEVERITY_ORDER if k in self.by_severity},
        }


def score(labels: list[dict], findings: list[Current], population: set[str] | None = None) -> Score:
    paired, unlabelled = match(labels, findings)
    by_language: dict[str, Tally] = defaultdict(Tally)
    by_rule: dict[str, Tally] = defaultdict(Tally)
    by_severity: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    for index, finding in paired.items():
        verdict = labels[index]["verdict"]
        for tally in (
            by_language[finding.language],
            by_rule[finding.code],
            by_severity[finding.severity],
            overall,
        ):
            tally.add(finding.severity, verdict)
    weighted = weighted_precision(paired, labels, findings)
    new = [f for f in unlabelled if population is not None and f.digest not in population]
    stale = [labels[i] for i in range(len(labels)) if i not in paired]
    return Score(
        findings=len(findings),
        labels=len(labels),
        judged=len(paired),
        unjudged=len(unlabelled),
        new=new,
        stale=stale,
        by_language=dict(by_language),
        by_rule=dict(by_rule),
        by_severity=dict(by_severity),
        overall=overall,
        weighted=weighted,
    )


def weighted_precision(paired: dict[int, Current], labels: list[dict], findings: list[Current]) -> dict:
    """Precision over everything dlc-lint prints: each (rule, severity)'s sample precision weighted by its count.

    Rules and severities with no judged finding are left out (their share is reported as `unweighed`).
    """
    volume = Counter((f.code, f.severity) for f in findings)
    verdicts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for index, finding in paired.items():
        verdicts[(finding.code, finding.severity)].append(labels[index]["verdict"])
    result: dict[str, float | None] = {}
    for kind, good, members in (
        ("warn_err", {"true"}, [k for k in volume if k[1] != "info"]),
        ("info", {"true", "policy"}, [k for k in volume if k[1] == "info"]),
    ):
        weighed = [k for k in members if verdicts.get(k)]
        total = sum(volume[k] for k in weighed)
        score_ = sum(volume[k] * sum(v in good for v in verdicts[k]) / len(verdicts[k]) for k in weighed)
        result[f"{kind}_precision"] = score_ / total if total else None
        result[f"{kind}_unweighed"] = sum(volume[k] for k in members) - total
    return result


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def table(title: str, rows: dict[str, Tally], order: list[str]) -> str:
    head = f"| {title} | n | true | false | policy | warn+err | precision (w+e) | info | precision (info) |"
    lines = [head, "|" + "---|" * 9]
    for key in order:
        d = rows[key].as_dict()
        lines.append(
            f"| {key} | {d['n']} | {d['true']} | {d['false']} | {d['policy']} | {d['warn_err']} | "
            f"{_percent(d['warn_err_precision'])} | {d['info']} | {_percent(d['info_precision'])} |"
        )
    return "\n".join(lines)


def report(result: Score) -> str:
    severities = [s for s in SEVERITY_ORDER if s in result.by_severity]
    parts = [
        f"findings now: {result.findings}; labels: {result.labels}; judged findings (labels matched): "
        f"{result.judged}; unjudged findings: {result.unjudged} (new since the sample was drawn, to judge: "
        f"{len(result.new)}); stale labels (no finding matches): {len(result.stale)}",
        "",
        table("all", {"all": result.overall}, ["all"]),
        "",
        "by volume (each rule and severity weighted by how often it fires now): precision (w+e) "
        f"{_percent(result.weighted.get('warn_err_precision'))}, precision (info) "
        f"{_percent(result.weighted.get('info_precision'))}; findings of rules with no judged finding: "
        f"{result.weighted.get('warn_err_unweighed', 0)} warnings and errors, {result.weighted.get('info_unweighed', 0)} info",
        "",
        table("language", result.by_language, sorted(result.by_language)),
        "",
        table("rule", result.by_rule, sorted(result.by_rule)),
        "",
        table("severity", result.by_severity, severities),
    ]
    return "\n".join(parts) + "\n"


def read_population(path: Path) -> set[str] | None:
    if not path.exists():
        return None
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--population", type=Path, default=POPULATION)
    parser.add_argument("--list", choices=("new", "stale"), help="print the new findings or the stale labels")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.corpus / "_config.yml").is_file():
        parser.error(f"{args.corpus} is not a site folder (no _config.yml)")
    labels = read_labels(args.labels)
    result = score(labels, current_findings(args.corpus), read_population(args.population))
    if args.list == "new":
        for f in result.new:
            print(f"{f.path}:{f.line}:{f.column} {f.code} {f.severity} {f.message}")
        return 0
    if args.list == "stale":
        for label in sorted(result.stale, key=label_sort_key):
            print(f"{label['path']}:{label['line']} {label['code']} {label['verdict']}: {label['text'][:100]}")
        return 0
    print(json.dumps(result.as_dict(), indent=2, sort_keys=True) if args.json else report(result), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
