from conftest import check_page, findings_of

SELECT = ["DLC112"]


def test_missing_title(tmp_path):
    text = "---\nlang-ref: ch.01-1\nlang: ko\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC112", 1, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "`title` is missing" in finding.message and finding.end_column == 4


def test_english_pages_need_a_title_too(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\n---\n", select=SELECT, path="en/week01/01-1.md") == [
        ("DLC112", 1, 1)
    ]


def test_empty_title(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: ''\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert (finding.line, finding.column) == (3, 1) and "empty" in finding.message


def test_commented_out_title(tmp_path):
    text = "---\nlang-ref: ch.01-1\n## title: 동기\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert (finding.line, finding.column) == (1, 1) and "line 3 has `title` commented out" in finding.message


def test_variant_and_translated_keys_are_reported_by_their_rules(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\nTitle: 동기\n---\n", select=SELECT) == []
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\n제목: 동기\n---\n", select=SELECT) == []


def test_title_present(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\ntitle: 동기\n---\n", select=SELECT) == []
