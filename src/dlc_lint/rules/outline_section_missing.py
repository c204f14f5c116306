"""DLC508 outline-section-missing: a language folder has pages but `_config.yml` has no section for it.

## What it does
Finds language folders (`docs/ja/`) with pages when `_config.yml` has no
`ja:` section. It is an error when the folder holds pages that the English
outline lists (lectures), and worth a look (info) when it holds only its
index page. A section that exists but does not parse is DLC506
`config-syntax-error` instead. The finding is placed where the section
would go: after the last language section.

## Why is this bad?
The sidebar of a language is its section of `_config.yml`: without one,
none of its pages is in any sidebar, and the language has no title.

## Example
`docs/ja/week01/01-1.md` exists, and `_config.yml` has no `ja:`.

## Use instead
```
ja:
  title: 'ディープラーニング'
  chapters:
    - path: ja/week01/01.md
      sections:
        - path: ja/week01/01-1.md
```

## Fix safety
Unsafe: a section is appended that lists the folder's pages in the order
of the English outline, under the title of the language's `index.md` when
it has one. Review the title and the entries.
"""

import re

from dlc_lint.finding import Edit, Fix, Safety, Severity
from dlc_lint.rules import rule
from dlc_lint.site.outline import section_end
from dlc_lint.site.outline_problems import at_most, english_entry, language_name, to_lang


@rule(
    "DLC508",
    "outline-section-missing",
    "error",
    "A language folder has pages but `_config.yml` has no outline section for it",
    scope="config",
    fixable=True,
)
def check(context):
    site = context.site
    outline = site.outline
    if site.source_lang not in outline.languages or site.source_lang in outline.broken:
        return  # no (readable) English outline: nothing to compare with
    for lang in site.languages:
        if lang == site.source_lang or lang in outline.languages or lang in outline.broken:
            continue
        if not context.in_scope(lang):
            continue
        if not outline.parsed and re.search(rf"^[ \t]*{re.escape(lang)}[ \t]*:", outline.text, re.M):
            continue  # the section is there but the file does not parse: DLC506 says where
        pages = [p for p in site.page_paths if site.folder_lang(p) == lang and _has_front_matter(site, p)]
        if not pages:
            continue
        lectures = [p for p in pages if english_entry(site, p) is not None]
        offset = max(section_end(outline, name) for name in outline.languages)
        folder = context.site_display(lang) + "/"
        if lectures:
            message = (
                f"the folder {folder} has {len(lectures)} page(s) that the English outline lists, but "
                f"_config.yml has no `{lang}:` section, so no {language_name(lang)} page appears in a sidebar"
            )
            severity = None
        else:
            message = (
                f"the folder {folder} has pages but _config.yml has no `{lang}:` section (the "
                "language has no sidebar title)"
            )
            severity = at_most(context, Severity.INFO)
        text = _section_text(site, lang, lectures)
        fix = None
        if text is not None:
            fix = Fix(f"add a `{lang}:` section to _config.yml", (Edit(offset, offset, text),), Safety.UNSAFE)
        yield context.report(offset, offset, message, fix=fix, severity=severity)


def _has_front_matter(site, path: str) -> bool:
    front = site.front_matter(path)
    return front is not None and front.present


def _section_text(site, lang: str, lectures: list[str]) -> str | None:
    """The outline of ``lang``'s pages in the English order, as the file writes outlines."""
    english = site.outline.languages[site.source_lang]
    present = set(lectures)
    lines = [f"{lang}:"]
    index = f"{lang}/{site.layout.index_name}"
    front = site.front_matter(index) if index in site.files else None
    title = front.get("title") if front is not None and front.present else None
    if title:
        lines.append("  title: '" + title.replace("'", "''") + "'")
    prologues = [to_lang(site, e.path, lang) for e in english.entries if e.kind == "prologue"]
    prologues = [p for p in prologues if p in present]
    if prologues:
        lines.append("  prologues:")
        lines.extend(f"    - path: {p}" for p in prologues)
    chapters = []
    for entry in english.entries:
        if entry.kind != "chapter":
            continue
        chapter = to_lang(site, entry.path, lang)
        sections = [
            to_lang(site, e.path, lang) for e in english.entries if e.kind == "section" and e.chapter == entry.path
        ]
        sections = [s for s in sections if s in present]
        if chapter in present:
            chapters.append(f"    - path: {chapter}")
            if sections:
                chapters.append("      sections:")
                chapters.extend(f"        - path: {s}" for s in sections)
        else:
            chapters.extend(f"    - path: {s}" for s in sections)
    if chapters:
        lines.append("  chapters:")
        lines.extend(chapters)
    if len(lines) == 1:
        return None  # neither a title nor a page to list: nothing sensible to write
    text = site.outline.text
    return ("\n" if text and not text.endswith("\n") else "") + "\n" + "\n".join(lines) + "\n"
