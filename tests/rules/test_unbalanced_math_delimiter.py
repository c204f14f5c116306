from conftest import check_page, findings_of
from parity_site import KO_BODY_LINE, KO_HEAD


def test_a_missing_opening_dollar(tmp_path):
    text = KO_HEAD + "수열 $x_1$ 과 n / 2 $ 는 작고 $y$ 는 크다.\n"
    (finding,) = findings_of(tmp_path, text, select=["DLC711"])
    assert (finding.code, finding.line, finding.column) == ("DLC711", KO_BODY_LINE, 18)


def test_an_odd_double_dollar(tmp_path):
    text = KO_HEAD + "값은 $$x$$ 이고 $$y 이다.\n"
    assert check_page(tmp_path, text, select=["DLC711"]) == [("DLC711", KO_BODY_LINE, 13)]


def test_an_escaped_closing_dollar_is_named(tmp_path):
    text = KO_HEAD + "벡터 $\\boldsymbol{h}\\$ 가 주어진다.\n"
    (finding,) = findings_of(tmp_path, text, select=["DLC711"])
    assert finding.column == 4 and "escaped dollar" in finding.message


def test_balanced_blocks_each_on_their_own(tmp_path):
    text = (
        KO_HEAD
        + "첫 $a$ 문단.\n\n- 항목 $b$\n- 항목 $c$\n\n| $d$ | $e$ |\n|---|---|\n| 1 | 2 |\n\n`$` 와 \\$5 는 괜찮다.\n"
    )
    assert check_page(tmp_path, text, select=["DLC711"]) == []
