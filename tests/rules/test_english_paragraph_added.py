from drift_site import drift_findings
from parity_site import KO_BODY_LINE


def test_a_paragraph_added_to_the_english_page(tmp_path):
    (finding,) = drift_findings(tmp_path, ["DLC721"])
    assert (finding.code, finding.line, finding.column) == ("DLC721", KO_BODY_LINE + 9, 1)
    assert "A new paragraph about momentum" in finding.message and finding.related[0].line == 11
