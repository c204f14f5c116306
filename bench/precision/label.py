#!/usr/bin/env python3
"""Record judgements of sampled findings in `labels.jsonl` (kept sorted; a re-judged entry is replaced).

    python bench/precision/label.py JUDGEMENTS.tsv

Each line of the input: the entry's number in `sample.jsonl` (as `show.py` prints it), a tab, the verdict
(`true`, `false` or `policy`), a tab, the one-line reason. Blank lines and lines starting with `#` are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import LABELS, VERDICTS, label_sort_key, read_labels, write_labels  # noqa: E402
from sample import SAMPLE  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("judgements", type=Path)
    args = parser.parse_args(argv)
    with SAMPLE.open(encoding="utf-8") as stream:
        entries = [json.loads(line) for line in stream if line.strip()]
    labels = {label_sort_key(lab): lab for lab in read_labels()} if LABELS.exists() else {}
    added = 0
    for raw in args.judgements.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        number, verdict, reason = raw.split("\t", 2)
        if verdict not in VERDICTS or not reason.strip():
            raise SystemExit(f"bad judgement line: {raw!r}")
        entry = dict(entries[int(number) - 1], verdict=verdict, reason=reason.strip())
        labels[label_sort_key(entry)] = entry
        added += 1
    write_labels(list(labels.values()))
    print(f"{added} judgements recorded; {len(labels)} labels in {LABELS.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
