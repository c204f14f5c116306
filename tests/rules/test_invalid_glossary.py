"""DLC305 invalid-glossary: a site glossary file that does not load is reported where it goes wrong."""

from __future__ import annotations

from conftest import lint_site, write_site

PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n피쳐\n"
FILES = {"en/week01/01-1.md": "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n", "ko/week01/01-1.md": PAGE}

BAD = """\
language: ko
entries:
  - id: layer
    prefered: [계층]
"""

GOOD = """\
language: ko
sources:
  team: {title: Decisions of the translation team}
entries:
  - id: pretext-task
    en: pretext task
    preferred: [프리텍스트 작업]
    accepted: [사전 과제]
    sources: ["team: meeting 2020-05"]
    examples: {pass: [프리텍스트 작업을 정의한다]}
"""

FAILING_EXAMPLE = GOOD.replace(
    "{pass: [프리텍스트 작업을 정의한다]}", "{pass: [프리텍스트 작업을 정의한다], fail: [사전 과제]}"
)


def run(tmp_path, glossary_text, select=("DLC305",)):
    write_site(tmp_path, FILES)
    path = tmp_path / "glossary-ko.yml"
    path.write_text(glossary_text, encoding="utf-8")
    return lint_site(tmp_path, ["ko"], select=select, glossaries=(path,))


def test_misspelled_key_is_reported_at_its_line(tmp_path):
    findings = run(tmp_path, BAD)
    assert [(f.path, f.line, f.column, f.code) for f in findings] == [("glossary-ko.yml", 4, 5, "DLC305")]
    assert "prefered" in findings[0].message and findings[0].severity.value == "error"


def test_a_bad_glossary_turns_the_glossary_rules_off_for_its_language(tmp_path):
    assert run(tmp_path, BAD, select=("DLC301",)) == []
    assert [f.code for f in run(tmp_path, GOOD, select=("DLC301",))] == ["DLC301"]


def test_valid_site_glossary_has_no_finding(tmp_path):
    assert run(tmp_path, GOOD) == []


def test_site_examples_are_checked(tmp_path):
    findings = run(tmp_path, FAILING_EXAMPLE)
    assert [(f.line, f.code) for f in findings] == [(10, "DLC305")]
    assert "fail example is not flagged" in findings[0].message


def test_no_site_glossary_no_finding(tmp_path):
    write_site(tmp_path, FILES)
    assert lint_site(tmp_path, ["ko"], select=("DLC305",)) == []
