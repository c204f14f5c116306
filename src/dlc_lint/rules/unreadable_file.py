"""DLC002 unreadable-file: the file could not be read.

## What it does
Reports a file named on the command line (or found in a folder) that cannot
be opened: it vanished during the run, permissions forbid reading it, or it is
a broken link.

## Why is this bad?
Nothing in it can be checked, and Jekyll will not be able to read it either.

## What to do
Check the file's permissions, or whether it still exists.
"""

from dlc_lint.rules import engine_rule

engine_rule("DLC002", "unreadable-file", "error", "The file cannot be read (missing, permissions)", module=__name__)
