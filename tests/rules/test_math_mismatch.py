from conftest import check_page
from parity_site import EN_HEAD, KO_BODY_LINE, pair, pair_findings

EN = "Let $\\mathbb{R}^{t \\times n}$ be the space.\n\n$$\nf(x) = \\max(0, x)\n$$\n"


def test_space_after_backslash_is_reported_at_the_damaged_macro(tmp_path):
    ko = "공간 $\\mathbb{R}^{t \\ times n}$ 이다.\n\n$$\nf(x) = \\max(0, x)\n$$\n"
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC704"])
    assert (finding.code, finding.line, finding.column) == ("DLC704", KO_BODY_LINE, 19)
    assert "`\\ times` where the English has `\\times`" in finding.message
    assert finding.severity.value == "error"  # the damage undone gives the English formula: it renders broken
    assert finding.related[0].path.endswith("en/week01/01-1.md") and finding.related[0].line == 5


def test_full_width_brackets_in_a_display_formula(tmp_path):
    ko = "공간 $\\mathbb{R}^{t \\times n}$ 이다.\n\n$$\nf（x） = \\max(0, x)\n$$\n"
    assert pair(tmp_path, EN, ko, ["DLC704"]) == [("DLC704", KO_BODY_LINE + 3, 2)]


def test_whitespace_human_text_and_decimal_commas_are_not_reported(tmp_path):
    english = "Take $\\alpha = 0.5$ and $x_{i}$ where $\\text{if } x > 0$ holds.\n"
    ko = "$\\alpha=0,5$ 와 $x_i$ 를 쓰고 $\\text{만약 } x>0$ 이다.\n"
    assert pair(tmp_path, english, ko, ["DLC704"]) == []


def test_the_translators_own_formula_is_left_alone(tmp_path):
    english = "The gradient is $\\nabla f$ here.\n"
    ko = "기울기는 $\\nabla f$ 이고 $k=3$ 일 때도 같다.\n"
    assert pair(tmp_path, english, ko, ["DLC704"]) == []


def test_a_formula_copied_from_the_english_comment_is_drift_not_damage(tmp_path):
    english = "The loss is $\\ell(y, \\hat{y})$.\n"
    ko = "<!-- The loss is $\\ell(\\hat{y}, y)$. -->\n손실은 $\\ell(\\hat{y}, y)$ 이다.\n"
    assert pair(tmp_path, english, ko, ["DLC704"]) == []


def test_a_symbol_moved_out_of_the_formula_renders_the_same(tmp_path):
    english = "It reaches $85\\%$ accuracy.\n"
    ko = "정확도는 $85$% 이다.\n"
    assert pair(tmp_path, english, ko, ["DLC704"]) == []


def test_english_pages_are_not_compared(tmp_path):
    from conftest import check_page

    assert (
        check_page(tmp_path, "---\nlang-ref: ch.01-1\n---\n\n$\\ times$\n", path="en/week01/01-1.md", select=["DLC704"])
        == []
    )


def test_a_formula_that_differs_otherwise_is_a_warning(tmp_path):
    ko = "공간 $\\mathbb{R}^{t \\times m}$ 이다.\n\n$$\nf(x) = \\max(0, x)\n$$\n"
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC704"])
    assert finding.severity.value == "warning"


def test_the_english_formula_better_typeset_is_not_reported(tmp_path):
    # an operator name as a command, and the English typo `\phi2` made a subscript
    english = "The loss $max(0, 1-x)$ and the feature $\\phi2$ of $x_1$.\n"
    ko = "손실 $\\max(0, 1-x)$ 과 특징 $\\phi_2$, $x_1$.\n"
    assert pair(tmp_path, english, ko, ["DLC704"]) == []


def test_typesetting_the_english_had_and_the_translation_lost_is_reported(tmp_path):
    english = "The loss $\\max(0, 1-x)$ and the feature $\\phi_2 + y_3$.\n"
    ko = "손실 $max(0, 1-x)$ 과 특징 $\\phi_2 + y3$.\n"
    assert pair(tmp_path, english, ko, ["DLC704"]) == [("DLC704", KO_BODY_LINE, 5), ("DLC704", KO_BODY_LINE, 34)]


def test_a_semicolon_separator_is_a_locale_choice_where_the_comma_is_the_decimal_mark(tmp_path):
    english = "The output lies in $(-1,1)$ and the loss is $f(x; \\theta)$.\n"
    head = "---\nlang-ref: ch.01-1\ntitle: Motivazione\nlang: it\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    (tmp_path / "it").mkdir()
    (tmp_path / "ko").mkdir()
    it = head + "L'uscita è in $(-1; 1)$ e la perdita è $f(x, \\theta)$.\n"
    found = check_page(tmp_path / "it", it, path="it/week01/01-1.md", english=EN_HEAD + english, select=["DLC704"])
    assert found == [("DLC704", 9, 44)]  # `f(x, \theta)` lost the English `;`: still reported
    ko = "출력은 $(-1; 1)$ 에 있다. 손실은 $f(x; \\theta)$.\n"  # Korean writes a decimal point: `;` differs
    assert pair(tmp_path / "ko", english, ko, ["DLC704"]) == [("DLC704", KO_BODY_LINE, 9)]
