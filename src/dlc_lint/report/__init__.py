"""Reporters: one module per output format, each a function of the findings to text."""

from __future__ import annotations

from collections import Counter

from dlc_lint.finding import Finding

FORMATS = ("text", "json", "github", "sarif")


def summary(findings: list[Finding], files: int) -> dict:
    by_severity = Counter(f.severity.value for f in findings)
    by_code = Counter(f.code for f in findings)
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.safety.value == "safe")
    return {
        "files": files,
        "findings": len(findings),
        "errors": by_severity.get("error", 0),
        "warnings": by_severity.get("warning", 0),
        "infos": by_severity.get("info", 0),
        "fixable": fixable,
        "by_code": dict(sorted(by_code.items())),
    }


def render(fmt: str, findings: list[Finding], files: int, *, color: bool = False, tool_version: str = "") -> str:
    if fmt == "text":
        from dlc_lint.report.text import render_text

        return render_text(findings, files, color=color)
    if fmt == "json":
        from dlc_lint.report.json import render_json

        return render_json(findings, files)
    if fmt == "github":
        from dlc_lint.report.github import render_github

        return render_github(findings)
    if fmt == "sarif":
        from dlc_lint.report.sarif import render_sarif

        return render_sarif(findings, tool_version)
    raise ValueError(f"unknown format {fmt}")
