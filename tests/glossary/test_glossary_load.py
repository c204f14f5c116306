"""Loading and validating glossary files: each mistake reported at its file:line."""

from __future__ import annotations

import textwrap

import pytest

from dlc_lint.glossary import (
    GlossaryError,
    Kind,
    check_examples,
    glossary_for,
    merge,
    parse_glossary,
    validate_file,
)

HEADER = """\
language: ko
sources:
  ref: {title: A reference}
entries:
"""

LAYER = """\
  - id: layer
    en: layer
    preferred: [계층]
    avoid: [{form: 레이어, why: transliteration}]
    sources: [ref]
    examples: {pass: [계층을 쌓는다], fail: [레이어를 쌓는다]}
"""


def parse(body: str):
    return parse_glossary(HEADER + textwrap.dedent(body), "g.yml")


def problems(body: str) -> list[str]:
    with pytest.raises(GlossaryError) as caught:
        parse(body)
    return [str(p) for p in caught.value.problems]


def test_valid_file_parses_forms_kinds_and_lines():
    glossary = parse(LAYER)
    entry = glossary.entry("layer")
    assert entry.line == 5
    assert [(f.text, f.kind, f.line) for f in entry.forms] == [("계층", Kind.PREFERRED, 7), ("레이어", Kind.AVOID, 8)]
    assert entry.avoid[0].why == "transliteration"
    assert entry.en_regex.search("Two Layers") and not entry.en_regex.search("layered")
    assert check_examples(glossary) == []


def test_unknown_key_names_the_key_and_a_suggestion():
    assert problems(LAYER.replace("    sources: [ref]\n", "    source: [ref]\n")) == [
        "g.yml:5:3: entry `layer`: needs `sources` (the basis for the choice)",
        "g.yml:9:3: entry: unknown key `source` (did you mean `sources`?)",
    ]


def test_missing_preferred_and_examples():
    found = problems("""\
      - id: kernel
        en: kernel
        sources: [ref]
    """)
    assert found == [
        "g.yml:5:3: entry `kernel`: needs at least one `preferred` form",
        "g.yml:5:3: entry `kernel`: missing key `examples`",
        "g.yml:5:3: entry `kernel`: needs at least one `pass` example",
    ]


def test_avoid_forms_need_a_fail_example():
    found = problems(LAYER.replace(", fail: [레이어를 쌓는다]", ""))
    assert found == ["g.yml:10:13: entry `layer`: has forms to avoid, so needs at least one `fail` example"]


def test_bad_values_are_reported_where_they_are():
    found = problems("""\
      - id: Layer_1
        en: layer
        en_pattern: '(layer'
        preferred: [{form: 계층, match: fuzzy, gate: aligned}]
        avoid: [{form: 층, why: because, unless_en: floor}]
        sources: [ref, nowhere]
        examples: {pass: [계층]}
    """)
    assert found == [
        "g.yml:5:7: entry `Layer_1`: id must be kebab-case (a-z, 0-9, -)",
        "g.yml:7:15: entry `Layer_1`: `en_pattern` is not a valid regular expression: missing ), unterminated subpattern at position 0",
        "g.yml:8:33: entry `Layer_1`: preferred `계층`: `match` must be one of prefix, noun, word, exact",
        "g.yml:8:46: entry `Layer_1`: preferred `계층`: only accepted forms and forms to avoid can be gated",
        "g.yml:9:26: entry `Layer_1`: avoid `층`: `why` must be one of mistranslation, nonstandard, other-standard, spelling, transliteration, typo",
        "g.yml:9:46: entry `Layer_1`: avoid `층`: `unless_en` needs `gate: aligned`",
        "g.yml:10:18: entry `Layer_1`: unknown source `nowhere`; list it under `sources`",
        "g.yml:11:13: entry `Layer_1`: has forms to avoid, so needs at least one `fail` example",
    ]


def test_en_pattern_must_find_its_own_term():
    found = problems(LAYER.replace("    en: layer\n", "    en: layer\n    en_pattern: 'stratum'\n"))
    assert found == ["g.yml:7:15: entry `layer`: `en_pattern` does not match its own term `layer`"]


def test_duplicate_ids_and_duplicate_keys():
    found = problems(LAYER + LAYER.replace("    en: layer\n", "    en: layer\n    en: stratum\n"))
    assert found == [
        "g.yml:11:3: entry `layer`: duplicate id (first at line 5)",
        "g.yml:13:3: entry: duplicate key `en`",
    ]


def test_spacing_variants_are_the_same_form():
    found = problems(LAYER.replace("avoid: [{form: 레이어, why: transliteration}]", "avoid: [레이어, 레 이어]"))
    assert found == [
        "g.yml:8:16: entry `layer`: form `레 이어` (avoid) repeats `레이어` (avoid, line 8); spacing variants are the same form"
    ]


def test_a_form_in_two_entries_is_a_conflict_unless_declared():
    regular = """\
      - id: regularization
        en: regularization
        preferred: [정규화]
        sources: [ref]
        examples: {pass: [정규화를 쓴다]}
      - id: normalization
        en: normalization
        preferred: [정규화]
        sources: [ref]
        examples: {pass: [정규화된 입력]}
    """
    assert problems(regular) == [
        "g.yml:12:15: entry `normalization`: form `정규화` (preferred) is also a preferred form of entry "
        "`regularization` (line 7); declare `shared_with: [regularization]` if both meanings are intended"
    ]
    head, tail = regular.rsplit("preferred: [정규화]\n", 1)
    declared = parse(head + "preferred: [정규화]\n        shared_with: [regularization]\n" + tail)
    match = declared.matcher.find("정규화를")[0]
    assert match.entry_ids == ("regularization", "normalization")
    assert match.kind_for("normalization") is Kind.PREFERRED


def test_a_fix_that_would_be_flagged_again_is_a_loop():
    found = problems("""\
      - id: hidden
        en: hidden
        preferred: [은닉]
        avoid: [{form: 히든, why: transliteration}]
        shared_with: [covert]
        sources: [ref]
        examples: {pass: [은닉 상태], fail: [히든 상태]}
      - id: covert
        en: covert
        preferred: [숨은]
        avoid: [{form: 은닉, why: nonstandard}]
        sources: [ref]
        examples: {pass: [숨은 뜻], fail: [은닉 뜻]}
    """)
    assert found == [
        "g.yml:7:15: entry `hidden`: fixing to `은닉` would loop: entry `covert` avoids `은닉` (line 15) without a gate"
    ]


def test_yaml_syntax_error_has_a_position():
    with pytest.raises(GlossaryError) as caught:
        parse_glossary("language: ko\nentries:\n  - id: [a\n", "bad.yml")
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("bad.yml", 4)
    assert "invalid YAML" in problem.message


def test_missing_language_and_entries():
    with pytest.raises(GlossaryError) as caught:
        parse_glossary("name: x\n", "x.yml")
    assert [str(p) for p in caught.value.problems] == [
        "x.yml:1:1: glossary: missing key `language`",
        "x.yml:1:1: glossary: missing key `entries`",
    ]


def test_examples_are_checked_against_the_matcher(tmp_path):
    path = tmp_path / "g.yml"
    path.write_text(
        HEADER
        + LAYER.replace("pass: [계층을 쌓는다]", "pass: [레이어를 쌓는다]").replace(
            "fail: [레이어를 쌓는다]", "fail: [계층을 쌓는다]"
        ),
        encoding="utf-8",
    )
    assert [str(p) for p in validate_file(path)] == [
        f"{path}:10:1: entry `layer`: pass example is flagged for `레이어`: '레이어를 쌓는다'",
        f"{path}:10:1: entry `layer`: no pass example contains a preferred or accepted form",
        f"{path}:10:1: entry `layer`: fail example is not flagged: '계층을 쌓는다'",
    ]


def test_gated_examples_use_their_english():
    glossary = parse("""\
      - id: layer
        en: layer
        preferred: [계층]
        avoid: [{form: 층, why: other-standard, gate: aligned, unless_en: '\\bfloors?\\b'}]
        sources: [ref]
        examples:
          pass: [계층을 쌓는다, 층이 높다, {text: 층이 높다, en: the floor is high and the layer}]
          fail: [{text: 층을 쌓는다, en: stack layers}]
    """)
    assert check_examples(glossary) == []
    entry = glossary.entry("layer")
    form = entry.avoid[0]
    assert entry.gate_passes(form, "stack two layers")
    assert not entry.gate_passes(form, None)
    assert not entry.gate_passes(form, "a floor")
    assert not entry.gate_passes(form, "the top floor of the layer cake")


# --- site glossaries ---------------------------------------------------------

SITE = """\
language: ko
sources:
  team: {title: Team decisions}
entries:
  - id: layer
    accepted: [층]
    avoid: [{form: 레이어, why: transliteration}]
  - id: kernel
    en: kernel
    preferred: [커널]
    sources: ["team: meeting"]
    examples: {pass: [커널을 쓴다]}
"""


def test_site_glossary_overrides_fields_and_adds_entries(tmp_path):
    base = parse(LAYER)
    site = tmp_path / "site.yml"
    site.write_text(SITE, encoding="utf-8")
    merged = merge(base, site)
    layer = merged.entry("layer")
    assert [f.text for f in layer.preferred] == ["계층"]  # kept from the shipped entry
    assert [f.text for f in layer.accepted] == ["층"]  # replaced by the site
    assert layer.examples_pass == base.entry("layer").examples_pass
    assert [e.id for e in merged] == ["layer", "kernel"]
    assert set(merged.sources) == {"ref", "team"}
    assert merged.matcher.find("층을")[0].kind is Kind.ACCEPTED
    assert check_examples(merged) == []


def test_site_glossary_can_disable_an_entry(tmp_path):
    site = tmp_path / "site.yml"
    site.write_text("language: ko\nentries:\n  - id: layer\n    disabled: true\n", encoding="utf-8")
    merged = merge(parse(LAYER), site)
    assert len(merged) == 0
    assert merged.matcher.find("레이어를") == []


def test_site_glossary_errors_name_the_site_file(tmp_path):
    site = tmp_path / "site.yml"
    site.write_text(
        "language: ja\nentries:\n  - id: kernel\n    en: kernel\n    disabled: yes please\n", encoding="utf-8"
    )
    with pytest.raises(GlossaryError) as caught:
        merge(parse(LAYER), site)
    found = [str(p) for p in caught.value.problems]
    assert f"{site}:1:11: glossary: language `ja` cannot be merged over the `ko` glossary" in found
    assert any("`disabled` only removes an entry of the shipped glossary" in p for p in found)


def test_glossary_for_merges_the_shipped_file_with_site_files(tmp_path):
    site = tmp_path / "ko-site.yml"
    site.write_text(
        SITE.replace(
            "id: kernel\n    en: kernel\n    preferred: [커널]",
            "id: pretext-task\n    en: pretext task\n    preferred: [프리텍스트 작업]",
        ).replace("[커널을 쓴다]", "[프리텍스트 작업을 정의한다]"),
        encoding="utf-8",
    )
    other = tmp_path / "zh.yml"
    other.write_text(
        "language: zh\nsources: {s: {title: t}}\nentries:\n"
        "  - {id: data, en: data, preferred: [数据], avoid: [{form: 资料, why: other-standard}],"
        " sources: [s], examples: {pass: [数据集], fail: [资料集]}}\n",
        encoding="utf-8",
    )
    ko = glossary_for("ko", [site, other])
    assert ko.entry("pretext-task").preferred[0].text == "프리텍스트 작업"
    assert ko.entry("kernel").preferred[0].text == "커널"  # the shipped entries are all there
    assert [f.text for f in ko.entry("layer").accepted] == ["층"]
    assert glossary_for("ko", [site, other]) is ko  # cached: one compiled matcher per language
    zh = glossary_for("zh", [site, other])
    assert [e.id for e in zh] == ["data"]
    assert glossary_for("fr", [site]) is None
    shipped = glossary_for("ko")
    assert shipped.entry("layer").accepted[0].gate == "aligned"  # the shipped file is not changed by a merge
    assert ko.entry("layer").accepted[0].gate is None  # the site's 층 replaced it
