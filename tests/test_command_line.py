"""The command line as a translator meets it: stdin, --quiet, --show-fixes, per-file-ignores,
suppressions that do nothing, progress, and the summary line."""

from __future__ import annotations

import json

import pytest
from conftest import ENGLISH, write_site

from dlc_lint.cli.main import main

KOREAN = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--## Course plan-->\n## 강의 계획\n\n<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n"
)
BROKEN = "\n[다음](../week09/09-1)\n"  # a 404 from /site/ko/week01/01-1/ (line 15)
CLEAN_ENGLISH_INDEX = "---\nlang-ref: ch.01\ntitle: Week 1\n---\n"
KOREAN_INDEX = "---\nlang-ref: ch.01\ntitle: 1주차\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    write_site(
        tmp_path,
        {
            "en/week01/01.md": CLEAN_ENGLISH_INDEX,
            "en/week01/01-1.md": ENGLISH,
            "ko/week01/01.md": KOREAN_INDEX,
            "ko/week01/01-1.md": KOREAN + BROKEN,
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-color", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- the summary line ------------------------------------------------------------------------------


def test_the_summary_counts_the_files_with_findings_of_the_files_checked(site, capsys):
    code, out, _ = run(capsys, "ko", "--select", "DLC401")
    assert code == 1
    assert out.splitlines()[-1] == "Found 1 finding in 1 of 2 files checked (1 error)."
    code, out, _ = run(capsys, "ko", "--select", "DLC401", "--format", "json")
    assert json.loads(out)["summary"]["files"] == 2


def test_the_job_summary_counts_the_files_with_findings_too(site, capsys, tmp_path):
    summary = tmp_path / "summary.md"
    run(capsys, "ko", "--select", "DLC401", "--summary-file", str(summary))
    assert "**1 finding** in 1 of 2 files checked: 1 error." in summary.read_text(encoding="utf-8")


# -- configuration errors ----------------------------------------------------------------------------


def test_an_error_in_dlc_lint_toml_names_that_file_not_pyproject_tables(site, capsys):
    (site / "dlc-lint.toml").write_text("ignor = ['DLC101']\n", encoding="utf-8")
    code, _, err = run(capsys, "ko")
    assert code == 2
    assert "unknown setting `ignor` in dlc-lint.toml (did you mean `ignore`?)" in err
    assert "[tool.dlc-lint]" not in err
    (site / "dlc-lint.toml").unlink()
    (site / "pyproject.toml").write_text("[tool.dlc-lint]\nignor = ['DLC101']\n", encoding="utf-8")
    code, _, err = run(capsys, "ko")
    assert code == 2 and "unknown setting `ignor` in [tool.dlc-lint]" in err
