"""The README's first command: the sample site's deliberate defects are all reported."""

import json

from click.testing import CliRunner
from conftest import REPO

from dlc_lint.cli.main import cli


def test_sample_site_reports_each_deliberate_defect(monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(cli, ["fixtures/sample-site/docs", "--format", "json"])
    assert result.exit_code == 1
    found = {
        (f["path"].removeprefix("fixtures/sample-site/docs/"), f["code"], f["line"])
        for f in json.loads(result.output)["findings"]
    }
    expected = {
        ("ko/week01/01.md", "DLC101", 1),
        ("ko/week01/01-1.md", "DLC114", 8),
        ("ko/week01/01-1.md", "DLC301", 28),
        ("ko/week01/01-1.md", "DLC608", 28),
        ("ko/week01/01-1.md", "DLC704", 32),
        ("ko/week01/01-1.md", "DLC601", 35),
        ("ko/week01/01-2.md", "DLC501", 1),
        ("ko/index.md", "DLC401", 14),
        ("fr/week01/01-1.md", "DLC110", 1),
        ("fr/week01/01-1.md", "DLC402", 22),
    }
    assert expected <= found, expected - found
    assert not any(path.startswith("en/") for path, _, _ in found), "the English pages are clean"
