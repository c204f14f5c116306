"""DLC304 glossary-term-missing: a short translation that does not render a glossary term of its English."""

from __future__ import annotations

import textwrap

from conftest import check_page, findings_of

HEAD = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC304"]


def page(body: str) -> str:
    return HEAD + textwrap.dedent(body).lstrip("\n")


def test_heading_with_another_word_for_the_term(tmp_path):
    body = """\
    <!-- ## Latent variable models -->
    ## 잠재 가변 모델
    """
    # the position is the English term the translation should render, not the start of a line
    assert check_page(tmp_path, page(body), select=SELECT) == [("DLC304", 9, 9)]
    (finding,) = findings_of(tmp_path, page(body), select=SELECT)
    assert finding.snippet == "Latent variable"
    assert "*Latent variable*" in finding.message and "`잠재 변수`" in finding.message
    assert "`잠재 가변 모델`" in finding.message  # the translation, quoted whole
    assert "line 9" in finding.message and finding.severity.value == "info"


def test_without_a_source_comment_the_span_is_the_whole_translated_line(tmp_path):
    """Aligned with the English page: the span is the heading's text, whole words in any script (a
    Chinese line has no spaces to cut at), and the related location is the English term."""
    english = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\n## Latent variable models\n\nDeep learning is fun.\n"
    body = "## 잠재가변모델\n\n딥러닝은 재미있다.\n"
    (finding,) = findings_of(tmp_path, page(body), select=SELECT, english=english)
    assert (finding.line, finding.column, finding.end_column) == (9, 4, 10)
    assert finding.snippet == "잠재가변모델"
    assert finding.related and finding.related[0].path.endswith("en/week01/01-1.md")
    assert (finding.related[0].line, finding.related[0].column) == (6, 4)
    assert "line 6" in finding.message


def test_preferred_accepted_and_solid_forms_and_english_kept_are_fine(tmp_path):
    body = """\
    <!-- ## Latent variable models -->
    ## 잠재 변수 모델

    <!-- Hidden layers -->
    은닉 계층

    <!-- It turns numbers into a probability distribution. -->
    숫자를 확률분포로 바꾼다.

    <!-- CNNs work. -->
    CNN은 잘 된다.

    <!-- ## Denoising autoencoder -->
    ## 노이즈 제거 Denoising 오토인코더
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []


def test_a_form_to_avoid_is_left_to_dlc301(tmp_path):
    body = """\
    <!-- ## Features -->
    ## 피쳐
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []
    assert check_page(tmp_path, page(body), select=["DLC301"]) == [("DLC301", 10, 4)]


def test_long_paragraphs_are_not_checked(tmp_path):
    body = """\
    <!-- In this long paragraph the latent variable is explained with many more words than a heading would have. -->
    이 긴 문단은 잠재 가변을 여러 단어로 설명한다.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []
