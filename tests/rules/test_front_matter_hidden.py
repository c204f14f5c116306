from conftest import check_page, findings_of

from dlc_lint.fix.plan import plan
from dlc_lint.parse.source import SourceText

PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n본문\n"


def test_bom_before_front_matter(tmp_path):
    assert check_page(tmp_path, b"\xef\xbb\xbf" + PAGE.encode(), select=["DLC101"]) == [("DLC101", 1, 1)]


def test_blank_lines_before_front_matter(tmp_path):
    assert check_page(tmp_path, "\n\n" + PAGE, select=["DLC101"]) == [("DLC101", 3, 1)]


def test_clean_page_has_no_finding(tmp_path):
    assert check_page(tmp_path, PAGE, select=["DLC101"]) == []


def test_fix_removes_bom_and_blank_lines_only(tmp_path):
    data = b"\xef\xbb\xbf\r\n" + PAGE.replace("\n", "\r\n").encode()
    findings = findings_of(tmp_path, data, select=["DLC101"])
    source = SourceText.from_bytes(data)
    (change,) = plan(findings, {findings[0].path: source})
    assert change.new_bytes == PAGE.replace("\n", "\r\n").encode()
    # fixing twice equals fixing once: the fixed text has nothing left for this rule
    fixed = SourceText.from_bytes(change.new_bytes)
    assert not fixed.has_bom and fixed.text.startswith("---")


def test_the_diff_shows_the_removed_bom_beside_the_removed_blank_lines(tmp_path):
    data = b"\xef\xbb\xbf\n\n" + PAGE.encode()
    findings = findings_of(tmp_path, data, select=["DLC101"])
    (change,) = plan(findings, {findings[0].path: SourceText.from_bytes(data)})
    lines = change.diff().splitlines()
    assert lines[0].endswith(": the UTF-8 byte order mark (bytes EF BB BF) at its start is removed")
    assert [line for line in lines[3:] if line[:1] in "+-"] == ["-\ufeff", "-"]
    # without a BOM, no word of one
    plain = b"\n\n" + PAGE.encode()
    findings = findings_of(tmp_path, plain, select=["DLC101"])
    (change,) = plan(findings, {findings[0].path: SourceText.from_bytes(plain)})
    assert change.diff().startswith("--- a/") and "\ufeff" not in change.diff()


def test_fix_twice_equals_once_and_lints_clean(tmp_path):
    from front_matter_fixing import assert_fixes

    before = b"\xef\xbb\xbf\n \n" + PAGE.replace("\n", "\r\n").encode()
    assert_fixes(tmp_path, before, PAGE.replace("\n", "\r\n").encode(), ["DLC101"])


def test_other_front_matter_rules_still_read_the_hidden_block(tmp_path):
    # the block is judged by what its author meant: one finding for the BOM, one for the misspelled key
    text = b"\xef\xbb\xbf" + PAGE.replace("translation-date", "translate-date").encode()
    assert check_page(tmp_path, text, select=["DLC1"]) == [("DLC101", 1, 1), ("DLC114", 6, 1)]


def _message(tmp_path, data, **settings):
    from conftest import check_page, lint_site

    check_page(tmp_path, data, select=["DLC101"])
    (finding,) = lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC101",), **settings)
    return finding


def test_a_bom_is_a_hint_on_github_pages_which_reads_the_front_matter(tmp_path):
    # fixtures/renderer/ko/front-matter/bom-before-dashes.md: built with its lang-ref read; the reader sees
    # nothing wrong on GitHub Pages, so it is information
    finding = _message(tmp_path, b"\xef\xbb\xbf" + PAGE.encode())
    assert finding.severity.value == "info"
    assert "GitHub Pages strips the BOM and reads the front matter" in finding.message
    assert "plain Jekyll does not make a page of this file (its URL 404s)" in finding.message


def test_a_bom_is_an_error_for_plain_jekyll(tmp_path):
    finding = _message(tmp_path, b"\xef\xbb\xbf" + PAGE.encode(), renderer="jekyll")
    assert finding.severity.value == "error" and "its URL 404s" in finding.message


def test_blank_lines_print_the_front_matter_on_github_pages(tmp_path):
    # fixtures/renderer/ko/front-matter/blank-line-before-dashes.html: `<hr />` then the keys as text
    finding = _message(tmp_path, "\n\n" + PAGE)
    assert finding.severity.value == "error"
    assert "shows the block as text (a horizontal rule, then `lang-ref: ...`)" in finding.message
    assert "its URL 404s" in _message(tmp_path, "\n\n" + PAGE, renderer="jekyll").message
