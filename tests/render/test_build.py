"""The build itself: Jekyll with the GitHub Pages plugins, once per session, in seconds."""


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
