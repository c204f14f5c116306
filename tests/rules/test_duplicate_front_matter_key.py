from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes, fixed

from dlc_lint.finding import Safety

SELECT = ["DLC109"]


def test_title_written_twice(tmp_path):
    # ja/week05/05-1.md on the real site: the English title left above the translated one
    text = "---\nlang-ref: ch.05-1\ntitle: Optimisation Techniques I\ntitle: 最適化テクニックI\nlang: ja\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="ja/week05/05-1.md") == [("DLC109", 4, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT, path="ja/week05/05-1.md")
    assert "also on line 3" in finding.message and "最適化テクニックI" in finding.message
    assert finding.fix.safety is Safety.UNSAFE


def test_fix_keeps_the_value_jekyll_shows(tmp_path):
    before = "---\r\nlang-ref: ch.05-1\r\ntitle: Optimisation Techniques I\r\ntitle: 最適化テクニックI\r\n---\r\n"
    after = "---\r\nlang-ref: ch.05-1\r\ntitle: 最適化テクニックI\r\n---\r\n"
    assert_fixes(tmp_path, before, after, SELECT, unsafe=True, path="ja/week05/05-1.md")


def test_identical_repeat_is_removed_safely(tmp_path):
    before = "---\nlang-ref: ch.01-1\nlang: ko\ntitle: 동기\nlang: ko\n---\n"
    after = "---\nlang-ref: ch.01-1\nlang: ko\ntitle: 동기\n---\n"
    assert check_page(tmp_path, before, select=SELECT) == [("DLC109", 5, 1)]
    assert_fixes(tmp_path, before, after, SELECT)


def test_second_date_is_probably_the_translation_date(tmp_path):
    # es/week14/14-1.md on the real site
    text = (
        "---\nlang-ref: ch.14-1\ntitle: Aprendizaje\ndate: 4 May 2020\nlang: es\n"
        "translator: Lucia\ndate: 15 Sep 2020\n---\n"
    )
    path = "es/week14/14-1.md"
    assert check_page(tmp_path, text, select=SELECT, path=path) == [("DLC109", 7, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT, path=path)
    assert "translation-date" in finding.message and "4 May 2020" in finding.message
    # and not also "translation-date is missing"
    assert check_page(tmp_path, text, select=["DLC113"], path=path) == []
    after = text.replace("date: 15 Sep", "translation-date: 15 Sep")
    assert_fixes(tmp_path, text, after, SELECT, unsafe=True, path=path)
    assert fixed(tmp_path, text, SELECT, path=path) == text.encode()


def test_wrong_repeated_lang_is_left_to_wrong_lang(tmp_path):
    text = "---\nlang-ref: ch.07-1\nlang: tr\ntitle: Enerji\nlang: turkish\n---\n"
    assert check_page(tmp_path, text, select=["DLC109", "DLC111"], path="tr/week07/07-1.md") == [("DLC111", 5, 7)]


def test_three_times(tmp_path):
    before = "---\nlang-ref: ch.01-1\ntitle: A\ntitle: B\ntitle: C\n---\n"
    assert check_page(tmp_path, before, select=SELECT) == [("DLC109", 4, 1), ("DLC109", 5, 1)]
    assert_fixes(tmp_path, before, "---\nlang-ref: ch.01-1\ntitle: C\n---\n", SELECT, unsafe=True)


def test_no_duplicates(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\ndate: 27 Jan 2020\ntranslation-date: 1 Feb 2020\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []
