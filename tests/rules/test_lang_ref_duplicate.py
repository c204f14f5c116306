from conftest import findings_of, lint_site, write_site

PAGE = "---\nlang: ko\nlang-ref: ch.01-1\ntitle: 동기\n---\n"


def test_stray_copy_outside_its_week_folder(tmp_path):
    findings = findings_of(tmp_path, PAGE, path="ko/01-1.md", select=["DLC204"], extra={"ko/week01/01-1.md": PAGE})
    assert [(f.code, f.line, f.column, f.end_column) for f in findings] == [("DLC204", 3, 11, 18)]
    assert "also used by ko/week01/01-1.md, the page at the English page's path" in findings[0].message
    assert "stray copy" in findings[0].message
    (related,) = findings[0].related
    assert (related.path, related.line, related.column) == ("ko/week01/01-1.md", 3, 11)


def test_the_page_in_place_is_not_reported(tmp_path):
    assert findings_of(tmp_path, PAGE, select=["DLC204"], extra={"ko/01-1.md": PAGE}) == []


def test_every_page_is_reported_when_none_is_in_place(tmp_path):
    write_site(tmp_path, {"en/week01/01-1.md": "---\nlang-ref: ch.01-1\n---\n", "ko/a.md": PAGE, "ko/b.md": PAGE})
    findings = lint_site(tmp_path, ["ko"], select=("DLC204",))
    assert [(f.path, f.line, f.column) for f in findings] == [("ko/a.md", 3, 11), ("ko/b.md", 3, 11)]
    assert "also used by ko/b.md" in findings[0].message


def test_other_languages_do_not_count(tmp_path):
    french = PAGE.replace("lang: ko", "lang: fr")
    assert findings_of(tmp_path, PAGE, select=["DLC204"], extra={"fr/week01/01-1.md": french}) == []


def test_english_duplicates(tmp_path):
    write_site(
        tmp_path,
        {
            "en/week01/01-1.md": "---\nlang-ref: ch.01-1\n---\n",
            "en/week01/01-1-old.md": "---\ntitle: Old\nlang-ref: ch.01-1\n---\n",
        },
    )
    findings = lint_site(tmp_path, ["en"], select=("DLC204",))
    assert [(f.path, f.line, f.column) for f in findings] == [("en/week01/01-1-old.md", 3, 11)]


def test_sibling_folders_without_config(tmp_path):
    root = tmp_path / "content"
    write_site(
        root,
        {"en/week01/01-1.md": "---\nlang-ref: ch.01-1\n---\n", "ko/week01/01-1.md": PAGE, "ko/01-1.md": PAGE},
        config=None,
    )
    findings = lint_site(root, ["ko"], select=("DLC204",))
    assert [(f.path, f.line, f.column) for f in findings] == [("ko/01-1.md", 3, 11)]
