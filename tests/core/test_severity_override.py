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


def _run_cli(args: list[str]) -> list[dict]:
    """The real command line on the whole corpus, JSON findings (the cache off: every rule runs)."""
    import json
    import subprocess
    import sys

    env = dict(os.environ, DLC_LINT_NO_CACHE="1")
    done = subprocess.run(
        [sys.executable, "-m", "dlc_lint", "check", "--format", "json", *args, "."],
        cwd=CORPUS,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    data = json.loads(done.stdout)
    return data["findings"] if isinstance(data, dict) else data


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory) -> dict[str, list[dict]]:
    """The whole corpus linted twice with every rule's severity changed: by `--severity CODE=LEVEL` options,
    and by a settings file's `severity` table (`--config`)."""
    corpus_or_skip()
    options = [arg for code, level in OVERRIDE.items() for arg in ("--severity", f"{code}={level.value}")]
    config = tmp_path_factory.mktemp("config") / "dlc-lint.toml"
    table = ", ".join(f'{code} = "{level.value}"' for code, level in OVERRIDE.items())
    config.write_text(f'severity = {{ {table} }}\nfail-on = "never"\n', encoding="utf-8")
    return {
        "--severity": _run_cli(["--isolated", *options]),
        "config": _run_cli(["--config", str(config)]),
    }


@pytest.mark.parametrize("route", ["--severity", "config"])
def test_the_override_wins_on_the_command_line_and_in_the_config_for_every_rule(route, cli_runs):
    """Every finding of every rule that fires anywhere on the corpus carries the user's severity."""
    findings = cli_runs[route]
    fired = {f["code"] for f in findings}
    wrong = sorted(
        {
            (f["code"], f["severity"])
            for f in findings
            if f["code"] in OVERRIDE and f["severity"] != OVERRIDE[f["code"]].value
        }
    )
    assert not wrong, f"{route}: these rules kept their own severity: {wrong[:10]}"
    # the run is real: the rules that choose a severity per finding (info variants, error variants) fired
    assert {"DLC113", "DLC114", "DLC116", "DLC704", "DLC706", "DLC709", "DLC720", "DLC608"} <= fired
    assert len(fired & set(OVERRIDE)) >= 40  # (47 of the rules fire on the corpus)


def test_the_engines_own_findings_yield_to_the_override_too(tmp_path):
    """DLC001-004 are made by the engine, not by a rule's check: the user's severity still wins."""
    from conftest import write_site

    from dlc_lint.config import settings_from_table
    from dlc_lint.engine.run import lint

    site = write_site(tmp_path, {"en/a.md": "---\ntitle: A\n---\n\nok\n"})
    (site / "en" / "b.md").write_bytes(b"---\ntitle: B\n---\n\nbad \xff byte\n")
    settings = settings_from_table({"severity": {"DLC003": "info"}})
    found = [f for f in lint([site], settings, use_cache=False).findings if f.code == "DLC003"]
    assert found and all(f.severity.value == "info" for f in found)
