from drift_site import drift_findings
from parity_site import KO_BODY_LINE


def test_a_paragraph_dropped_from_the_english_page(tmp_path):
    (finding,) = drift_findings(tmp_path, ["DLC722"])
    assert (finding.code, finding.line, finding.column) == ("DLC722", KO_BODY_LINE + 12, 6)
    assert "This old paragraph was dropped" in finding.message


def test_notes_and_kept_titles_are_not_english_paragraphs(tmp_path):
    from conftest import findings_of
    from drift_site import ENGLISH, KOREAN

    text = KOREAN.replace(
        "<!-- This old paragraph was dropped from the English page later on. -->",
        "<!-- TODO: check this translation again -->\n\n<!-- title: Motivation -->",
    )
    assert findings_of(tmp_path, text, english=ENGLISH, select=["DLC722"]) == []
