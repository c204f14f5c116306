from parity_site import KO_BODY_LINE, pair, pair_findings

PAGES = {
    "en/week01/01-2.md": "---\nlang-ref: ch.01-2\ntitle: B\n---\n",
    "ko/week01/01-2.md": "---\nlang-ref: ch.01-2\ntitle: B\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n",
    "en/week01/01-3.md": "---\nlang-ref: ch.01-3\ntitle: C\n---\n",
}
EN = "See [the next part]({{site.baseurl}}/en/week01/01-2) and [LeCun](http://yann.lecun.com/exdb/mnist/).\n"


def test_the_same_page_in_the_translations_language_matches(tmp_path):
    ko = "[다음]({{site.baseurl}}/ko/week01/01-2/)과 [LeCun](http://yann.lecun.com/exdb/mnist/) 참조.\n"
    assert pair(tmp_path, EN, ko, ["DLC703"], extra=PAGES) == []


def test_the_english_page_itself_matches_too(tmp_path):
    ko = "[다음]({{site.baseurl}}/en/week01/01-2)과 [LeCun](http://yann.lecun.com/exdb/mnist/) 참조.\n"
    assert pair(tmp_path, EN, ko, ["DLC703"], extra=PAGES) == []


def test_another_existing_page(tmp_path):
    ko = "[다음]({{site.baseurl}}/en/week01/01-3)과 [LeCun](http://yann.lecun.com/exdb/mnist/) 참조.\n"
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC703"], extra=PAGES)
    assert (finding.code, finding.line, finding.column) == ("DLC703", KO_BODY_LINE, 6)
    assert "en/week01/01-3.md" in finding.message and "{{site.baseurl}}/en/week01/01-2" in finding.message


def test_another_external_address(tmp_path):
    ko = "[다음]({{site.baseurl}}/ko/week01/01-2/)과 [LeCun](http://yann.lecun.org/exdb/mnist/) 참조.\n"
    assert pair(tmp_path, EN, ko, ["DLC703"], extra=PAGES) == [("DLC703", KO_BODY_LINE, 49)]


def test_a_localized_resource_is_fine(tmp_path):
    english = "Read the [README](https://github.com/a/b/blob/master/README.md).\n"
    ko = "[README](https://github.com/a/b/blob/master/docs/ko/README-KO.md)를 읽으세요.\n"
    assert pair(tmp_path, english, ko, ["DLC703"], extra=PAGES) == []


def test_links_of_one_block_are_compared_in_order(tmp_path):
    # a table row with several links: each changed one is compared with the English link at its place,
    # not with the first English link the translation lacks
    english = (
        "| a | b |\n|---|---|\n"
        "| [slides](https://x.org/one.pdf) [notes](https://x.org/two.ipynb) [video](https://x.org/three) |  |\n"
    )
    ko = (
        "| 가 | 나 |\n|---|---|\n"
        "| [슬라이드](https://y.org/first.pdf) [노트](https://x.org/two.ipynb) [영상](https://y.org/third) |  |\n"
    )
    first, third = pair_findings(tmp_path, english, ko, ["DLC703"])
    assert "y.org/first.pdf" in first.message and "x.org/one.pdf" in first.message
    assert "y.org/third" in third.message and "x.org/three" in third.message
