"""``path:line:col: CODE name message``, one finding a line, then a summary line."""

from __future__ import annotations

from dlc_lint.finding import Finding, Safety
from dlc_lint.report.summary import summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(findings: list[Finding], files: int, *, color: bool = False) -> str:
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
    lines.append(summary_line(findings, files))
    return "\n".join(lines) + "\n"


def summary_line(findings: list[Finding], files: int) -> str:
    s = summary(findings, files)
    noun = "file" if files == 1 else "files"
    if not findings:
        return f"All clear: {files} {noun} checked, no findings."
    parts = []
    for key, word in (("errors", "error"), ("warnings", "warning"), ("infos", "info")):
        if s[key]:
            parts.append(f"{s[key]} {word}{'' if s[key] == 1 or word == 'info' else 's'}")
    line = f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''} in {files} {noun} ({', '.join(parts)})."
    if s["fixable"]:
        line += f" {s['fixable']} fixable with --fix (marked [*])."
    return line
