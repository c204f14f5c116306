from conftest import check_page, findings_of, lint_site, write_site
from site_fixing import read, run_fix

PAGE = "---\nlang: ko\ntitle: 동기\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n본문\n"


def test_missing_lang_ref_points_at_the_front_matter(tmp_path):
    assert check_page(tmp_path, PAGE, select=["DLC201"]) == [("DLC201", 1, 1)]


def test_message_names_the_english_value(tmp_path):
    (finding,) = findings_of(tmp_path, PAGE, select=["DLC201"])
    assert "no `lang-ref`" in finding.message and "`lang-ref: ch.01-1`" in finding.message
    assert "en/week01/01-1.md" in finding.message
    assert (finding.end_line, finding.end_column) == (1, 4)


def test_empty_lang_ref_points_at_the_key(tmp_path):
    page = PAGE.replace("title:", "lang-ref:\ntitle:")
    assert check_page(tmp_path, page, select=["DLC201"]) == [("DLC201", 3, 1)]
    page = PAGE.replace("title:", "lang-ref: ''\ntitle:")
    assert check_page(tmp_path, page, select=["DLC201"]) == [("DLC201", 3, 1)]


def test_present_lang_ref_is_fine(tmp_path):
    assert check_page(tmp_path, PAGE.replace("title:", "lang-ref: ch.01-1\ntitle:"), select=["DLC201"]) == []


def test_variant_key_is_left_to_the_front_matter_rules(tmp_path):
    for key in ("langref", "lang_ref", "Lang-ref", "ref", "lang-rf"):
        page = PAGE.replace("title:", f"{key}: ch.01-1\ntitle:")
        assert check_page(tmp_path, page, select=["DLC201"]) == [], key


def test_invisible_or_broken_front_matter_is_left_to_other_rules(tmp_path):
    assert check_page(tmp_path, b"\xef\xbb\xbf" + PAGE.encode(), select=["DLC201"]) == []  # BOM: DLC101
    assert check_page(tmp_path, "# README\n\nno front matter\n", select=["DLC201"]) == []
    assert check_page(tmp_path, PAGE.replace("title: 동기", "title: [broken"), select=["DLC201"]) == []


def test_english_page_without_lang_ref_has_no_fix(tmp_path):
    findings = findings_of(tmp_path, "---\ntitle: Intro\n---\n", path="en/week02/02.md", select=["DLC201"])
    assert [(f.code, f.line, f.column) for f in findings] == [("DLC201", 1, 1)]
    assert findings[0].fix is None


def test_fix_copies_the_english_lang_ref_after_lang(tmp_path):
    check_page(tmp_path, PAGE, select=["DLC201"])
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC201"])
    once = read(tmp_path, "ko/week01/01-1.md")
    assert once == PAGE.replace("lang: ko\n", "lang: ko\nlang-ref: ch.01-1\n")
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC201"])
    assert read(tmp_path, "ko/week01/01-1.md") == once
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC201",)) == []


def test_fix_fills_an_empty_value_and_keeps_crlf(tmp_path):
    page = PAGE.replace("title:", "lang-ref:\ntitle:").replace("\n", "\r\n")
    check_page(tmp_path, page.encode(), select=["DLC201"])
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC201"])
    data = (tmp_path / "ko/week01/01-1.md").read_bytes()
    assert data == page.replace("lang-ref:", "lang-ref: ch.01-1").encode()


def test_without_front_matter_lang_at_end(tmp_path):
    page = "---\ntitle: 동기\n---\n"
    check_page(tmp_path, page, select=["DLC201"])
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC201"])
    assert read(tmp_path, "ko/week01/01-1.md") == "---\ntitle: 동기\nlang-ref: ch.01-1\n---\n"


def test_sibling_folders_without_config(tmp_path):
    root = tmp_path / "content"
    write_site(
        root,
        {"en/a.md": "---\nlang-ref: a\ntitle: A\n---\n", "ko/a.md": "---\nlang: ko\ntitle: 가\n---\n"},
        config=None,
    )
    findings = lint_site(root, ["ko"], select=("DLC201",))
    assert [(f.code, f.path, f.line) for f in findings] == [("DLC201", "ko/a.md", 1)]
    assert "`lang-ref: a`" in findings[0].message


def test_commented_out_lang_ref_is_mentioned(tmp_path):
    page = PAGE.replace("title:", "# lang-ref: ch.01-1\ntitle:")
    (finding,) = findings_of(tmp_path, page, select=["DLC201"])
    assert (finding.line, finding.column) == (1, 1)
    assert "(line 3 has it commented out)" in finding.message
