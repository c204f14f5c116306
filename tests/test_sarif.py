"""``--format sarif``: valid SARIF 2.1.0 (checked with jsonschema), rules with their docs, stable fingerprints."""

from __future__ import annotations

import json
import os
import shutil

import jsonschema
import pytest
from conftest import ENGLISH, SARIF_SCHEMA, write_site

from dlc_lint.cli.main import main
from dlc_lint.finding import Finding, Location, Severity
from dlc_lint.report.sarif import sarif_log
from dlc_lint.rules import all_rules

KOREAN = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--## Course plan-->\n## 강의 계획\n\n<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n"
)
BROKEN = "\n[다음](../week09/09-1)\n"


@pytest.fixture(scope="module")
def validator():
    if not SARIF_SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"no SARIF schema at {SARIF_SCHEMA}; CI must have ../shared")
        pytest.skip(f"no SARIF schema at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # This copy of the schema keeps the log's own definition in definitions/Root and
    # constrains nothing at the top: validate against that definition.
    if "Root" in schema.get("definitions", {}) and "properties" not in schema:
        schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def assert_valid(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [(list(e.absolute_path), e.message) for e in errors[:5]]


def sarif_of(capsys, *args: str, select: str = "DLC101,DLC401") -> tuple[int, dict]:
    code = main(["check", "--format", "sarif", "--select", select, *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def site(tmp_path, monkeypatch):
    write_site(tmp_path, {"en/week01/01-1.md": ENGLISH, "ko/week01/01-1.md": "\ufeff" + KOREAN + BROKEN})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_validator_rejects_what_is_not_sarif(validator):
    assert not validator.is_valid({"runs": []})
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})
    assert not validator.is_valid(
        {
            "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "info"}]}],
        }
    )


def test_check_output_is_valid_sarif(site, capsys, validator):
    code, log = sarif_of(capsys, "ko")
    assert code == 1
    assert_valid(validator, log)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("DLC101", 1),
        ("DLC401", 15),
    ]
    link = results[1]
    assert link["level"] == "error"
    assert link["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "ko/week01/01-1.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert link["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 15,
        "startColumn": 6,
        "endLine": 15,
        "endColumn": 20,
    }
    assert "../week09/09-1" in link["message"]["text"]
    assert results[0]["properties"] == {"fix": results[0]["properties"]["fix"], "fixSafety": "safe"}


def test_rules_carry_their_documentation(site, capsys):
    _, log = sarif_of(capsys, "ko")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "dlc-lint" and driver["version"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(all_rules())
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    hidden = next(r for r in rules if r["id"] == "DLC101")
    assert hidden["name"] == "front-matter-hidden"
    assert hidden["shortDescription"]["text"] == all_rules()["DLC101"].summary
    assert hidden["fullDescription"]["text"].startswith("Finds a page whose front matter block is preceded by a")
    assert (
        "## Why is this bad?" in hidden["help"]["markdown"]
        and "Jekyll only sees front matter" in hidden["help"]["text"]
    )
    assert hidden["defaultConfiguration"] == {"level": "error"}
    levels = {r["defaultConfiguration"]["level"] for r in rules}
    assert levels <= {"error", "warning", "note"}


def test_fingerprints_survive_line_shifts_and_tell_twins_apart(site, capsys):
    _, log = sarif_of(capsys, "ko")
    before = {r["ruleId"]: r["partialFingerprints"]["dlcLint/v1"] for r in log["runs"][0]["results"]}
    page = site / "ko/week01/01-1.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## 강의 계획\n", "## 강의 계획\n\n새 문단.\n\n또 하나.\n") + BROKEN, encoding="utf-8")
    _, log = sarif_of(capsys, "ko")
    results = log["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results if r["ruleId"] == "DLC401"]
    assert lines == [19, 21]
    prints = [r["partialFingerprints"]["dlcLint/v1"] for r in results]
    assert len(set(prints)) == len(prints) == 3
    assert before["DLC401"] in prints and before["DLC101"] in prints


def test_related_locations_levels_and_odd_paths_stay_valid(validator):
    finding = Finding(
        "docs/ko/주 1/a b%.md",
        3,
        2,
        4,
        1,
        "DLC101",
        "front-matter-hidden",
        Severity.INFO,
        "a message\nwith a newline",
        related=(Location("docs/en/a.md", 1, 1, 1, 4, "English"),),
    )
    log = sarif_log([finding], "0.1.0")
    assert_valid(validator, log)
    result = log["runs"][0]["results"][0]
    assert result["level"] == "note"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/ko/%EC%A3%BC%201/a%20b%25.md"
    assert result["relatedLocations"] == [
        {
            "id": 0,
            "physicalLocation": {
                "artifactLocation": {"uri": "docs/en/a.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 4},
            },
            "message": {"text": "English"},
        }
    ]


def test_the_real_corpus_gives_valid_sarif(corpus, tmp_path, monkeypatch, capsys, validator):
    monkeypatch.chdir(corpus.parent)
    code, log = sarif_of(capsys, "docs/ko", select="ALL")
    assert_valid(validator, log)
    results = log["runs"][0]["results"]
    assert results and code == 1
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("docs/") for r in results)
    prints = [r["partialFingerprints"]["dlcLint/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_an_empty_run_is_valid(tmp_path, monkeypatch, capsys, validator):
    write_site(tmp_path, {"en/week01/01-1.md": ENGLISH})
    monkeypatch.chdir(tmp_path)
    code, log = sarif_of(capsys, "en")
    assert code == 0 and log["runs"][0]["results"] == []
    assert_valid(validator, log)
    shutil.rmtree(tmp_path / "en")


def test_every_rule_has_the_explain_text_as_help_and_a_help_uri(site, capsys, validator):
    import re

    from conftest import REPO

    from dlc_lint import __version__

    _, log = sarif_of(capsys, "ko")
    assert_valid(validator, log)
    anchors = {
        f"{m.group(1).lower()}-{m.group(2)}"
        for m in re.finditer(r"^### (DLC\d{3}) (\S+)$", (REPO / "docs/rules.md").read_text(encoding="utf-8"), re.M)
    }
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == len(all_rules()) == len(anchors)
    for rule in rules:
        assert main(["explain", rule["id"]]) == 0
        assert rule["help"]["text"] == capsys.readouterr().out, rule["id"]
        page, _, anchor = rule["helpUri"].partition("#")
        assert page == f"https://github.com/OWNER/dlc-lint/blob/v{__version__}/docs/rules.md"
        assert anchor in anchors and anchor == f"{rule['id'].lower()}-{rule['name']}"
