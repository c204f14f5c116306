#!/usr/bin/env python3
"""Precision of dlc-lint on a site it was not developed on (NYU-DLSP21, English + French).

    python bench/precision/unseen/score.py SITE_DOCS [--dlc-lint CMD] [--labels FILE] [--list]

SITE_DOCS is the reconstructed `docs/` folder of the site (see README.md: it is not kept in the repository).
The scorer runs `CMD --isolated --format json SITE_DOCS` (default: the `dlc-lint` beside this Python, else the
one on PATH), matches each finding to a label by file + rule + the stripped text of the finding's line (the
n-th finding with the same key takes the n-th label with that key, so line shifts do not matter), and prints
precision per rule and per severity, with the severity the finding has now.

Precision of warnings and errors is true / (true + false + policy): a warning must be a defect. Precision of
info findings is (true + policy) / all: a hint may be a style choice, but not a mistake. Labels with the
verdict `artifact` (findings caused by pages missing from the reconstruction) are left out of both. Findings
with no label are counted as unjudged and listed with --list: judge them before trusting the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
VERDICTS = ("true", "false", "policy")


def default_command() -> str:
    beside = Path(sys.executable).with_name("dlc-lint")
    if beside.exists():
        return str(beside)
    return shutil.which("dlc-lint") or "dlc-lint"


def run(command: str, site: Path) -> list[dict]:
    env = dict(os.environ, DLC_LINT_NO_CACHE="1")
    done = subprocess.run(
        [command, "--isolated", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=site.parent,
        check=False,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"{command} failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)["findings"]


def line_text(site: Path, relative: str, line: int) -> str:
    try:
        lines = (site / relative).read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def relative_path(site: Path, path: str) -> str:
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = (site.parent / candidate).resolve()
    try:
        return candidate.relative_to(site.resolve()).as_posix()
    except ValueError:
        return path


def match(site: Path, findings: list[dict], labels: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict]]:
    pool: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for label in labels:
        pool[(label["file"], label["rule"], label["text"])].append(label)
    matched, unjudged = [], []
    for finding in findings:
        rel = relative_path(site, finding["path"])
        key = (rel, finding["code"], line_text(site, rel, finding["line"]))
        if pool[key]:
            matched.append((finding, pool[key].pop(0)))
        else:
            unjudged.append(finding)
    return matched, unjudged


def precision(counts: Counter, info: bool) -> str:
    judged = sum(counts[v] for v in VERDICTS)
    if not judged:
        return "-"
    good = counts["true"] + (counts["policy"] if info else 0)
    return f"{100 * good / judged:.0f}% ({good}/{judged})"


def table(title: str, rows: dict[str, Counter], info_rows: set[str]) -> None:
    print(f"\n{title:<22} {'true':>5} {'false':>6} {'policy':>7} {'artifact':>9}  precision")
    for name in sorted(rows):
        c = rows[name]
        print(
            f"{name:<22} {c['true']:>5} {c['false']:>6} {c['policy']:>7} {c['artifact']:>9}  "
            f"{precision(c, name in info_rows)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the reconstructed docs/ folder of NYU-DLSP21")
    parser.add_argument("--dlc-lint", default=default_command(), help="dlc-lint command to measure")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.jsonl")
    parser.add_argument("--list", action="store_true", help="list the findings that have no label")
    args = parser.parse_args()
    site = args.site.resolve()
    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    findings = run(args.dlc_lint, site)
    matched, unjudged = match(site, findings, labels)

    by_rule: dict[str, Counter] = defaultdict(Counter)
    by_severity: dict[str, Counter] = defaultdict(Counter)
    info_rules: set[str] = set()
    for finding, label in matched:
        severity = finding["severity"]
        rule = f"{finding['code']} {severity}"
        by_rule[rule][label["verdict"]] += 1
        group = "info" if severity == "info" else "warning+error"
        by_severity[group][label["verdict"]] += 1
        if severity == "info":
            info_rules.add(rule)
    print(
        f"{len(findings)} findings, {len(matched)} judged, {len(unjudged)} unjudged, {len(labels) - len(matched)} labels unmatched"
    )
    table("severity", by_severity, {"info"})
    table("rule", by_rule, info_rules)
    if args.list:
        for finding in unjudged:
            print(
                f"UNJUDGED {finding['path']}:{finding['line']} {finding['code']} {finding['severity']}: {finding['message']}"
            )


if __name__ == "__main__":
    main()
