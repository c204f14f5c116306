from conftest import check_page, findings_of

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_malformed_openers(tmp_path):
    page = FM + "<!-le English -->\n\n<!—## Heading -->\n\n텍스트 <! -- x -->\n\n<--! ### Heading -->\n\n<!--- ok -->\n"
    assert check_page(tmp_path, page, select=["DLC605"]) == [
        ("DLC605", 9, 1), ("DLC605", 11, 1), ("DLC605", 13, 5), ("DLC605", 15, 1)]


def test_bang_closer_and_fix(tmp_path):
    page = FM + "<!-- ### What is it? --!>\n\n번역\n\n<!-- x -->\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC605"])
    assert (finding.line, finding.column) == (9, 22)
    (edit,) = finding.fix.edits
    assert page[:edit.start] + edit.new_text + page[edit.end:] == FM + "<!-- ### What is it? -->\n\n번역\n\n<!-- x -->\n"


def test_arrows_in_text_are_fine(tmp_path):
    assert check_page(tmp_path, FM + "a --> b and x <-- y\n", select=["DLC605"]) == []
