from conftest import findings_of, lint_site

from dlc_lint.finding import Severity

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_glued_comment_spanning_a_blank_line_leaks(tmp_path):
    page = FM + "번역된 문단이다.\n<!--\n## Lecture part A\n\nWe discuss -->\n\n## 강의 A\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC608"])
    assert (finding.line, finding.column, finding.severity) == (10, 1, Severity.ERROR)
    (edit,) = finding.fix.edits
    fixed = page[:edit.start] + edit.new_text + page[edit.end:]
    assert fixed == FM + "번역된 문단이다.\n\n<!--\n## Lecture part A\n\nWe discuss -->\n\n## 강의 A\n"
    (tmp_path / "ko/week01/01-1.md").write_text(fixed, encoding="utf-8")
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC608",)) == []


def test_single_block_glued_comment_is_info(tmp_path):
    page = FM + "번역된 문단이다.\n<!-- The translated paragraph. -->\n\n<!-- Next -->\n\n다음\n\n```\ncode\n```\n<!-- After a fence -->\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC608"])
    assert (finding.line, finding.column, finding.severity) == (10, 1, Severity.INFO)
