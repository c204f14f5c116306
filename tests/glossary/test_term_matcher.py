"""The Korean term matcher: offsets, particles, compounds, spacing, longest form first."""

from __future__ import annotations

import unicodedata

import pytest

from dlc_lint.glossary import Kind, load_glossary, parse_glossary, shipped_path


@pytest.fixture(scope="module")
def ko():
    return load_glossary(shipped_path("ko"))


def found(glossary, text):
    """(start, end, tail_end, entry, kind) of every match."""
    return [(m.start, m.end, m.tail_end, m.entry_id, m.kind.value) for m in glossary.matcher.find(text)]


def test_particles_and_endings_after_a_term(ko):
    text = "합성곱을 계산하고 계층에서 역전파하는 레이어들의 출력"
    assert found(ko, text) == [
        (0, 3, 4, "convolution", "preferred"),  # 합성곱|을
        (10, 12, 14, "layer", "preferred"),  # 계층|에서
        (15, 18, 20, "backpropagation", "preferred"),  # 역전파|하는
        (21, 24, 26, "layer", "accepted"),  # 레이어|들의
    ]
    matches = ko.matcher.find(text)
    assert [(m.text, m.tail) for m in matches] == [
        ("합성곱", "을"),
        ("계층", "에서"),
        ("역전파", "하는"),
        ("레이어", "들의"),
    ]


def test_copula_and_light_verbs(ko):
    assert found(ko, "은닉층이다") == [(0, 3, 5, "hidden-layer", "preferred")]
    assert found(ko, "학습시키는 정규화된") == [
        (0, 2, 5, "training", "preferred"),
        (6, 9, 10, "regularization", "preferred"),
    ]
    assert found(ko, "생산적 적대 신경망이라 불린다") == [(0, 10, 12, "generative-adversarial-network", "avoid")]


def test_solid_compounds(ko):
    assert found(ko, "합성곱신경망을 쓴다") == [(0, 6, 7, "convolutional-neural-network", "preferred")]
    matches = ko.matcher.find("합성곱층")
    assert [(m.start, m.end, m.entry_id, m.kind, m.glued) for m in matches] == [
        (0, 3, "convolution", Kind.PREFERRED, False),
        (3, 4, "layer", Kind.ACCEPTED, True),
    ]


def test_spacing_is_free_and_never_a_finding(ko):
    text = "경사 하강법과 경사하강법, 경사-하강법"
    assert found(ko, text) == [
        (0, 6, 7, "gradient-descent", "preferred"),
        (8, 13, 13, "gradient-descent", "preferred"),
        (15, 21, 21, "gradient-descent", "preferred"),
    ]
    assert found(ko, "은닉 층") == [(0, 4, 4, "hidden-layer", "preferred")]  # not the 층 of `layer`
    assert found(ko, "경사\n하강법") == [(0, 6, 6, "gradient-descent", "preferred")]  # a soft line break
    assert found(ko, "경사\n\n하강법") == [(0, 2, 2, "gradient", "preferred")]  # a paragraph break is not


def test_longest_form_first_across_entries(ko):
    assert found(ko, "하이퍼파라미터와 파라미터") == [
        (0, 7, 8, "hyperparameter", "preferred"),
        (9, 13, 13, "parameter", "accepted"),
    ]
    assert found(ko, "오토인코더의 인코더") == [
        (0, 5, 6, "autoencoder", "preferred"),
        (7, 10, 10, "encoder", "preferred"),
    ]
    assert found(ko, "학습률을") == [(0, 3, 4, "learning-rate", "preferred")]


def test_only_at_a_word_start(ko):
    assert found(ko, "배우도록 재배치 심층 자기회귀") == []
    assert found(ko, "층층이 쌓인 층에서") == [(7, 8, 10, "layer", "accepted")]  # reduplication is another word
    assert found(ko, "3층 신경망") == [(1, 2, 2, "layer", "accepted"), (3, 6, 6, "neural-network", "preferred")]


def test_particle_like_final_syllables_are_not_cut(ko):
    text = "질의를 가능도를 분류기로 분류한다"
    assert found(ko, text) == [
        (0, 2, 3, "query", "accepted"),
        (4, 7, 8, "likelihood", "accepted"),
        (9, 12, 13, "classifier", "preferred"),
        (14, 16, 18, "classification", "preferred"),
    ]
    assert found(ko, "레이어아웃 파라미터화") == []  # not a closed-grammar tail


def test_noun_forms_take_no_verb_endings(ko):
    assert found(ko, "배치하다 배치를") == [(5, 7, 8, "batch", "preferred")]


def test_glosses_are_handled_by_masking(ko):
    # the caller blanks tags; what is left is an ordinary term followed by Latin text
    assert found(ko, "계층     layer      을") == [(0, 2, 2, "layer", "preferred")]
    assert found(ko, "계층(layer)을") == [(0, 2, 2, "layer", "preferred")]


def test_invisible_characters_are_tolerated(ko):
    assert found(ko, "특징\u0008지도를") == [(0, 5, 6, "feature-map", "accepted")]
    assert found(ko, "레이어\u200b를") == [(0, 3, 5, "layer", "accepted")]
    assert found(ko, "\ufeff레이어") == [(1, 4, 4, "layer", "accepted")]


def test_offsets_refer_to_the_callers_string_even_when_not_nfc(ko):
    text = unicodedata.normalize("NFD", "그 레이어를 쌓는다")
    assert len(text) == 21
    (match,) = ko.matcher.find(text)
    assert (match.start, match.end, match.tail_end) == (3, 9, 12)  # 그 is two jamo here
    assert unicodedata.normalize("NFC", match.text) == "레이어"
    assert unicodedata.normalize("NFC", match.tail) == "를"


def test_offsets_across_lines(ko):
    text = "첫 줄\n\n둘째 줄의 레이어를\n셋째 줄"
    (match,) = ko.matcher.find(text)
    assert text[match.start : match.tail_end] == "레이어를"
    assert text.count("\n", 0, match.start) + 1 == 3
    assert match.start - text.rfind("\n", 0, match.start) == 7  # 1-based column


def test_shared_forms_report_every_entry(ko):
    (match,) = ko.matcher.find("정규화를")
    assert set(match.entry_ids) == {"regularization", "normalization"}
    assert match.kind_for("normalization") is Kind.PREFERRED
    assert match.kind_for("layer") is None


def test_gated_forms_need_the_english(ko):
    (match,) = ko.matcher.find("기울기가 크다")
    entry, form = match.entry, match.form
    assert (entry.id, form.gate) == ("gradient", "aligned")
    assert entry.gate_passes(form, "the gradient is large")
    assert not entry.gate_passes(form, "the slope of the line is large")
    assert not entry.gate_passes(form, None)
    (ungated,) = ko.matcher.find("그래디언트")
    assert ungated.entry.gate_passes(ungated.form, None)


MODES = """\
language: ko
sources: {t: {title: test}}
entries:
  - id: architecture
    en: architecture
    preferred: [아키텍처]
    avoid: [{form: 아키텍쳐, match: exact, why: spelling}, {form: 구조물, match: word, why: nonstandard}]
    sources: [t]
    examples: {pass: [아키텍처를], fail: [아키텍쳐를]}
"""


def test_exact_and_word_modes():
    glossary = parse_glossary(MODES)
    # exact: a stem wrong in any word it begins, even before an unknown ending
    (match,) = glossary.matcher.find("아키텍쳐링")
    assert (match.start, match.end, match.tail_end, match.tail_ok) == (0, 4, 4, False)
    (match,) = glossary.matcher.find("아키텍쳐를")
    assert (match.end, match.tail_end, match.tail_ok) == (4, 5, True)
    assert glossary.matcher.find("아키 텍쳐") == []  # exact: no spacing freedom
    # word: nothing may follow
    assert [m.start for m in glossary.matcher.find("구조물 구조물을")] == [0]


def test_other_languages_use_word_boundaries_or_none():
    italian = parse_glossary("""\
language: it
sources: {t: {title: test}}
entries:
  - id: training
    en: training
    preferred: [addestramento]
    avoid: [{form: allenamento, why: other-standard}]
    sources: [t]
    examples: {pass: [l'addestramento], fail: [Allenamento della rete]}
  - id: neural-network
    en: neural network
    preferred: [rete neurale]
    sources: [t]
    examples: {pass: [una rete  neurale]}
""")
    assert found(italian, "L'Allenamento della rete neurale, non riallenamento") == [
        (2, 13, 13, "training", "avoid"),
        (20, 32, 32, "neural-network", "preferred"),
    ]
    japanese = parse_glossary("""\
language: ja
sources: {t: {title: test}}
entries:
  - id: layer
    en: layer
    preferred: [層]
    avoid: [{form: レイヤー, why: transliteration}]
    sources: [t]
    examples: {pass: [隠れ層], fail: [レイヤーを]}
""")
    assert found(japanese, "隠れ層とレイヤーを") == [(2, 3, 3, "layer", "preferred"), (4, 8, 8, "layer", "avoid")]
