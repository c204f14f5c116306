"""SARIF 2.1.0 for code scanning (GitHub's ``upload-sarif``, editors, other viewers).

One run, with every rule in ``tool.driver.rules`` (its summary, its
documentation as help, its default level) so that a viewer can explain a
finding without dlc-lint installed. Each result carries the finding's
fingerprint (see :mod:`dlc_lint.engine.baseline`) in ``partialFingerprints``, so code
scanning follows a finding when lines above it move. Paths are the paths as
shown (relative to the working directory; CI runs from the repository root),
relative to ``%SRCROOT%``. Columns count Unicode code points, as in every
other output.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from dlc_lint.engine.baseline import SARIF_KEY, fingerprints
from dlc_lint.finding import Finding, Location
from dlc_lint.report.escape import printable

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# The rule reference in dlc-lint's repository; `OWNER` is the placeholder the README's snippets use too.
RULES_URL = "https://github.com/OWNER/dlc-lint/blob/{ref}/docs/rules.md"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_FAMILY_TAGS = {
    0: "tool",
    1: "front-matter",
    2: "lang-ref",
    3: "glossary",
    4: "links",
    5: "outline",
    6: "html",
    7: "parity",
}


def _uri(path: str) -> str:
    # the file name's own bytes, percent-encoded: exact even when they are not UTF-8
    return quote(path.encode("utf-8", "surrogateescape"), safe="/-._~")


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    region = {"startLine": max(1, line), "startColumn": max(1, column)}
    end_line = max(region["startLine"], end_line)
    end_column = max(1, end_column)
    if end_line == region["startLine"]:
        end_column = max(end_column, region["startColumn"])
    region["endLine"] = end_line
    region["endColumn"] = end_column
    return region


def _physical(path: str, line: int, column: int, end_line: int, end_column: int) -> dict:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(path), "uriBaseId": "%SRCROOT%"},
            "region": _region(line, column, end_line, end_column),
        }
    }


def _section(doc: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    return " ".join(match.group(1).split()) if match else ""


def rule_url(rule, tool_version: str = "") -> str:
    """The rule's section of the rule reference (docs/rules.md) at the release tag of this version."""
    ref = f"v{tool_version}" if tool_version else "main"
    return f"{RULES_URL.format(ref=ref)}#{rule.code.lower()}-{rule.name}"


def _rule_descriptor(rule, tool_version: str = "") -> dict:
    from dlc_lint.report.explain import explain_text

    doc = rule.doc
    what = _section(doc, "What it does") or rule.summary
    body = doc.partition("\n")[2].strip() or rule.summary
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {
            "text": explain_text(rule),
            "markdown": f"**{rule.code} {rule.name}**: {rule.summary}\n\n{body}",
        },
        "helpUri": rule_url(rule, tool_version),
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {
            "tags": ["translation", _FAMILY_TAGS.get(rule.family, "other")],
            "fixable": rule.fixable,
        },
    }
    return descriptor


def _related(locations: tuple[Location, ...]) -> list[dict]:
    out = []
    for index, location in enumerate(locations):
        item = {
            "id": index,
            **_physical(location.path, location.line, location.column, location.end_line, location.end_column),
        }
        if location.message:
            item["message"] = {"text": printable(location.message)}
        out.append(item)
    return out


def sarif_log(findings: list[Finding], tool_version: str = "") -> dict:
    """The SARIF log as a JSON-ready dict."""
    from dlc_lint.rules import all_rules

    registry = all_rules()
    codes = list(registry)
    index = {code: i for i, code in enumerate(codes)}
    prints = fingerprints(findings)
    results = []
    for finding, fp in zip(findings, prints):
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity.value],
            "message": {"text": printable(finding.message)},
            "locations": [_physical(finding.path, finding.line, finding.column, finding.end_line, finding.end_column)],
            "partialFingerprints": {SARIF_KEY: fp},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.related:
            result["relatedLocations"] = _related(finding.related)
        if finding.fix is not None:
            result["properties"] = {"fix": finding.fix.title, "fixSafety": finding.fix.safety.value}
        results.append(result)
    driver = {
        "name": "dlc-lint",
        "rules": [_rule_descriptor(registry[code], tool_version) for code in codes],
    }
    if tool_version:
        driver["version"] = tool_version
        driver["semanticVersion"] = tool_version
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(findings: list[Finding], tool_version: str = "") -> str:
    return json.dumps(sarif_log(findings, tool_version), ensure_ascii=False, indent=2) + "\n"
