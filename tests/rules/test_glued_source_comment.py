from conftest import check_page, findings_of, lint_site
from site_fixing import read, run_fix

from dlc_lint.finding import Severity

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_glued_comment_spanning_a_blank_line_leaks(tmp_path):
    page = FM + "번역된 문단이다.\n<!--\n## Lecture part A\n\nWe discuss -->\n\n## 강의 A\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC608"])
    assert (finding.line, finding.column, finding.severity) == (10, 1, Severity.ERROR)
    (edit,) = finding.fix.edits
    fixed = page[: edit.start] + edit.new_text + page[edit.end :]
    assert fixed == FM + "번역된 문단이다.\n\n<!--\n## Lecture part A\n\nWe discuss -->\n\n## 강의 A\n"
    (tmp_path / "ko/week01/01-1.md").write_text(fixed, encoding="utf-8")
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC608",)) == []


def test_single_block_glued_comment_is_info(tmp_path):
    page = (
        FM
        + "번역된 문단이다.\n<!-- The translated paragraph. -->\n\n<!-- Next -->\n\n다음\n\n```\ncode\n```\n<!-- After a fence -->\n"
    )
    (finding,) = findings_of(tmp_path, page, select=["DLC608"])
    assert (finding.line, finding.column, finding.severity) == (10, 1, Severity.INFO)


def _apply(text, fix):
    for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.new_text + text[edit.end :]
    return text


def test_heading_holding_only_the_comment_is_an_empty_heading(tmp_path):
    # zh/week08/08-3.md:146: `### <!--The penalty term-->` renders an empty <h3>
    page = FM + "본문\n\n### <!--The penalty term-->\n\n### 페널티 항\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC608"])
    assert (finding.line, finding.column, finding.severity) == (11, 5, Severity.WARNING)
    assert "empty heading" in finding.message and "`<!--### The penalty term-->`" in finding.message
    fixed = _apply(page, finding.fix)
    assert fixed == FM + "본문\n\n<!--### The penalty term-->\n\n### 페널티 항\n"
    (tmp_path / "ko/week01/01-1.md").write_text(fixed, encoding="utf-8")
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC608",)) == []


def test_fixing_twice_equals_fixing_once(tmp_path):
    page = FM + "본문\n### <!--The penalty term-->\n\n### 페널티 항\n문단.\n<!-- Next -->\n다음\n"
    check_page(tmp_path, page, select=["DLC608"])
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC608"])
    safe = read(tmp_path, "ko/week01/01-1.md")
    # the blank line before a glued comment changes the page's pairing: only with --unsafe-fixes
    assert safe == FM + "본문\n\n<!--### The penalty term-->\n\n### 페널티 항\n문단.\n<!-- Next -->\n다음\n"
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC608"], unsafe=True)
    once = read(tmp_path, "ko/week01/01-1.md")
    assert once == FM + "본문\n\n<!--### The penalty term-->\n\n### 페널티 항\n문단.\n\n<!-- Next -->\n다음\n"
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC608"], unsafe=True)
    assert read(tmp_path, "ko/week01/01-1.md") == once


def test_the_message_says_where_the_comment_sits(tmp_path):
    page = FM + (
        "- <!--Grid Search-->그리드 탐색\n\n### <!--Problem--> 문제\n\n"
        "앞 문장. <!-- The sentence. --> 뒤 문장.\n\n1. <!--Step one--> 첫 단계\n"
    )
    findings = findings_of(tmp_path, page, select=["DLC608"])
    assert [(f.line, f.column, f.severity) for f in findings] == [
        (9, 3, Severity.INFO),
        (11, 5, Severity.INFO),
        (13, 7, Severity.INFO),
        (15, 4, Severity.INFO),
    ]
    assert [f.message.split(";")[0] for f in findings] == [
        "this English comment is inside the list item (after `-`)",
        "this English comment is inside the heading (after `###`)",
        "this English comment is glued to the text before it on the same line",
        "this English comment is inside the list item (after `1.`)",
    ]
    assert all(f.fix is None for f in findings)
