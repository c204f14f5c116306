from parity_site import KO_BODY_LINE, pair, pair_findings

EN = "## Gradient descent\n\nText.\n\n### Step size\n\nMore.\n\n## Backpropagation\n\nEnd.\n"


def test_same_structure_is_fine(tmp_path):
    ko = "## 경사 하강법\n\n글.\n\n### 스텝 크기\n\n더.\n\n## 역전파\n\n끝.\n"
    assert pair(tmp_path, EN, ko, ["DLC707"]) == []


def test_a_heading_at_another_level(tmp_path):
    ko = "## 경사 하강법\n\n글.\n\n## 스텝 크기\n\n더.\n\n## 역전파\n\n끝.\n"
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC707"])
    assert (finding.line, finding.column) == (KO_BODY_LINE + 4, 1)
    assert "level 2" in finding.message and "`### Step size` is level 3" in finding.message
    assert finding.related[0].line == 9


def test_a_missing_section(tmp_path):
    ko = "## 경사 하강법\n\n글.\n\n더.\n\n## 역전파\n\n끝.\n"
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC707"])
    assert "`### Step size` has no counterpart" in finding.message
    assert "this page has 2 headings, the English page 3" in finding.message


def test_an_extra_heading(tmp_path):
    ko = "## 경사 하강법\n\n글.\n\n### 스텝 크기\n\n더.\n\n### 덤\n\n## 역전파\n\n끝.\n"
    assert pair(tmp_path, EN, ko, ["DLC707"]) == [("DLC707", KO_BODY_LINE + 8, 1)]


def test_a_heading_holding_only_a_comment_is_not_counted(tmp_path):
    ko = "## 경사 하강법\n\n글.\n\n### <!-- Step size -->\n### 스텝 크기\n\n더.\n\n## 역전파\n\n끝.\n"
    assert pair(tmp_path, EN, ko, ["DLC707"]) == []


def test_hashes_without_a_space_are_text_and_dlc615_reports_them(tmp_path):
    from conftest import findings_of

    english = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\n## Course plan\n\nDeep learning is fun.\n"
    page = (
        "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
        "<!-- ## Course plan -->\n##강의 계획\n\n<!-- Deep learning is fun. -->\n딥러닝은 재미있다.\n"
    )
    assert findings_of(tmp_path, page, select=["DLC707"], english=english) == []  # DLC615's
    (finding,) = findings_of(tmp_path, page, select=["DLC615"], english=english)
    assert (finding.line, finding.column) == (10, 1)
