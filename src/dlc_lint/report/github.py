"""GitHub Actions workflow commands: ``::error file=...,line=...::message``.

Property values and messages are escaped as the runner expects (``%``, CR, LF
everywhere; ``:`` and ``,`` in properties too), so a message with a newline or
a colon cannot break or forge an annotation.
"""

from __future__ import annotations

from dlc_lint.finding import Finding

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        props = [
            f"file={escape_property(f.path)}",
            f"line={f.line}",
            f"col={f.column}",
            f"endLine={f.end_line}",
        ]
        if f.end_line == f.line:
            props.append(f"endColumn={f.end_column}")
        props.append(f"title={escape_property(f'{f.code} {f.name}')}")
        lines.append(f"::{_LEVEL[f.severity.value]} {','.join(props)}::{escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
