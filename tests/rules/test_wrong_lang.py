from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes

SELECT = ["DLC111"]
TR = (
    "---\nlang-ref: ch.07-1\nlang: tr\ntitle: Enerji Temelli Modeller\ndate: 9 Mar 2020\n"
    "lang: turkish\ntranslation-date: 18 Jun 2020\n---\n"
)


def test_repeated_lang_with_a_wrong_last_value(tmp_path):
    # tr/week07/07-1.md on the real site
    assert check_page(tmp_path, TR, select=SELECT, path="tr/week07/07-1.md") == [("DLC111", 6, 7)]
    (finding,) = findings_of(tmp_path, TR, select=SELECT, path="tr/week07/07-1.md")
    assert "`lang: turkish` is not `tr`" in finding.message and "line 3" in finding.message
    assert finding.end_column == 14


def test_fix_removes_the_wrong_repeat(tmp_path):
    before = TR.replace("\n", "\r\n")
    after = TR.replace("lang: turkish\n", "").replace("\n", "\r\n")
    assert_fixes(tmp_path, before, after, SELECT, path="tr/week07/07-1.md")
    assert check_page(tmp_path, after, select=["DLC109"], path="tr/week07/07-1.md") == []


def test_fix_sets_the_folder_language(tmp_path):
    before = "---\nlang-ref: ch.01-1\nlang: 'en'\ntitle: 동기\n---\n"
    assert check_page(tmp_path, before, select=SELECT) == [("DLC111", 3, 7)]
    assert_fixes(tmp_path, before, "---\nlang-ref: ch.01-1\nlang: ko\ntitle: 동기\n---\n", SELECT)


def test_empty_lang(tmp_path):
    before = "---\nlang-ref: ch.01-1\nlang:\ntitle: 동기\n---\n"
    (finding,) = findings_of(tmp_path, before, select=SELECT)
    assert (finding.line, finding.column) == (3, 1) and "empty" in finding.message
    assert_fixes(tmp_path, before, "---\nlang-ref: ch.01-1\nlang: ko\ntitle: 동기\n---\n", SELECT)


def test_english_page_with_another_language(tmp_path):
    before = "---\nlang-ref: ch.01-1\ntitle: Motivation\nlang: ko\n---\n"
    path = "en/week01/01-1.md"
    assert check_page(tmp_path, before, select=SELECT, path=path) == [("DLC111", 4, 7)]
    assert_fixes(tmp_path, before, before.replace("lang: ko", "lang: en"), SELECT, path=path)


def test_right_lang(tmp_path):
    assert check_page(tmp_path, '---\nlang-ref: ch.01-1\nlang: "ko"\n---\n', select=SELECT) == []
    assert (
        check_page(tmp_path, "---\nlang-ref: ch.01-1\nlang: en\n---\n", select=SELECT, path="en/week01/01-1.md") == []
    )
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\nlang:\n---\n", select=SELECT, path="en/week01/01-1.md") == []
