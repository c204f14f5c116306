from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes

from dlc_lint.finding import Safety

SELECT = ["DLC105"]
PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang:ko\ntranslator: Jieun\ntranslation-date:27 Jan 2020\n---\n\n본문\n"


def test_key_without_space(tmp_path):
    assert check_page(tmp_path, PAGE, select=SELECT) == [("DLC105", 4, 5), ("DLC105", 6, 17)]
    findings = findings_of(tmp_path, PAGE, select=SELECT)
    assert "`lang:ko` has no space after the colon" in findings[0].message
    assert all(f.fix.safety is Safety.SAFE for f in findings)


def test_fix_adds_the_space_and_keeps_line_endings(tmp_path):
    before = PAGE.replace("\n", "\r\n")
    after = PAGE.replace("lang:ko", "lang: ko").replace("date:27", "date: 27").replace("\n", "\r\n")
    assert_fixes(tmp_path, before, after, SELECT)
    assert check_page(tmp_path, after, select=["DLC1"]) == []


def test_unknown_key_fix_needs_review(tmp_path):
    text = "---\nlang-ref: ch.01-1\nNote:see below\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert (finding.line, finding.column) == (3, 5) and finding.fix.safety is Safety.UNSAFE


def test_url_on_its_own_line_is_not_a_key(tmp_path):
    text = "---\nlang-ref: ch.01-1\nhttps://example.com\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []
    assert check_page(tmp_path, text, select=["DLC104"]) == [("DLC104", 3, 1)]


def test_colon_inside_a_value_is_fine(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 10:30 강의\ntypora-root-url: ../..\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []
