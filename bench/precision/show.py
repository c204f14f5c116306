#!/usr/bin/env python3
"""Print what a judge needs for each sampled finding: the finding, the translated lines around it, the
English comment above it and where that paragraph is on the English page.

    python bench/precision/show.py [CORPUS] [--code DLC301] [--lang ko] [--unjudged] [--from N --to M]

Entries are numbered by their line in `sample.jsonl` (1-based); `label.py` takes the same numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from findings import DEFAULT_CORPUS, LABELS, label_sort_key, read_labels  # noqa: E402
from sample import SAMPLE  # noqa: E402

WIDTH = 400


def cut(text: str) -> str:
    return text if len(text) <= WIDTH else text[:WIDTH] + " [...]"


def find_line(lines: list[str], text: str, near: int) -> int:
    """The 1-based line holding ``text`` nearest to ``near`` (0 when absent)."""
    hits = [i + 1 for i, line in enumerate(lines) if line.strip() == text]
    return min(hits, key=lambda n: abs(n - near)) if hits else 0


def comment_above(lines: list[str], line: int) -> tuple[int, str]:
    """The last HTML comment that closes above (or on) ``line``: (first line, its text)."""
    for end in range(line - 1, -1, -1):
        if "-->" in lines[end]:
            for start in range(end, max(end - 60, -1), -1):
                if "<!--" in lines[start]:
                    body = " ".join(s.strip() for s in lines[start : end + 1])
                    return start + 1, re.sub(r"^.*?<!--|-->.*$", "", body).strip()
            return 0, ""
        if end < line - 40:
            break
    return 0, ""


def english_place(english: list[str], comment: str) -> int:
    probe = re.sub(r"\s+", " ", comment)[:60]
    if len(probe) < 12:
        return 0
    flat = [re.sub(r"\s+", " ", line) for line in english]
    for i, line in enumerate(flat):
        if probe[:40] in line:
            return i + 1
    return 0


def show(number: int, entry: dict, corpus: Path, label: dict | None) -> None:
    path = entry["path"]
    print(f"=== #{number} {entry['code']} {entry['severity']} {path}:{entry['line']}  span=«{entry['span']}»")
    print(f"    {cut(entry['message'])}")
    if label:
        print(f"    JUDGED {label['verdict']}: {label['reason']}")
    try:
        lines = (corpus / path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        print("    (file unreadable)")
        return
    line = find_line(lines, entry["text"], entry["line"]) or entry["line"]
    for n in range(max(1, line - 2), min(len(lines), line + 2) + 1):
        mark = ">>" if n == line else "  "
        print(f"  {mark}{n:4}| {cut(lines[n - 1])}")
    if "/" not in path:
        return
    start, comment = comment_above(lines, line)
    if comment:
        print(f"    EN comment (line {start}): {cut(comment)}")
    english_path = corpus / ("en/" + path.split("/", 1)[1])
    if english_path.is_file() and comment:
        english = english_path.read_text(encoding="utf-8", errors="replace").splitlines()
        at = english_place(english, comment)
        if at:
            print(f"    EN page en/{path.split('/', 1)[1]}:{at}: {cut(english[at - 1].strip())}")
        else:
            print(f"    EN page: comment text not found in en/{path.split('/', 1)[1]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--code")
    parser.add_argument("--lang")
    parser.add_argument("--unjudged", action="store_true")
    parser.add_argument("--from", dest="first", type=int, default=1)
    parser.add_argument("--to", dest="last", type=int, default=10**9)
    args = parser.parse_args(argv)
    labels = {label_sort_key(lab): lab for lab in read_labels()} if LABELS.exists() else {}
    with SAMPLE.open(encoding="utf-8") as stream:
        entries = [json.loads(line) for line in stream if line.strip()]
    for number, entry in enumerate(entries, start=1):
        if not args.first <= number <= args.last:
            continue
        if args.code and entry["code"] != args.code:
            continue
        if args.lang and not entry["path"].startswith(args.lang + "/"):
            continue
        label = labels.get(label_sort_key(entry))
        if args.unjudged and label:
            continue
        show(number, entry, args.corpus, label)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
