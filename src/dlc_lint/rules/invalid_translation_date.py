"""DLC116 invalid-translation-date: the translation date is not a date.

## What it does
Reads the value of `translation-date` (or of a misspelled variant of the
key) and reports it when it is not a date. Accepted, because translators
on this site write them all: `27 Jan 2020`, `03 April 2020`, `3 oct 2020`,
`16 Sept 2020`, `Aug 16 2020`, `July 2020`, `2020-01-27`, `27.01.2020`.
Not accepted: a month name in another language (`28 Fev 2021`), an
impossible day (`31 Jun 2020`), no year (`27 Jan`), or text.

## Why is this bad?
The date tells readers and the next translator how old the translation is
and which English revision it follows. The site writes it with English month
names everywhere; a date that cannot be read cannot be compared with the
English page's history (nor formatted by Jekyll's `date` filter). When the
site's layout does not show `translation-date` (see DLC113), the harm is to
tools only and the finding is information.

## Example
```
---
translation-date: 28 Fev 2021
---
```

## Use instead
```
---
translation-date: 28 Feb 2021
---
```
"""

from dlc_lint.analysis.credit import layout_shows, not_shown_note
from dlc_lint.analysis.front_matter import date_problem, key_status, known_keys, yaml_ok
from dlc_lint.finding import Severity
from dlc_lint.rules import rule


@rule("DLC116", "invalid-translation-date", "warning", "The translation date is not a date")
def check(context):
    front = context.page.front_matter
    if not context.is_translation or not yaml_ok(front):
        return
    status = key_status(front, "translation-date", known_keys(context))
    entry = status.exact or (status.variants[0] if status.variants else None)
    if entry is None or not entry.value_text.strip():
        return  # missing or empty: DLC113
    problem = date_problem(entry.value_text)
    if problem is None:
        return
    layout = layout_shows(context.site, context.page, "translation-date")
    yield context.report(
        entry.value_start,
        entry.value_end,
        f"`{entry.value_text.strip()}` is not a date: {problem}; write it like `27 Jan 2020`"
        + ("" if layout.shown else not_shown_note(layout, "translation-date")),
        severity=None if layout.shown else Severity.INFO,
    )
