from conftest import check_page, findings_of

SELECT = ["DLC113"]


def test_translator_and_date_missing(tmp_path):
    text = "---\nlang-ref: ch.02\ntitle: الأسبوع 2\nlang: ar\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="ar/week02/02.md") == [("DLC113", 1, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT, path="ar/week02/02.md")
    assert "`translator` and `translation-date` are missing" in finding.message


def test_translation_date_missing(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: Jieun\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "`translation-date` is missing" in finding.message and "translator`" not in finding.message


def test_empty_translator(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator:\ntranslation-date: 1 Feb 2020\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC113", 5, 1)]


def test_variant_key_is_reported_by_its_own_rule(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation date: Jul 2020\n---\n"
    assert check_page(tmp_path, text, select=["DLC113", "DLC114"]) == [("DLC114", 6, 1)]


def test_index_and_english_pages_are_not_checked(tmp_path):
    index = "---\nlayout: default\nlang-ref: home\ntitle: 딥러닝\nlang: ko\n---\n"
    assert check_page(tmp_path, index, select=SELECT, path="ko/index.md") == []
    english = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n"
    assert check_page(tmp_path, english, select=SELECT, path="en/week01/01-1.md") == []


def test_complete_credit(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Feb 2020\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []
