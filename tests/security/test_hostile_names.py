"""Hostile file names: bytes that are not UTF-8, newlines and escape sequences in a name.

Defends against: a page named `bad\\xff.md` (SARIF crashed with a traceback, JSON output was
not valid UTF-8, and its cache key crashed a rule on every other page); a page whose name
holds a newline and a forged `path:line:col: CODE` tail (the text output printed a finding
that does not exist), or an escape sequence that rewrites the terminal. Every format stays
valid UTF-8 and one finding stays one line.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import SARIF_SCHEMA, write_site
from hostile import CONFIG, FILES, KO, json_findings, run

BAD = os.fsdecode(b"ko/week01/bad\xff.md")
FORGED = "ko/week01/x\nko-week01-01-1.md:1:1: DLC999 forged-finding all is well.md"
ESCAPE = "ko/week01/\x1b[2J\x1b[31mred.md"


def site_with(root, name: str):
    write_site(root, FILES, CONFIG)
    path = root / name
    path.write_text(KO.replace("ch.01-1", "ch.01-9"), encoding="utf-8")
    return root


def sarif_ok(data: bytes) -> dict:
    log = json.loads(data.decode("utf-8"))
    if SARIF_SCHEMA.is_file():
        import jsonschema

        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return log


@pytest.mark.parametrize("cache", ["1", ""])
def test_a_name_that_is_not_utf8_is_one_finding_in_every_format(tmp_path, cache):
    site = site_with(tmp_path, BAD)
    env = {"DLC_LINT_NO_CACHE": cache}
    found = json_findings(run(["--format", "json", "."], site, **env))
    assert [(f["code"], f["path"]) for f in found] == [("DLC002", "ko/week01/bad\\xff.md")]
    assert "not valid UTF-8" in found[0]["message"]
    text = run(["."], site, **env).stdout.decode("utf-8")
    assert text.startswith("ko/week01/bad\\xff.md:1:1: DLC002")
    log = sarif_ok(run(["--format", "sarif", "."], site, **env).stdout)
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "ko/week01/bad%5Cxff.md"
    run(["--format", "github", "."], site, **env).stdout.decode("utf-8")
    done = run(["--write-baseline", "b.json", "."], site, **env)
    assert done.returncode == 0 and json.loads((site / "b.json").read_text(encoding="utf-8"))["findings"]


def test_a_name_that_is_not_utf8_named_on_the_command_line(tmp_path):
    site = site_with(tmp_path, BAD)
    done = run(["--format", "json", BAD], site)
    assert [f["code"] for f in json_findings(done)] == ["DLC002"]


@pytest.mark.parametrize("name", [FORGED, ESCAPE])
def test_control_characters_in_a_name_never_reach_the_output(tmp_path, name):
    site = site_with(tmp_path, name)
    text = run(["."], site).stdout.decode("utf-8")
    assert "\x1b" not in text
    lines = text.splitlines()
    assert not [line for line in lines if line.startswith("ko-week01")]  # no forged line
    assert all(line.startswith(("ko/week01/", "Found", "All")) for line in lines), lines
    github = run(["--format", "github", "."], site).stdout.decode("utf-8")
    assert all(line.startswith("::") for line in github.splitlines())
    assert "\x1b" not in github
    found = json_findings(run(["--format", "json", "."], site))
    assert any(f["path"] == name.replace("\n", "\\n").replace("\x1b", "\\x1b") for f in found)
    log = sarif_ok(run(["--format", "sarif", "."], site).stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert any("%0A" in uri or "%1B" in uri for uri in uris)
    summary = tmp_path / "summary.md"
    run(["--summary-file", str(summary), "."], site)
    assert "\x1b" not in summary.read_text(encoding="utf-8")
    assert "\nko/week01/01-1.md:1:1" not in summary.read_text(encoding="utf-8")


def test_printable_escapes_each_kind_of_control_character():
    from dlc_lint.report.escape import printable

    assert printable("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert printable("\x1b[2J\x7f\x85\u2028") == "\\x1b[2J\\x7f\\x85\\u2028"
    assert printable(os.fsdecode(b"\xff")) == "\\xff"
    assert printable("딥러닝 — \u200f ok") == "딥러닝 — \u200f ok"  # ordinary text, marks of right-to-left scripts
