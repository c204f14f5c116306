from conftest import check_page, findings_of
from parity_site import KO_BODY_LINE, KO_HEAD


def test_a_list_item_with_a_bar_in_a_formula(tmp_path):
    text = KO_HEAD + "- $p(y|x)$ 는 우도이다\n- 다음 항목\n"
    (finding,) = findings_of(tmp_path, text, select=["DLC710"])
    assert (finding.code, finding.line, finding.column) == ("DLC710", KO_BODY_LINE, 7)
    assert "\\vert" in finding.message and finding.severity.value == "error"


def test_a_one_line_paragraph(tmp_path):
    text = KO_HEAD + "$\\vert x|$ 는 절댓값이다.\n"
    assert check_page(tmp_path, text, select=["DLC710"]) == [("DLC710", KO_BODY_LINE, 9)]


def test_a_table_cell(tmp_path):
    text = KO_HEAD + "| 손실 | 식 |\n|---|---|\n| L1 | $|x - y|$ |\n"
    assert check_page(tmp_path, text, select=["DLC710"]) == [("DLC710", KO_BODY_LINE + 2, 9)]


def test_a_paragraph_with_a_line_without_bars_is_not_a_table(tmp_path):
    text = KO_HEAD + "$p(y|x)$ 는 우도이고\n둘째 줄에는 막대가 없다.\n"
    assert check_page(tmp_path, text, select=["DLC710"]) == []


def test_escaped_bars_display_blocks_and_code_are_fine(tmp_path):
    text = KO_HEAD + "- $\\|x\\|$ 는 노름\n\n$$\n|x|\n$$\n\n- `a|b` 와 $x$\n"
    assert check_page(tmp_path, text, select=["DLC710"]) == []
