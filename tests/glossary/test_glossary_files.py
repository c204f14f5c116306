"""Every shipped glossary is valid data: schema, conflicts, loops, its own examples."""

from __future__ import annotations

import re
import unicodedata

import pytest

from dlc_lint.glossary import Kind, check_examples, load_glossary, shipped_languages, shipped_path

LANGUAGES = shipped_languages()


@pytest.fixture(scope="module")
def ko():
    return load_glossary(shipped_path("ko"))


def test_korean_glossary_is_shipped():
    assert "ko" in LANGUAGES
    assert shipped_path("ko").name == "ko.yml"
    assert shipped_path("xx") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_loads_without_problems(language):
    glossary = load_glossary(shipped_path(language))  # raises GlossaryError listing file:line problems
    assert glossary.language == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_passes_and_fails_its_own_examples(language):
    problems = check_examples(load_glossary(shipped_path(language)))
    assert [str(p) for p in problems] == []


def test_korean_glossary_covers_the_course(ko):
    glossary = ko
    assert len(glossary) >= 60
    ids = [e.id for e in glossary]
    for term in ("layer", "gradient", "training", "convolution", "generative-adversarial-network", "parameter"):
        assert term in ids


def test_every_entry_states_its_basis_and_forms_are_clean(ko):
    glossary = ko
    for entry in glossary:
        assert entry.sources, entry.id
        for source in entry.sources:
            assert re.split(r"[\s:(]", source, maxsplit=1)[0] in glossary.sources, (entry.id, source)
        for form in entry.forms:
            assert form.text == unicodedata.normalize("NFC", form.text)
            assert form.text == form.text.strip()
            assert re.fullmatch(r"[가-힣 ]+", form.text), (entry.id, form.text)
            if form.kind is Kind.AVOID:
                assert form.why, f"{entry.id}: say why `{form.text}` is avoided"
        assert entry.en_regex.search(entry.en), entry.id


def test_policy_choices_are_the_ones_recorded(ko):
    """The decisions of korean-terminology.md, spelled out so that a change is deliberate."""
    glossary = ko
    preferred = {e.id: e.preferred[0].text for e in glossary}
    assert preferred["layer"] == "계층"  # PyTorch Korea
    assert preferred["gradient"] == "경사"  # course decision; 변화도 accepted
    assert "변화도" in [f.text for f in glossary.entry("gradient").accepted]
    assert preferred["training"] == "학습"
    assert preferred["generative-adversarial-network"] == "생성적 적대 신경망"  # public standard over corpus majority
    assert "생산적 적대 신경망" in [f.text for f in glossary.entry("generative-adversarial-network").avoid]
    ambiguous = {(e.id, f.text) for e in glossary for f in e.avoid if f.gate == "aligned"}
    assert ("gradient", "기울기") in ambiguous
    # forms a public Korean ML glossary uses are accepted, not avoided (still gated: 층 is also a floor)
    accepted = {(e.id, f.text): f.gate for e in glossary for f in e.accepted}
    assert accepted[("layer", "층")] == accepted[("feature", "특성")] == "aligned"
    assert ("training", "훈련") in accepted and ("pretraining", "사전 훈련") in accepted


def test_accepted_forms_name_the_public_glossary_that_uses_them(ko):
    """An accepted alternative is backed by a source other than the corpus (korean-terminology.md)."""
    for entry, form in [(e, f) for e in ko for f in e.accepted]:
        if form.text in ("훈련", "층", "특성", "사전 훈련", "층 정규화", "특성 맵", "과적응"):
            backing = [s for s in entry.sources if form.text.split()[-1] in s and not s.startswith("corpus")]
            assert backing, f"{entry.id}: no public source named for the accepted `{form.text}`"
            assert all(s.split(":")[0] in ko.sources for s in backing)


def test_fixable_entries_have_one_preferred_form(ko):
    glossary = ko
    for entry in glossary:
        assert entry.fixable == (len(entry.preferred) == 1)
    assert glossary.entry("layer").fixable
