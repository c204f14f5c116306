"""Typed rule options: a dataclass per rule, checked against the config, listed by ``explain``."""

from __future__ import annotations

import dataclasses
import os

import pytest
from click.testing import CliRunner
from conftest import write_site

from dlc_lint import options as rule_options
from dlc_lint.cli.main import cli
from dlc_lint.config import ConfigError, settings_from_table
from dlc_lint.rules import all_rules

PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\n---\n\n본문\n"
WITH_OPTIONS = [r for r in all_rules().values() if r.option_specs]


def run(args, cwd):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_every_option_is_typed_documented_and_frozen():
    assert len(WITH_OPTIONS) >= 9
    for found in WITH_OPTIONS:
        assert dataclasses.is_dataclass(found.options) and found.options.__dataclass_params__.frozen
        for spec in found.option_specs:
            assert spec.help and spec.type in ("bool", "int", "float", "string", "list of strings")
            assert f"`{spec.key}`" in found.doc, f"{found.code}: the docstring's Options section names {spec.key}"
        assert found.options_from() == found.options()  # the defaults


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"DLC712": {"min-word": 3}}, "`rules.DLC712.min-word`: rule DLC712 (english-paragraph-visible): no option"),
        ({"DLC712": {"min-words": "3"}}, '`min-words` must be an integer, not the string "3"'),
        ({"DLC712": {"min-words": True}}, "`min-words` must be an integer, not `true`"),
        ({"DLC705": {"compare-comments": 1}}, "`compare-comments` must be true or false, not `1`"),
        ({"DLC114": {"extra-keys": "langs"}}, '`extra-keys` must be a list of strings, not the string "langs"'),
        ({"DLC114": {"extra-keys": [1]}}, "`extra-keys` must be a list of strings, not a list with non-string items"),
        ({"DLC117": {"convention-share": "half"}}, '`convention-share` must be a number, not the string "half"'),
    ],
)
def test_a_wrong_key_or_type_names_the_rule_and_the_key(table, expected):
    with pytest.raises(ConfigError) as raised:
        settings_from_table({"rules": table})
    assert expected in str(raised.value)


def test_values_are_converted_to_the_declared_type():
    settings = settings_from_table(
        {"rules": {"untranslated-title": {"convention-share": 1}, "DLC114": {"extra-keys": ["langs"]}}}
    )
    assert settings.rule_options["DLC117"].convention_share == 1.0
    assert isinstance(settings.rule_options["DLC117"].convention_share, float)
    assert settings.rule_options["DLC114"].extra_keys == ("langs",)


def test_a_wrong_option_in_pyproject_exits_2_and_says_where(tmp_path):
    write_site(tmp_path, {"ko/week01/01-1.md": PAGE})
    (tmp_path / "pyproject.toml").write_text("[tool.dlc-lint.rules.DLC712]\nmin_words = 3\n")
    result = run(["ko"], tmp_path)
    assert result.exit_code == 2
    assert "rules.DLC712.min_words" in result.output and "english-paragraph-visible" in result.output
    assert "its options: `min-words`" in result.output


def test_a_valid_option_changes_what_the_rule_reports(tmp_path):
    write_site(tmp_path, {"ko/notes.md": "메모\n"})
    assert "DLC102" in run(["--select", "DLC102", "ko"], tmp_path).output
    (tmp_path / "pyproject.toml").write_text(
        '[tool.dlc-lint.rules.DLC102]\npages-without-front-matter = ["notes.md"]\n'
    )
    result = run(["--select", "DLC102", "ko"], tmp_path)
    assert result.exit_code == 0 and "DLC102" not in result.output


def test_explain_lists_each_option_with_type_and_default():
    result = CliRunner().invoke(cli, ["explain", "DLC102"])
    assert result.exit_code == 0
    assert "Options (set in [tool.dlc-lint.rules.DLC102]):" in result.output
    assert 'pages-without-front-matter (list of strings, default ["README*.md"]): file-name patterns' in result.output
    result = CliRunner().invoke(cli, ["explain", "math-mismatch"])
    assert "min-similarity (float, default 0.6):" in result.output


def test_an_unsupported_option_type_is_refused_at_declaration():
    @dataclasses.dataclass(frozen=True)
    class Odd:
        limits: tuple[int, ...] = rule_options.option((), "not a supported type")

    with pytest.raises(TypeError, match="unsupported option type"):
        rule_options.specs(Odd)
