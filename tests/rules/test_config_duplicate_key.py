from conftest import lint_site
from outline_site import CONFIG, KO, make_site

from dlc_lint.finding import Severity


def found(findings):
    return [(f.code, f.line, f.column, f.severity) for f in findings]


def test_second_language_section(tmp_path):
    config = CONFIG + "ko:\n  title: again\n  chapters:\n    - path: ko/week03/03.md\n"
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC507",))
    assert found(findings) == [("DLC507", 32, 1, Severity.ERROR)]
    assert findings[0].message == (
        "key `ko` is repeated (first at line 20); YAML keeps only the last `ko:` section, "
        "so every page listed in the first one vanishes from the sidebar; merge the two "
        "sections"
    )
    assert lint_site(tmp_path, ["en/week01/01.md"], select=("DLC507",)) == []  # not an English problem


def test_two_paths_in_one_item(tmp_path):
    config = CONFIG.replace("        - path: ko/week01/01-3.md\n", "          path: ko/week01/01-3.md\n")
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC507",))
    assert found(findings) == [("DLC507", 26, 11, Severity.ERROR)]
    assert "is the `- ` that starts a new item missing?" in findings[0].message


def test_second_chapters_key_in_a_language(tmp_path):
    config = CONFIG.replace(
        "    - path: ko/week03/03.md\n", "    - path: ko/week03/03.md\n  chapters:\n    - path: ko/week01/01.md\n"
    )
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC507",))
    assert found(findings) == [("DLC507", 28, 3, Severity.ERROR)]
    assert "everything under the first is dropped from the sidebar" in findings[0].message


def test_flattened_setting_is_a_warning_only_when_the_config_is_linted(tmp_path):
    config = CONFIG.replace(
        "baseurl: '/site'\n",
        "baseurl: '/site'\nurl: https://example.org\nauthor:\nname: someone\nurl: https://twitter.com/someone\n",
    )
    make_site(tmp_path, KO, config=config)
    assert lint_site(tmp_path, ["ko"], select=("DLC507",)) == []
    findings = lint_site(tmp_path, ["."], select=("DLC507",))
    assert found(findings) == [("DLC507", 6, 1, Severity.WARNING)]
    assert findings[0].message == (
        "key `url` is repeated (first at line 3); YAML silently keeps only the last "
        "value; `author:` above it has no indented value: were the keys below it meant "
        "to be indented under it?"
    )
    assert found(lint_site(tmp_path, ["_config.yml"], select=("DLC507",))) == [("DLC507", 6, 1, Severity.WARNING)]


def test_duplicates_in_a_broken_file_are_still_found(tmp_path):
    config = CONFIG.replace("        - path: ko/week01/01-3.md", "         - path: ko/week01/01-3.md")
    config += "ko:\n  title: again\n"
    make_site(tmp_path, KO, config=config)
    assert found(lint_site(tmp_path, ["ko"], select=("DLC507",))) == [("DLC507", 32, 1, Severity.ERROR)]


def test_no_duplicates(tmp_path):
    make_site(tmp_path, KO)
    assert lint_site(tmp_path, ["."], select=("DLC507",)) == []
