"""DLC720: a formula copied with the site's shorthands (``\\mX`` for ``X``, ``\\vx`` for ``\\vect{x}``) is the
same formula for the reader, bold or coloured: the English did not change.

The shorthands are those the site's layout defines for MathJax/KaTeX (``$$\\gdef \\vx {...} $$``), as on the
course sites; without such a definition the same pair is still reported.
"""

from parity_site import drift

LAYOUT = (
    "<html><body>\n"
    "$$\\gdef \\vect #1 {\\boldsymbol{#1}} $$\n"
    "$$\\gdef \\matr #1 {\\boldsymbol{#1}} $$\n"
    "$$\\gdef \\pink #1 {\\textcolor{fccde5}{#1}} $$\n"
    "$$\\gdef \\vx {\\pink{\\vect{x }}} $$\n"
    "$$\\gdef \\mX {\\pink{\\matr{X}}} $$\n"
    "{{ content }}\n</body></html>\n"
)


def notation_drift(tmp_path, english: str, kept: str, layout: str | None = LAYOUT):
    extra = {"_layouts/default.html": layout} if layout else {}
    return drift(tmp_path, english, kept, "번역.", select=("DLC720",), extra=extra)


def test_the_sites_shorthands_are_the_same_formula(tmp_path):
    english = "We map the input $X$ to $P(\\vect{y_{t}} \\mid \\vect{x})$ with the model.\n"
    kept = "We map the input $\\mX$ to $P(\\vect{y_{t}} \\mid \\vx)$ with the model."
    assert notation_drift(tmp_path, english, kept) == []


def test_a_changed_symbol_is_still_a_change(tmp_path):
    english = "We map the input $Z$ to the output with the model.\n"
    kept = "We map the input $\\mX$ to the output with the model."
    (finding,) = notation_drift(tmp_path, english, kept)
    assert "`$\\mX$` → `$Z$`" in finding.message


def test_without_the_definitions_the_shorthand_is_not_known(tmp_path):
    english = "We map the input $X$ to the output with the model.\n"
    kept = "We map the input $\\mX$ to the output with the model."
    assert [f.code for f in notation_drift(tmp_path, english, kept, layout=None)] == ["DLC720"]


def test_a_layout_defining_a_macro_that_never_ends_is_bounded(tmp_path):
    layout = "$$\\gdef \\mX {\\mX\\mX} $$\n{{ content }}\n"  # expands without end
    english = "We map the input $X$ to the output with the model.\n"
    kept = "We map the input $\\mX$ to the output with the model."
    assert [f.code for f in notation_drift(tmp_path, english, kept, layout=layout)] == ["DLC720"]
