"""Pairing English and translated blocks by sequence alignment (dlc_lint.analysis.parity.sequence)."""

from conftest import findings_of, write_site

from dlc_lint.analysis import parity
from dlc_lint.analysis.parity.sequence import marks_of
from dlc_lint.site.model import Site

KO_HEAD = "---\nlang-ref: ch.01-1\ntitle: 제목\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"
EN_HEAD = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n"
KO_BODY_LINE = KO_HEAD.count("\n") + 1


def pair_findings(tmp_path, english, translated, select):
    tmp_path.mkdir(parents=True, exist_ok=True)
    return findings_of(tmp_path, KO_HEAD + translated, english=EN_HEAD + english, select=select)


def aligned(tmp_path, english, translated):
    write_site(tmp_path, {"en/week01/01-1.md": EN_HEAD + english, "ko/week01/01-1.md": KO_HEAD + translated})
    site = Site(tmp_path)
    page, english_page = site.page("ko/week01/01-1.md"), site.page("en/week01/01-1.md")
    align = parity.alignment(site, page, english_page)
    return align, [(e.key if e else None, t.key if t else None) for e, t in align.pairs]


def test_marks_are_what_a_translation_keeps():
    marks = marks_of("See [the notebook](https://x.org/a.ipynb), Figure 8 and $\\alpha + \\beta$ in `torch.nn`.")
    assert {"@https://x.org/a.ipynb", "#8", "`torch.nn", "notebook", "figure"} <= marks
    assert any(m.startswith("$") for m in marks)
    assert "in" not in marks and "and" not in marks  # short words say nothing across languages


def test_grouped_comments_pair_by_content_not_by_the_last_anchor(tmp_path):
    # Three comments in a row, then their three translations: only the last comment still equals the
    # English (the first two were edited since), so its position says nothing about where its text is.
    english = (
        "Intro paragraph here.\n\nSee Figure 2 above now.\n\nFirst we encode the input.\n\nAs usual we train it.\n"
    )
    translated = (
        "<!-- Intro paragraph here. -->\n소개 문단.\n\n"
        "<!-- See Figure 2 above. -->\n\n<!-- First, we encode the input. -->\n\n<!-- As usual we train it. -->\n\n"
        "위의 그림 2를 보라.\n\n먼저 입력을 인코딩한다.\n\n평소처럼 학습한다.\n"
    )
    _, pairs = aligned(tmp_path, english, translated)
    assert ("See Figure 2 above now.", "위의 그림 2를 보라.") in pairs
    assert ("As usual we train it.", "평소처럼 학습한다.") in pairs


def test_a_table_glued_to_the_paragraph_before_it_is_merged_not_missing(tmp_path):
    english = (
        "## Backprop\n\nWe now present a general form.\n\n"
        '| <img src="{{site.baseurl}}/images/fig9.png" /> |\n|    Figure 8: Backprop through a module   |\n\n'
        "Using the chain rule.\n"
    )
    translated = (
        "<!-- ## Backprop -->\n## 역전파\n\n<!-- We now present a general form. -->\n일반화된 형태를 소개한다.\n"
        '| <img src="{{site.baseurl}}/images/fig9.png" /> |\n|    그림 8: 모듈을 통한 역전파   |\n\n'
        "<!-- Using the chain rule. -->\n연쇄 법칙을 사용한다.\n"
    )
    align, _ = aligned(tmp_path, english, translated)
    table = next(u for u in align.english if u.kind == "table")
    paragraph = next(u for u in align.english if u.key == "We now present a general form.")
    assert align.translated_for(table) is align.translated_for(paragraph) is not None
    assert pair_findings(tmp_path / "rule", english, translated, ["DLC721"]) == []


def test_text_after_a_comment_on_its_line_is_a_block_of_the_page(tmp_path):
    english = "## Notebook\n\nThe notebook can be found [here](https://x.org/n.ipynb).\n\nIn this notebook we start.\n"
    translated = (
        "<!-- ## Notebook -->\n## 노트북\n\n"
        "<!-- The notebook can be found --> 노트북은 [여기](https://x.org/n.ipynb)에 있다.\n\n"
        "<!-- In this notebook we start. -->\n이 노트북에서 시작한다.\n"
    )
    align, pairs = aligned(tmp_path, english, translated)
    assert (
        "The notebook can be found [here](https://x.org/n.ipynb).",
        "노트북은 [여기](https://x.org/n.ipynb)에 있다.",
    ) in pairs
    glued = next(u for u in align.translated if u.key.startswith("노트북은"))
    assert glued.start > 0 and align.translated[glued.index] is glued
    assert pair_findings(tmp_path / "rule", english, translated, ["DLC713", "DLC721"]) == []


def test_english_left_visible_pairs_with_its_translation_not_with_the_copy(tmp_path):
    english = "## Unsupervised learning for NLP\n\nThere is a lot of text.\n\n### Word vectors\n\nWords as vectors.\n"
    translated = (
        "## Unsupervised learning for NLP\n\n## NLP를 위한 비지도 학습\n\n많은 텍스트가 있다.\n\n"
        "### 단어 벡터\n\n단어를 벡터로.\n"
    )
    _, pairs = aligned(tmp_path, english, translated)
    assert ("## Unsupervised learning for NLP", "## NLP를 위한 비지도 학습") in pairs
    assert (None, "## Unsupervised learning for NLP") in pairs


def test_an_added_english_paragraph_is_found_by_what_the_others_keep(tmp_path):
    # No comments: the paragraph the translation lacks is the one whose formula it does not have,
    # not the last one.
    english = "Loss is $L = a$ here.\n\nThe new part uses $b^2$ now.\n\nFinally $c_3$ ends it.\n"
    translated = "손실은 $L = a$ 이다.\n\n마지막으로 $c_3$ 가 끝낸다.\n"
    _, pairs = aligned(tmp_path, english, translated)
    assert ("The new part uses $b^2$ now.", None) in pairs
    assert ("Finally $c_3$ ends it.", "마지막으로 $c_3$ 가 끝낸다.") in pairs


def test_a_split_paragraph_pairs_with_both_halves(tmp_path):
    english = "## Part\n\nThe loss $L$ and the energy $E$ are the same thing here.\n\n## Next\n"
    translated = "## 부분\n\n손실 $L$ 과\n\n에너지 $E$ 는 같다.\n\n## 다음\n"
    align, _ = aligned(tmp_path, english, translated)
    halves = [t.key for e, t in align.pairs if e is not None and e.key.startswith("The loss") and t is not None]
    assert halves == ["손실 $L$ 과", "에너지 $E$ 는 같다."]


def test_findings_point_at_the_translated_line(tmp_path):
    # the glued comment's text is reported where it is: DLC712 finds English left visible after a comment
    english = "An English sentence that stays long enough to count here.\n"
    translated = "<!-- An English sentence --> An English sentence that stays long enough to count here.\n"
    found = pair_findings(tmp_path, english, translated, ["DLC712"])
    assert [(f.code, f.line) for f in found] == [("DLC712", KO_BODY_LINE)]


def test_parity_findings_name_the_english_line_they_compare_with(tmp_path):
    english = "## Part\n\nFirst paragraph here.\n\nThe loss is $L = a + b$ always.\n\nRemaining text is long.\n"
    translated = (
        "<!-- ## Part -->\n## 부분\n\n<!-- First paragraph here. -->\n\n$$x$$\n\n"
        "<!-- The loss is $L = a + b$ always. -->\n손실은 항상 $L = a - b$ 이다.\n\n"
        "<!-- Remaining text is long. -->\n나머지.\n"
    )
    found = {f.code: f for f in pair_findings(tmp_path, english, translated, ["DLC704", "DLC713"])}
    en_line = EN_HEAD.count("\n") + 1
    assert found["DLC704"].related[0].line == en_line + 4
    assert found["DLC704"].message.endswith(f"(English page line {en_line + 4})")
    assert found["DLC713"].related[0].line == en_line + 2
    assert found["DLC713"].message.endswith(f"(English page line {en_line + 2})")
