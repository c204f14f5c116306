from conftest import lint_site
from outline_site import CONFIG, KO, make_site
from site_fixing import read, run_fix

from dlc_lint.finding import Safety


def test_english_page_in_a_language_outline(tmp_path):
    config = CONFIG.replace("    - path: ko/week03/03.md", "    - path: en/week03/03.md")
    make_site(tmp_path, [p for p in KO if p != "ko/week03/03.md"], config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC503",))
    assert [(f.code, f.path, f.line, f.column, f.end_column) for f in findings] == [
        ("DLC503", "_config.yml", 27, 13, 28)
    ]
    assert findings[0].message == (
        "`en/week03/03.md` is an English page in the `ko:` outline: the Korean sidebar "
        "sends readers to it (there is no `ko/week03/03.md` yet)"
    )
    assert findings[0].fix is None


def test_unsafe_fix_when_the_page_of_the_language_exists(tmp_path):
    config = CONFIG.replace("    - path: ko/week03/03.md", "    - path: en/week03/03.md")
    make_site(tmp_path, KO, config=config)
    (finding,) = lint_site(tmp_path, ["ko"], select=("DLC503",))
    assert "although `ko/week03/03.md` exists" in finding.message
    assert finding.fix.safety is Safety.UNSAFE
    run_fix(tmp_path, ["ko"], ["DLC503"], unsafe=True)
    assert read(tmp_path, "_config.yml") == CONFIG
    run_fix(tmp_path, ["ko"], ["DLC503"], unsafe=True)
    assert read(tmp_path, "_config.yml") == CONFIG
    assert lint_site(tmp_path, ["ko"], select=("DLC503",)) == []


def test_a_page_of_another_translation(tmp_path):
    config = CONFIG + "  chapters:\n    - path: ko/week01/01.md\n"
    make_site(tmp_path, KO + ["es/week01/01.md"], config=config)
    (finding,) = lint_site(tmp_path, ["es"], select=("DLC503",))
    assert (finding.line, finding.column) == (33, 13)
    assert "is a Korean page in the `es:` outline" in finding.message
    assert lint_site(tmp_path, ["ko"], select=("DLC503",)) == []  # es is not linted


def test_own_language_is_fine(tmp_path):
    make_site(tmp_path, KO)
    assert lint_site(tmp_path, ["."], select=("DLC503",)) == []
