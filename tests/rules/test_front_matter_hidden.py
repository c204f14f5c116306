from conftest import check_page, findings_of

from dlc_lint.fix.plan import plan
from dlc_lint.parse.source import SourceText

PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n본문\n"


def test_bom_before_front_matter(tmp_path):
    assert check_page(tmp_path, b"\xef\xbb\xbf" + PAGE.encode(), select=["DLC101"]) == [("DLC101", 1, 1)]


def test_blank_lines_before_front_matter(tmp_path):
    assert check_page(tmp_path, "\n\n" + PAGE, select=["DLC101"]) == [("DLC101", 3, 1)]


def test_clean_page_has_no_finding(tmp_path):
    assert check_page(tmp_path, PAGE, select=["DLC101"]) == []


def test_fix_removes_bom_and_blank_lines_only(tmp_path):
    data = b"\xef\xbb\xbf\r\n" + PAGE.replace("\n", "\r\n").encode()
    findings = findings_of(tmp_path, data, select=["DLC101"])
    source = SourceText.from_bytes(data)
    (change,) = plan(findings, {findings[0].path: source})
    assert change.new_bytes == PAGE.replace("\n", "\r\n").encode()
    # fixing twice equals fixing once: the fixed text has nothing left for this rule
    fixed = SourceText.from_bytes(change.new_bytes)
    assert not fixed.has_bom and fixed.text.startswith("---")


def test_fix_twice_equals_once_and_lints_clean(tmp_path):
    from front_matter_fixing import assert_fixes

    before = b"\xef\xbb\xbf\n \n" + PAGE.replace("\n", "\r\n").encode()
    assert_fixes(tmp_path, before, PAGE.replace("\n", "\r\n").encode(), ["DLC101"])


def test_other_front_matter_rules_still_read_the_hidden_block(tmp_path):
    # the block is judged by what its author meant: one finding for the BOM, one for the misspelled key
    text = b"\xef\xbb\xbf" + PAGE.replace("translation-date", "translate-date").encode()
    assert check_page(tmp_path, text, select=["DLC1"]) == [("DLC101", 1, 1), ("DLC114", 6, 1)]
