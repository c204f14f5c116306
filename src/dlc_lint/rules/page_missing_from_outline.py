"""DLC501 page-missing-from-outline: a page is not in its language's `_config.yml` outline.

## What it does
Finds a page whose English counterpart is in the English outline of
`_config.yml` (the top-level `prologues:`/`chapters:`) while the page itself
is not in its own language's section (`ko:` -> `chapters:` -> `sections:`).
English lecture pages (`en/weekNN/...`) missing from the English outline are
found too. Pages that the outline mentions in a malformed entry, and
languages whose section is missing or does not parse, are left to the
rules about those problems.

## Why is this bad?
The sidebar is built from the outline only: a page that is not listed is
published but cannot be reached from the sidebar, and readers of that
language never find it.

## Example
```
ko:
  chapters:
    - path: ko/week07/07.md
      sections:
        - path: ko/week07/07-2.md
```
while `docs/ko/week07/07-1.md` exists.

## Use instead
```
ko:
  chapters:
    - path: ko/week07/07.md
      sections:
        - path: ko/week07/07-1.md
        - path: ko/week07/07-2.md
```

## Fix safety
Safe: one `- path:` line is inserted into `_config.yml` where the English
outline has the page: under its chapter, after the entry that precedes it
in the English order, with the indentation of its neighbours; comments,
order and formatting stay as they are. A section whose chapter page exists
but is not listed is added together with its chapter. A section whose
language has no chapter page is listed as a chapter of its own; that fix is
unsafe (review where it went).
"""

import re

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.site.outline import plan_insertion
from dlc_lint.site.outline_problems import english_entry, english_order, language_name, section_name, to_lang, usable

_ENGLISH_PAGE = re.compile(r"^week(\d+)/(\d+)(?:-(\d+))?\.md$")


@rule(
    "DLC501",
    "page-missing-from-outline",
    "error",
    "A page is not in its language's `_config.yml` outline, so it is missing from the sidebar",
    fixable=True,
)
def check(context):
    site = context.site
    page = context.page
    outline = site.outline
    lang = context.lang
    if outline is None or not page.front_matter.present or not usable(outline, lang):
        return
    section = outline.languages[lang]
    if page.path in section.paths:
        return
    source = site.source_lang
    if context.is_translation:
        english = english_entry(site, page.path)
        if english is None:
            return
        kind = english.kind
        chapter = to_lang(site, english.chapter, lang) if english.chapter else None
        english_note = (
            f"; the English page is a section of `{english.chapter}`"
            if kind == "section"
            else f"; the English page is a {kind} of the English outline"
        )
    else:
        match = _ENGLISH_PAGE.match(page.path.split("/", 1)[1]) if "/" in page.path else None
        if match is None:
            return
        kind = "section" if match.group(3) else "chapter"
        chapter = f"{source}/week{match.group(1)}/{match.group(2)}.md" if kind == "section" else None
        english_note = ""
    if outline.mentions(page.path):
        return  # listed in a malformed entry: the outline rules report it
    chapter_listed = chapter is not None and chapter in section.paths
    insertion = plan_insertion(
        outline,
        lang,
        page.path,
        kind,
        english_order(site),
        chapter=chapter,
        chapter_exists=chapter is not None and chapter in site.page_paths,
    )
    config = context.display("_config.yml")
    fix = None
    if insertion is not None:
        safe = kind != "section" or chapter_listed or (chapter is not None and chapter in site.page_paths)
        fix = Fix(
            f"add `{page.path}` to the {section_name(site, lang)} of _config.yml {insertion.description}",
            (Edit(insertion.offset, insertion.offset, insertion.text),),
            Safety.SAFE if safe else Safety.UNSAFE,
            path=config,
        )
    related = ()
    if chapter_listed and site.config_source is not None:
        entry = next(e for e in section.entries if e.path == chapter)
        related = (
            context.location(
                site.config_source, config, entry.span.start, entry.span.end, f"its chapter `{chapter}` in the outline"
            ),
        )
    front = page.front_matter
    yield context.report(
        front.start,
        front.start + 3,
        f"this page is not in the {section_name(site, lang)} of {config}, so it is missing from the "
        f"{language_name(lang)} sidebar{english_note}",
        fix=fix,
        related=related,
    )
