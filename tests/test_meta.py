"""The registry stays honest: codes unique and well formed, every rule documented,
tested, and listed in the generated rule reference."""

import re

from conftest import REPO

from dlc_lint.cli.rules import reference_markdown
from dlc_lint.rules import all_rules

RULES = all_rules()


def test_codes_and_names_are_well_formed():
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names)), "two rules share a name"
    for code, rule in RULES.items():
        assert re.fullmatch(r"DLC[0-7]\d\d", code), code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.module.rsplit(".", 1)[-1] == rule.name.replace("-", "_"), (
            f"{code}: module {rule.module} should be named after the rule ({rule.name})"
        )


def test_every_rule_is_documented():
    for code, rule in RULES.items():
        doc = rule.doc
        assert doc.startswith(f"{code} {rule.name}: "), f"{code}: docstring must start with '{code} {rule.name}: '"
        assert "## What it does" in doc and "## Why is this bad?" in doc, code
        if rule.fixable:
            assert "## Fix safety" in doc, f"{code} is fixable but does not document its fix safety"


def test_every_rule_is_tested():
    for code, rule in RULES.items():
        if rule.engine:
            text = "\n".join(p.read_text() for p in (REPO / "tests").rglob("test_*.py"))
        else:
            module = rule.module.rsplit(".", 1)[-1]
            test_file = REPO / "tests" / "rules" / f"test_{module}.py"
            assert test_file.is_file(), f"{code} has no test file {test_file.relative_to(REPO)}"
            text = test_file.read_text()
        assert code in text, f"{code} is never named in its tests"


def test_rule_reference_is_up_to_date():
    reference = REPO / "docs" / "rules.md"
    assert reference.read_text(encoding="utf-8") == reference_markdown(), (
        "docs/rules.md is stale: run `dlc-lint rules --format markdown > docs/rules.md`"
    )
