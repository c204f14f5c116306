"""DLC001 internal-error: a rule crashed on this file.

## What it does
Reports that one of dlc-lint's own rules failed while checking the file. The
run goes on with the other rules and files; only the failing rule's findings
for this file are missing.

## Why is this bad?
It is a bug in dlc-lint, not in your page. Your page may still have the
problems that rule looks for.

## What to do
Report it with the file attached. ``--debug`` shows the full traceback.
"""

from dlc_lint.rules import engine_rule

engine_rule("DLC001", "internal-error", "error", "A rule crashed on this file (a bug in dlc-lint)", module=__name__)
