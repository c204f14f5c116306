import json

from click.testing import CliRunner
from conftest import check_page, write_site

from dlc_lint.cli.main import cli
from dlc_lint.finding import Finding, Severity
from dlc_lint.report.github import render_github

PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"


def test_disable_next_line_directive(tmp_path):
    text = "<!-- dlc-lint-disable-next-line DLC101 -->\n" + PAGE
    # the directive sits before the front matter, which hides it: the finding is on line 2
    assert check_page(tmp_path, text, select=["DLC101"]) == []


def test_disable_file_directive_by_name(tmp_path):
    text = "\n" + PAGE + "\n<!-- dlc-lint-disable-file front-matter-hidden -->\n"
    assert check_page(tmp_path, text, select=["DLC101"]) == []


def test_directive_for_another_rule_does_not_silence(tmp_path):
    text = "\n" + PAGE + "\n<!-- dlc-lint-disable-file DLC999 -->\n"
    assert check_page(tmp_path, text, select=["DLC101"]) == [("DLC101", 2, 1)]


def test_github_annotations_are_escaped():
    finding = Finding("a,b:c.md", 3, 4, 3, 9, "DLC101", "front-matter-hidden", Severity.ERROR, "50% off\nnext: line")
    assert render_github([finding]) == (
        "::error file=a%2Cb%3Ac.md,line=3,col=4,endLine=3,endColumn=9,"
        "title=DLC101 front-matter-hidden::50%25 off%0Anext: line\n"
    )


def run(args, cwd):
    import os

    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_json_contract_and_exit_codes(tmp_path):
    write_site(tmp_path, {"ko/week01/01-1.md": "\n" + PAGE, "en/week01/01-1.md": "---\nlang-ref: ch.01-1\n---\n"})
    result = run(["--format", "json", "--select", "DLC101", "ko"], tmp_path)
    assert result.exit_code == 1
    payload = json.loads(result.output)
    (finding,) = payload["findings"]
    assert finding["path"] == "ko/week01/01-1.md"
    assert {k: finding[k] for k in ("line", "column", "end_line", "end_column", "code", "name", "severity")} == {
        "line": 2,
        "column": 1,
        "end_line": 2,
        "end_column": 4,
        "code": "DLC101",
        "name": "front-matter-hidden",
        "severity": "error",
    }
    assert payload["summary"]["errors"] == 1
    assert run(["--select", "DLC101", "--fail-on", "never", "ko"], tmp_path).exit_code == 0


def test_usage_errors_exit_2(tmp_path):
    write_site(tmp_path, {"ko/a.md": PAGE})
    assert run(["no-such-folder"], tmp_path).exit_code == 2
    result = run(["--select", "DLC99x", "ko"], tmp_path)
    assert result.exit_code == 2 and "unknown rule" in result.output


def test_unknown_config_key_is_a_clear_error(tmp_path):
    write_site(tmp_path, {"ko/a.md": PAGE})
    (tmp_path / "pyproject.toml").write_text('[tool.dlc-lint]\nignroe = ["DLC101"]\n')
    result = run(["ko"], tmp_path)
    assert result.exit_code == 2
    assert "unknown setting `ignroe`" in result.output and "did you mean `ignore`" in result.output


def test_config_ignore_and_severity(tmp_path):
    write_site(tmp_path, {"ko/a.md": "\n" + PAGE})
    (tmp_path / "pyproject.toml").write_text('[tool.dlc-lint]\nseverity = { DLC101 = "info" }\n')
    result = run(["--format", "json", "--select", "DLC101", "ko"], tmp_path)
    assert json.loads(result.output)["findings"][0]["severity"] == "info"
    assert result.exit_code == 0  # info is below the default --fail-on warning
    (tmp_path / "pyproject.toml").write_text('[tool.dlc-lint]\nignore = ["front-matter-hidden"]\n')
    assert json.loads(run(["--format", "json", "ko"], tmp_path).output)["summary"]["by_code"].get("DLC101") is None


def test_explain_and_rules():
    runner = CliRunner()
    result = runner.invoke(cli, ["explain", "front-matter-hidden"])
    assert result.exit_code == 0 and "## What it does" in result.output
    assert "DLC101" in runner.invoke(cli, ["rules"]).output
