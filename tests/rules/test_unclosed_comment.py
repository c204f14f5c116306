from conftest import check_page

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_unclosed_comment(tmp_path):
    assert check_page(tmp_path, FM + "<!-- ok -->\n\n<!-- English\n\n번역\n", select=["DLC606"]) == [("DLC606", 11, 1)]


def test_comment_closed_on_a_fence_line_is_closed(tmp_path):
    page = FM + "<!-- ```python\nx = 1\n``` -->\n\n```python\nx = 1\n```\n"
    assert check_page(tmp_path, page, select=["DLC606", "DLC607"]) == []
