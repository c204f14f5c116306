"""DLC118 unknown-layout: a misspelt layout makes Jekyll build the page bare (checked with the real Jekyll)."""

from __future__ import annotations

from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes
from jekyll_pages import build

LAYOUTS = {"_layouts/default.html": "<html>{{ content }}</html>\n", "_layouts/custom.html": "{{ content }}\n"}
SELECT = ["DLC118"]


def page(layout: str) -> str:
    return (
        f"---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\nlayout: {layout}\ntranslator: A\n"
        "translation-date: 1 Jan 2020\n---\n\n본문\n"
    )


def test_a_misspelt_layout(tmp_path):
    (finding,) = findings_of(tmp_path, page("Defaut"), select=SELECT, extra=LAYOUTS)
    assert (finding.line, finding.column, finding.end_column) == (5, 9, 15)
    assert "layout `Defaut` does not exist" in finding.message and "did you mean `default`?" in finding.message
    assert finding.severity.value == "error"


def test_existing_layouts_none_and_sites_without_layouts_are_fine(tmp_path):
    assert check_page(tmp_path, page("default"), select=SELECT, extra=LAYOUTS) == []
    assert check_page(tmp_path, page("none"), select=SELECT, extra=LAYOUTS) == []
    (tmp_path / "bare").mkdir()
    assert check_page(tmp_path / "bare", page("whatever"), select=SELECT) == []


def test_an_unknown_name_far_from_every_layout(tmp_path):
    (finding,) = findings_of(tmp_path, page("lecture"), select=SELECT, extra=LAYOUTS)
    assert "did you mean" not in finding.message and finding.fix is None


def test_with_a_theme_only_near_misses_count(tmp_path):
    from conftest import CONFIG

    themed = CONFIG + "theme: minima\n"
    assert check_page(tmp_path, page("post"), select=SELECT, extra=LAYOUTS, config=themed) == []
    assert check_page(tmp_path, page("Default"), select=SELECT, extra=LAYOUTS, config=themed) == [("DLC118", 5, 9)]


def test_fix_needs_unsafe_fixes(tmp_path):
    assert_fixes(tmp_path, page("Defaut"), page("default"), SELECT, unsafe=True, extra=LAYOUTS)


def test_jekyll_builds_the_page_without_its_layout(tmp_path):
    layouts = {"default": "<html><body><nav>SITE-LAYOUT</nav>{{ content }}</body></html>\n"}
    built = build(tmp_path / "site", {"ko/a.md": page("Defaut"), "ko/b.md": page("default")}, layouts)
    assert "SITE-LAYOUT" not in built["ko/a.md"] and "<p>본문</p>" in built["ko/a.md"]
    assert "SITE-LAYOUT" in built["ko/b.md"]
