"""DLC306 non-preferred-term: accepted forms (backed by a public Korean ML glossary) reported as hints."""

from __future__ import annotations

import textwrap

from conftest import check_page, findings_of, lint_site, write_site

from dlc_lint.finding import Safety

HEAD = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC306"]


def page(body: str) -> str:
    return HEAD + textwrap.dedent(body).lstrip("\n")


def test_an_accepted_form_is_an_info_hint_naming_its_backing(tmp_path):
    body = """\
    <!-- We train the network. -->
    신경망을 훈련시킨다.
    """
    (finding,) = findings_of(tmp_path, page(body), select=SELECT)
    assert (finding.line, finding.column, finding.end_column) == (10, 6, 8)
    assert finding.severity.value == "info"
    assert "`훈련`" in finding.message and "`학습`" in finding.message
    assert "Keras" in finding.message and "Pseudo-Lab" in finding.message  # the public glossaries using 훈련
    assert finding.fix.safety is Safety.DISPLAY and finding.fix.edits[0].new_text == "학습시킨다"
    used_by = finding.message.split("used by ")[1].split(")")[0]
    assert "PyTorch Korea" not in used_by  # it decided 학습 over 훈련: not a source using 훈련


def test_a_source_backs_a_form_only_when_it_writes_that_form(tmp_path):
    """`Layer -> 계층` contains 층 but does not back it; `#1133 replaces 레이어 -> 계층` does not back 레이어."""
    body = """    <!-- Each layer, and the next layer. -->
    각 층과 다음 레이어.
    """
    first, second = findings_of(tmp_path, page(body), select=SELECT)
    assert "used by Keras" in first.message and "PyTorch Korea" not in first.message.split("; it prefers")[0]
    assert "used by cs231n" in second.message and "PyTorch Korea" not in second.message.split("; it prefers")[0]


def test_only_where_the_english_names_the_term(tmp_path):
    body = """\
    <!-- The activation of the last layer. -->
    마지막 층의 활성화.

    <!-- The function is terraced like the floors of a building. -->
    건물처럼 층이 져 있다.

    층이 보인다.

    <!-- A 3-layer network. -->
    3층 신경망.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == [("DLC306", 10, 5)]


def test_preferred_forms_and_glosses_are_silent(tmp_path):
    body = """\
    <!-- We train each layer. -->
    각 계층을 학습시킨다. 계층(층)을 쌓는다.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []


def test_a_team_turns_it_off_or_into_a_warning_with_one_config_line(tmp_path):
    body = "<!-- We train the network. -->\n신경망을 훈련시킨다.\n"
    check_page(tmp_path, page(body))
    assert [f.code for f in lint_site(tmp_path, ["ko/week01/01-1.md"]) if f.code == "DLC306"] == ["DLC306"]
    write_site(tmp_path, {"dlc-lint.toml": 'ignore = ["DLC306"]\n'}, config=None)
    from dlc_lint.config import load_settings

    settings = load_settings(tmp_path / "dlc-lint.toml")
    assert "DLC306" in settings.ignore
    write_site(tmp_path, {"dlc-lint.toml": 'severity = { DLC306 = "warning" }\n'}, config=None)
    settings = load_settings(tmp_path / "dlc-lint.toml")
    findings = lint_site(tmp_path, ["ko/week01/01-1.md"], select=tuple(SELECT), severity=settings.severity)
    assert [f.severity.value for f in findings] == ["warning"]
