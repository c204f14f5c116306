# ruff: noqa: F811 - the session fixtures are imported from render_fixtures, and tests take them by name
"""dlc-lint's model of each page agrees with the page Jekyll builds, over the corpus and every fixture site.

For each claim a finding makes about what the reader sees (a comment shown or hidden, a page or
not, front matter read or not, a link that 404s, a heading, a math block), the built HTML is the
judge. A disagreement fails with page:line, dlc-lint's claim and what the HTML shows.
"""

from __future__ import annotations

import os
from pathlib import Path

import agreement
import fixture_html
import pytest
from render_fixtures import (  # noqa: F401 - session fixtures
    CORPUS,
    FIXTURE_SITES,
    corpus_build,
    fixture_builds,
    plain_renderer_build,
)

from dlc_lint.config import Settings
from dlc_lint.engine.run import lint


def test_corpus_builds_in_seconds_with_every_page(corpus_build):
    assert corpus_build.seconds < 60, f"the corpus took {corpus_build.seconds:.1f} s to build"
    assert len(corpus_build.pages) >= 537  # every Markdown file but the root README (index.md is the home)
    assert corpus_build.pages["index.md"].url == "/"
    assert corpus_build.pages["ko/week01/01-1.md"].url == "/ko/week01/01-1/"


def test_the_plugins_run(corpus_build):
    # jekyll-optional-front-matter: a page whose front matter follows a BOM is built, its front matter read
    bom = corpus_build.pages["ko/week11/11.md"]
    assert bom.lang_ref == "ch.11" and bom.url == "/ko/week11/11/"
    # jekyll-readme-index / optional front matter: the README files are pages too
    assert "ko/README-KO.md" in corpus_build.pages


def test_plain_jekyll_does_not_read_a_file_after_a_bom(plain_renderer_build, fixture_builds):
    name = "ko/front-matter/bom-before-dashes.md"
    assert name not in plain_renderer_build.pages  # a static file: its URL 404s
    assert fixture_builds["renderer"].pages[name].lang_ref == "ch.bom"


class Linted:
    def __init__(self, root: Path, settings: Settings | None = None):
        old = Path.cwd()
        os.chdir(root.parent)
        try:
            result = lint([Path(root.name)], settings or Settings(), use_cache=False)
        finally:
            os.chdir(old)
        self.site, self.findings, self.prefix = result.site, result.findings, root.name

    def display(self, path: str) -> str:
        return f"{self.prefix}/{path}"


@pytest.fixture(scope="session")
def corpus_lint(corpus_build) -> Linted:
    return Linted(CORPUS)


@pytest.fixture(scope="session")
def fixture_lints(fixture_builds) -> dict[str, Linted]:
    return {name: Linted(FIXTURE_SITES[name]) for name in fixture_builds}


def _fail_on(claims: list[agreement.Claim]) -> None:
    wrong = [c for c in claims if not c.agrees]
    assert not wrong, f"{len(wrong)} of {len(claims)} claims disagree with the build:\n" + "\n".join(
        map(str, wrong[:40])
    )


def _every_site(corpus_build, corpus_lint, fixture_builds, fixture_lints):
    yield corpus_build, corpus_lint
    for name, build in fixture_builds.items():
        yield build, fixture_lints[name]


@pytest.fixture(scope="session")
def sites(corpus_build, corpus_lint, fixture_builds, fixture_lints):
    return list(_every_site(corpus_build, corpus_lint, fixture_builds, fixture_lints))


def test_every_source_comment_shown_or_hidden_as_the_build_shows_it(sites):
    claims = []
    for build, linted in sites:
        claims += agreement.comment_claims(linted.site, build, linted.findings, linted.display)
        claims += agreement.nested_claims(linted.site, build, linted.findings, linted.display)
        claims += agreement.hidden_translation_claims(linted.site, build, linted.findings, linted.display)
    assert len([c for c in claims if c.kind == "comments"]) > 11000  # the corpus's 11k source comments
    _fail_on(claims)


def test_every_comment_the_corpus_shows_is_an_error_at_its_line(corpus_build, corpus_lint):
    claims = agreement.comment_claims(corpus_lint.site, corpus_build, corpus_lint.findings, corpus_lint.display)
    shown = [c for c in claims if c.kind == "comments" and c.seen == "shown"]
    assert len(shown) >= 49  # the issue counted 49 by hand; the build shows more (images, tables)
    _fail_on(shown)


def test_every_page_is_a_page_with_its_front_matter_read(sites):
    claims = []
    for build, linted in sites:
        claims += agreement.page_claims(linted.site, build, linted.display)
    assert any(c.where.endswith("ko/week11/11.md:1") and c.seen == "front matter read" for c in claims)  # BOM
    _fail_on(claims)


def test_plain_jekyll_pages_and_front_matter(plain_renderer_build, fixture_lints):
    linted = fixture_lints["renderer"]
    claims = agreement.page_claims(linted.site, plain_renderer_build, linted.display, renderer="jekyll")
    assert any(c.claimed == "not a page" for c in claims)  # the BOM and the blank lines
    _fail_on(claims)


def test_dlc101_says_what_each_build_does(fixture_lints):
    linted = fixture_lints["renderer"]
    by_path = {f.path: f for f in linted.findings if f.code == "DLC101"}
    bom = by_path["renderer/ko/front-matter/bom-before-dashes.md"]
    blank = by_path["renderer/ko/front-matter/blank-line-before-dashes.md"]
    assert bom.severity.value == "info" and "reads the front matter" in bom.message
    assert blank.severity.value == "error" and "shows the block as text" in blank.message


def test_every_broken_internal_link_is_reported(sites):
    claims = []
    for build, linted in sites:
        claims += agreement.link_claims(linted.site, build, linted.display)
    broken = [c for c in claims if c.seen == "404"]
    assert len(broken) > 500
    assert any("link-tag.md" in c.where and c.claimed == "404" for c in claims)  # {{site.baseurl}}{% link %}
    wrong = [c for c in claims if not c.agrees]
    assert len(wrong) <= 1, "\n".join(map(str, wrong))  # the measure: at most one disagreement


# Disagreements understood but not modelled yet; each must still disagree (so the list cannot go stale).
# (Empty: docs/tr/index.md, an `<a>` left open inside a `<table>` HTML block, is modelled now.)
KNOWN_STRUCTURE: dict[str, str] = {}


def test_headings_and_math_blocks_as_kramdown_reads_them(sites):
    claims = []
    for build, linted in sites:
        claims += agreement.heading_claims(linted.site, build, linted.findings, linted.display)
        claims += agreement.math_claims(linted.site, build, linted.findings, linted.display)
        claims += agreement.delimiter_claims(linted.site, build, linted.findings, linted.display)
    assert len(claims) > 1000
    known = [c for c in claims if c.where in KNOWN_STRUCTURE]
    assert all(any(c.where == where for c in known) for where in KNOWN_STRUCTURE), "a known page is gone"
    assert not any(c.agrees for c in known if c.kind == "headings"), "a known disagreement is gone"
    _fail_on([c for c in claims if c.where not in KNOWN_STRUCTURE])


@pytest.mark.parametrize("case", fixture_html.cases(), ids=lambda p: p.relative_to(fixture_html.ROOT).as_posix())
def test_each_renderer_fixture_builds_to_its_checked_in_html(case, fixture_builds):
    built = fixture_builds["renderer"].pages.get(case.relative_to(fixture_html.ROOT).as_posix())
    assert built is not None, f"{case} is not built as a page"
    expected = fixture_html.expected(case).read_text(encoding="utf-8")
    assert fixture_html.fragment(built.body) == expected, (
        f"{case}: kramdown now gives other HTML (rerun fixture_html.py)"
    )


def test_markdown_in_a_block_html_element_is_shown_as_typed(sites):
    claims = []
    for build, linted in sites:
        claims += agreement.html_block_claims(linted.site, build, linted.findings, linted.display)
    assert sum(c.where.startswith("docs/") for c in claims) >= 9  # the corpus's `<center>` figure captions
    assert sum("html-block/" in c.where for c in claims) >= 9
    _fail_on(claims)


def test_markdown_1_added_by_the_dlc610_fix_is_what_kramdown_needs(tmp_path):
    """Apply DLC610's fixes to the fixtures, build them: the Markdown it fixed is now HTML, none is left typed."""
    import shutil
    import subprocess
    import sys

    import render_build
    from built_html import Seen

    render_build.jekyll()  # skips without it, fails in CI
    site = tmp_path / "renderer"
    shutil.copytree(FIXTURE_SITES["renderer"], site)
    before = Linted(site).findings
    fixable = [f for f in before if f.code == "DLC610" and f.fix is not None]
    assert len(fixable) >= 5
    cli = [sys.executable, "-m", "dlc_lint", "--select", "DLC610", "--fix", str(site / "ko" / "html-block")]
    subprocess.run(cli, capture_output=True, check=False)
    after = Linted(site).findings
    assert not [f for f in after if f.code == "DLC610" and f.fix is not None]
    build = render_build.build(site, tmp_path / "build")
    for f in fixable:
        path = f.path.split("/", 1)[1]
        page = Linted(site).site.page(path)
        assert page is not None
        line = page.text.split("\n")[f.line - 1][f.column - 1 :].strip()
        text = " ".join(Seen(build.pages[path].body).text.split())
        assert line[:12] not in text, f"{f.path}:{f.line}: `{line}` is still shown as typed after the fix"


def test_dlc710_lines_are_table_rows_and_other_bars_in_formulas_are_not(sites):
    claims = []
    for build, linted in sites:
        claims += agreement.table_claims(linted.site, build, linted.findings, linted.display)
    rows = [c for c in claims if c.claimed == "table row"]
    assert len(rows) >= 4 and all("pipe-in-math.md" in c.where for c in rows)  # the corpus has none
    assert sum(c.where.startswith("docs/") for c in claims) >= 29  # the corpus's bars in `$$` blocks
    _fail_on(claims)


def test_links_as_plain_jekyll_builds_them(plain_renderer_build, fixture_builds):
    """`renderer = "jekyll"`: no jekyll-relative-links, so `target.md` is not rewritten and 404s."""
    plain = Linted(FIXTURE_SITES["renderer"], Settings(renderer="jekyll"))
    claims = agreement.link_claims(plain.site, plain_renderer_build, plain.display)
    md = "renderer/ko/links/relative-md.md -> /renderer/ko/links/relative-md/target.md"
    assert [c.seen for c in claims if c.where == md] == ["404"]
    wrong = [c for c in claims if not c.agrees]
    assert len(wrong) <= 1, "\n".join(map(str, wrong))  # as with GitHub Pages: the glued block tag's image
    (finding,) = [f for f in plain.findings if f.code == "DLC401" and f.path.endswith("relative-md.md")]
    assert 'plain Jekyll (`renderer = "jekyll"`)' in finding.message and "/ko/links/target/" in finding.message
    pages = Linted(FIXTURE_SITES["renderer"])  # GitHub Pages: the same link is rewritten and works
    assert not [f for f in pages.findings if f.code == "DLC401" and f.path.endswith("relative-md.md")]
    rewritten = fixture_builds["renderer"].pages["ko/links/relative-md.md"].body
    assert 'href="/renderer/ko/links/target/"' in rewritten
