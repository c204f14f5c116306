from conftest import check_page, findings_of

PAGE = "---\nlang: ko\nlang-ref: ch.9-1\ntitle: 동기\n---\n"
ENGLISH_09 = "---\nlang-ref: ch.09-1\ntitle: Nine\n---\n"


def test_unknown_lang_ref_without_english_page_at_the_path(tmp_path):
    findings = findings_of(
        tmp_path, PAGE, path="ko/week09/9-1.md", select=["DLC203"], extra={"en/week09/09-1.md": ENGLISH_09}
    )
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("DLC203", 3, 11, 17)]
    assert "no English page has lang-ref `ch.9-1`" in findings[0].message
    assert "did you mean `ch.09-1` (en/week09/09-1.md)?" in findings[0].message


def test_known_lang_ref_is_fine(tmp_path):
    page = PAGE.replace("ch.9-1", "ch.09-1")
    assert (
        check_page(tmp_path, page, path="ko/week09/9-1.md", select=["DLC203"], extra={"en/week09/09-1.md": ENGLISH_09})
        == []
    )


def test_left_to_mismatch_when_the_english_page_at_the_path_exists(tmp_path):
    assert check_page(tmp_path, PAGE, select=["DLC203"]) == []  # ko/week01/01-1.md: DLC202's case
    assert check_page(tmp_path, PAGE, select=["DLC202"]) == [("DLC202", 3, 11)]


def test_no_suggestion_when_nothing_is_close(tmp_path):
    page = PAGE.replace("ch.9-1", "zzz")
    (finding,) = findings_of(tmp_path, page, path="ko/extra.md", select=["DLC203"])
    assert "did you mean" not in finding.message


def test_english_pages_are_not_checked(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: new\n---\n", path="en/week09/09.md", select=["DLC203"]) == []
