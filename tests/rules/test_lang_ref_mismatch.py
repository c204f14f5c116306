from conftest import check_page, findings_of, lint_site, write_site
from site_fixing import read, run_fix

PAGE = "---\nlang: ko\nlang-ref: ch.01-2\ntitle: 동기\n---\n\n본문\n"
OTHER = "---\nlang-ref: ch.01-2\ntitle: Second\n---\n"


def test_lang_ref_of_another_lecture(tmp_path):
    findings = findings_of(tmp_path, PAGE, select=["DLC202"], extra={"en/week01/01-2.md": OTHER})
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("DLC202", 3, 11, 18)]
    message = findings[0].message
    assert message.startswith("lang-ref `ch.01-2` differs from the English page's `ch.01-1` (en/week01/01-1.md)")
    assert "belongs to en/week01/01-2.md" in message
    (related,) = findings[0].related
    assert (related.path, related.line, related.column) == ("en/week01/01-1.md", 2, 11)


def test_lang_ref_no_english_page_has(tmp_path):
    (finding,) = findings_of(tmp_path, PAGE.replace("ch.01-2", "'ch.1-1'"), select=["DLC202"])
    assert (finding.line, finding.column) == (3, 12)  # inside the quotes
    assert "no English page has `ch.1-1`" in finding.message


def test_matching_lang_ref_is_fine(tmp_path):
    assert check_page(tmp_path, PAGE.replace("ch.01-2", "ch.01-1"), select=["DLC202"]) == []


def test_index_pairs_with_the_root_index(tmp_path):
    index = "---\nlayout: default\nlang: ko\nlang-ref: index\ntitle: 딥러닝\n---\n"
    assert check_page(tmp_path, index, path="ko/index.md", select=["DLC202"]) == [("DLC202", 4, 11)]
    assert check_page(tmp_path, index.replace("index\n", "home\n"), path="ko/index.md", select=["DLC202"]) == []


def test_english_pages_and_pages_without_counterpart_are_not_compared(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: x\n---\n", path="en/week01/01-1.md", select=["DLC202"]) == []
    assert check_page(tmp_path, PAGE, path="ko/week09/09-1.md", select=["DLC202"]) == []


def test_fix_is_unsafe_and_sets_the_english_value(tmp_path):
    check_page(tmp_path, PAGE, select=["DLC202"])
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC202"])
    assert read(tmp_path, "ko/week01/01-1.md") == PAGE  # not applied without --unsafe-fixes
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC202"], unsafe=True)
    once = read(tmp_path, "ko/week01/01-1.md")
    assert once == PAGE.replace("ch.01-2", "ch.01-1")
    run_fix(tmp_path, ["ko/week01/01-1.md"], ["DLC202"], unsafe=True)
    assert read(tmp_path, "ko/week01/01-1.md") == once
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC202",)) == []


def test_sibling_folders_without_config(tmp_path):
    root = tmp_path / "content"
    write_site(
        root, {"en/a.md": "---\nlang-ref: a\n---\n", "ko/a.md": "---\nlang: ko\nlang-ref: b\n---\n"}, config=None
    )
    assert [(f.code, f.line, f.column) for f in lint_site(root, ["ko"], select=("DLC202",))] == [("DLC202", 3, 11)]
