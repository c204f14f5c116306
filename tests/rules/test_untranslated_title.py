from conftest import check_page, findings_of, lint_site, write_site

SELECT = ["DLC117"]


def test_title_left_in_english(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: Motivation\nlang: ko\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC117", 3, 8)]
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert finding.end_column == 18 and "en/week01/01-1.md" in finding.message


def test_translated_title(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\ntitle: 동기\n---\n", select=SELECT) == []


def test_english_pages_are_not_compared(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="en/week01/01-1.md") == []


def _site(tmp_path, kept: int, translated: int):
    files = {}
    for n in range(1, kept + translated + 1):
        files[f"en/week01/01-{n}.md"] = f"---\nlang-ref: ch.01-{n}\ntitle: Lecture {n}\n---\n"
        title = f"Lecture {n}" if n <= kept else f"講義 {n}"
        files[f"ja/week01/01-{n}.md"] = f"---\nlang-ref: ch.01-{n}\ntitle: {title}\nlang: ja\n---\n"
    return write_site(tmp_path, files)


def test_a_language_that_keeps_english_titles_is_not_reported(tmp_path):
    _site(tmp_path, kept=3, translated=2)
    assert lint_site(tmp_path, ["ja"], select=("DLC117",)) == []
    options = {"DLC117": {"convention-share": 1.0}}
    findings = lint_site(tmp_path, ["ja"], select=("DLC117",), rule_options=options)
    assert [(f.path, f.line, f.column) for f in findings] == [
        ("ja/week01/01-1.md", 3, 8),
        ("ja/week01/01-2.md", 3, 8),
        ("ja/week01/01-3.md", 3, 8),
    ]


def test_an_odd_page_out_is_reported(tmp_path):
    _site(tmp_path, kept=1, translated=4)
    findings = lint_site(tmp_path, ["ja"], select=("DLC117",))
    assert [(f.path, f.line, f.column) for f in findings] == [("ja/week01/01-1.md", 3, 8)]


def test_a_sentence_is_a_warning_a_name_a_hint(tmp_path):
    def severity(title):
        text = f"---\nlang-ref: ch.01-1\ntitle: {title}\nlang: ko\n---\n"
        english = f"---\nlang-ref: ch.01-1\ntitle: {title}\n---\n\nText.\n"
        (finding,) = findings_of(tmp_path, text, select=SELECT, english=english)
        return finding.severity.value

    assert severity("Overfitting and regularization") == "warning"
    assert severity("Properties of natural signals") == "warning"
    assert severity("Energy-Based Models") == "info"
    assert severity("Contrastive Methods in Energy-Based Models") == "info"
    assert severity("Week 2") == "info"
    assert severity("Motivation") == "info"
