from conftest import lint_site
from outline_site import CONFIG, KO, make_site

from dlc_lint.finding import Severity


def found(findings):
    return [(f.code, f.line, f.column, f.severity) for f in findings]


def test_section_under_another_weeks_chapter(tmp_path):
    config = CONFIG.replace(
        "    - path: ko/week03/03.md\n",
        "    - path: ko/week03/03.md\n      sections:\n        - path: ko/week02/02-1.md\n",
    )
    make_site(tmp_path, KO + ["ko/week02/02-1.md"], config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC504",))
    assert found(findings) == [("DLC504", 29, 17, Severity.WARNING)]
    assert findings[0].message == (
        "`ko/week02/02-1.md` (week 02) is listed under the chapter `ko/week03/03.md` "
        "(week 03) in the `ko:` outline, so the sidebar shows it in the wrong week"
    )


def test_section_listed_as_chapter_is_info(tmp_path):
    config = CONFIG.replace(
        "    - path: ko/week03/03.md\n", "    - path: ko/week02/02-1.md\n    - path: ko/week03/03.md\n"
    )
    make_site(tmp_path, KO + ["ko/week02/02-1.md"], config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC504",))
    assert found(findings) == [("DLC504", 27, 13, Severity.INFO)]
    assert "listed as a chapter" in findings[0].message
    assert "there is no `ko/week02/02.md` to list it under" in findings[0].message


def test_chapter_listed_as_section_is_a_warning(tmp_path):
    config = CONFIG.replace(
        "        - path: ko/week01/01-3.md\n", "        - path: ko/week01/01-3.md\n        - path: ko/week01/01.md\n"
    )
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC504",))
    assert found(findings) == [("DLC504", 27, 17, Severity.WARNING)]
    assert "the English outline has it as a chapter" in findings[0].message


def test_out_of_order_is_info(tmp_path):
    config = CONFIG.replace(
        "        - path: ko/week01/01-1.md\n        - path: ko/week01/01-3.md\n",
        "        - path: ko/week01/01-3.md\n        - path: ko/week01/01-1.md\n",
    )
    config = config.replace(
        "    - path: ko/week01/01.md\n      sections:\n        - path: ko/week01/01-3.md\n"
        "        - path: ko/week01/01-1.md\n    - path: ko/week03/03.md\n",
        "    - path: ko/week03/03.md\n    - path: ko/week01/01.md\n      sections:\n"
        "        - path: ko/week01/01-3.md\n        - path: ko/week01/01-1.md\n",
    )
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC504",))
    assert found(findings) == [("DLC504", 24, 13, Severity.INFO), ("DLC504", 27, 17, Severity.INFO)]
    assert findings[0].message == (
        "`ko/week01/01.md` comes after `ko/week03/03.md` in the `ko:` outline; the "
        "English outline has them the other way round"
    )


def test_the_corpus_like_outline_is_fine(tmp_path):
    make_site(tmp_path, KO)
    assert lint_site(tmp_path, ["."], select=("DLC504",)) == []
