import pytest
from conftest import check_page, findings_of

from dlc_lint.analysis.front_matter import date_problem

SELECT = ["DLC116"]


# Every format translators used on the real site is accepted.
@pytest.mark.parametrize(
    "value",
    [
        "27 Jan 2020",
        "1 Feb 2021",
        "03 April 2020",
        "25 June 2020",
        "14 September 2020",
        "3 oct 2020",
        "18 JUn 2020",
        "16 Sept 2020",
        "Aug 16 2020",
        "Sep 1 2020",
        "Jul 2020",
        "July 2020",
        "17 Jul 2020 ",
        "August 16, 2020",
        "2020-07-01",
        "27.01.2020",
        "1st Feb 2021",
    ],
)
def test_legitimate_dates(value):
    assert date_problem(value) is None


@pytest.mark.parametrize(
    "value, why",
    [
        ("28 Fev 2021", "`Fev` is not an English month"),
        ("31 Jun 2020", "no day 31"),
        ("27 Jan", "no four-digit year"),
        ("soon", "no four-digit year"),
        ("2020-13-01", "out of range"),
        ("2020년 7월 1일", "not in a date format"),
    ],
)
def test_unreadable_dates(value, why):
    assert why in date_problem(value)


def test_position_and_message(tmp_path):
    text = "---\nlang-ref: ch.02-1\ntitle: x\nlang: pt\ntranslator: A\ntranslation-date: 28 Fev 2021\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="pt/week02/02-1.md") == [("DLC116", 6, 19)]
    (finding,) = findings_of(tmp_path, text, select=SELECT, path="pt/week02/02-1.md")
    assert finding.end_column == 30 and "28 Fev 2021" in finding.message


def test_value_under_a_variant_key_is_checked(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslate-date: 27 Jan\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC116", 5, 17)]


def test_quoted_and_crlf_values(tmp_path):
    text = "---\r\nlang-ref: ch.01-1\r\ntitle: 동기\r\ntranslation-date: '22 July 2020'\r\n---\r\n"
    assert check_page(tmp_path, text, select=SELECT) == []


def test_missing_date_is_not_this_rule(tmp_path):
    assert check_page(tmp_path, "---\nlang-ref: ch.01-1\ntranslation-date:\n---\n", select=SELECT) == []


def test_a_date_no_layout_shows_is_information(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 28 Fev 2021\n---\n"
    shown = {"_layouts/default.html": "{{ content }} {{ page.translation-date }}\n"}
    (finding,) = findings_of(tmp_path, text, select=SELECT, extra=shown)
    assert finding.severity.value == "warning"
    (tmp_path / "hidden").mkdir()
    hidden = {"_layouts/default.html": "{{ content }} {{ page.translator }}\n"}
    (finding,) = findings_of(tmp_path / "hidden", text, select=SELECT, extra=hidden)
    assert finding.severity.value == "info" and "does not show `translation-date`" in finding.message
