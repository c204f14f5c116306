"""The two ways the tests build with Jekyll run it alike: as GitHub Pages does, with its five plugins.

``tests/rules/jekyll_pages.py`` builds a few pages with the site's own layouts; ``render_build``
builds a whole site with a layout that marks each page. Both go through ``render_build.run_jekyll``
(``--safe``: a plugin loads only when whitelisted), so a one-page build sees the plugins too.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rules"))

import jekyll_pages  # noqa: E402
import render_build  # noqa: E402

PAGES = {
    # jekyll-optional-front-matter builds a page without front matter; jekyll-relative-links turns a
    # link to a Markdown file into the page's URL; jekyll-titles-from-headings takes the title
    "ko/a.md": "# 제목\n\n[다음](b.md)\n",
    "ko/b.md": "---\ntitle: B\n---\n\n본문\n",
}


def test_a_one_page_build_loads_the_github_pages_plugins(tmp_path):
    built = jekyll_pages.build(tmp_path / "site", PAGES, {"default": "<title>{{ page.title }}</title>{{ content }}"})
    assert '<a href="/ko/b/">다음</a>' in built["ko/a.md"]
    assert "<title>제목</title>" in built["ko/a.md"]
    assert "<p>본문</p>" in built["ko/b.md"]


def test_without_the_whitelist_safe_mode_loads_no_plugin(tmp_path):
    config = jekyll_pages.CONFIG.split("whitelist:")[0]
    built = jekyll_pages.build(tmp_path / "site", PAGES, config=config)
    assert built["ko/a.md"] == ""  # no front matter and no plugin: copied as a file, not a page
    assert "<p>본문</p>" in built["ko/b.md"]


def test_the_site_build_sees_the_same_plugins(tmp_path):
    site = tmp_path / "site"
    for rel, text in PAGES.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    (site / "_config.yml").write_text("permalink: pretty\n", encoding="utf-8")
    build = render_build.build(site, tmp_path / "build")
    assert '<a href="/ko/b/">다음</a>' in build.pages["ko/a.md"].body
    assert build.pages["ko/a.md"].title == "제목" and build.serves("/ko/b/")
