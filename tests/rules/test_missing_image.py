from conftest import ENGLISH, check_page, findings_of, lint_site

from dlc_lint.finding import Safety

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
IMAGES = {"images/week01/Figure 7.png": b"", "images/week01/fig1.png": b"", "images/Yann.png": b""}


def test_missing_image_file(tmp_path):
    page = (
        FM
        + '<img src="{{site.baseurl}}/images/week01/Figura1.png"/>\n\n![x]({{site.baseurl}}/images/week01/fig2.png)\n'
    )
    assert check_page(tmp_path, page, select=["DLC402"], extra=IMAGES) == [("DLC402", 9, 11), ("DLC402", 11, 6)]


def test_existing_images_including_spaces_and_encoded_names(tmp_path):
    page = FM + (
        '<img src="{{site.baseurl}}/images/week01/Figure 7.png"/> <img src="{{site.baseurl}}/images/week01/Figure%207.png">\n'
        "![a]({{site.baseurl}}/images/week01/fig1.png) ![b](https://example.com/x.png) ![c](../../../images/Yann.png)\n"
    )
    assert check_page(tmp_path, page, select=["DLC402"], extra=IMAGES) == []


def test_links_are_left_to_broken_link(tmp_path):
    assert check_page(tmp_path, FM + "[x](nowhere.png)\n", select=["DLC402"], extra=IMAGES) == []


def test_relative_image_on_language_index_is_fixed(tmp_path):
    index = '---\nlayout: default\nlang-ref: home\nlang: ko\n---\n\n<img src="images/Yann.png">\n'
    (finding,) = findings_of(tmp_path, index, path="ko/index.md", select=["DLC402"], extra=IMAGES)
    assert (finding.line, finding.column) == (7, 11)
    assert finding.fix.edits[0].new_text == "{{site.baseurl}}/images/Yann.png"


def test_corpus_translated_file_names(corpus):
    findings = lint_site(corpus, ["it/week03/03-3.md"], select=("DLC402",))
    assert [(f.line, f.column) for f in findings] == [(111, 12), (111, 109)]


def test_translated_file_name_names_the_english_image(tmp_path):
    english = ENGLISH + '\n<img src="{{site.baseurl}}/images/week01/Figure_4b_zero_padding.png"/>\n'
    page = FM + '<img src="{{site.baseurl}}/images/week01/Figura_4b_zero_padding.png"/>\n'
    files = dict(IMAGES, **{"images/week01/Figure_4b_zero_padding.png": b""})
    (finding,) = findings_of(tmp_path, page, select=["DLC402"], extra=files, english=english)
    assert (finding.line, finding.column) == (9, 11)
    assert "the English page shows `{{site.baseurl}}/images/week01/Figure_4b_zero_padding.png` here" in finding.message
    assert finding.fix.safety == Safety.UNSAFE
    (edit,) = finding.fix.edits
    fixed = page[: edit.start] + edit.new_text + page[edit.end :]
    (tmp_path / "ko/week01/01-1.md").write_text(fixed, encoding="utf-8")
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC402",)) == []


def test_invisible_characters_are_written_out(tmp_path):
    page = FM + '<img src="{{site.baseurl}}/images/week01/\u200bnone.png"/>\n'
    (finding,) = findings_of(tmp_path, page, select=["DLC402"], extra=IMAGES)
    assert "\u200b" not in finding.message
    assert "`{{site.baseurl}}/images/week01/<U+200B>none.png`" in finding.message
    assert "even without them, `{{site.baseurl}}/images/week01/none.png` does not exist" in finding.message
