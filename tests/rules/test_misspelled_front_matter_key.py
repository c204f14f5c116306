import pytest
from conftest import check_page, findings_of, lint_site, write_site
from front_matter_fixing import assert_fixes

from dlc_lint.analysis.front_matter import KNOWN_KEYS, suggest_key

SELECT = ["DLC114"]
PAGE = "---\nlang-ref: ch.03-1\ntitle: 시각화\nlang: ko\ntranslator: Jinwoo Oh\n{key}: 03 April 2020\n---\n"


# Every variant seen on the real site, and the key it stands for.
@pytest.mark.parametrize(
    "key, meant",
    [
        ("translate-date", "translation-date"),
        ("translation date", "translation-date"),
        ("tranlation-date", "translation-date"),
        ("traslation-date", "translation-date"),
        ("translation-data", "translation-date"),
        ("translator-date", "translation-date"),
        ("Translation-date", "translation-date"),
        ("translation_date", "translation-date"),
        ("Translator", "translator"),
        ("transator", "translator"),
        ("land", "lang"),
        ("langref", "lang-ref"),
        ("lang_ref", "lang-ref"),
        ("titel", "title"),
        ("lecturers", "lecturer"),
    ],
)
def test_suggestions(key, meant):
    assert suggest_key(key, KNOWN_KEYS) == meant


@pytest.mark.parametrize("key", ["foo", "summary", "translation-notes", "video", "reviewer"])
def test_no_suggestion_for_unrelated_keys(key):
    assert suggest_key(key, KNOWN_KEYS) is None


def test_variant_key(tmp_path):
    text = PAGE.format(key="translate-date")
    assert check_page(tmp_path, text, select=SELECT) == [("DLC114", 6, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "did you mean `translation-date`?" in finding.message and finding.end_column == 15


def test_fix_renames_the_key(tmp_path):
    before = PAGE.format(key="translation date").replace("\n", "\r\n")
    after = PAGE.format(key="translation-date").replace("\n", "\r\n")
    assert_fixes(tmp_path, before, after, SELECT)
    assert check_page(tmp_path, after, select=["DLC1"]) == []


def test_two_case_variants(tmp_path):
    # zh/week12/12-2.md on the real site
    before = "---\nlang-ref: ch.12-2\ntitle: 解码\nlang: zh\nTranslation-date: 1 Oct 2020\nTranslator: Jonathan\n---\n"
    assert check_page(tmp_path, before, select=SELECT, path="zh/week12/12-2.md") == [("DLC114", 5, 1), ("DLC114", 6, 1)]
    after = before.replace("Translation-date", "translation-date").replace("Translator", "translator")
    assert_fixes(tmp_path, before, after, SELECT, path="zh/week12/12-2.md")


def test_no_fix_when_the_key_is_already_there(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\ntranslator: A\nTranslator: B\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert finding.fix is None and "also has `translator` on line 4" in finding.message


def test_keys_of_the_english_page_are_known(tmp_path):
    english = "---\nlang-ref: ch.01-1\ntitle: Motivation\nslides: x.pdf\n---\n"
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nslides: x.pdf\nslide: y.pdf\n---\n"
    assert check_page(tmp_path, text, select=SELECT, english=english) == [("DLC114", 5, 1)]


def test_english_pages_are_checked(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitel: Motivation\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="en/week01/01-1.md") == [("DLC114", 3, 1)]


def test_extra_keys_option(tmp_path):
    write_site(tmp_path, {"ko/week01/01-1.md": "---\nlang-ref: ch.01-1\nlangs: ko\n---\n"})
    assert [f.code for f in lint_site(tmp_path, ["ko"], select=("DLC114",))] == ["DLC114"]
    options = {"DLC114": {"extra-keys": ["langs"]}}
    assert lint_site(tmp_path, ["ko"], select=("DLC114",), rule_options=options) == []


def test_known_and_unrelated_keys_are_fine(tmp_path):
    text = (
        "---\nlayout: default\nlang-ref: ch.01-1\ntitle: 동기\nauthors: A\nauthor: B\ndate: 1 Jan 2020\n"
        "typora-root-url: ../..\npermalink: /x/\nvideo: https://youtu.be/x\n---\n"
    )
    assert check_page(tmp_path, text, select=SELECT) == []
