"""DLC504 outline-entry-misplaced: an outline entry sits in the wrong chapter, level or order.

## What it does
Compares each language's outline with the week folders and with the English
outline:
- a section listed under the chapter of another week (`fa/week02/02-2.md`
  under the week-03 chapter): warning;
- a page listed as a section although the English outline has it as a
  chapter: warning;
- a page listed as a chapter although the English outline has it as a
  section (`pt/week01/01-1.md` as a chapter): info, since it is the usual
  stopgap when the chapter page is not translated yet;
- chapters, or sections of one chapter, in another order than the English
  outline (week 12 before week 10): info.

## Why is this bad?
The sidebar shows the outline as written: a lecture under the wrong week or
out of order misleads readers who navigate by week.

## Example
```
fa:
  chapters:
    - path: fa/week03/03.md
      sections:
        - path: fa/week02/02-2.md
```

## Use instead
```
fa:
  chapters:
    - path: fa/week02/02.md
      sections:
        - path: fa/week02/02-2.md
```
"""

from dlc_lint.finding import Severity
from dlc_lint.rules import rule
from dlc_lint.site.outline_problems import (
    at_most,
    english_entry,
    english_order,
    languages_in_scope,
    section_name,
    usable,
    week_of,
)


@rule(
    "DLC504",
    "outline-entry-misplaced",
    "warning",
    "An outline entry is in another week's chapter, at the wrong level, or out of order",
    scope="config",
)
def check(context):
    site = context.site
    outline = site.outline
    order = english_order(site)
    for lang in languages_in_scope(context):
        if not usable(outline, lang):
            continue
        section = outline.languages[lang]
        where = section_name(site, lang)
        reported = set()
        for entry in section.entries:
            if entry.kind == "section" and entry.chapter:
                week, chapter_week = week_of(entry.path), week_of(entry.chapter)
                if week is not None and chapter_week is not None and week != chapter_week:
                    reported.add(entry.span)
                    yield context.report(
                        entry.span.start,
                        entry.span.end,
                        f"`{entry.path}` (week {week:02d}) is listed under the chapter `{entry.chapter}` "
                        f"(week {chapter_week:02d}) in the {where}, so the sidebar shows it in the wrong week",
                    )
                    continue
            if lang == site.source_lang:
                continue
            english = english_entry(site, entry.path)
            if english is None or english.kind == entry.kind or "prologue" in (english.kind, entry.kind):
                continue
            reported.add(entry.span)
            if entry.kind == "chapter":
                chapter = f"{lang}/{english.chapter.split('/', 1)[1]}" if english.chapter else None
                note = (
                    f"; there is no `{chapter}` to list it under"
                    if chapter and chapter not in site.files
                    else f"; list it under `{chapter}`"
                    if chapter
                    else ""
                )
                yield context.report(
                    entry.span.start,
                    entry.span.end,
                    f"`{entry.path}` is listed as a chapter in the {where}, but the English outline has it as a "
                    f"section of `{english.chapter}`{note}",
                    severity=at_most(context, Severity.INFO),
                )
            else:
                yield context.report(
                    entry.span.start,
                    entry.span.end,
                    f"`{entry.path}` is listed as a section of `{entry.chapter}` in the {where}, but the English "
                    "outline has it as a chapter",
                )
        yield from _order(context, section, order, where, reported)


def _order(context, section, order, where, reported):
    """Entries that come after a sibling the English outline puts later."""
    groups: dict[tuple, list] = {}
    for entry in section.entries:
        groups.setdefault((entry.kind, entry.chapter), []).append(entry)
    for entries in groups.values():
        highest = None
        for entry in entries:
            rank = order(entry.path)
            if rank[0] != 0 or entry.span in reported:
                continue  # not in the English outline (no order to compare with), or already misplaced
            if highest is not None and rank < order(highest.path):
                yield context.report(
                    entry.span.start,
                    entry.span.end,
                    f"`{entry.path}` comes after `{highest.path}` in the {where}; the English outline has them "
                    "the other way round",
                    severity=at_most(context, Severity.INFO),
                )
            elif highest is None or rank > order(highest.path):
                highest = entry
