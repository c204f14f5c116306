from parity_site import KO_BODY_LINE, pair, pair_findings

EN = "Code:\n\n```python\nemulator = nn.Sequential(  # the emulator\n    nn.Linear(6, 45),\n)\n```\n"


def test_a_translated_identifier_is_reported_at_its_line(tmp_path):
    ko = "코드:\n\n```python\némulateur = nn.Sequential(  # the emulator\n    nn.Linear(6, 45),\n)\n```\n"
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC705"])
    assert (finding.line, finding.column) == (KO_BODY_LINE + 3, 1)
    assert "is `émulateur = nn.Sequential( # the emulator` where the English has `emulator = " in finding.message


def test_translated_comments_and_blank_lines_are_fine(tmp_path):
    ko = "코드:\n\n```python\nemulator = nn.Sequential(  # 에뮬레이터\n\n    nn.Linear(6, 45),\n)\n```\n"
    assert pair(tmp_path, EN, ko, ["DLC705"]) == []


def test_comments_are_compared_with_the_option(tmp_path):
    ko = "코드:\n\n```python\nemulator = nn.Sequential(  # 에뮬레이터\n    nn.Linear(6, 45),\n)\n```\n"
    settings = "[tool.dlc-lint.rules.DLC705]\ncompare-comments = true\n"
    (tmp_path / "pyproject.toml").write_text("[tool.dlc-lint]\n" + settings, encoding="utf-8")
    from conftest import lint_site, write_site
    from parity_site import EN_HEAD, KO_HEAD

    from dlc_lint.config import load_settings

    write_site(tmp_path, {"en/week01/01-1.md": EN_HEAD + EN, "ko/week01/01-1.md": KO_HEAD + ko})
    options = load_settings(tmp_path / "pyproject.toml").rule_options
    findings = lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC705",), rule_options=options)
    assert [(f.line, f.column) for f in findings] == [(KO_BODY_LINE + 3, 30)]


def test_french_typography_in_code(tmp_path):
    english = "```python\ndef forward(self, x):\n    return x\n```\n"
    ko = "```python\ndef forward(self, x) :\n    return x\n```\n"
    assert pair(tmp_path, english, ko, ["DLC705"]) == [("DLC705", KO_BODY_LINE + 1, 21)]


def test_a_changed_fence_or_info_string(tmp_path):
    english = "```python\nx = 1\n```\n"
    ko = "```\npython\nx = 1\n```\n"
    (finding,) = pair_findings(tmp_path, english, ko, ["DLC705"])
    assert (finding.line, finding.column) == (KO_BODY_LINE, 1)
    assert "fence" in finding.message


def test_lost_indentation(tmp_path):
    english = "```python\nclass A:\n    def f(self):\n        pass\n```\n"
    ko = "```python\nclass A:\ndef f(self):\npass\n```\n"
    (finding,) = pair_findings(tmp_path, english, ko, ["DLC705"])
    assert finding.line == KO_BODY_LINE + 2 and "indented differently" in finding.message
