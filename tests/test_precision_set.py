"""The labelled precision set (bench/precision/) is data: these tests keep it honest, and check the scorer
on a tiny site whose findings and labels are known."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench" / "precision"))

import findings as precision  # noqa: E402
import score  # noqa: E402

PRECISION = REPO / "bench" / "precision"
FIXTURE = REPO / "tests" / "fixtures" / "precision"
KEYS = {"path", "code", "text", "span", "occurrence", "line", "severity", "message"}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_labels_are_well_formed_sorted_and_unique():
    raw = _lines(precision.LABELS)
    labels = [json.loads(line) for line in raw]
    assert len(labels) >= 250
    for label in labels:
        assert set(label) == KEYS | {"verdict", "reason"}, label
        assert re.fullmatch(r"DLC\d{3}", label["code"]), label
        assert label["severity"] in ("error", "warning", "info"), label
        assert label["verdict"] in precision.VERDICTS, label
        assert label["reason"].strip() and "\n" not in label["reason"], label
        assert isinstance(label["occurrence"], int) and label["occurrence"] >= 0, label
        assert label["text"] == label["text"].strip() and label["text"], label
    keys = [precision.label_sort_key(label) for label in labels]
    assert keys == sorted(keys), "labels.jsonl must stay sorted (label.py writes it so)"
    assert len(set(keys)) == len(keys), "a finding is labelled twice"
    # one canonical spelling per line, so that a diff shows only what changed
    assert raw == [json.dumps(label, ensure_ascii=False, sort_keys=True) for label in labels]


def test_every_sampled_finding_is_judged_and_every_label_was_sampled():
    sample = [json.loads(line) for line in _lines(PRECISION / "sample.jsonl")]
    assert all(set(entry) == KEYS for entry in sample)
    drawn = {precision.label_sort_key(entry) for entry in sample}
    labelled = {precision.label_sort_key(label) for label in precision.read_labels()}
    assert drawn == labelled


def test_sample_covers_every_language_asked_for():
    languages = {precision.language_of(label["path"]) for label in precision.read_labels()}
    assert {"ko", "zh", "fr", "es", "ja", "ar"} <= languages


def test_population_is_sorted_digests():
    digests = _lines(precision.POPULATION)
    assert digests == sorted(set(digests))
    assert all(re.fullmatch(r"[0-9a-f]{16}", d) for d in digests)


def test_scorer_on_a_tiny_site(capsys):
    site = FIXTURE / "site"
    labels = precision.read_labels(FIXTURE / "labels.jsonl")
    result = score.score(labels, precision.current_findings(site), score.read_population(FIXTURE / "population.txt"))
    assert (result.findings, result.labels, result.judged) == (5, 5, 4)
    # the second broken link on line 17 is neither labelled nor in the population: new, to judge
    assert result.unjudged == 1
    assert [(f.code, f.span) for f in result.new] == [("DLC401", "{{site.baseurl}}/ko/week03/03/")]
    # the DLC301 label's line is gone from the page
    assert [label["code"] for label in result.stale] == ["DLC301"]
    figures = result.as_dict()
    # warnings and errors: the broken link (true), the link judged false; info: the title (true) and the
    # misspelt `translation date` judged policy (info: the fixture site has no layout showing it)
    assert figures["overall"] == {
        "n": 4,
        "true": 2,
        "false": 1,
        "policy": 1,
        "warn_err": 2,
        "warn_err_precision": pytest.approx(1 / 2),
        "info": 2,
        "info_precision": 1.0,
    }
    severity = figures["by_severity"]
    assert list(severity) == ["error", "info"]
    assert severity["error"]["warn_err_precision"] == 0.5
    assert severity["info"]["info_precision"] == 1.0
    # the DLC117 label records an older span (`Motivation`): it still matches by the line's text
    assert figures["by_rule"]["DLC117"]["true"] == 1
    assert figures["by_language"] == {"ko": figures["overall"]}
    # by volume: the three broken links weigh 3 (half of the judged ones true); the misspelt key is info
    assert figures["weighted"] == {
        "warn_err_precision": pytest.approx(1.5 / 3),
        "warn_err_unweighed": 0,
        "info_precision": 1.0,
        "info_unweighed": 0,
    }

    assert (
        score.main(
            [str(site), "--labels", str(FIXTURE / "labels.jsonl"), "--population", str(FIXTURE / "population.txt")]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert (
        "unjudged findings: 1 (new since the sample was drawn, to judge: 1); stale labels (no finding matches): 1"
        in printed
    )
    assert "| ko | 4 | 2 | 1 | 1 | 2 | 50.0% | 2 | 100.0% |" in printed


def test_info_policy_counts_as_right_but_warning_policy_does_not():
    tally = score.Tally()
    for severity, verdict in [("info", "policy"), ("info", "false"), ("warning", "policy"), ("warning", "true")]:
        tally.add(severity, verdict)
    assert (tally.info_precision, tally.strict_precision) == (0.5, 0.5)


def test_scorer_refuses_a_folder_that_is_not_a_site(tmp_path, capsys):
    with pytest.raises(SystemExit):
        score.main([str(tmp_path)])
    assert "no _config.yml" in capsys.readouterr().err
