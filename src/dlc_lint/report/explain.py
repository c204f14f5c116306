"""A rule's documentation as ``dlc-lint explain`` prints it; SARIF carries the same text as help."""

from __future__ import annotations

import json

from dlc_lint.options import plain


def toml_value(value) -> str:
    """A default as it is written in the TOML config (JSON spells the same values the same way)."""
    return json.dumps(plain(value), ensure_ascii=False)


def explain_text(rule) -> str:
    """Title, default severity, the documentation and the options of ``rule``."""
    title, _, body = rule.doc.partition("\n")
    lines = [title, f"Default severity: {rule.severity.value}{'; fixable with --fix' if rule.fixable else ''}."]
    lines.append(body.rstrip())
    if rule.option_specs:
        lines.append("\nOptions (set in [tool.dlc-lint.rules." + rule.code + "]):")
        for spec in rule.option_specs:
            lines.append(f"  {spec.key} ({spec.type}, default {toml_value(spec.default)}): {spec.help}")
    return "\n".join(lines) + "\n"
