from conftest import findings_of

from dlc_lint.finding import Severity

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_nested_opener(tmp_path):
    page = FM + "<!-- ### Intuition\n\n<!-- SGD Momentum is similar -->\n직관\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC607"])
    assert (finding.line, finding.column) == (11, 1)
    assert "opened at 9:1" in finding.message


def test_a_comment_that_runs_on_over_its_translation_hides_it(tmp_path):
    # fixtures/renderer/ko/comments/nested-hides-translation.md: the built page has no `잡음 평활화` heading
    english = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\n#### Noise smoothing\n\nMomentum smooths noise.\n"
    page = FM + "<!-- #### Noise smoothing\n#### 잡음 평활화\n\n<!-- Momentum smooths noise. -->\n평활화.\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC607"], english=english)
    assert (finding.line, finding.severity) == (12, Severity.ERROR)
    assert "hides the translation inside it (line 10: `#### 잡음 평활화`)" in finding.message
    # only English inside (a typo of the English page's sentence included): nothing is lost, a hint
    page = FM + "<!-- #### Noise smoothing\nMomentum smoths noise.\n\n<!-- Momentum smooths noise. -->\n평활화.\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC607"], english=english)
    assert finding.severity == Severity.INFO and "nothing leaks" in finding.message
