"""DLC505 outline-entry-malformed: an outline entry the sidebar cannot read.

## What it does
Finds outline entries that are valid YAML but not what the sidebar
expects: `section:` for `sections:`, `paht:` for `path:`, `-path:` without
the space (YAML reads it as a key, not a list item), an item without
`path:`, an empty `path:`, `chapters:` that is not a list, and invisible
characters (zero-width space U+200B, joiners, soft hyphen, BOM) anywhere
outside comments. YAML syntax errors are DLC506 `config-syntax-error`.

## Why is this bad?
The sidebar silently skips what it does not understand: a misspelled
`sections:` drops every section of the chapter, and a zero-width space
makes a path that looks right match no file. These are invisible in review.

## Example
```
    - path: ko/week01/01.md
      section:
        - path: ko/week01/01-1.md​
```
(with a zero-width space after `.md`)

## Use instead
```
    - path: ko/week01/01.md
      sections:
        - path: ko/week01/01-1.md
```

## Fix safety
Safe: an invisible character is deleted, a misspelled key is renamed to the
only known key it resembles, and the missing space of `-path:` is added.
The fix is not applied if the file would stop parsing.
"""

import unicodedata

from dlc_lint.finding import Edit, Fix, Severity
from dlc_lint.rules import rule
from dlc_lint.site.outline_problems import at_most, problem_in_scope


@rule(
    "DLC505",
    "outline-entry-malformed",
    "error",
    "An outline entry is malformed (misspelled key, `-path:`, invisible character)",
    scope="config",
    fixable=True,
)
def check(context):
    outline = context.site.outline
    for problem in outline.problems:
        if problem.kind not in ("malformed-entry", "invisible-character") or not problem_in_scope(context, problem):
            continue
        fix = None
        if problem.fix is not None:
            start, end, new = problem.fix
            if problem.kind == "invisible-character":
                title = f"delete the invisible character U+{ord(outline.text[start]):04X}"
            elif new == " ":
                title = "add the space after `-`"
            else:
                title = f"rename `{outline.text[start:end]}` to `{new}`"
            fix = Fix(title, (Edit(start, end, new),))
        message = problem.message
        severity = None
        if problem.kind == "invisible-character":
            char = outline.text[problem.span.start]
            name = unicodedata.name(char, "invisible character").lower()
            message = (
                f"invisible character U+{ord(char):04X} ({name}) here: it becomes part of the key or path, "
                "which then matches nothing the sidebar knows; delete it"
            )
            if problem.section is None:
                severity = at_most(context, Severity.WARNING)  # in a site setting, not in an outline
        yield context.report(
            problem.span.start, max(problem.span.end, problem.span.start + 1), message, fix=fix, severity=severity
        )
