#!/usr/bin/env python3
"""Draw the precision sample: findings of one dlc-lint run on the corpus, at random, stratified.

    python bench/precision/sample.py [CORPUS] [--seed 12] [--scale 0.8] [--per-language 25]

Every (rule, severity) that fires gets min(count, max(3, ceil(scale * sqrt(count)))) findings; inside a
rule the languages take turns (ko, zh, fr, es, ja, ar first, then the others in a seeded order), each turn
one finding drawn at random from that language. Then every language with 150 findings or more is topped up
to --per-language findings (default 25), drawn from that language with the rules taking turns. Writes `sample.jsonl` (the draw, one finding a line, in
the labels' order) and `population.txt` (a digest of every finding of the run, so that the scorer can tell
a finding that appeared later from one that was simply not drawn).

After a rule change, `--add-new` appends the findings that are not in `population.txt` (all of them, or a
seeded draw of --most-new per rule and severity) and adds them to the population; judge them before the
change lands. `--redraw` starts a new sample (the old labels then go stale).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import (  # noqa: E402
    DEFAULT_CORPUS,
    HERE,
    POPULATION,
    Current,
    current_findings,
    label_sort_key,
    language_of,
)

FIRST_LANGUAGES = ("ko", "zh", "fr", "es", "ja", "ar")
SAMPLE = HERE / "sample.jsonl"
LARGE_LANGUAGE = 150  # a language with this many findings gets --per-language of them at least


def draw(findings: list[Current], seed: int, scale: float, minimum: int) -> list[Current]:
    rng = random.Random(seed)
    strata: dict[tuple[str, str], list[Current]] = defaultdict(list)
    for f in findings:
        strata[(f.code, f.severity)].append(f)
    chosen: list[Current] = []
    for stratum in sorted(strata):
        members = strata[stratum]
        quota = min(len(members), max(3, math.ceil(scale * math.sqrt(len(members)))))
        by_language: dict[str, list[Current]] = defaultdict(list)
        for f in members:
            by_language[f.language].append(f)
        others = sorted(lang for lang in by_language if lang not in FIRST_LANGUAGES)
        rng.shuffle(others)
        order = [lang for lang in FIRST_LANGUAGES if lang in by_language] + others
        picked: list[Current] = []
        while len(picked) < quota:
            for lang in order:
                pool = by_language[lang]
                if pool and len(picked) < quota:
                    picked.append(pool.pop(rng.randrange(len(pool))))
        chosen.extend(picked)
    return top_up(findings, chosen, rng, minimum)


def top_up(findings: list[Current], chosen: list[Current], rng: random.Random, minimum: int) -> list[Current]:
    """Languages with many findings get at least ``minimum`` in the sample: extra draws, the rules taking turns."""
    taken = {f.key for f in chosen}
    counts: dict[str, int] = defaultdict(int)
    for f in chosen:
        counts[f.language] += 1
    totals: dict[str, int] = defaultdict(int)
    for f in findings:
        totals[f.language] += 1
    for lang in sorted(totals):
        if totals[lang] < LARGE_LANGUAGE or counts[lang] >= minimum:
            continue
        by_rule: dict[str, list[Current]] = defaultdict(list)
        for f in findings:
            if f.language == lang and f.key not in taken:
                by_rule[f.code].append(f)
        while counts[lang] < minimum and any(by_rule.values()):
            for code in sorted(by_rule):
                pool = by_rule[code]
                if pool and counts[lang] < minimum:
                    extra = pool.pop(rng.randrange(len(pool)))
                    chosen.append(extra)
                    taken.add(extra.key)
                    counts[lang] += 1
    return chosen


def as_entry(f: Current) -> dict:
    return {
        "path": f.path,
        "code": f.code,
        "text": f.text,
        "span": f.span,
        "occurrence": f.occurrence,
        "line": f.line,
        "severity": f.severity,
        "message": f.message,
    }


def write_sample(entries: list[dict]) -> None:
    with SAMPLE.open("w", encoding="utf-8") as stream:
        for entry in sorted(entries, key=label_sort_key):
            stream.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")


def write_population(digests: set[str]) -> None:
    POPULATION.write_text("".join(d + "\n" for d in sorted(digests)), encoding="utf-8")


def add_new(findings: list[Current], seed: int, most: int, rules: set[str] | None = None) -> list[dict]:
    """Findings that were not there when the sample was drawn: all of them, or ``most`` per rule and severity.

    With ``rules``, only those rules' findings are added (and entered in the population): a change to some
    rules is judged without touching what other changes add."""
    if rules:
        findings = [f for f in findings if f.code in rules]
    known = set(POPULATION.read_text(encoding="utf-8").split()) if POPULATION.exists() else set()
    sampled = {label_sort_key(json.loads(line)) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line}
    new = [f for f in findings if f.digest not in known and f.key not in sampled]
    rng = random.Random(seed)
    strata: dict[tuple[str, str], list[Current]] = defaultdict(list)
    for f in new:
        strata[(f.code, f.severity)].append(f)
    added = []
    for stratum in sorted(strata):
        members = strata[stratum]
        added.extend(members if len(members) <= most else rng.sample(members, most))
    write_population(known | {f.digest for f in findings})
    return [as_entry(f) for f in added]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--scale", type=float, default=0.8)
    parser.add_argument("--per-language", type=int, default=25)
    parser.add_argument("--redraw", action="store_true", help="draw a new sample (the labels of the old one go stale)")
    parser.add_argument("--add-new", action="store_true", help="add the findings that appeared since the draw")
    parser.add_argument("--most-new", type=int, default=30, help="with --add-new: at most this many per rule")
    parser.add_argument("--rules", default="", help="with --add-new: only these rules (comma-separated codes)")
    args = parser.parse_args(argv)
    if SAMPLE.exists() and not (args.redraw or args.add_new):
        parser.error("sample.jsonl exists: use --add-new after a rule change, or --redraw to start over")
    findings = current_findings(args.corpus)
    if args.add_new:
        rules = {code.strip().upper() for code in args.rules.split(",") if code.strip()} or None
        added = add_new(findings, args.seed, args.most_new, rules)
        old = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line]
        write_sample(old + added)
        print(f"{len(added)} new findings added to the sample: judge them (show.py --unjudged, then label.py)")
        return 0
    chosen = [as_entry(f) for f in draw(findings, args.seed, args.scale, args.per_language)]
    write_sample(chosen)
    write_population({f.digest for f in findings})
    languages: dict[str, int] = defaultdict(int)
    for entry in chosen:
        languages[language_of(entry["path"])] += 1
    print(f"{len(chosen)} of {len(findings)} findings drawn; by language: {dict(sorted(languages.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
