from conftest import check_page, findings_of, lint_site, write_site
from jekyll_pages import jekyll

from dlc_lint.finding import Safety
from dlc_lint.fix.plan import plan
from dlc_lint.parse.source import SourceText

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
INDEX_FM = "---\nlayout: default\nlang-ref: home\nlang: ko\n---\n\n"


def test_relative_link_resolves_from_the_pretty_url(tmp_path):
    # from /site/ko/week01/01-1/ a relative `ko/week01/01` goes to /site/ko/week01/01-1/ko/week01/01
    page = FM + "See [week 1](ko/week01/01) and [ok]({{site.baseurl}}/ko/week01/01).\n"
    assert check_page(tmp_path, page, select=["DLC401"]) == [("DLC401", 9, 14)]


def test_working_links_are_not_reported(tmp_path):
    page = FM + (
        "[a]({{ site.baseurl }}/ko/week01/01) [b]({{site.baseurl}}/en/week01/01-1/) [c](../01/)\n"
        "[d](01-1.md) [e](https://example.com/x) [f](#top) [g](mailto:a@b.c) [h](../01)\n"
        '<a href="{{site.baseurl}}/ko/week01/01/index.html">i</a> [j]({{site.baseurl}}/)\n'
    )
    assert check_page(tmp_path, page, select=["DLC401"]) == []


def test_links_in_comments_code_and_math_are_ignored(tmp_path):
    page = FM + ("<!-- [x](nowhere) -->\n\n`[y](nowhere)`\n\n```\n[z](nowhere)\n```\n\n$$\\text{[soft](arg)max}$$\n")
    assert check_page(tmp_path, page, select=["DLC401"]) == []


def test_unbalanced_display_math_elsewhere_does_not_hide_links(tmp_path):
    page = FM + "Cost $$x\n\n[broken](nowhere) $$y$$\n"
    assert check_page(tmp_path, page, select=["DLC401"]) == [("DLC401", 11, 10)]


def test_language_index_prefix_is_fixed(tmp_path):
    index = INDEX_FM + '<a href="ko/week01/01">1주차</a> <a href="en/week01/01-1">1</a>\n'
    findings = findings_of(
        tmp_path, index, path="ko/index.md", select=["DLC401"], extra={"ko/week01/01-1.md": FM + "x\n"}
    )
    assert [(f.line, f.column) for f in findings] == [(7, 10), (7, 41)]
    assert all(f.fix is not None and f.fix.safety is Safety.SAFE for f in findings)
    assert "must not repeat `ko/`" in findings[0].message
    source = SourceText.from_bytes(index.encode())
    (change,) = plan(findings, {findings[0].path: source})
    assert change.new_text == INDEX_FM + '<a href="week01/01">1주차</a> <a href="week01/01-1">1</a>\n'
    # fixed text lints clean, so fixing twice equals fixing once
    (tmp_path / "ko/index.md").write_text(change.new_text, encoding="utf-8")
    assert lint_site(tmp_path, ["ko/index.md"], select=("DLC401",)) == []


def test_index_link_to_untranslated_page_gets_unsafe_english_fix(tmp_path):
    findings = findings_of(
        tmp_path,
        INDEX_FM + '<a href="en/week02/02">2</a>\n',
        path="ko/index.md",
        select=["DLC401"],
        extra={"en/week02/02.md": "---\nlang-ref: ch.02\ntitle: W2\n---\n"},
    )
    (finding,) = findings
    assert (finding.line, finding.column) == (7, 10)
    assert "not translated yet" in finding.message
    assert finding.fix.safety is Safety.UNSAFE
    assert finding.fix.edits[0].new_text == "{{site.baseurl}}/en/week02/02"


def test_wrong_letter_case_is_fixed(tmp_path):
    page = FM + "[w]({{site.baseurl}}/ko/Week01/01)\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC401"])
    assert (finding.line, finding.column) == (9, 5)
    assert "case-sensitive" in finding.message
    assert finding.fix.edits[0].new_text == "{{site.baseurl}}/ko/week01/01"


def test_doubled_parentheses(tmp_path):
    page = FM + "[repo]((https://github.com/x/y))\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC401"])
    assert (finding.line, finding.column) == (9, 8)
    assert finding.fix.edits[0].new_text == "https://github.com/x/y"


def test_page_without_front_matter_is_not_checked(tmp_path):
    assert check_page(tmp_path, "# README\n\n[x](nowhere)\n", path="ko/README-KO.md", select=["DLC401"]) == []


def test_page_without_front_matter_is_still_published(tmp_path):
    # GitHub Pages renders Markdown without front matter (jekyll-optional-front-matter): not a 404
    page = FM + "[x]({{site.baseurl}}/ko/week02/02)\n"
    assert check_page(tmp_path, page, select=["DLC401"], extra={"ko/week02/02.md": "no front matter\n"}) == []


def test_md_source_address_is_broken_but_relative_md_link_is_rewritten(tmp_path):
    page = FM + '[a]({{site.baseurl}}/ko/week01/01.md) [b](../week01/01.md) <a href="01.md">c</a>\n'
    findings = findings_of(tmp_path, page, select=["DLC401"])
    assert [(f.line, f.column) for f in findings] == [(9, 5), (9, 69)]


def test_no_config_site_still_resolves(tmp_path):
    write_site(
        tmp_path, {"en/a.md": "---\ntitle: A\n---\n[x](../b/)\n", "ko/a.md": "---\ntitle: A\n---\n"}, config=None
    )
    findings = lint_site(tmp_path, ["en/a.md"], select=("DLC401",))
    assert [(f.code, f.line, f.column) for f in findings] == [("DLC401", 4, 5)]


def test_corpus_korean_broken_links(corpus):
    findings = lint_site(corpus, ["ko"], select=("DLC401",))
    assert [(f.path, f.line, f.column) for f in findings] == [
        ("ko/index.md", 317, 47),
        ("ko/index.md", 319, 20),
        ("ko/index.md", 326, 20),
        ("ko/week01/01-1.md", 12, 12),
    ]


def test_link_to_untranslated_page_says_what_to_write(tmp_path):
    # ko/index.md:317: `week15/15` relative from /ko/, and ko has no week15
    findings = findings_of(
        tmp_path,
        INDEX_FM + '<a href="week02/02">2</a>\n',
        path="ko/index.md",
        select=["DLC401"],
        extra={"en/week02/02.md": "---\nlang-ref: ch.02\ntitle: W2\n---\n"},
    )
    (finding,) = findings
    assert (finding.line, finding.column) == (7, 10)
    assert finding.message.endswith(
        "`ko` has no translation of this page yet; link the English page "
        "`{{site.baseurl}}/en/week02/02` until it exists"
    )
    assert finding.fix.safety is Safety.UNSAFE


def test_translated_folder_name_suggests_the_real_folder(tmp_path):
    # fr/week08/08-3.md:31: `{{site.baseurl}}/fr/semaine07/07-3/`
    page = FM + "[주 1]({{site.baseurl}}/ko/semaine01/01/) and [x]({{site.baseurl}}/ko/nowhere/99/)\n"
    findings = findings_of(tmp_path, page, select=["DLC401"])
    assert [(f.line, f.column) for f in findings] == [(9, 7), (9, 50)]
    first, second = findings
    assert (
        "did you mean `{{site.baseurl}}/ko/week01/01/`? Folder names in addresses are not translated" in first.message
    )
    assert first.fix.safety is Safety.UNSAFE
    assert first.fix.edits[0].new_text == "{{site.baseurl}}/ko/week01/01/"
    assert second.fix is None and "did you mean" not in second.message


# -- a folder number written otherwise than the site writes it, checked with the real Jekyll ----------

RENUMBER_CONFIG = "permalink: pretty\nbaseurl: '/site'\nplugins:\n  - jekyll-relative-links\n"


def test_a_week_number_without_its_zero_gets_did_you_mean_and_jekyll_agrees(tmp_path):
    import posixpath
    import subprocess

    links = ["../week9/09-1.md", "../../week9/09-1", "{{site.baseurl}}/ko/week9/09-1/"]
    body = "".join(f"[{i}]({link})\n\n" for i, link in enumerate(links))
    files = {
        "ko/week01/01-1.md": FM + body,
        "ko/week09/09-1.md": FM.replace("ch.01-1", "ch.09-1") + "9주차\n",
        "ko/week10/10-1.md": FM.replace("ch.01-1", "ch.10-1") + "10주차\n",
    }
    write_site(tmp_path, files, RENUMBER_CONFIG)
    found = [f for f in lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC401",))]
    suggested = ["../week09/09-1.md", "../../week09/09-1", "{{site.baseurl}}/ko/week09/09-1/"]
    assert [f.message.rsplit("did you mean ", 1)[-1] for f in found] == [f"`{s}`?" for s in suggested]
    assert [f.fix.edits[0].new_text for f in found] == suggested and {f.fix.safety for f in found} == {Safety.UNSAFE}

    # the suggestions, written into the page, are links that Jekyll serves
    (tmp_path / "ko/week01/01-1.md").write_text(FM + "".join(f"[{i}]({s})\n\n" for i, s in enumerate(suggested)))
    out = tmp_path / "_site_built"
    done = subprocess.run(
        [jekyll(), "build", "-q", "-s", str(tmp_path), "-d", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    html = (out / "ko/week01/01-1/index.html").read_text(encoding="utf-8")
    import re

    hrefs = re.findall(r'href="([^"]*)"', html)
    assert len(hrefs) == 3
    for href in hrefs:
        url = posixpath.normpath(posixpath.join("/site/ko/week01/01-1/", href))
        assert (out / url.removeprefix("/site/") / "index.html").is_file(), (href, url)
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC401",)) == []
