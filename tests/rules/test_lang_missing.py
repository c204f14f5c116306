from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes

SELECT = ["DLC110"]
RU = (
    "---\nlang-ref: ch.10-1\ntitle: Самостоятельное обучение\nlecturer: Ishan Misra\n"
    "translation-date: 25 Sep 2020\ntranslator: Kateryna Solonko\n---\n\nтекст\n"
)


def test_missing_lang(tmp_path):
    # ru/week10/10-1.md on the real site
    assert check_page(tmp_path, RU, select=SELECT, path="ru/week10/10-1.md") == [("DLC110", 1, 1)]
    (finding,) = findings_of(tmp_path, RU, select=SELECT, path="ru/week10/10-1.md")
    assert "`lang: ru`" in finding.message and "English sidebar" in finding.message


def test_fix_inserts_lang_after_lang_ref(tmp_path):
    before = RU.replace("\n", "\r\n")
    after = RU.replace("lang-ref: ch.10-1\n", "lang-ref: ch.10-1\nlang: ru\n").replace("\n", "\r\n")
    assert_fixes(tmp_path, before, after, SELECT, path="ru/week10/10-1.md")


def test_fix_inserts_lang_at_the_end_without_lang_ref(tmp_path):
    before = "---\ntitle: 동기\ntranslator: A\n---\n본문\n"
    after = "---\ntitle: 동기\ntranslator: A\nlang: ko\n---\n본문\n"
    assert_fixes(tmp_path, before, after, SELECT)


def test_fix_in_an_empty_front_matter(tmp_path):
    assert_fixes(tmp_path, "---\n---\n본문\n", "---\nlang: ko\n---\n본문\n", SELECT)


def test_english_pages_need_no_lang(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="en/week01/01-1.md") == []
    assert check_page(tmp_path, text, select=SELECT, path="index.md") == []


def test_language_index_needs_lang(tmp_path):
    text = "---\nlayout: default\nlang-ref: home\ntitle: 딥러닝\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="ko/index.md") == [("DLC110", 1, 1)]


def test_variant_key_is_reported_by_its_own_rule(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nland: ko\n---\n"
    assert check_page(tmp_path, text, select=["DLC110", "DLC114"]) == [("DLC114", 4, 1)]


def test_commented_out_lang(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\n# lang: ko\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert (finding.line, finding.column) == (1, 1) and "line 4 has it commented out" in finding.message


def test_not_reported_while_yaml_is_broken(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기: 소개\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []


def test_page_with_lang(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\nlang: ko\n---\n", select=SELECT) == []


def test_fix_goes_to_the_end_when_lang_ref_continues_below(tmp_path):
    before = "---\nlang-ref: ch.01-1\n  continued\ntitle: 동기\n---\n"
    after = "---\nlang-ref: ch.01-1\n  continued\ntitle: 동기\nlang: ko\n---\n"
    assert_fixes(tmp_path, before, after, SELECT)
