from conftest import check_page, findings_of

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_closing_tag_whose_opener_is_in_a_comment(tmp_path):
    page = FM + '<!-- <center> <img src="a.png"/> -->\n<img src="a.png"/>\n</center>\n'
    (finding,) = findings_of(tmp_path, page, select=["DLC603"])
    assert (finding.line, finding.column) == (11, 1)
    assert "inside the comment at 9:1" in finding.message


def test_stray_closer_in_a_paragraph(tmp_path):
    assert check_page(tmp_path, FM + "모호성</sup>ambiguity</sup>\n", select=["DLC603"]) == [
        ("DLC603", 9, 4),
        ("DLC603", 9, 19),
    ]
