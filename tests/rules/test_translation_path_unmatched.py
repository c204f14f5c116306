import pytest
from conftest import check_page, findings_of, lint_site, write_site

PAGE = "---\nlang: ko\nlang-ref: {ref}\ntitle: 동기\n---\n"
ENGLISH = {
    "en/week01/01-1.md": "---\nlang-ref: ch.01-1\n---\n",
    "en/week05/05-2.md": "---\nlang-ref: ch.05-2\n---\n",
    "en/week06/06.md": "---\nlang-ref: ch.06\n---\n",
}


@pytest.mark.parametrize(
    "path, ref, suggestion",
    [
        ("ko/Week01/01-1.md", "ch.01-1", "ko/week01/01-1.md"),  # by lang-ref
        ("ko/week06/6.md", "ch.06", "ko/week06/06.md"),
        ("ko/week05/05-02.md", "ch.05-2", "ko/week05/05-2.md"),
        ("ko/week06/6.md", "unknown", "ko/week06/06.md"),  # by the English spelling of the path
        ("ko/05-2.md", "unknown", "ko/week05/05-2.md"),
        ("ko/Week05/05-2.md", "", "ko/week05/05-2.md"),
    ],
)
def test_suggests_the_intended_path(tmp_path, path, ref, suggestion):
    page = PAGE.format(ref=ref) if ref else "---\nlang: ko\ntitle: 동기\n---\n"
    findings = findings_of(tmp_path, page, path=path, select=["DLC205"], extra=ENGLISH)
    assert [(f.code, f.line, f.column) for f in findings] == [("DLC205", 1, 1)]
    assert f"move this page to {suggestion}" in findings[0].message
    assert f"there is no English page at en/{path.split('/', 1)[1]}" in findings[0].message


def test_stray_copy_of_an_existing_page(tmp_path):
    findings = findings_of(
        tmp_path,
        PAGE.format(ref="ch.01-1"),
        path="ko/01-1.md",
        select=["DLC205"],
        extra={"ko/week01/01-1.md": PAGE.format(ref="ch.01-1")},
    )
    assert "ko/week01/01-1.md already exists: is this a stray copy" in findings[0].message


def test_pages_in_place_index_and_readme_are_fine(tmp_path):
    assert check_page(tmp_path, PAGE.format(ref="ch.01-1"), select=["DLC205"]) == []
    index = "---\nlayout: default\nlang: ko\nlang-ref: home\n---\n"
    assert check_page(tmp_path, index, path="ko/index.md", select=["DLC205"]) == []
    assert check_page(tmp_path, "# 읽어보기\n", path="ko/README-KO.md", select=["DLC205"]) == []
    assert check_page(tmp_path, "---\nlang-ref: x\n---\n", path="en/extra.md", select=["DLC205"]) == []


def test_no_guess_for_an_unrelated_page(tmp_path):
    (finding,) = findings_of(tmp_path, PAGE.format(ref="notes"), path="ko/notes.md", select=["DLC205"])
    assert "move this page" not in finding.message


def test_sibling_folders_without_config(tmp_path):
    root = tmp_path / "content"
    write_site(
        root,
        {"en/week06/06.md": "---\nlang-ref: ch.06\n---\n", "ko/week06/6.md": PAGE.format(ref="ch.06")},
        config=None,
    )
    findings = lint_site(root, ["ko"], select=("DLC205",))
    assert [(f.code, f.path, f.line) for f in findings] == [("DLC205", "ko/week06/6.md", 1)]
    assert "move this page to ko/week06/06.md" in findings[0].message
