"""A severity set by the user (``--severity CODE=LEVEL``, the config's ``severity`` table) wins for every rule,
also where a check gives one finding a severity of its own (an info-level variant, an error-level one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CORPUS, corpus_or_skip

from dlc_lint.config import Settings
from dlc_lint.engine.run import lint
from dlc_lint.finding import Severity
from dlc_lint.parse.source import SourceText
from dlc_lint.rules import Context, all_rules

CHECKED_RULES = [r for r in all_rules().values() if r.check is not None]
# What every rule is forced to in the corpus run: a level other than its default.
OVERRIDE = {
    r.code: (
        Severity.INFO
        if r.severity is Severity.ERROR
        else Severity.ERROR
        if r.severity is Severity.INFO
        else Severity.INFO
    )
    for r in CHECKED_RULES
}
# Languages whose pages make most rules fire, and the outline (the DLC5xx rules).
TARGETS = ["ko", "zh", "fr", "_config.yml"]


@pytest.fixture(scope="module")
def overridden_corpus() -> list:
    corpus_or_skip()
    old = Path.cwd()
    os.chdir(CORPUS)
    try:
        result = lint([Path(t) for t in TARGETS], Settings(severity=dict(OVERRIDE)), debug=True)
    finally:
        os.chdir(old)
    return result.findings


@pytest.mark.parametrize("rule_", CHECKED_RULES, ids=lambda r: r.code)
def test_a_finding_of_its_own_severity_yields_to_the_override(rule_):
    """The mechanism, for every rule: the severity a check passes loses to the user's."""
    source = SourceText.from_text("some text\n")
    wanted = OVERRIDE[rule_.code]
    settings = Settings(severity={rule_.code: wanted})
    context = Context(
        rule=rule_, site=None, file="page.md", source=source, severity=wanted, options={}, settings=settings
    )
    for own in Severity:
        assert context.report(0, 4, "m", severity=own).severity is wanted
    # an override to the rule's own default still beats a check's per-finding severity
    same = Context(
        rule=rule_,
        site=None,
        file="page.md",
        source=source,
        severity=rule_.severity,
        options={},
        settings=Settings(severity={rule_.code: rule_.severity}),
    )
    for own in Severity:
        assert same.report(0, 4, "m", severity=own).severity is rule_.severity
    # without an override, the check's own severity stands
    plain = Context(
        rule=rule_, site=None, file="page.md", source=source, severity=rule_.severity, options={}, settings=Settings()
    )
    assert plain.report(0, 4, "m", severity=wanted).severity is wanted
    assert plain.report(0, 4, "m").severity is rule_.severity


@pytest.mark.parametrize("rule_", CHECKED_RULES, ids=lambda r: r.code)
def test_every_finding_on_the_corpus_has_the_overridden_severity(rule_, overridden_corpus):
    """Running the rules for real: every finding of the rule carries the user's severity."""
    mine = [f for f in overridden_corpus if f.code == rule_.code]
    wrong = [(f.path, f.line, f.severity.value) for f in mine if f.severity is not OVERRIDE[rule_.code]]
    assert not wrong, f"{rule_.code} ignored --severity {rule_.code}={OVERRIDE[rule_.code].value}: {wrong[:5]}"


def test_the_corpus_run_exercises_the_rules_that_pick_their_own_severity(overridden_corpus):
    """The run above is not empty: rules that give some findings another severity do fire in it."""
    fired = {f.code for f in overridden_corpus}
    assert {"DLC608", "DLC720", "DLC406", "DLC601", "DLC602", "DLC301"} <= fired
