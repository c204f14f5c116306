"""DLC720/DLC722 tell an edit of substance from a cosmetic one in the English page."""

from parity_site import drift


def test_a_formula_moved_to_its_own_line_is_not_a_change(tmp_path):
    kept = "The loss over the set is given by: $$L(S,w) = \\frac{1}{P} \\sum L(x,y,w)$$ for all samples."
    english = "The loss over the set is given by:\n\n$$L(S,w) = \\frac{1}{P} \\sum L(x,y,w)$$\n\nfor all samples.\n"
    assert drift(tmp_path, english, kept) == []


def test_a_glued_heading_made_a_heading_and_a_typo_fixed_are_not_a_change(tmp_path):
    kept = "##Summary We minimze the loss with gradient descent."
    english = "## Summary\n\nWe minimise the loss with gradient descent.\n"
    assert drift(tmp_path, english, kept) == []


def test_spaces_around_dollars_grammar_words_and_ellipses_are_not_a_change(tmp_path):
    assert (
        drift(
            tmp_path / "a",
            "We have $1$ dimensional input with $2$ channels.\n",
            "We have$1$dimensional input with$2$channels.",
        )
        == []
    )
    assert drift(tmp_path / "b", "A model whose output is the mean.\n", "A model which output is mean.") == []
    assert (
        drift(tmp_path / "c", "The sequence $p(x_0, \\cdots, x_n)$ is long.\n", "The sequence $p(x_0,...x_n)$ is long.")
        == []
    )


def test_a_typo_fixed_in_a_list_is_not_a_removed_paragraph(tmp_path):
    # each item kept in its own comment; the English list fixed `hepful` since
    english = "- Really helpful for a task like machine translation\n- Another item of the same list here\n"
    kept = "- Really hepful for a task like machine translation"
    translated = "- 기계 번역에 유용하다\n\n<!-- - Another item of the same list here -->\n- 같은 목록의 다른 항목"
    assert drift(tmp_path, english, kept, translated) == []


def test_edits_of_substance_are_still_reported(tmp_path):
    (finding,) = drift(
        tmp_path / "a", "We use the standard deviation of the weights.\n", "We use the variance of the weights."
    )
    assert finding.code == "DLC720" and "`variance` → `standard deviation`" in finding.message
    # a formula of the paragraph changed: moved to its own line does not hide that
    kept = "The loss is given by: $$L = a + b$$"
    (finding,) = drift(tmp_path / "b", "The loss is given by:\n\n$$L = a - b$$\n", kept)
    assert finding.code == "DLC720" and finding.severity.value == "warning"
    # a brace fixed mends a broken formula: not cosmetic
    (finding,) = drift(tmp_path / "c", "It holds ${10}^{6}$ images.\n", "It holds ${10^{6}$ images.")
    assert finding.code == "DLC720"


def test_a_kept_line_that_is_still_in_an_english_code_block_is_not_removed(tmp_path):
    english = "```python\n# train with fake\nnetD.zero_grad()\n```\n"
    assert drift(tmp_path, english, "#train with fake", select=("DLC722",)) == []


def test_a_typing_slip_in_the_kept_formula_and_brace_spellings_are_not_a_change(tmp_path):
    english = "The energy $F(x,y)$ of the set $\\lbrace 0, 1 \\rbrace$ is low.\n"
    kept = "The energy $Fㄴ(x,y)$ of the set $\\{ 0, 1 \\}$ is low."
    assert drift(tmp_path, english, kept) == []


def test_prose_moved_out_of_text_in_a_formula_is_not_a_change(tmp_path):
    kept = "$\\eta \\text{ is a constant here but it could be a matrix}$."
    english = "$\\eta$ is a constant here but it could be a matrix.\n"
    assert drift(tmp_path / "a", english, kept) == []
    # the words themselves changed: still reported
    changed = "$\\eta$ is a constant here but it could be a tensor.\n"
    assert [f.code for f in drift(tmp_path / "b", changed, kept)] == ["DLC720"]
