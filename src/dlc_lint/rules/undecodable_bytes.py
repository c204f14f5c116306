"""DLC003 undecodable-bytes: the page is not valid UTF-8.

## What it does
Reports the first byte that is not valid UTF-8 (for example a page saved as
Latin-1 or in a legacy Korean encoding such as EUC-KR).

## Why is this bad?
Jekyll reads pages as UTF-8; other bytes show up as garbage or stop the build.
The rest of the page is still checked, with the bad bytes replaced.

## Example
A page saved from an editor set to "Western (ISO-8859-1)": `café` is stored as
the single byte `0xE9`.

## Use instead
Save the file as UTF-8 (without BOM).

## Fix safety
Not fixed automatically: the right encoding cannot be guessed safely, and
`--fix` never touches a file that is not UTF-8.
"""

from dlc_lint.rules import engine_rule

engine_rule("DLC003", "undecodable-bytes", "error", "The page is not valid UTF-8", module=__name__)
