"""Particles after a replaced term follow the new final consonant (받침)."""

from __future__ import annotations

import pytest

from dlc_lint.glossary import (
    final_consonant,
    has_batchim,
    is_tail,
    load_glossary,
    replacement,
    rewrite_tail,
    shipped_path,
)


def test_final_consonant():
    assert final_consonant("레이어") == 0
    assert final_consonant("계층") == 21  # ㅇ
    assert final_consonant("레이블") == 8  # ㄹ
    assert has_batchim("경사") is False and has_batchim("손실") is True
    assert final_consonant("ReLU") is None and has_batchim("3") is None


@pytest.mark.parametrize(
    ("old", "term_length", "new", "expected"),
    [
        ("레이어를", 3, "계층", "계층을"),
        ("레이어가", 3, "계층", "계층이"),
        ("레이어로", 3, "계층", "계층으로"),
        ("레이어는", 3, "계층", "계층은"),
        ("레이어와", 3, "계층", "계층과"),
        ("레이어로부터", 3, "계층", "계층으로부터"),
        ("레이어와의", 3, "계층", "계층과의"),
        ("계층을", 2, "레이어", "레이어를"),
        ("계층이", 2, "레이어", "레이어가"),
        ("계층으로", 2, "레이어", "레이어로"),
        ("계층으로", 2, "레이블", "레이블로"),  # ㄹ-final words take 로
        ("라벨로", 2, "레이블", "레이블로"),
        ("라벨을", 2, "레이블", "레이블을"),
        ("그래디언트를", 5, "경사", "경사를"),
        ("판별 장치와", 5, "판별자", "판별자와"),
        ("발생기는", 3, "생성자", "생성자는"),
        # copula: 이 comes back after a consonant, stays (formal style) or contracts after a vowel
        ("레이어다", 3, "계층", "계층이다"),
        ("레이어였다", 3, "계층", "계층이었다"),
        ("레이어라는", 3, "계층", "계층이라는"),
        ("레이어란", 3, "계층", "계층이란"),
        ("계층이다", 2, "레이어", "레이어이다"),
        ("계층이었다", 2, "레이어", "레이어였다"),
        ("계층이라는", 2, "레이어", "레이어라는"),
        ("계층이나", 2, "레이어", "레이어나"),
        # what follows plural 들, bound nouns and light verbs never changes
        ("레이어들을", 3, "계층", "계층들을"),
        ("레이어별", 3, "계층", "계층별"),
        ("트레이닝시키는", 4, "학습", "학습시키는"),
        ("훈련된", 2, "학습", "학습된"),
        # invariant particles
        ("레이어의", 3, "계층", "계층의"),
        ("레이어에서", 3, "계층", "계층에서"),
        ("레이어", 3, "계층", "계층"),
    ],
)
def test_replacement(old, term_length, new, expected):
    assert replacement(old, new, term_length=term_length) == expected


def test_unknown_final_sound_is_not_guessed():
    assert replacement("레이어를", "Layer", term_length=3) is None
    assert replacement("레이어의", "Layer", term_length=3) == "Layer의"  # no choice to make
    assert rewrite_tail("를아웃", "계층") is None  # not a particle


def test_rewriting_is_idempotent():
    once = replacement("레이어로", "계층", term_length=3)
    assert replacement(once, "계층", term_length=2) == once


@pytest.mark.parametrize(
    "run",
    ["", "을", "에서의", "으로부터", "들의", "값을", "이다", "였다", "이었다", "입니다", "마다", "만을", "까지도"],
)
def test_closed_grammar_tails(run):
    assert is_tail(run)


@pytest.mark.parametrize("run", ["위", "록", "층이", "질", "기", "아웃", "화된"])
def test_not_tails(run):
    assert not is_tail(run)


def test_light_verbs_are_optional():
    assert is_tail("하는") and is_tail("된") and is_tail("시키는")
    assert not is_tail("하는", verbs=False) and is_tail("를", verbs=False)


def apply_fixes(glossary, text):
    """Replace every avoided form of a fixable entry, as a --fix would (edits right to left)."""
    edits = []
    for m in glossary.matcher.find(text):
        if m.kind.value == "avoid" and m.form.gate is None and m.entry.fixable and m.tail_ok:
            new = replacement(text[m.start : m.tail_end], m.entry.preferred[0].text, term_length=m.end - m.start)
            assert new == m.replaced_by(m.entry.preferred[0].text)
            if new is not None:
                edits.append((m.start, m.tail_end, new))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def test_fixing_a_sentence_and_fixing_twice():
    glossary = load_glossary(shipped_path("ko"))
    text = "피쳐를 뽑고 피쳐로 보낸 뒤 합성공을 쓰고 그레이디언트가 작아지면 파인튜닝시킨다."
    fixed = apply_fixes(glossary, text)
    assert fixed == "특징을 뽑고 특징으로 보낸 뒤 합성곱을 쓰고 경사가 작아지면 미세 조정시킨다."
    assert apply_fixes(glossary, fixed) == fixed
    assert not [m for m in glossary.matcher.find(fixed) if m.kind.value == "avoid"]
