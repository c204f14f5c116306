from drift_site import drift_findings
from parity_site import KO_BODY_LINE, drift


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


def test_a_figure_split_off_a_paragraph_whose_typo_was_fixed_is_cosmetic(tmp_path):
    # tr/week14/14-1.md: the comment keeps the paragraph with its figure glued below it and a typo
    # (`arrranging`); the English page put the figure in a block of its own and fixed the typo
    figure = '<center>\n<img src="{{site.baseurl}}/images/a.png"/><br>\nFigure 1: the templates.\n</center>'
    fixed = "The network is trained at the same time as the templates, arranging them well for the task."
    english = f"{fixed}\n\n{figure}\n"
    assert drift(tmp_path, english, fixed.replace("arranging", "arrranging") + "\n" + figure) == []
    # a word of substance changed in the same shape is still reported
    changed = fixed.replace("templates", "weights")
    (finding,) = drift(tmp_path / "b", english, changed + "\n" + figure)
    assert "`weights,` → `templates,`" in finding.message
