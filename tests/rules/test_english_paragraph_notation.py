"""DLC720: a formula copied with the site's shorthands (``\\mX`` for ``X``, ``\\vx`` for ``\\vect{x}``) is the
same formula for the reader, bold or coloured: the English did not change.

The shorthands are those the site's layout defines for MathJax/KaTeX (``$$\\gdef \\vx {...} $$``), as on the
course sites; without such a definition the same pair is still reported.
"""

from parity_site import pair_findings

LAYOUT = (
    "<html><body>\n"
    "$$\\gdef \\vect #1 {\\boldsymbol{#1}} $$\n"
    "$$\\gdef \\matr #1 {\\boldsymbol{#1}} $$\n"
    "$$\\gdef \\pink #1 {\\textcolor{fccde5}{#1}} $$\n"
    "$$\\gdef \\vx {\\pink{\\vect{x }}} $$\n"
    "$$\\gdef \\mX {\\pink{\\matr{X}}} $$\n"
    "{{ content }}\n</body></html>\n"
)


def drift(tmp_path, english: str, kept: str, layout: str | None = LAYOUT):
    tmp_path.mkdir(parents=True, exist_ok=True)
    head = "## Part\n\nThe first paragraph stays the same.\n\n"
    page = f"<!-- ## Part -->\n## 부분\n\n<!-- The first paragraph stays the same. -->\n첫 문단.\n\n<!-- {kept} -->\n번역.\n"
    extra = {"_layouts/default.html": layout} if layout else {}
    return pair_findings(tmp_path, head + english, page, ["DLC720"], extra=extra)


def test_the_sites_shorthands_are_the_same_formula(tmp_path):
    english = "We map the input $X$ to $P(\\vect{y_{t}} \\mid \\vect{x})$ with the model.\n"
    kept = "We map the input $\\mX$ to $P(\\vect{y_{t}} \\mid \\vx)$ with the model."
    assert drift(tmp_path, english, kept) == []


def test_a_changed_symbol_is_still_a_change(tmp_path):
    english = "We map the input $Z$ to the output with the model.\n"
    kept = "We map the input $\\mX$ to the output with the model."
    (finding,) = drift(tmp_path, english, kept)
    assert "`$\\mX$` → `$Z$`" in finding.message


def test_without_the_definitions_the_shorthand_is_not_known(tmp_path):
    english = "We map the input $X$ to the output with the model.\n"
    kept = "We map the input $\\mX$ to the output with the model."
    assert [f.code for f in drift(tmp_path, english, kept, layout=None)] == ["DLC720"]


def test_a_layout_defining_a_macro_that_never_ends_is_bounded(tmp_path):
    layout = "$$\\gdef \\mX {\\mX\\mX} $$\n{{ content }}\n"  # expands without end
    english = "We map the input $X$ to the output with the model.\n"
    kept = "We map the input $\\mX$ to the output with the model."
    assert [f.code for f in drift(tmp_path, english, kept, layout=layout)] == ["DLC720"]
