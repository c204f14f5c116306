from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes

SELECT = ["DLC107"]
PAGE = "---\nlang-ref: ch.10-1\ntitle: 자기 지도 학습: Pretext Tasks\nlang: ko\n---\n"


def test_colon_in_title(tmp_path):
    assert check_page(tmp_path, PAGE, select=SELECT) == [("DLC107", 3, 16)]
    assert check_page(tmp_path, PAGE, select=["DLC1"]) == [("DLC107", 3, 16)]


def test_fix_quotes_the_value(tmp_path):
    after = "---\nlang-ref: ch.10-1\ntitle: '자기 지도 학습: Pretext Tasks'\nlang: ko\n---\n"
    assert_fixes(tmp_path, PAGE, after, SELECT)


def test_fix_uses_double_quotes_around_an_apostrophe(tmp_path):
    before = "---\nlang-ref: ch.10-1\ntitle: L'apprentissage: bases\n---\n"
    after = '---\nlang-ref: ch.10-1\ntitle: "L\'apprentissage: bases"\n---\n'
    assert_fixes(tmp_path, before, after, SELECT, path="fr/week01/01-1.md")


def test_value_ending_with_a_colon(tmp_path):
    text = "---\nlang-ref: ch.10-1\ntitle: 자기 지도 학습:\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC107", 3, 16)]


def test_no_fix_when_quoting_would_change_the_value(tmp_path):
    text = "---\nlang-ref: ch.10-1\ntitle: 학습: 소개 # 초안\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert finding.fix is None


def test_quoted_value_is_fine(tmp_path):
    text = '---\nlang-ref: ch.10-1\ntitle: "자기 지도 학습: Pretext Tasks"\nlink: http://example.com\n---\n'
    assert check_page(tmp_path, text, select=SELECT) == []
