from conftest import write_site

from dlc_lint.site.model import Site, find_site_root
from dlc_lint.site.urls import resolver_for


def make(tmp_path):
    return write_site(
        tmp_path,
        {
            "index.md": "---\nlang-ref: home\n---\n",
            "en/week01/01-1.md": "---\nlang-ref: ch.01-1\n---\n",
            "ko/index.md": "---\nlang-ref: home\nlang: ko\n---\n",
            "ko/week01/01-1.md": "---\nlang-ref: ch.01-1\nlang: ko\n---\n",
            "ko/week01/stray.md": "---\nlang-ref: ch.01-1\nlang: ko\n---\n",
            "ko/week02/02-1.md": "---\nlang: ko\n---\n",
            "images/week01/a.png": b"",
            "_layouts/default.html": "x",
        },
    )


def test_root_and_languages(tmp_path):
    make(tmp_path)
    root, has_config = find_site_root([tmp_path / "ko" / "week01" / "01-1.md"])
    assert root == tmp_path and has_config
    site = Site(root)
    assert site.languages == ("en", "ko")
    assert site.baseurl == "/site" and site.source_lang == "en"
    assert "_layouts/default.html" not in site.page_paths


def test_counterparts(tmp_path):
    site = Site(make(tmp_path))
    assert site.counterpart("ko/week01/01-1.md") == "en/week01/01-1.md"
    assert site.counterpart("ko/index.md") == "index.md"
    assert site.counterpart("ko/week02/02-1.md") is None
    assert site.counterpart("en/week01/01-1.md") is None
    assert site.pages_with_lang_ref("ko", "ch.01-1") == ("ko/week01/01-1.md", "ko/week01/stray.md")


def test_translation_is_the_counterpart_pairing_seen_from_english(tmp_path):
    site = Site(make(tmp_path))
    assert site.translation("en/week01/01-1.md", "ko") == "ko/week01/01-1.md"  # same lang-ref, same place first
    assert site.translation("index.md", "ko") == "ko/index.md"
    assert site.translation("en/week01/01-1.md", "fr") is None
    for path in site.page_paths:
        english = site.counterpart(path)
        if english is not None and path != "ko/week01/stray.md":
            assert site.translation(english, site.folder_lang(path)) == path


def test_urls_resolve_like_the_browser(tmp_path):
    site = Site(make(tmp_path))
    assert site.url_of("ko/index.md") == "/ko/"
    assert site.url_of("ko/week01/01-1.md") == "/ko/week01/01-1/"
    assert site.url_of("index.md") == "/"
    resolver = resolver_for(site)  # the site's one URL resolver
    assert resolver.lookup("/ko/week01/01-1")[0] == "ko/week01/01-1.md"
    assert resolver.lookup("/ko/week01/01-1/")[0] == "ko/week01/01-1.md"
    assert resolver.lookup("/ko/ko/week01/01-1")[0] is None
    assert resolver.lookup("/images/week01/a.png")[0] == "images/week01/a.png"
    assert resolver.lookup("/_layouts/default.html")[0] is None
    image = resolver.resolve("ko/week01/01-1.md", "{{ site.baseurl }}/images/week01/a.png", "image")
    assert (image.kind, image.url, image.path) == ("ok", "/site/images/week01/a.png", "images/week01/a.png")


def test_without_config_languages_are_sibling_folders(tmp_path):
    content = tmp_path / "content"
    write_site(
        content, {"en/a.md": "---\nlang-ref: a\n---\n", "ko/a.md": "---\nlang-ref: a\nlang: ko\n---\n"}, config=None
    )
    root, has_config = find_site_root([content / "ko"])
    assert root == content and not has_config
    site = Site(root, has_config=False)
    assert site.outline is None and site.languages == ("en", "ko")
    assert site.counterpart("ko/a.md") == "en/a.md"


def test_symlink_loop_does_not_hang(tmp_path):
    make(tmp_path)
    (tmp_path / "ko" / "loop").symlink_to(tmp_path / "ko")
    assert "ko/week01/01-1.md" in Site(tmp_path).page_paths
