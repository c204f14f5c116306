from conftest import check_page, findings_of, lint_site, write_site
from front_matter_fixing import assert_fixes, fixed

from dlc_lint.finding import Safety

SELECT = ["DLC102"]


def test_page_without_front_matter(tmp_path):
    assert check_page(tmp_path, "# 동기\n\n본문\n", select=SELECT) == [("DLC102", 1, 1)]
    (finding,) = findings_of(tmp_path, "# 동기\n\n본문\n", select=SELECT)
    assert finding.end_column == 5 and "no front matter" in finding.message and finding.fix is None


def test_empty_page(tmp_path):
    assert check_page(tmp_path, "", select=SELECT) == [("DLC102", 1, 1)]


def test_opening_delimiter_missing(tmp_path):
    # tr/week13/13.md on the real site: a blank line, the keys, then the closing `---`
    text = "\nlang: tr\nlang-ref: ch.13\ntitle: Hafta 13\n---\n\n## Ders\n"
    assert check_page(tmp_path, text, select=SELECT, path="tr/week13/13.md") == [("DLC102", 2, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT, path="tr/week13/13.md")
    assert "opening `---`" in finding.message and "line 5" in finding.message
    assert finding.fix.safety is Safety.UNSAFE


def test_fix_restores_the_opening_delimiter(tmp_path):
    before = "\n\nlang: tr\r\nlang-ref: ch.13\r\ntitle: Hafta 13\r\n---\r\n\r\n## Ders\r\n"
    after = "---\r\nlang: tr\r\nlang-ref: ch.13\r\ntitle: Hafta 13\r\n---\r\n\r\n## Ders\r\n"
    assert_fixes(tmp_path, before, after, SELECT, unsafe=True, path="tr/week13/13.md")
    assert check_page(tmp_path, after, select=["DLC101", "DLC103", "DLC104"], path="tr/week13/13.md") == []


def test_fix_needs_unsafe(tmp_path):
    text = "lang: tr\nlang-ref: ch.13\n---\n"
    assert fixed(tmp_path, text, SELECT, path="tr/week13/13.md") == text.encode()


def test_text_before_a_horizontal_rule_is_not_taken_for_keys(tmp_path):
    text = "Some text: with a colon\nand more text\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "no front matter" in finding.message and finding.fix is None


def test_readme_files_need_no_front_matter(tmp_path):
    assert check_page(tmp_path, "# 한국어 번역\n", select=SELECT, path="ko/README-KO.md") == []
    assert check_page(tmp_path, "# Deep Learning\n", select=SELECT, path="README.md") == []


def test_option_names_more_files_without_front_matter(tmp_path):
    write_site(tmp_path, {"ko/notes.md": "메모\n", "ko/week01/01-1.md": "본문\n"})
    options = {"DLC102": {"pages-without-front-matter": ["notes.md"]}}
    findings = lint_site(tmp_path, ["ko"], select=("DLC102",), rule_options=options)
    assert [(f.path, f.line) for f in findings] == [("ko/week01/01-1.md", 1)]


def test_page_with_front_matter(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\ntitle: 동기\n---\n", select=SELECT) == []
