"""DLC002 unreadable-file: the file could not be read.

## What it does
Reports a file named on the command line (or found in a folder) that cannot
be opened: it vanished during the run, permissions forbid reading it, or it is
a broken link. dlc-lint also refuses to read, and reports here, a file that is
not a regular file (a device such as `/dev/zero`, a pipe), one larger than
64 MB (16 MB for `_config.yml`), a symbolic link that loops or that leads out
of the site, and a file whose name is not valid UTF-8. An English page that
cannot be read is reported when a translation of it is linted.

## Why is this bad?
Nothing in it can be checked, and Jekyll will not be able to read it either.
A link out of the site is refused because findings quote what they read: a
pull request could otherwise have dlc-lint print a secret of the machine.

## What to do
Check the file's permissions, or whether it still exists; replace a link by
the file itself; rename a file whose name is not UTF-8.
"""

from dlc_lint.rules import engine_rule

engine_rule("DLC002", "unreadable-file", "error", "The file cannot be read (missing, permissions)", module=__name__)
