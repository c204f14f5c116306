"""DLC005 unknown-suppression-code: a suppression comment names a rule that does not exist.

## What it does
Reports each code or name in a `<!-- dlc-lint-disable... -->` comment that is no rule of
dlc-lint and no prefix of one, at that code, with the closest rule when there is one.

## Why is this bad?
The comment silences nothing, so the finding it was written for is still reported, or,
worse, a misspelling such as `DLC3O1` (the letter O) looks as if it worked while the
finding it names comes back as soon as the rule fires.

## Example
```
<!-- dlc-lint-disable-next-line DLC3O1 -->
```

## Use instead
```
<!-- dlc-lint-disable-next-line DLC301 -->
```
`dlc-lint rules` lists every code and name. In the configuration file an unknown code is
an error (exit status 2), not a finding.
"""

from dlc_lint.rules import engine_rule

engine_rule(
    "DLC005",
    "unknown-suppression-code",
    "warning",
    "A suppression comment names a rule that does not exist",
    module=__name__,
)
