"""DLC615 heading-without-space: `##title` is printed as text by kramdown (checked with the real Jekyll)."""

from __future__ import annotations

from conftest import check_page, findings_of, lint_site
from front_matter_fixing import assert_fixes
from jekyll_pages import build

FM = "---\nlang-ref: ch.12-2\ntitle: 注意\nlang: zh\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC615"]
ZH = "zh/week01/01-1.md"


def test_hashes_glued_to_the_title_or_an_ideographic_space(tmp_path):
    body = "##大型多语言MT\n\n###[Title](https://example.com)\n\n####\u3000一般画像\n\n  ##indented\n"
    assert check_page(tmp_path, FM + body, path=ZH, select=SELECT) == [
        ("DLC615", 9, 1),
        ("DLC615", 11, 1),
        ("DLC615", 13, 1),
        ("DLC615", 15, 3),
    ]
    first = findings_of(tmp_path, FM + body, path=ZH, select=SELECT)[0]
    assert "`##大型多语言MT` is not a heading" in first.message and first.severity.value == "error"


def test_real_headings_code_comments_and_lists_are_not_reported(tmp_path):
    body = "## 大型多语言MT\n\n#\ttab\n\n```\n#include <x>\n```\n\n<!--\n##English\n-->\n\n- ##item\n\n$$\n#x\n$$\n"
    assert check_page(tmp_path, FM + body, path=ZH, select=SELECT) == []


def test_fix_inserts_the_space(tmp_path):
    assert_fixes(tmp_path, FM + "##大型\n", FM + "## 大型\n", SELECT, path=ZH)
    assert_fixes(tmp_path, FM + "###\u3000大型\n", FM + "### 大型\n", SELECT, path=ZH)


def test_kramdown_prints_the_flagged_lines_as_text(tmp_path):
    """The claim of the message, checked with the real renderer: flagged lines are paragraphs showing
    their hashes; the fixed lines are headings."""
    body = "##大型多语言MT\n\n####\u3000一般画像\n\n## 正常\n\n#\ttab\n"
    html = build(tmp_path / "site", {"zh/a.md": FM + body})["zh/a.md"]
    assert "<p>##大型多语言MT</p>" in html
    assert "<p>####\u3000一般画像</p>" in html
    assert '<h2 id="正常">正常</h2>' in html and '<h1 id="tab">tab</h1>' in html
    (tmp_path / "lint").mkdir()
    assert check_page(tmp_path / "lint", FM + body, path=ZH, select=SELECT) == [("DLC615", 9, 1), ("DLC615", 11, 1)]


def test_corpus_headings_without_space(corpus):
    findings = lint_site(corpus, ["zh/week12/12-2.md", "ja/week08/08-2.md"], select=tuple(SELECT))
    lines = {(f.path, f.line) for f in findings}
    assert ("zh/week12/12-2.md", 131) in lines and ("ja/week08/08-2.md", 153) in lines
    assert len([f for f in findings if f.path == "zh/week12/12-2.md"]) == 13
