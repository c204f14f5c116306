"""DLC603, DLC604 and DLC609 say that markup is shown on the page as text: an error by the severity policy
(the published page shows the wrong thing). Each claim is checked against the real Jekyll."""

from __future__ import annotations

import html

from conftest import findings_of
from jekyll_pages import build

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
BODY = (
    '<!-- <center> -->\n<img src="a.png"/>\n</center>\n\n'  # DLC603: the opener is in the comment
    "b>그림 1</b>: 설명\n\n"  # DLC604: lost its `<`
    "<b>그림 2:</ b> 설명\n\n"  # DLC604: a space after `</`
    "<b그림 3:</b> 설명\n\n"  # DLC604: glued to the word
    "<!-- English. --> -->\n\n번역.\n"  # DLC609: a second closer
)


def test_markup_shown_as_text_is_an_error(tmp_path):
    (tmp_path / "lint").mkdir()
    findings = findings_of(tmp_path / "lint", FM + BODY, select=["DLC603", "DLC604", "DLC609"])
    assert [(f.code, f.line, f.severity.value) for f in findings] == [
        ("DLC603", 11, "error"),
        ("DLC604", 13, "error"),
        ("DLC604", 15, "error"),
        ("DLC604", 17, "error"),
        ("DLC609", 19, "error"),
    ]
    assert "`</ b>` has a space after `</`, so it is shown as text" in findings[2].message
    shown = html.unescape(build(tmp_path / "site", {"ko/week01/01-1.md": FM + BODY})["ko/week01/01-1.md"])
    # what each finding says the reader sees, in the page Jekyll built (kramdown turns `--` into `–`)
    for text in ("</center>", "b>그림 1</b>", "</ b>", "<b그림 3:</b>", "–>"):
        assert text in shown, text
