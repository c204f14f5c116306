"""DLC610 markdown-in-html-block: kramdown copies a block HTML element's content raw (checked with the real Jekyll)."""

from __future__ import annotations

from conftest import check_page, findings_of, lint_site
from front_matter_fixing import assert_fixes
from jekyll_pages import build

FM = "---\nlang-ref: ch.01-1\ntitle: مقدمة\nlang: ar\n---\n\n"
SELECT = ["DLC610"]
AR = "ar/week01/01-1.md"


def test_markdown_in_a_div_without_the_attribute_is_reported_at_the_markdown(tmp_path):
    body = '<div dir="rtl">\n\n## مقدمة\n\n**مهم**\n</div>\n\n<section>\ntext [link](a.md)\n</section>\n'
    assert check_page(tmp_path, FM + body, path=AR, select=SELECT) == [("DLC610", 9, 1), ("DLC610", 15, 6)]
    first = findings_of(tmp_path, FM + body, path=AR, select=SELECT)[0]
    assert first.severity.value == "error" and '`<div dir="rtl">` (line 7)' in first.message
    assert 'add `markdown="1"`' in first.message and first.fix is not None


def test_parsed_elements_span_tags_code_and_math_are_not_reported(tmp_path):
    body = (
        '<div dir="rtl" markdown="1">\n## مقدمة\n</div>\n\n<div markdown="0">\n**raw on purpose**\n</div>\n\n'
        "<span>**span** is a paragraph</span>\n\n```\n<div>\n## code\n</div>\n```\n\n"
        "<div>\n$$\n**x**\n$$\n</div>\n\n<div><img src='a.png'></div>\n\n<!--\n<div>\n## comment\n</div>\n-->\n"
    )
    assert check_page(tmp_path, FM + body, path=AR, select=SELECT) == []


def test_nested_element_needs_its_own_attribute_and_unclosed_ones_are_left_to_dlc602(tmp_path):
    body = '<div dir="rtl" markdown="1">\n## outer\n<div>\n## inner\n</div>\n</div>\n\n<div>caption <div>\n\n## after\n'
    assert check_page(tmp_path, FM + body, path=AR, select=SELECT) == [("DLC610", 10, 1)]


def test_fix_adds_the_attribute_only_where_it_is_enough(tmp_path):
    assert_fixes(
        tmp_path,
        FM + '<div dir="rtl">\n## مقدمة\n</div>\n',
        FM + '<div dir="rtl" markdown="1">\n## مقدمة\n</div>\n',
        SELECT,
        path=AR,
    )
    (tmp_path / "b").mkdir()
    for body in ("<div>one **line**</div>\n", "<p>\n**p**\n</p>\n", "<table><tr><td>**t**</td></tr></table>\n"):
        found = findings_of(tmp_path / "b", FM + body, path=AR, select=SELECT)
        assert len(found) == 1 and found[0].fix is None, body


def test_kramdown_prints_the_markdown_as_typed_and_parses_it_with_the_attribute(tmp_path):
    body = '<div dir="rtl">\n\n## مقدمة\n\n</div>\n\n<div dir="rtl" markdown="1">\n## ثانية\n</div>\n'
    html = build(tmp_path / "site", {"ar/a.md": FM + body})["ar/a.md"]
    assert "## مقدمة" in html and "<h2" in html and "ثانية</h2>" in html
    (tmp_path / "lint").mkdir()
    assert check_page(tmp_path / "lint", FM + body, path=AR, select=SELECT) == [("DLC610", 9, 1)]


def test_corpus_figure_captions_in_center(corpus):
    findings = lint_site(corpus, ["en/week14/14-2.md", "ko/week14/14-2.md"], select=tuple(SELECT))
    assert [(f.path, f.line) for f in findings] == [("en/week14/14-2.md", 203), ("ko/week14/14-2.md", 300)]


def test_off_when_the_site_parses_block_html(tmp_path):
    """`kramdown: parse_block_html: true` makes kramdown read the content as Markdown (built and checked)."""
    from conftest import CONFIG
    from jekyll_pages import CONFIG as BUILD_CONFIG

    body = '<div dir="rtl">\n## مقدمة\n</div>\n'
    parsing = BUILD_CONFIG.replace("  input: GFM\n", "  input: GFM\n  parse_block_html: true\n")
    html = build(tmp_path / "site", {"ar/a.md": FM + body}, config=parsing)["ar/a.md"]
    assert "مقدمة</h2>" in html and "## مقدمة" not in html
    config = CONFIG + "kramdown:\n  input: GFM\n  parse_block_html: true\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert check_page(tmp_path / "a", FM + body, path=AR, select=SELECT, config=config) == []
    assert check_page(tmp_path / "b", FM + body, path=AR, select=SELECT) == [("DLC610", 8, 1)]
