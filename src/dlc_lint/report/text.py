"""``path:line:col: CODE name message``, one finding a line, then a summary line."""

from __future__ import annotations

from collections import Counter

from dlc_lint.finding import Finding, Safety
from dlc_lint.report.summary import summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_HOW = {
    Safety.SAFE: "safe, applied by --fix",
    Safety.UNSAFE: "needs review, applied by --fix --unsafe-fixes",
    Safety.DISPLAY: "a suggestion, never applied",
}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(
    findings: list[Finding],
    files: int,
    *,
    color: bool = False,
    summary: bool = True,
    show_fixes: bool = False,
) -> str:
    """One line a finding, then the summary line (``summary=False``: the findings only).

    ``show_fixes`` adds, under each finding with a fix, what the fix does and whether ``--fix``
    applies it (safe), only ``--unsafe-fixes`` does, or it is a suggestion only.
    """
    lines = []
    for f in findings:
        fixable = " [*]" if f.fix is not None and f.fix.safety is Safety.SAFE else ""
        if color:
            tint = _COLORS[f.severity.value]
            lines.append(
                f"{_BOLD}{f.path}{_RESET}:{f.line}:{f.column}: {tint}{f.code}{_RESET} "
                f"{_DIM}{f.name}{_RESET} {f.message}{fixable}"
            )
        else:
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.code} {f.name} {f.message}{fixable}")
        if show_fixes and f.fix is not None:
            how = _HOW[f.fix.safety]
            lines.append(f"    fix ({how}): {f.fix.title}")
    if summary:
        lines.append(summary_line(findings, files))
    return "\n".join(lines) + ("\n" if lines else "")


def summary_line(findings: list[Finding], files: int, problems=()) -> str:
    """The last line: findings by severity, and in how many of the checked files they are.

    ``problems`` are findings about something other than a file (a pull request's title); they
    count towards the total but not towards the files.
    """
    s = summary(findings, files)
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not findings and not problems:
        return f"All clear: {checked}, no findings."
    if findings:
        with_findings = len({f.path for f in findings})
        line = (
            f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''} in {with_findings} of {checked} "
            f"({_by_severity(findings)})."
        )
    else:
        line = f"No findings in the {checked}."
    if problems:
        count = len(problems)
        line += f" {count} pull request problem{'s' if count != 1 else ''} ({_by_severity(problems)})."
    if s["fixable"]:
        line += f" {s['fixable']} fixable with --fix (marked [*])."
    return line


def _by_severity(items) -> str:
    counts = Counter(item.severity.value for item in items)
    parts = []
    for key, word in (("error", "error"), ("warning", "warning"), ("info", "info")):
        if counts[key]:
            parts.append(f"{counts[key]} {word}{'' if counts[key] == 1 or word == 'info' else 's'}")
    return ", ".join(parts)
