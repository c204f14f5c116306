from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes, fixed

from dlc_lint.finding import Safety

SELECT = ["DLC108"]


def test_heading_marker_in_a_value(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: ## 동기\nlang: ko\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC108", 3, 8)]
    # the emptied title is this finding, not also a missing title
    assert check_page(tmp_path, text, select=["DLC108", "DLC112"]) == [("DLC108", 3, 8)]
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "comment" in finding.message and finding.fix.safety is Safety.UNSAFE


def test_fix_removes_the_heading_marker(tmp_path):
    before = "---\r\nlang-ref: ch.01-1\r\ntitle: ## 동기\r\n---\r\n"
    after = "---\r\nlang-ref: ch.01-1\r\ntitle: 동기\r\n---\r\n"
    assert_fixes(tmp_path, before, after, SELECT, unsafe=True)
    assert fixed(tmp_path, before, SELECT) == before.encode()


def test_fix_quotes_what_yaml_needs_quoted(tmp_path):
    before = "---\nlang-ref: ch.10-1\ntitle: # 자기 지도 학습: 소개\n---\n"
    after = "---\nlang-ref: ch.10-1\ntitle: '자기 지도 학습: 소개'\n---\n"
    assert_fixes(tmp_path, before, after, SELECT, unsafe=True)


def test_markdown_link_as_a_value(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: [동기](https://www.youtube.com/watch?v=0bMe_vCZo30)\nlang: ko\n---\n"
    assert check_page(tmp_path, text, select=["DLC1"]) == [("DLC108", 3, 8)]
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert finding.end_column == 57 and finding.fix is None


def test_markdown_line_instead_of_a_key(tmp_path):
    text = "---\nlang-ref: ch.01-1\n[강의 영상](https://youtu.be/x)\ntitle: 동기\n---\n"
    assert check_page(tmp_path, text, select=["DLC1"]) == [("DLC108", 3, 1)]


def test_bold_key(tmp_path):
    text = "---\nlang-ref: ch.01-1\n**title**: 동기\n---\n"
    assert check_page(tmp_path, text, select=["DLC1"]) == [("DLC108", 3, 1)]


def test_heading_line_inside_the_front_matter(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\n## 강의 계획\n---\n\n본문\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC108", 4, 1)]


def test_comments_are_fine(tmp_path):
    # a commented-out key next to the real one (zh/week02/02-1.md), and a plain YAML comment
    text = "---\nlang-ref: ch.01-1\n# title: Motivation\ntitle: 동기\n# translated from the English page\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []


def test_quoted_values_are_fine(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: '#1 동기'\ndescription: \"[a](b)\"\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []
