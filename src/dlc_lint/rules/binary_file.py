"""DLC004 binary-file: a file that should be a Markdown page holds binary data.

## What it does
Reports a `.md` file (or a file named on the command line) with NUL bytes in
its first 8 KiB, which no text page has. It is skipped.

## Why is this bad?
It is usually an image or archive saved under the wrong name, or a corrupted
file; Jekyll will render garbage or fail.

## What to do
Replace it with the real page, or rename it to its real type.
"""

from dlc_lint.rules import engine_rule

engine_rule("DLC004", "binary-file", "error", "A page file holds binary data and was skipped", module=__name__)
