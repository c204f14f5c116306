"""DLC301 avoided-term: forms to avoid, found the Korean way, fixed with their particle."""

from __future__ import annotations

import textwrap

import pytest
from conftest import check_page, findings_of
from front_matter_fixing import assert_fixes, fixed

from dlc_lint.finding import Safety

HEAD = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC301"]


def page(body: str) -> str:
    return HEAD + textwrap.dedent(body).lstrip("\n")


def found(tmp_path, body, **kwargs):
    return check_page(tmp_path, page(body), select=SELECT, **kwargs)


# line 9 is the first body line (8 lines of front matter and a blank line)


def test_transliteration_with_particle_is_found_at_its_place(tmp_path):
    assert found(tmp_path, "각 피쳐를 뽑는다.\n") == [("DLC301", 9, 3)]


def test_message_names_preferred_form_and_basis(tmp_path):
    (finding,) = findings_of(tmp_path, page("피쳐들의 출력\n"), select=SELECT)
    assert "`피쳐`" in finding.message and "`특징`" in finding.message
    assert "transliteration" in finding.message and "PyTorch Korea" in finding.message
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (9, 1, 9, 3)


def test_correct_forms_particles_and_light_verbs_are_silent(tmp_path):
    assert found(tmp_path, "합성곱을 계산하고 계층에서 역전파하는 정규화된 출력\n") == []


def test_solid_compounds_and_free_spacing_are_silent(tmp_path):
    assert found(tmp_path, "합성곱신경망과 경사 하강법, 경사하강법, 은닉층\n") == []


def test_longest_form_first(tmp_path):
    # 파라메터 is a form to avoid; 파라미터 is not read inside 하이퍼파라미터
    assert found(tmp_path, "하이퍼파라미터와 파라메터\n") == [("DLC301", 9, 10)]


def test_glosses_are_not_findings(tmp_path):
    body = """\
    계층<sup>layer</sup>과 계층(layer)을 쌓는다.

    컨벌루션(합성곱)과 합성곱(컨벌루션), 계층<sup>레이어</sup>를 구분한다.
    """
    assert found(tmp_path, body) == []


def test_a_variant_alone_is_still_found_next_to_a_gloss(tmp_path):
    assert found(tmp_path, "합성곱(convolution)을 쓰고, 다음에는 컨벌루션을 쓴다.\n") == [("DLC301", 9, 28)]


def test_ambiguous_form_needs_the_english_comment_above(tmp_path):
    body = """\
    <!-- It can be seen as a convolutional layer. -->
    합성곱 층위로 여겨질 수 있다.

    <!-- The levels of the hierarchy of layers. -->
    계층의 층위가 있다.

    층위가 보인다.
    """
    assert found(tmp_path, body) == [("DLC301", 10, 5)]


def test_forms_public_glossaries_use_are_not_avoided(tmp_path):
    """훈련 (Keras-ko, Pseudo-Lab), 층 (Keras-ko, d2l-ko), 특성 (d2l-ko, Google), 그래디언트 (Keras-ko, d2l-ko)
    are accepted forms: DLC306's hints, never DLC301's warnings."""
    body = """\
    <!-- We train the last layer on the features and their gradient. -->
    마지막 층을 특성과 그래디언트로 훈련한다.
    """
    assert found(tmp_path, body) == []
    assert [c for c, _, _ in check_page(tmp_path, page(body), select=["DLC306"])] == ["DLC306"] * 4


def test_severity_follows_the_stated_rule(tmp_path):
    """A transliteration against a public glossary, a typo, a mistranslation: warning. Another glossary's
    standard (기울기) or a choice backed only by the course's counts (희소 코딩): info."""
    body = """\
    <!-- Each feature, the index, generative adversarial networks, the gradient, and sparse coding. -->
    피쳐, 인색, 생산적 적대 신경망, 기울기, 스파스 코딩.
    """
    findings = findings_of(tmp_path, page(body), select=SELECT)
    assert [(f.column, f.severity.value) for f in findings] == [
        (1, "warning"),
        (5, "warning"),
        (9, "warning"),
        (21, "info"),
        (26, "info"),
    ]
    assert "house choice" in findings[-1].message and "house choice" not in findings[0].message


def test_gradient_versus_slope(tmp_path):
    body = """\
    <!-- The gradient of the loss. -->
    손실의 기울기.

    <!-- The gradient is the slope of the line. -->
    기울기는 직선의 기울기이다.
    """
    assert found(tmp_path, body) == [("DLC301", 10, 5)]


def test_never_in_code_math_urls_link_targets_tags_or_comments(tmp_path):
    body = """\
    ```python
    레이어 = nn.Linear(2, 2)  # 레이어를 만든다
    ```

    `레이어` 그리고 $\\text{레이어}$ 그리고 $$\\text{레이어}$$

    [계층](https://example.com/레이어) <img src="레이어.png" alt=""> http://example.com/레이어

    <!-- 레이어 in the English source comment -->
    {{ site.레이어 }}
    """
    assert found(tmp_path, body) == []


def test_title_is_checked(tmp_path):
    text = HEAD.replace("title: 동기", "title: 피쳐 소개")
    assert check_page(tmp_path, text, select=SELECT) == [("DLC301", 3, 8)]


def test_english_pages_are_not_checked(tmp_path):
    english = "---\nlang-ref: ch.01-1\ntitle: 레이어\n---\n\n레이어\n"
    assert check_page(tmp_path, english, path="en/week01/01-1.md", select=SELECT) == []


# -- fixes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("피쳐를 뽑는다.", "특징을 뽑는다."),  # 를 -> 을: 특징 ends in a consonant
        ("피쳐가 있다.", "특징이 있다."),  # 가 -> 이
        ("피쳐로 보낸다.", "특징으로 보낸다."),  # 로 -> 으로
        ("피쳐와 피쳐는", "특징과 특징은"),  # 와 -> 과, 는 -> 은
        ("피쳐들의 출력", "특징들의 출력"),  # the plural carries its own ending
        ("파인튜닝하는 동안", "미세 조정하는 동안"),  # a light verb follows any noun
        ("생산적 적대 신경망이라 불린다", "생성적 적대 신경망이라 불린다"),
    ],
)
def test_fix_rewrites_the_particle(tmp_path, before, after):
    assert_fixes(tmp_path, page(before + "\n"), page(after + "\n"), SELECT)


def test_fix_keeps_crlf_and_everything_else(tmp_path):
    before = page("<!-- Each feature. -->\n각 피쳐는 `피쳐` 이다.\n").replace("\n", "\r\n")
    after = page("<!-- Each feature. -->\n각 특징은 `피쳐` 이다.\n").replace("\n", "\r\n")
    assert_fixes(tmp_path, before, after, SELECT)


def test_ambiguous_form_is_fixed_only_with_unsafe_fixes(tmp_path):
    before = page("<!-- The gradient of the loss. -->\n손실의 기울기를 본다.\n")
    (finding,) = findings_of(tmp_path, before, select=SELECT)
    assert finding.fix.safety is Safety.UNSAFE
    assert fixed(tmp_path, before, SELECT) == before.encode()
    assert_fixes(
        tmp_path, before, page("<!-- The gradient of the loss. -->\n손실의 경사를 본다.\n"), SELECT, unsafe=True
    )


SITE_GLOSSARY = """\
language: ko
sources:
  team: {title: Decisions of the translation team}
entries:
  - id: gan-abbreviation
    en: GAN
    en_pattern: '(?-i:\\bGANs?\\b)'
    preferred: [GAN]
    avoid: [{form: 갠, why: transliteration}]
    sources: ["team: keep the abbreviation"]
    examples: {pass: [GAN을 학습한다], fail: [갠을 학습한다]}
  - id: feature
    accepted: [피쳐]
    avoid: []
"""


def test_site_glossary_extends_and_overrides_the_shipped_one(tmp_path):
    path = tmp_path / "glossary-ko.yml"
    path.write_text(SITE_GLOSSARY, encoding="utf-8")
    from conftest import lint_site

    check_page(tmp_path, page("갠을 학습하고 피쳐를 뽑는다.\n"), select=SELECT)
    findings = lint_site(tmp_path, ["ko/week01/01-1.md"], select=tuple(SELECT), glossaries=(path,))
    # 피쳐 is accepted by the site; 갠 is new. GAN ends in a Latin letter: the particle after it
    # cannot be chosen, so the replacement is only a suggestion.
    assert [(f.line, f.column) for f in findings] == [(9, 1)]
    assert findings[0].fix.safety is Safety.DISPLAY
    assert "check the ending" in findings[0].message


def test_language_without_glossary_has_no_findings(tmp_path):
    zh = "---\nlang-ref: ch.01-1\ntitle: 动机\nlang: zh\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n资料\n"
    assert check_page(tmp_path, zh, path="zh/week01/01-1.md", select=SELECT) == []
