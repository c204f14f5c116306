"""A line `$$ a $$.` closes its formula on the line (kramdown's block math stops at the first `$$`), so it
is a paragraph with inline math, not a math block running to a later `$$` across blank lines: the comments
and headings after it are read as such. Checked against the real Jekyll."""

from __future__ import annotations

from conftest import check_page
from jekyll_pages import build

from dlc_lint.parse.page import parse_page

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
BODY = "$$ a = b $$.\n\n<!--\n# English heading\n-->\n\n# 제목\n\n$$L = c$$\n\n끝.\n-->\n"


def test_formula_closed_on_its_opening_line_does_not_swallow_what_follows(tmp_path):
    page = parse_page("ko/week01/01-1.md", "ko/week01/01-1.md", (FM + BODY).encode())
    kinds = [(page.source.position(b.start)[0], b.kind) for b in page.blocks]
    assert kinds[:4] == [(9, "math"), (11, "comment"), (15, "heading"), (17, "math")]
    assert [page.source.position(c.start)[0] for c in page.comments] == [11]
    # only the last `-->` closes no comment
    (tmp_path / "lint").mkdir()
    assert check_page(tmp_path / "lint", FM + BODY, select=["DLC609"]) == [("DLC609", 20, 1)]
    built = build(tmp_path / "site", {"ko/week01/01-1.md": FM + BODY})["ko/week01/01-1.md"]
    assert "<p>\\(a = b\\).</p>" in built  # a paragraph with inline math
    assert "<!--\n# English heading\n-->" in built and '<h1 id="제목">제목</h1>' in built
    assert "<p>끝.\n–&gt;</p>" in built  # the stray closer is shown
