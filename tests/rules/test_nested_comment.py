from conftest import findings_of

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_nested_opener(tmp_path):
    page = FM + "<!-- ### Intuition\n\n<!-- SGD Momentum is similar -->\n직관\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC607"])
    assert (finding.line, finding.column) == (11, 1)
    assert "opened at 9:1" in finding.message
