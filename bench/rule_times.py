#!/usr/bin/env python3
"""Where a lint run spends its time: parsing, site-wide facts and each rule, in seconds.

    python bench/rule_times.py ../shared/corpus/pytorch-Deep-Learning/docs [--top 15]

Rules share cached page views (tags, links, prose text...): the first rule to ask for one pays
for it, so a rule's figure includes whatever it was the first to compute.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ["DLC_LINT_JOBS"] = "1"  # every page in this process, where the timers are

from dlc_lint.config import Settings  # noqa: E402
from dlc_lint.engine import run as engine  # noqa: E402
from dlc_lint.parse import page as page_module  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)

    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    original_run = engine._run
    original_parse = page_module.page_from_source

    def timed_run(rule_, context, by_code, debug):
        start = time.perf_counter()
        try:
            return original_run(rule_, context, by_code, debug)
        finally:
            spent[f"{rule_.code} {rule_.name}"] += time.perf_counter() - start
            calls[f"{rule_.code} {rule_.name}"] += 1

    def timed_parse(*a, **k):
        start = time.perf_counter()
        try:
            return original_parse(*a, **k)
        finally:
            spent["(parse pages)"] += time.perf_counter() - start
            calls["(parse pages)"] += 1

    engine._run = timed_run
    page_module.page_from_source = timed_parse
    start = time.perf_counter()
    result = engine.lint(args.paths, Settings(), use_cache=False)  # every page linted, none replayed
    total = time.perf_counter() - start
    print(f"{'total lint()':40s} {total:8.3f} s   {len(result.findings)} findings, {len(result.targets)} files")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1])[: args.top]:
        print(f"{name:40s} {seconds:8.3f} s   {calls[name]:5d} calls  {100 * seconds / total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
