from parity_site import KO_BODY_LINE, pair, pair_findings

PAGES = {"en/week07/07-3.md": "---\nlang-ref: ch.07-3\ntitle: C\n---\n"}
EN = "*See [Week 7]({{site.baseurl}}/en/week07/07-3/) for details.*\n"


def test_the_same_link_is_fine(tmp_path):
    ko = "*자세한 내용은 [7주차]({{ site.baseurl }}/en/week07/07-3/)를 참조.*\n"
    assert pair(tmp_path, EN, ko, ["DLC709"], extra=PAGES) == []


def test_full_width_brackets_break_the_link(tmp_path):
    ko = "*詳細は[第7週]（{{site.baseurl}}/en/week07/07-3/）を参照。*\n"
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC709"], extra=PAGES)
    assert (finding.code, finding.line, finding.column) == ("DLC709", KO_BODY_LINE, 11)
    assert "link around it is broken" in finding.message
    assert finding.severity.value == "error"  # the reader sees the bare address
    assert finding.related[0].path.endswith("en/week01/01-1.md") and "English page line" in finding.message


def test_a_tag_the_english_page_does_not_have(tmp_path):
    ko = "*자세한 내용은 [7주차]({{site.baseurl}}/en/week07/07-3/)를 참조.* {% include note.html %}\n"
    assert pair(tmp_path, EN, ko, ["DLC709"], extra=PAGES) == [("DLC709", KO_BODY_LINE, 56)]
