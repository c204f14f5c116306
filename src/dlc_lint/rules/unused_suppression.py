"""DLC006 unused-suppression: a suppression comment silences nothing.

## What it does
Reports a `<!-- dlc-lint-disable... -->` comment when no finding of the rules it names
is there to silence: on the next line (`disable-next-line`), on its own line
(`disable-line`), in the file (`disable-file`) or up to the next `dlc-lint-enable`
(`disable`). Only rules that ran count: with `--select` or `ignore` leaving a named rule
out, nothing is said about the comments for it.

## Why is this bad?
The problem was fixed, or the comment sits on the wrong line. A comment that silences
nothing today will silently hide a real finding on that line tomorrow.

## Example
```
<!-- dlc-lint-disable-next-line DLC401 -->
[next week]({{site.baseurl}}/ko/week02/02-1/)
```
(the link works: there is nothing to silence)

## Use instead
Remove the comment, or move it to the line of the finding it is meant for.
"""

from dlc_lint.rules import engine_rule

engine_rule("DLC006", "unused-suppression", "warning", "A suppression comment silences nothing", module=__name__)
