from conftest import lint_site
from outline_site import CONFIG, KO, make_site
from site_fixing import read, run_fix

from dlc_lint.finding import Severity


def found(findings):
    return [(f.code, f.line, f.column) for f in findings]


def test_misspelled_sections_key_is_renamed(tmp_path):
    config = CONFIG.replace("      sections:\n        - path: ko", "      section:\n        - path: ko")
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC505",))
    assert found(findings) == [("DLC505", 24, 7)]
    assert findings[0].message == ("unknown outline key `section` (did you mean `sections`?); the sidebar ignores it")
    run_fix(tmp_path, ["ko"], ["DLC505"])
    assert read(tmp_path, "_config.yml") == CONFIG
    run_fix(tmp_path, ["ko"], ["DLC505"])
    assert read(tmp_path, "_config.yml") == CONFIG
    assert lint_site(tmp_path, ["ko"], select=("DLC505",)) == []


def test_dash_without_space_in_a_list_of_one(tmp_path):
    config = CONFIG.replace(
        "        - path: ko/week01/01-1.md\n        - path: ko/week01/01-3.md\n", "        -path: ko/week01/01-1.md\n"
    )
    make_site(tmp_path, [p for p in KO if p != "ko/week01/01-3.md"], config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC505",))
    assert found(findings) == [("DLC505", 25, 9)]
    assert "`-path:` (a space is missing after `-`)" in findings[0].message
    run_fix(tmp_path, ["ko"], ["DLC505"])
    assert read(tmp_path, "_config.yml") == config.replace("-path:", "- path:")


def test_zero_width_space_in_a_path(tmp_path):
    config = CONFIG.replace("ko/week01/01-1.md", "ko/week01/\u200b01-1.md")
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC505",))
    assert found(findings) == [("DLC505", 25, 27)]
    assert findings[0].message.startswith("invisible character U+200B (zero width space) here")
    assert findings[0].severity is Severity.ERROR
    run_fix(tmp_path, ["ko"], ["DLC505"])
    assert read(tmp_path, "_config.yml") == CONFIG


def test_zero_width_space_in_a_key(tmp_path):
    config = CONFIG.replace("        - path: ko/week01/01-1.md", "        - \u200bpath: ko/week01/01-1.md")
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC505",))
    assert found(findings) == [("DLC505", 25, 11)]  # one finding, not also "no `path:`"
    run_fix(tmp_path, ["ko"], ["DLC505"])
    assert read(tmp_path, "_config.yml") == CONFIG


def test_item_without_path_and_empty_path(tmp_path):
    config = CONFIG.replace("        - path: ko/week01/01-3.md\n", "        - path:\n        - title: x\n")
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC505",))
    assert found(findings) == [("DLC505", 26, 11), ("DLC505", 27, 11)]
    assert [f.message for f in findings] == [
        "`path:` has no value; the sidebar cannot link it",
        "outline item has no `path:` (only `title:`); the sidebar cannot link it",
    ]


def test_invisible_characters_in_comments_are_harmless(tmp_path):
    config = CONFIG.replace("#### Korean ####", "#### Korean\u200b ####")
    make_site(tmp_path, KO, config=config)
    assert lint_site(tmp_path, ["."], select=("DLC505",)) == []


def test_invisible_character_in_a_setting_is_a_warning_for_the_whole_file_only(tmp_path):
    config = CONFIG.replace("baseurl: '/site'", "baseurl: '/site\u200b'")
    make_site(tmp_path, KO, config=config)
    assert lint_site(tmp_path, ["ko"], select=("DLC505",)) == []
    findings = lint_site(tmp_path, ["."], select=("DLC505",))
    assert [(f.line, f.column, f.severity) for f in findings] == [(2, 16, Severity.WARNING)]


def test_other_languages_are_not_reported(tmp_path):
    config = CONFIG + "  chapters:\n    - paht: es/week01/01.md\n"
    make_site(tmp_path, KO, config=config)
    assert lint_site(tmp_path, ["ko"], select=("DLC505",)) == []
    (finding,) = lint_site(tmp_path, ["."], select=("DLC505",))
    assert (finding.line, finding.column) == (33, 7)
    assert finding.message == "unknown outline key `paht` (did you mean `path`?); the sidebar ignores it"
