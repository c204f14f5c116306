from conftest import check_page, findings_of

from dlc_lint.finding import Safety

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
W2 = {"en/week02/02.md": "---\nlang-ref: ch.02\ntitle: W2\n---\n"}


def test_link_to_english_page_that_is_translated(tmp_path):
    page = FM + "[1주차]({{site.baseurl}}/en/week01/01/) [2주차]({{site.baseurl}}/en/week02/02)\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC404"], extra=W2)
    assert (finding.line, finding.column) == (9, 7)
    assert finding.fix.safety is Safety.UNSAFE
    assert finding.fix.edits[0].new_text == "{{site.baseurl}}/ko/week01/01/"


def test_english_pages_are_not_checked(tmp_path):
    page = "---\nlang-ref: ch.01-1\ntitle: M\n---\n\n[ko]({{site.baseurl}}/ko/week01/01/)\n"
    assert check_page(tmp_path, page, path="en/week01/01-1.md", select=["DLC404"]) == []


def test_images_and_own_language_links_are_fine(tmp_path):
    page = FM + "[a]({{site.baseurl}}/ko/week01/01/) ![b]({{site.baseurl}}/en/week01/x.png)\n"
    assert check_page(tmp_path, page, select=["DLC404"], extra={"en/week01/x.png": b""}) == []
