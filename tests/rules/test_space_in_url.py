from conftest import check_page, findings_of, lint_site

from dlc_lint.finding import Safety, Severity

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
IMAGES = {"images/week01/check.png": b"", "images/week01/Figure 7.png": b""}


def test_spaces_inserted_around_slashes(tmp_path):
    page = FM + '<img src="{{site.baseurl}} / images / week01 / check.png"/>\n'
    (finding,) = findings_of(tmp_path, page, select=["DLC406", "DLC402"], extra=IMAGES)
    assert (finding.code, finding.line, finding.column) == ("DLC406", 9, 11)
    assert finding.fix.safety is Safety.SAFE
    assert finding.fix.edits[0].new_text == "{{site.baseurl}}/images/week01/check.png"


def test_zero_width_space_inside_address(tmp_path):
    page = FM + "![x]({{site.baseurl}}/images/week01/\u200bcheck.png)\n"
    assert check_page(tmp_path, page, select=["DLC406"], extra=IMAGES) == [("DLC406", 9, 6)]


def test_real_file_names_with_spaces_and_edge_spaces_are_fine(tmp_path):
    page = FM + '<img src="{{site.baseurl}}/images/week01/Figure 7.png"/> [a]( https://example.com/x )\n'
    assert check_page(tmp_path, page, select=["DLC406"], extra=IMAGES) == []


def test_external_addresses(tmp_path):
    page = FM + '<a href="http://yann.Le Cun.com/x.pdf">a</a> [b](https://youtube.com/watch?v=1& t=5s)\n'
    first, second = findings_of(tmp_path, page, select=["DLC406"])
    assert (first.line, first.column, first.severity) == (9, 10, Severity.ERROR)
    assert (second.line, second.column, second.severity) == (9, 50, Severity.WARNING)
    assert second.fix.safety is Safety.UNSAFE


def test_corpus_machine_translated_image_address(corpus):
    findings = lint_site(corpus, ["es/week14/14-2.md"], select=("DLC406",))
    assert [(f.line, f.column) for f in findings] == [(192, 13)]
