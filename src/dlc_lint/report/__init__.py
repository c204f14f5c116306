"""Reporters: one module per output format, each a function of the findings to text."""

from __future__ import annotations

from dlc_lint.finding import Finding
from dlc_lint.report.summary import summary

FORMATS = ("text", "json", "github", "sarif")
__all__ = ["FORMATS", "render", "summary"]


def render(
    fmt: str,
    findings: list[Finding],
    files: int,
    *,
    color: bool = False,
    tool_version: str = "",
    summary: bool = True,
    show_fixes: bool = False,
) -> str:
    """The report in ``fmt``; paths and messages are made printable first (see :mod:`dlc_lint.report.escape`).

    ``summary`` and ``show_fixes`` shape the text report only (--quiet, --show-fixes)."""
    from dlc_lint.report.escape import printable_finding

    if fmt != "sarif":  # SARIF percent-encodes the path's own bytes in its URI and escapes the messages itself
        findings = [printable_finding(f) for f in findings]
    if fmt == "text":
        from dlc_lint.report.text import render_text

        return render_text(findings, files, color=color, summary=summary, show_fixes=show_fixes)
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
