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
