"""DLC407 empty-link-target: links with no address, checked against the real Jekyll."""

from __future__ import annotations

from conftest import check_page, findings_of, lint_site
from jekyll_pages import build

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC407"]
BODY = '[빈]() [빈2](<>) [해시](#) <a href="">x</a> <a>y</a> <a href>z</a> <a name="q">n</a> <a id="r">m</a>\n'


def test_empty_addresses_and_anchors_without_href(tmp_path):
    findings = findings_of(tmp_path, FM + BODY, select=SELECT)
    assert [(f.line, f.column, f.severity.value) for f in findings] == [
        (9, 1, "error"),  # [빈]()
        (9, 7, "error"),  # [빈2](<>)
        (9, 24, "error"),  # <a href="">
        (9, 41, "warning"),  # <a>
        (9, 50, "error"),  # <a href>
    ]
    assert "`[빈]()` has an empty address" in findings[0].message


def test_code_comments_and_real_links_are_not_reported(tmp_path):
    body = (
        "`[x]()` [링크](https://example.com) <!-- [English]() <a>x</a> -->\n\n```\n<a>code</a>\n```\n\n"
        '<table><tr><td><a href=""></a></td></tr></table>\n'
    )
    assert check_page(tmp_path, FM + body, select=SELECT) == []


def test_kramdown_makes_empty_links_reload_the_page(tmp_path):
    html = build(tmp_path / "site", {"ko/a.md": FM + BODY})["ko/a.md"]
    assert '<a href="">빈</a>' in html and '<a href="">빈2</a>' in html
    assert '<a href="#">해시</a>' in html  # a '#' is a jump to the top, not reported
    assert "<a>y</a>" in html and '<a href="">z</a>' in html  # <a href> is written href=""


def test_the_corpus_has_none(corpus):
    assert lint_site(corpus, ["ko", "zh"], select=tuple(SELECT)) == []
