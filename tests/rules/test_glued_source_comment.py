from conftest import ENGLISH, check_page, lint_site
from conftest import findings_of as findings_on_site
from site_fixing import read, run_fix

from dlc_lint.finding import Severity

# The English page whose text the comments of these pages keep (a source comment is the English page's
# text: a comment mostly in other words is a note or a translated aside, which DLC608 leaves alone).
EN = ENGLISH + (
    "\nGrid Search. Problem. The sentence. Step one. The translated paragraph. Next. After a fence. The penalty"
    " term. Lecture part A: we discuss. Lecture part B. The check reader. It is important. Given the set. The"
    " English of the item on two lines. Relative position is easy; masking is harder. The state of the truck and"
    " the angle. The second item. A sentence <!--an aside--> goes on, with another one.\n\n"
    '<center>\n<img src="a.png"/><br>\n</center>\n'
)


def findings_of(tmp_path, page, **kwargs):
    return findings_on_site(tmp_path, page, **{"english": EN, **kwargs})


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
    check_page(tmp_path, page, select=["DLC608"], english=EN)
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
    # `- <!--Grid Search-->그리드 탐색`: a list translated item by item, hidden, is the page's layout
    assert [(f.line, f.column, f.severity) for f in findings] == [(11, 5, Severity.INFO), (13, 7, Severity.INFO)]
    assert [f.message.split(";")[0] for f in findings] == [
        "this English comment is inside the heading (after `###`)",
        "this English comment is glued to the text before it on the same line",
    ]
    assert all(f.fix is None for f in findings)


def test_layouts_of_the_page_itself_are_not_reported(tmp_path):
    # a comment on the line after a list item: a blank line there would make the list loose
    listed = FM + "- 첫 항목\n<!-- * The second item -->\n- 둘째 항목\n"
    assert findings_of(tmp_path, listed, select=["DLC608"]) == []
    # the English page's own aside, kept on the translation
    english = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\nA sentence <!--an aside--> goes on.\n"
    aside = FM + "한 문장 <!--an aside--> 계속된다.\n"
    assert findings_of(tmp_path, aside, select=["DLC608"], english=english) == []
    assert len(findings_of(tmp_path, aside.replace("an aside", "another aside"), select=["DLC608"])) == 1
    # a translator's note or a translated aside: not the English page's words, so not a source comment
    note = FM + "한 문장 <!-- 검토자에게: 이 문장은 줄였습니다 --> 계속된다.\n"
    assert findings_of(tmp_path, note, select=["DLC608"]) == []
    note = FM + "한 문장 <!-- nota per il revisore: ho accorciato la frase --> 계속된다.\n"
    assert findings_of(tmp_path, note, select=["DLC608"]) == []


def _shown(tmp_path, body):
    return [(f.line, f.severity) for f in findings_of(tmp_path, FM + body, select=["DLC608"])]


def test_a_glued_comment_cut_by_a_heading_inside_it_is_shown(tmp_path):
    # fixtures/renderer/ko/comments/glued-heading-inside.md: the `### ` line ends the paragraph
    assert _shown(tmp_path, "번역된 문단이다.\n<!--\n### Lecture part B\n-->\n\n### 강의 B\n") == [(10, Severity.ERROR)]


def test_a_glued_comment_cut_by_a_list_item_inside_it_is_shown(tmp_path):
    page = "* 목록 항목이다.\n<!--  * Relative position is easy\n  * Masking is harder -->\n\n  * 상대 위치\n"
    ((line, severity),) = _shown(tmp_path, page)
    assert (line, severity) == (10, Severity.ERROR)


def test_a_closing_tag_does_not_cut_the_paragraph(tmp_path):
    # fixtures/renderer/ko/comments/glued-closing-tag-stays-hidden.md
    page = '번역된 문단이다.\n<!-- <center>\n<img src="a.png"/><br>\n</center> -->\n\n다음.\n'
    assert _shown(tmp_path, page) == [(10, Severity.INFO)]


def test_an_opening_block_tag_cuts_it(tmp_path):
    page = '번역된 문단이다.\n<!--\n<center>\n<img src="a.png"/><br>\n</center> -->\n\n다음.\n'
    assert _shown(tmp_path, page) == [(10, Severity.ERROR)]


def test_an_indented_comment_is_a_paragraph_and_shown(tmp_path):
    (finding,) = findings_of(
        tmp_path, FM + "문단.\n\n <!-- - The state of the truck\n - The angle -->\n - 트럭의 상태\n", select=["DLC608"]
    )
    assert (finding.line, finding.column, finding.severity) == (11, 2, Severity.ERROR)
    assert "indented by 1 space" in finding.message and "first column" in finding.message


def test_an_indented_comment_at_the_depth_of_the_item_text_stays_hidden(tmp_path):
    page = "* 바깥 항목\n  * 안쪽 항목\n\n  <!-- The English of the item\n  on two lines -->\n\n* 다음 항목\n"
    assert _shown(tmp_path, page) == []


def test_a_comment_right_after_a_closing_double_dollar_is_shown(tmp_path):
    page = "$$\nx = 1\n$$\n<!--\nIt is important.\n\nGiven the set. -->\n\n번역.\n"
    (finding,) = findings_of(tmp_path, FM + page, select=["DLC608"])
    assert (finding.line, finding.severity) == (12, Severity.ERROR) and "`$$`" in finding.message
    assert _shown(tmp_path, page.replace("$$\n<!--", "$$\n\n<!--")) == []


def test_a_comment_opened_in_a_heading_and_closed_later_is_shown(tmp_path):
    assert _shown(tmp_path, "### 판독기 <!--\nThe check reader.\n-->\n\n본문.\n") == [(9, Severity.ERROR)]
