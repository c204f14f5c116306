"""DLC305 invalid-glossary: a glossary file the glossary rules cannot use.

## What it does
Validates the site's glossary files (the `glossary` setting) merged over the
glossary shipped for their language: the YAML must parse, keys and values
must follow the schema, a form may appear once per entry and in one entry
only (unless the entries list each other in `shared_with`), an entry's
single preferred form may not be a form to avoid elsewhere (a fix loop),
every cited source must be declared, and every example must pass or fail as
declared. Each problem is reported at its line and column in the file.

The glossary rules (DLC301-DLC304) skip a language whose glossary does not
load, so an invalid file silently turns them off; this rule says why.

## Why is this bad?
A typo in a coordinator's glossary file would otherwise switch the checks
off without a word, or make them report the wrong thing.

## Example
```yaml
entries:
  - id: layer
    prefered: [계층]      # misspelled key
```

## Use instead
```yaml
entries:
  - id: layer
    preferred: [계층]
```
"""

from __future__ import annotations

import os

from dlc_lint.analysis.term_hits import glossary_files
from dlc_lint.finding import Finding
from dlc_lint.glossary import GlossaryError, check_examples, glossary_for, shipped_languages
from dlc_lint.rules import rule


@rule(
    "DLC305",
    "invalid-glossary",
    "error",
    "A glossary file is invalid, so the glossary rules skip its language",
    scope="config",
)
def check(context):
    files = glossary_files(context)
    if not files:
        return
    names = {os.path.abspath(str(f)) for f in files}
    seen = set()
    languages = sorted(set(context.site.languages) | set(shipped_languages()))
    for lang in languages:
        if lang == context.site.source_lang or not context.in_scope(lang):
            continue
        try:
            glossary = glossary_for(lang, files)
        except GlossaryError as exc:
            problems = exc.problems
        except OSError as exc:
            problems = []
            yield _finding(context, str(files[0]), 1, 1, f"the glossary files cannot be read: {exc}")
        else:
            if glossary is None:
                continue
            problems = [p for p in check_examples(glossary) if os.path.abspath(p.path) in names]
        for problem in problems:
            key = (problem.path, problem.line, problem.column, problem.message)
            if key in seen:
                continue
            seen.add(key)
            yield _finding(context, problem.path, problem.line, problem.column, problem.message)


def _finding(context, path: str, line: int, column: int, message: str) -> Finding:
    display = os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")
    return Finding(
        display,
        line,
        column,
        line,
        column,
        context.rule.code,
        context.rule.name,
        context.severity,
        f"glossary: {message}",
    )
