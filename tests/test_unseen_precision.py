"""The unseen-site precision set (bench/precision/unseen/) is data: its labels stay well formed, and its scorer
matches findings to labels by file, rule and line text, whatever line the finding is on now."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

from conftest import REPO

UNSEEN = REPO / "bench" / "precision" / "unseen"
KEYS = {"site", "file", "line", "rule", "severity", "message", "text", "verdict", "reason"}


def _scorer():
    spec = importlib.util.spec_from_file_location("unseen_score", UNSEEN / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _labels() -> list[dict]:
    return [json.loads(line) for line in (UNSEEN / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def test_labels_are_well_formed_and_unique():
    labels = _labels()
    assert len(labels) >= 40
    for label in labels:
        assert set(label) == KEYS, label
        assert label["site"] == "NYU-DLSP21"
        assert re.fullmatch(r"DLC\d{3}", label["rule"]), label
        assert label["severity"] in ("error", "warning", "info"), label
        assert label["verdict"] in ("true", "false", "policy", "artifact"), label
        assert label["reason"].strip() and "\n" not in label["reason"], label
        assert label["text"] == label["text"].strip(), label
        assert not label["file"].startswith(("/", "docs/")), label
    keys = Counter((label["file"], label["line"], label["rule"]) for label in labels)
    assert [key for key, count in keys.items() if count > 1] == []


def _site(tmp_path: Path, lines: list[str]) -> Path:
    docs = tmp_path / "docs"
    (docs / "fr").mkdir(parents=True)
    (docs / "fr" / "page.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docs


def _label(text: str, verdict: str) -> dict:
    return {"file": "fr/page.md", "rule": "DLC720", "text": text, "verdict": verdict}


def test_a_label_follows_its_line_when_the_page_shifts(tmp_path):
    score = _scorer()
    docs = _site(tmp_path, ["---", "lang: fr", "---", "", "inserted", "Une phrase."])
    finding = {"path": "docs/fr/page.md", "line": 6, "code": "DLC720", "severity": "info", "message": "m"}
    matched, unjudged = score.match(docs, [finding], [_label("Une phrase.", "false")])
    assert [label["verdict"] for _, label in matched] == ["false"]
    assert unjudged == []


def test_same_text_twice_takes_the_labels_in_order_and_a_new_line_is_unjudged(tmp_path):
    score = _scorer()
    docs = _site(tmp_path, ["$$", "x", "$$", "", "$$", "x", "$$", "autre"])
    findings = [
        {"path": "docs/fr/page.md", "line": line, "code": "DLC720", "severity": "warning", "message": "m"}
        for line in (2, 6, 8)
    ]
    labels = [_label("x", "true"), _label("x", "false")]
    matched, unjudged = score.match(docs, findings, labels)
    assert [label["verdict"] for _, label in matched] == ["true", "false"]
    assert [finding["line"] for finding in unjudged] == [8]


def test_precision_counts_policy_as_good_only_for_info():
    score = _scorer()
    counts = Counter({"true": 2, "policy": 1, "false": 1, "artifact": 5})
    assert score.precision(counts, info=False) == "50% (2/4)"
    assert score.precision(counts, info=True) == "75% (3/4)"
    assert score.precision(Counter({"artifact": 3}), info=False) == "-"
