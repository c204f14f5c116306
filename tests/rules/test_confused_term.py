"""DLC307 confused-term: a glossary term rendered by the word of another term (`confused_with`)."""

from __future__ import annotations

import textwrap

from conftest import check_page, findings_of, lint_site

from dlc_lint.glossary import GlossaryError, parse_glossary

HEAD = "---\nlang-ref: ch.03-2\ntitle: 합성곱\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC307"]


def page(body: str) -> str:
    return HEAD + textwrap.dedent(body).lstrip("\n")


def test_fully_convolutional_rendered_as_fully_connected(tmp_path):
    body = """\
    <!-- In a fully convolutional network, there is no need to specify the size of the input. -->
    완전 연결된 합성곱 신경망에서 입력 크기를 정의할 필요는 없다.
    """
    (finding,) = findings_of(tmp_path, page(body), select=SELECT)
    assert (finding.line, finding.column, finding.end_column) == (10, 1, 6)
    assert "*fully convolutional*" in finding.message and "*fully connected*" in finding.message
    assert "`완전 합성곱`" in finding.message and finding.severity.value == "warning"


def test_not_reported(tmp_path):
    body = """\
    <!-- A fully connected layer. -->
    완전 연결 계층.

    <!-- Fully connected layers are replaced: the network is fully convolutional. -->
    완전 연결 계층을 바꾸면 완전 합성곱 신경망이 된다.

    <!-- In a fully convolutional network, fully connected layers are absent. -->
    완전 연결 계층이 없다.

    완전 연결된 합성곱 신경망.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []


def test_the_corpus_case(corpus):
    findings = lint_site(corpus, ["ko/week03/03-2.md"], select=tuple(SELECT))
    assert [(f.line, f.column) for f in findings] == [(242, 1)]


def test_confused_with_names_known_entries():
    text = textwrap.dedent(
        """\
        language: ko
        sources: {s: {title: S}}
        entries:
          - id: a
            en: alpha
            preferred: [알파]
            confused_with: [b]
            sources: [s]
            examples: {pass: [알파]}
        """
    )
    try:
        parse_glossary(text, "g.yml")
    except GlossaryError as exc:
        assert [p.message for p in exc.problems] == ["entry `a`: `confused_with` names unknown entry `b`"]
    else:
        raise AssertionError("an unknown id must be an error")
