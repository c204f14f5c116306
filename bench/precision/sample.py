#!/usr/bin/env python3
"""Draw the precision sample: findings of one dlc-lint run on the corpus, at random, stratified.

    python bench/precision/sample.py [CORPUS] [--seed 12] [--scale 0.8] [--per-language 25]

Every (rule, severity) that fires gets min(count, max(3, ceil(scale * sqrt(count)))) findings; inside a
rule the languages take turns (ko, zh, fr, es, ja, ar first, then the others in a seeded order), each turn
one finding drawn at random from that language. Then every language with 150 findings or more is topped up
to --per-language findings (default 25), drawn from that language with the rules taking turns. Writes `sample.jsonl` (the draw, one finding a line, in
the labels' order) and `population.txt` (a digest of every finding of the run, so that the scorer can tell
a finding that appeared later from one that was simply not drawn).
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

from findings import DEFAULT_CORPUS, HERE, POPULATION, Current, current_findings, label_sort_key  # noqa: E402

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--scale", type=float, default=0.8)
    parser.add_argument("--per-language", type=int, default=25)
    args = parser.parse_args(argv)
    findings = current_findings(args.corpus)
    chosen = sorted((as_entry(f) for f in draw(findings, args.seed, args.scale, args.per_language)), key=label_sort_key)
    with SAMPLE.open("w", encoding="utf-8") as stream:
        for entry in chosen:
            stream.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    POPULATION.write_text("".join(d + "\n" for d in sorted({f.digest for f in findings})), encoding="utf-8")
    languages = defaultdict(int)
    for entry in chosen:
        languages[entry["path"].split("/", 1)[0] if "/" in entry["path"] else "(site)"] += 1
    print(f"{len(chosen)} of {len(findings)} findings drawn; by language: {dict(sorted(languages.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
