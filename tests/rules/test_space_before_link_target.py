"""DLC408 space-before-link-target: `[text] (url)` is plain text in kramdown (checked with the real Jekyll)."""

from __future__ import annotations

from conftest import check_page, findings_of, lint_site
from front_matter_fixing import assert_fixes
from jekyll_pages import build

from dlc_lint.finding import Safety

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC408"]


def test_link_and_image_with_a_space(tmp_path):
    body = "[동영상] (https://www.youtube.com/watch?v=1&t=2s) 그리고 ![그림]  ({{site.baseurl}}/images/a.png)\n"
    assert check_page(tmp_path, FM + body, select=SELECT) == [("DLC408", 9, 1), ("DLC408", 9, 52)]
    first, second = findings_of(tmp_path, FM + body, select=SELECT)
    assert "is not a link" in first.message and first.severity.value == "error"
    assert "is not an image" in second.message


def test_not_reported(tmp_path):
    body = (
        "[1] (see above), [ref] (https://example.com/b), [링크](https://example.com/ok)\n\n"
        "`[code] (https://example.com)`\n\n<!-- [English] (https://example.com) -->\n\n"
        "$[a] (b)$\n\n[ref]: https://example.com/ref\n"
    )
    assert check_page(tmp_path, FM + body, select=SELECT) == []


def test_fix_removes_the_space(tmp_path):
    assert_fixes(tmp_path, FM + "[동영상] (https://example.com/v)\n", FM + "[동영상](https://example.com/v)\n", SELECT)


def test_an_address_that_is_not_plain_ascii_needs_review(tmp_path):
    """`watch؟v=` (an Arabic question mark): the address itself may be damaged, so the fix is unsafe."""
    (finding,) = findings_of(tmp_path, FM + "[동영상] (https://www.youtube.com/watch؟v=1)\n", select=SELECT)
    assert finding.fix.safety is Safety.UNSAFE


def test_kramdown_shows_the_brackets_and_the_address(tmp_path):
    body = "[동영상] (https://example.com/v)\n\n[동영상](https://example.com/v)\n"
    html = build(tmp_path / "site", {"ko/a.md": FM + body})["ko/a.md"]
    assert "<p>[동영상] (https://example.com/v)</p>" in html
    assert '<p><a href="https://example.com/v">동영상</a></p>' in html


def test_corpus_links_with_a_space(corpus):
    findings = lint_site(corpus, ["ko/week10/10-2.md", "ar/week13/13-3.md", "it/week06/06-2.md"], select=tuple(SELECT))
    assert [(f.path, f.line) for f in findings] == [
        ("ar/week13/13-3.md", 233),
        ("ar/week13/13-3.md", 237),
        ("ar/week13/13-3.md", 303),
        ("it/week06/06-2.md", 308),
        ("it/week06/06-2.md", 365),
        ("it/week06/06-2.md", 425),
        ("ko/week10/10-2.md", 21),
    ]
