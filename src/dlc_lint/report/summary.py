"""The counts every report ends with: findings by severity and by code, and how many are fixable."""

from __future__ import annotations

from collections import Counter

from dlc_lint.finding import Finding


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
