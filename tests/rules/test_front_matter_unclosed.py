from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes, fixed

SELECT = ["DLC103"]
PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\n\n## 강의 계획\n\n본문\n"


def test_unclosed_front_matter(tmp_path):
    assert check_page(tmp_path, PAGE, select=SELECT) == [("DLC103", 1, 1)]
    (finding,) = findings_of(tmp_path, PAGE, select=SELECT)
    assert (finding.end_line, finding.end_column) == (1, 4)
    assert "never closed" in finding.message and "before line 5" in finding.message


def test_no_other_front_matter_finding_when_unclosed(tmp_path):
    # the keys are unreliable: nothing about lang, the translator or the title on top
    assert check_page(tmp_path, PAGE, select=["DLC1"]) == [("DLC103", 1, 1)]


def test_fix_closes_after_the_keys(tmp_path):
    after = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\n---\n\n## 강의 계획\n\n본문\n"
    assert_fixes(tmp_path, PAGE, after, SELECT, unsafe=True)
    assert fixed(tmp_path, PAGE, SELECT) == PAGE.encode()  # needs --unsafe-fixes


def test_fix_closes_before_a_heading_right_after_the_keys(tmp_path):
    before = "---\r\nlang-ref: ch.01-1\r\ntitle: 동기\r\n## 강의\r\n"
    after = "---\r\nlang-ref: ch.01-1\r\ntitle: 동기\r\n---\r\n## 강의\r\n"
    assert_fixes(tmp_path, before, after, SELECT, unsafe=True)


def test_fix_when_the_keys_end_the_file(tmp_path):
    before = "---\nlang-ref: ch.01\ntitle: 1주차\nlang: ko"
    assert_fixes(tmp_path, before, before + "\n---\n", SELECT, unsafe=True, path="ko/week01/01.md")


def test_no_fix_without_keys(tmp_path):
    (finding,) = findings_of(tmp_path, "---\n\n본문\n", select=SELECT)
    assert finding.fix is None


def test_closed_front_matter(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\n---\n", select=SELECT) == []
