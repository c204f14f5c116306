from drift_site import drift_findings
from parity_site import KO_BODY_LINE


def test_changed_paragraphs_with_a_word_diff(tmp_path):
    findings = drift_findings(tmp_path, ["DLC720"])
    assert [(f.code, f.line, f.column) for f in findings] == [
        ("DLC720", KO_BODY_LINE + 3, 6),
        ("DLC720", KO_BODY_LINE + 6, 6),
    ]
    wording, formula = findings
    assert "`variance` → `standard deviation`" in wording.message and wording.severity.value == "info"
    assert wording.related[0].line == 7  # the current English paragraph
    assert "a formula of this paragraph" in formula.message and formula.severity.value == "warning"


def test_case_only_changes_are_not_reported(tmp_path):
    # `## The End` became `## The end`: the same words
    findings = drift_findings(tmp_path, ["DLC720"])
    assert all("The End" not in f.message for f in findings)
