"""Family 0: problems with the file itself become positioned findings, never tracebacks."""

import dataclasses
import os
from pathlib import Path

from conftest import write_site

from dlc_lint import rules as registry
from dlc_lint.config import Settings
from dlc_lint.engine.run import lint
from dlc_lint.rules import all_rules

PAGE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"


def run(root: Path, target: str = "ko", debug: bool = False):
    old = Path.cwd()
    os.chdir(root)
    try:
        return lint([Path(target)], Settings(select=("DLC0",)), debug=debug).findings
    finally:
        os.chdir(old)


def test_dlc001_a_crashing_rule_becomes_one_finding(tmp_path, monkeypatch):
    write_site(tmp_path, {"ko/a.md": PAGE})
    rule = all_rules()["DLC101"]

    def boom(context):
        raise ValueError("boom")
        yield

    monkeypatch.setitem(registry._REGISTRY, "DLC101", dataclasses.replace(rule, check=boom))
    findings = lint([tmp_path / "ko"], Settings(select=("DLC0", "DLC101"))).findings
    assert [(f.code, f.path.endswith("ko/a.md"), f.line) for f in findings] == [("DLC001", True, 1)]
    assert "DLC101 (front-matter-hidden) failed" in findings[0].message and "ValueError: boom" in findings[0].message


def test_dlc002_a_dangling_link_is_unreadable(tmp_path):
    write_site(tmp_path, {"ko/a.md": PAGE})
    (tmp_path / "ko" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    findings = run(tmp_path)
    assert [(f.code, f.path, f.line, f.column) for f in findings] == [("DLC002", "ko/gone.md", 1, 1)]
    assert "does not exist" in findings[0].message


def test_dlc003_latin1_bytes_are_located(tmp_path):
    write_site(tmp_path, {"ko/a.md": PAGE.encode() + b"\ncaf\xe9\n"})
    findings = run(tmp_path)
    assert [(f.code, f.line, f.column) for f in findings] == [("DLC003", 9, 4)]
    assert "0xE9" in findings[0].message


def test_dlc004_binary_file_is_skipped(tmp_path):
    write_site(tmp_path, {"ko/a.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    assert [(f.code, f.line) for f in run(tmp_path)] == [("DLC004", 1)]


def test_empty_file_is_no_crash(tmp_path):
    write_site(tmp_path, {"ko/a.md": b""})
    assert run(tmp_path) == []


def test_a_crash_is_shown_even_when_other_rules_are_selected(tmp_path, monkeypatch):
    write_site(tmp_path, {"ko/a.md": PAGE})
    rule = all_rules()["DLC101"]

    def boom(context):
        raise ValueError("boom")
        yield

    monkeypatch.setitem(registry._REGISTRY, "DLC101", dataclasses.replace(rule, check=boom))
    findings = lint([tmp_path / "ko"], Settings(select=("DLC101",))).findings
    assert [f.code for f in findings] == ["DLC001"]
    assert lint([tmp_path / "ko"], Settings(select=("DLC101",), ignore=("DLC001",))).findings == []
