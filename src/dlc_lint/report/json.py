"""One JSON object: ``{"findings": [...], "summary": {...}}``; stable keys and order."""

from __future__ import annotations

import json

from dlc_lint.finding import Finding
from dlc_lint.report.summary import summary


def render_json(findings: list[Finding], files: int) -> str:
    payload = {"findings": [f.to_dict() for f in findings], "summary": summary(findings, files)}
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
