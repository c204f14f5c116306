"""DLC302 inconsistent-term: one English term rendered two ways on one page."""

from __future__ import annotations

import textwrap

import terms_site
from conftest import check_page, findings_of, lint_site

from dlc_lint.finding import Safety

HEAD = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC302"]


def page(body: str) -> str:
    return HEAD + textwrap.dedent(body).lstrip("\n")


def test_two_correct_forms_of_one_entry(tmp_path):
    # 변화도 (PyTorch Korea) and 그래디언트 (Keras-ko) are both accepted for *gradient*; the page mixes them
    body = """\
    <!-- Each gradient is accumulated. -->
    각 변화도는 누적된다.

    <!-- The gradient has ten entries. -->
    그래디언트는 열 개의 원소를 가진다.

    <!-- A larger gradient. -->
    더 큰 변화도.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == [("DLC302", 13, 1)]
    (finding,) = findings_of(tmp_path, page(body), select=SELECT)
    assert "`그래디언트`" in finding.message and "`변화도`" in finding.message
    assert "line 10" in finding.message  # where the kept form is first used
    assert finding.severity.value == "info"  # two correct forms: a hint
    # not applied by --fix: both forms are correct; the replacement is a suggestion
    assert finding.fix.safety is Safety.DISPLAY and finding.fix.edits[0].new_text == "변화도는"


def test_an_accepted_form_beside_the_preferred_one_is_left_to_dlc306(tmp_path):
    body = """\
    <!-- The query is compared with the keys. -->
    질의는 키와 비교된다. 질의가 여러 개다.

    <!-- Each query gives a weight. -->
    각 쿼리는 가중치를 준다.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []
    assert check_page(tmp_path, page(body), select=["DLC306"]) == [("DLC306", 10, 1), ("DLC306", 10, 14)]


def test_forms_holding_one_another_are_one_rendering(tmp_path):
    body = """\
    <!-- A neural network. -->
    신경망이다.

    <!-- An artificial neural network. -->
    인공 신경망이다.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []


def test_a_shared_form_counts_only_where_the_english_names_the_entry(tmp_path):
    # 정규화 is the preferred form of both normalization and regularization
    body = """\
    <!-- Batch normalization helps. -->
    배치 정규화가 돕는다.

    <!-- We add a regularization term. -->
    규제 항을 더한다.

    <!-- Normalization again. -->
    정규화를 다시 한다.
    """
    assert check_page(tmp_path, page(body), select=SELECT) == []


def test_words_without_english_above_do_not_count(tmp_path):
    assert check_page(tmp_path, page("쿼리와 질의는 다른 말이다.\n"), select=SELECT) == []


def test_learnt_renderings_are_off_by_default(tmp_path):
    """Without a reviewed glossary, learnt renderings are statistics: nothing unless the team asks."""
    terms_site.make(tmp_path)
    assert lint_site(tmp_path, ["zh"], select=tuple(SELECT)) == []


def test_learnt_renderings_without_a_glossary(tmp_path):
    terms_site.make(tmp_path)
    findings = lint_site(tmp_path, ["zh"], select=tuple(SELECT), rule_options={"DLC302": {"learn": True}})
    assert [(f.path, f.line, f.column) for f in findings] == [
        ("zh/week01/01-1.md", *terms_site.position(0, "资料")),
    ]
    assert "*data*" in findings[0].message and "`数据`" in findings[0].message
    assert findings[0].severity.value == "info"  # never a warning without a reviewed glossary


def test_two_preferred_forms_leave_the_choice_to_the_page(tmp_path):
    """크기 / 사이즈 (*size*): no public glossary decides, both are preferred; a page that mixes them
    keeps its usual one, and the message does not call either the glossary's choice."""
    body = """\
    <!-- The size of the kernel. -->
    커널의 사이즈.

    <!-- The size of the input and the size of the output. -->
    입력의 사이즈와 출력의 크기.
    """
    findings = findings_of(tmp_path, page(body), select=SELECT)
    assert [(f.line, f.column) for f in findings] == [(13, 14)]
    assert "`크기`" in findings[0].message and "write `사이즈` throughout" in findings[0].message
    assert "preferred" not in findings[0].message
    assert check_page(tmp_path, page(body), select=["DLC306", "DLC301"]) == []
