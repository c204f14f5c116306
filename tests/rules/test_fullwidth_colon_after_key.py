from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes

SELECT = ["DLC106"]


def test_fullwidth_colon(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle：动机\nlang: zh\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="zh/week01/01-1.md") == [("DLC106", 3, 6)]
    assert check_page(tmp_path, text, select=["DLC1"], path="zh/week01/01-1.md") == [("DLC106", 3, 6)]


def test_fix(tmp_path):
    before = "---\r\nlang-ref: ch.01-1\r\ntitle： 动机\r\nlang: zh\r\n---\r\n"
    after = "---\r\nlang-ref: ch.01-1\r\ntitle: 动机\r\nlang: zh\r\n---\r\n"
    assert_fixes(tmp_path, before, after, SELECT, path="zh/week01/01-1.md")


def test_translated_key_gets_no_fix(tmp_path):
    text = "---\nlang-ref: ch.01-1\n标题：动机\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT, path="zh/week01/01-1.md")
    assert (finding.line, finding.column) == (3, 3) and finding.fix is None


def test_fullwidth_colon_inside_a_value_is_fine(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 第一讲：动机\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="zh/week01/01-1.md") == []
