from conftest import check_page, findings_of

from dlc_lint.finding import Severity

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_opening_tag_typed_for_closing_tag(tmp_path):
    page = FM + "회전<sup>rotation<sup> 이다.\n\n다음 문단\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC602"])
    assert (finding.line, finding.column, finding.severity) == (9, 16, Severity.WARNING)
    (edit,) = finding.fix.edits
    assert page[: edit.start] + edit.new_text + page[edit.end :] == FM + "회전<sup>rotation</sup> 이다.\n\n다음 문단\n"


def test_block_element_left_open_swallows_the_page(tmp_path):
    page = FM + '<center>\n<img src="a.png"/>\n<!-- </center> -->\n\n## 제목\n'
    (finding,) = findings_of(tmp_path, page, select=["DLC602"])
    assert (finding.line, finding.column, finding.severity) == (9, 1, Severity.ERROR)
    assert "not rendered" in finding.message


def test_div_caption_pattern_blocks_the_center_closer(tmp_path):
    page = FM + '<center>\n<img src="a.png"/>\n<div align="center">Figure 1 <div>\n</center>\n\n*x*\n'
    assert check_page(tmp_path, page, select=["DLC602"]) == [("DLC602", 11, 30)]


def test_balanced_void_and_multiline_html_is_fine(tmp_path):
    page = FM + (
        '<center>\n<img src="a.png"><br>\n\n<b>Figure 1</b>\n</center>\n\n'
        "텍스트<sup>a</sup> <b>굵게\n이어서</b> <br/>\n\n<table>\n<tr><td>1</td></tr>\n</table>\n"
    )
    assert check_page(tmp_path, page, select=["DLC602", "DLC603"]) == []
