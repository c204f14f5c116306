"""The shared pairing of a translated page with its English page (dlc_lint.analysis.parity)."""

from conftest import write_site

from dlc_lint.analysis import parity
from dlc_lint.site.model import Site

KO_HEAD = "---\nlang-ref: ch.01-1\ntitle: 제목\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"
EN_HEAD = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n"


def site_with(tmp_path, english, translated, path="ko/week01/01-1.md"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    write_site(tmp_path, {"en/week01/01-1.md": EN_HEAD + english, path: translated})
    site = Site(tmp_path)
    return site, site.page(path), site.page("en/week01/01-1.md")


def pairs_of(align):
    return [(e.key if e else None, t.key if t else None) for e, t in align.pairs]


def test_tex_key_ignores_spaces_but_not_control_spaces():
    assert parity.tex_key("a + b") == parity.tex_key("a+b")
    assert parity.tex_key("\\times 3") == parity.tex_key("\\times3")
    assert parity.tex_key("\\ times") != parity.tex_key("\\times")
    assert parity.tex_key("x^{t}") == parity.tex_key("x^t")
    assert parity.tex_key("\\text{if } x") == parity.tex_key("\\text{만약 } x")
    assert parity.tex_key("\\text{if $x > 0$}") == parity.tex_key("\\text{if} x > 0")
    assert parity.tex_key("{z(t)}") == parity.tex_key("z(t)")
    assert parity.tex_key("W\\_{1}") == parity.tex_key("W_1")
    assert parity.repaired_tex_key("\\ mathbb {R}（x）") == parity.tex_key("\\mathbb{R}(x)")


def test_tex_key_agrees_with_the_tokens():
    for formula in [
        "\\begin{cases} x, & \\text{if $x > \\text{t}$}\\\\ 0 \\end{cases}",
        "a \\_ b\\ c",
        "{x}+{y}",
        "\\frac {1}{2}^{ \\top }",
        "\\ mathcal {N}（\\ boldsymbol {0}）",
    ]:
        assert parity.tex_key(formula) == tuple(t.text for t in parity.tex_tokens(formula)), formula


def test_blocks_pair_in_order_tolerating_missing_and_extra_blocks(tmp_path):
    english = "## A\n\nOne.\n\n```\ncode\n```\n\nTwo.\n\n## B\n\nThree.\n"
    translated = KO_HEAD + "## 가\n\n하나.\n\n추가된 문단.\n\n```\ncode\n```\n\n## 나\n\n셋.\n"
    site, page, english_page = site_with(tmp_path, english, translated)
    align = parity.alignment(site, page, english_page)
    assert ("```\ncode\n```".replace("\n", " "), "``` code ```") in [
        (e, t) for e, t in pairs_of(align) if e and e.startswith("```")
    ] or ("``` code ```", "``` code ```") in pairs_of(align)
    assert ("## B", "## 나") in pairs_of(align) and ("Two.", None) in pairs_of(align)


def test_comments_anchor_the_alignment_above_and_below(tmp_path):
    english = "## A\n\nFirst paragraph here.\n\nSecond paragraph here.\n"
    above = KO_HEAD + (
        "<!-- ## A -->\n## 가\n\n<!-- First paragraph here. -->\n첫 문단.\n\n"
        "<!-- Second paragraph here. -->\n둘째 문단.\n"
    )
    site, page, english_page = site_with(tmp_path, english, above)
    align = parity.alignment(site, page, english_page)
    assert align.convention == "above"
    assert pairs_of(align) == [
        ("## A", "## 가"),
        ("First paragraph here.", "첫 문단."),
        ("Second paragraph here.", "둘째 문단."),
    ]
    below = KO_HEAD + (
        "## 가\n\n첫 문단.\n<!-- First paragraph here. -->\n\n둘째 문단.\n\n<!-- Second paragraph here. -->\n"
    )
    site, page, english_page = site_with(tmp_path / "b", english, below)
    align = parity.alignment(site, page, english_page)
    assert align.convention == "below"
    assert pairs_of(align) == [
        ("## A", "## 가"),
        ("First paragraph here.", "첫 문단."),
        ("Second paragraph here.", "둘째 문단."),
    ]


def test_rtl_wrappers_are_not_blocks(tmp_path):
    english = "## A\n\nText.\n"
    translated = KO_HEAD + '<div dir="rtl" markdown="1">\n## أ\n\nنص.\n\n</div>\n'
    site, page, english_page = site_with(tmp_path, english, translated, path="ar/week01/01-1.md")
    align = parity.alignment(site, page, english_page)
    assert pairs_of(align) == [("## A", "## أ"), ("Text.", "نص.")]


def test_snapshot_blocks_come_from_the_comments_with_positions(tmp_path):
    translated = KO_HEAD + "<!--\n## A\nFirst paragraph.\n\nSecond paragraph.\n-->\n번역.\n"
    site, page, _ = site_with(tmp_path, "## A\n", translated)
    snaps = parity.snapshot(site, page)
    assert [(s.kind, s.key) for s in snaps] == [
        ("heading", "## A"),
        ("paragraph", "First paragraph."),
        ("paragraph", "Second paragraph."),
    ]
    assert page.text[snaps[1].start : snaps[1].end] == "First paragraph."


def test_word_diff_and_minor_edits():
    assert parity.word_diff("the variance of x", "the standard deviation of x") == "`variance` → `standard deviation`"
    assert parity.minor_edit(["neural", "nets"], ["nerual", "nets"])
    assert parity.minor_edit(["data", "point"], ["datapoint"])
    assert not parity.minor_edit(["19", "steps"], ["5", "steps"])
    assert parity.content_words("(*i.e.* $C$)") == parity.content_words("(i.e. C)")
