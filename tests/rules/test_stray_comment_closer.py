from conftest import check_page

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_second_closer_and_lone_closer(tmp_path):
    page = FM + "<!-- English. --> -->\n\n번역.\n\n-->\n"
    assert check_page(tmp_path, page, select=["DLC609"]) == [("DLC609", 9, 19), ("DLC609", 13, 1)]


def test_closer_after_text_that_lost_its_opener(tmp_path):
    page = FM + "### SELU - `nn.SELU()` -->\n\n### SELU\n"
    assert check_page(tmp_path, page, select=["DLC609"]) == [("DLC609", 9, 24)]


def test_arrows_comments_code_and_malformed_openers_are_not_reported(tmp_path):
    page = FM + ("a --> b in a sentence\n\n<!-- a closed\ncomment -->\n\n```\ncode -->\n```\n\n<--! ### Heading -->\n")
    assert check_page(tmp_path, page, select=["DLC609"]) == []


def test_corpus_stray_closers(corpus):
    import os
    from pathlib import Path

    from dlc_lint.config import Settings
    from dlc_lint.engine.run import lint

    old = Path.cwd()
    os.chdir(corpus)
    try:
        found = lint([Path("ko/week05/05-2.md"), Path("it/week11/11-1.md")], Settings(select=("DLC609",))).findings
    finally:
        os.chdir(old)
    assert [(f.path, f.line, f.column) for f in found] == [
        ("it/week11/11-1.md", 217, 24),
        ("ko/week05/05-2.md", 438, 5),
    ]
