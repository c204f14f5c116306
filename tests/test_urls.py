"""URL resolution as the published site does it."""

from conftest import write_site

from dlc_lint.site.model import Site
from dlc_lint.site.urls import malformed_liquid, remove_inside_space, resolver_for

PAGE = "---\ntitle: x\n---\n"


def _resolver(tmp_path):
    write_site(
        tmp_path,
        {
            "index.md": PAGE,
            "en/week01/01.md": PAGE,
            "ko/index.md": PAGE,
            "ko/week01/01-1.md": PAGE,
            "images/a b.png": b"",
            "ko/README-KO.md": "no front matter\n",
            "_layouts/x.html": "",
            "static/f.html": "",
        },
    )
    return resolver_for(Site(tmp_path))


def test_pretty_urls_with_and_without_slash(tmp_path):
    resolver = _resolver(tmp_path)
    for target in (
        "week01/01-1",
        "week01/01-1/",
        "./week01/01-1/index.html",
        "{{ site.baseurl }}/ko/week01/01-1",
        "../en/week01/01",
        "{{site.baseurl}}/",
        "../",
        "{{site.baseurl}}/static/f",
        "README-KO",
    ):
        assert resolver.resolve("ko/index.md", target).ok, target


def test_what_does_not_resolve(tmp_path):
    resolver = _resolver(tmp_path)
    assert resolver.resolve("ko/index.md", "ko/week01/01-1").reason == "missing"
    assert resolver.resolve("ko/index.md", "/ko/week01/01-1").reason == "no-baseurl"
    assert resolver.resolve("ko/index.md", "{{site.baseurl}}/ko/week01/01-1.md", "html").reason == "source-file"
    assert resolver.resolve("ko/index.md", "{{site.baseurl}}/_layouts/x.html").broken
    assert resolver.resolve("ko/index.md", "{{ page.url }}").kind == "liquid"
    assert resolver.resolve("ko/index.md", "https://x.org/a").kind == "external"


def test_spaces_are_part_of_the_address(tmp_path):
    resolver = _resolver(tmp_path)
    assert resolver.resolve("ko/index.md", "{{site.baseurl}}/images/a b.png").ok
    assert resolver.resolve("ko/index.md", "{{site.baseurl}}/images/a%20b.png").ok
    assert resolver.resolve("ko/index.md", "{{site.baseurl}} /images/a b.png").broken
    assert remove_inside_space("{{site.baseurl}} / images /\u200bx.png") == "{{site.baseurl}}/images/x.png"


def test_relative_md_links_follow_the_source_tree(tmp_path):
    resolver = _resolver(tmp_path)
    assert resolver.resolve("ko/week01/01-1.md", "../../en/week01/01.md", "link").ok
    assert resolver.resolve("ko/week01/01-1.md", "../../en/week01/01.md", "html").broken


def test_malformed_liquid_positions():
    text = "a {{site.baseurl}} b {{site.baseurl}}} c {{ site.baseurl }}"
    (problem,) = malformed_liquid(text)
    assert (problem.start, problem.end, problem.text) == (21, 38, "{{site.baseurl}}}")
