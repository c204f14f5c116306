from conftest import lint_site
from outline_site import CONFIG, KO, make_site
from site_fixing import read, run_fix

from dlc_lint.finding import Safety


def test_entry_without_file(tmp_path):
    make_site(tmp_path, [p for p in KO if p != "ko/week01/01-3.md"])
    findings = lint_site(tmp_path, ["ko"], select=("DLC502",))
    assert [(f.code, f.path, f.line, f.column, f.end_column) for f in findings] == [
        ("DLC502", "_config.yml", 26, 17, 34)
    ]
    assert findings[0].message == (
        "`ko/week01/01-3.md` in the `ko:` outline does not exist, so its link in the sidebar is broken"
    )
    assert findings[0].fix is None  # ko/week01/01-1.md is close but already listed


def test_suggestion_and_unsafe_fix(tmp_path):
    config = CONFIG.replace("ko/week01/01-3.md", "ko/Week01/01-3")
    make_site(tmp_path, KO, config=config)
    (finding,) = lint_site(tmp_path, ["ko"], select=("DLC502",))
    assert (finding.line, finding.column) == (26, 17)
    assert "did you mean `ko/week01/01-3.md`?" in finding.message
    assert finding.fix.safety is Safety.UNSAFE
    run_fix(tmp_path, ["ko"], ["DLC502"])
    assert read(tmp_path, "_config.yml") == config
    run_fix(tmp_path, ["ko"], ["DLC502"], unsafe=True)
    assert read(tmp_path, "_config.yml") == CONFIG
    run_fix(tmp_path, ["ko"], ["DLC502"], unsafe=True)
    assert read(tmp_path, "_config.yml") == CONFIG
    assert lint_site(tmp_path, ["ko"], select=("DLC502",)) == []


def test_week_number_spelling(tmp_path):
    config = CONFIG.replace("ko/week03/03.md", "ko/week3/3.md")
    make_site(tmp_path, KO, config=config)
    (finding,) = lint_site(tmp_path, ["ko"], select=("DLC502",))
    assert (finding.line, finding.column) == (27, 13)
    assert "did you mean `ko/week03/03.md`?" in finding.message


def test_only_the_linted_languages_are_checked(tmp_path):
    config = CONFIG + "  chapters:\n    - path: es/week01/01.md\n"
    make_site(tmp_path, KO, config=config)
    assert lint_site(tmp_path, ["ko"], select=("DLC502",)) == []
    (tmp_path / "ko" / "week01" / "01-1.md").unlink()
    assert [(f.line, f.column) for f in lint_site(tmp_path, ["ko"], select=("DLC502",))] == [(25, 17)]
    assert [(f.line, f.column) for f in lint_site(tmp_path, ["."], select=("DLC502",))] == [(25, 17), (33, 13)]
    assert [(f.line, f.column) for f in lint_site(tmp_path, ["_config.yml"], select=("DLC502",))] == [
        (25, 17),
        (33, 13),
    ]


def test_excluded_file(tmp_path):
    config = CONFIG.replace("default_lang: 'en'\n", "default_lang: 'en'\nexclude:\n  - ko/week03/03.md\n")
    make_site(tmp_path, KO, config=config)
    (finding,) = lint_site(tmp_path, ["."], select=("DLC502",))
    assert (finding.line, finding.column) == (29, 13)
    assert "excluded from the site by `exclude:`" in finding.message


def test_invisible_character_is_left_to_the_malformed_entry_rule(tmp_path):
    make_site(tmp_path, KO, config=CONFIG.replace("ko/week03/03.md", "ko/week03/03.md\u200b"))
    assert lint_site(tmp_path, ["ko"], select=("DLC502",)) == []
    assert [(f.code, f.line, f.column) for f in lint_site(tmp_path, ["ko"], select=("DLC505",))] == [("DLC505", 27, 28)]
