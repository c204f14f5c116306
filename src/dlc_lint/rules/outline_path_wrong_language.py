"""DLC503 outline-path-wrong-language: an outline lists a page of another language.

## What it does
Finds entries of a language's outline whose path is in another language's
folder: `en/week03/03.md` inside `fa:`, `ko/...` inside `ja:` (a section
copied from another language and not renamed).

## Why is this bad?
The sidebar of that language then sends readers to a page in another
language, and the page of its own language, if there is one, is missing
from the sidebar. When the language has no such page yet, linking the
English page is a deliberate stopgap; it is still worth a look.

## Example
```
fa:
  chapters:
    - path: en/week03/03.md
```

## Use instead
```
fa:
  chapters:
    - path: fa/week03/03.md
```

## Fix safety
Unsafe: the language folder is replaced when the page exists in the
section's own language and is not listed yet.
"""

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.site.language import LANGUAGE_KEY
from dlc_lint.site.outline_problems import language_name, languages_in_scope, section_name, to_lang, usable


@rule(
    "DLC503",
    "outline-path-wrong-language",
    "warning",
    "An outline lists a page of another language",
    scope="config",
    fixable=True,
)
def check(context):
    site = context.site
    outline = site.outline
    for lang in languages_in_scope(context):
        if not usable(outline, lang):
            continue
        section = outline.languages[lang]
        for entry in section.entries:
            head = entry.path.split("/", 1)[0] if "/" in entry.path else ""
            if not head or head == lang or not (head in site.languages or LANGUAGE_KEY.match(head)):
                continue
            own = to_lang(site, entry.path, lang)
            name = language_name(head)
            article = "an" if name[0] in "AEIOU" else "a"
            message = (
                f"`{entry.path}` is {article} {name} page in the {section_name(site, lang)}: the "
                f"{language_name(lang)} sidebar sends readers to it"
            )
            fix = None
            if own in site.page_paths and own not in section.paths:
                message += f", although `{own}` exists"
                fix = Fix(
                    f"replace `{entry.path}` by `{own}`",
                    (Edit(entry.span.start, entry.span.start + len(head), lang),),
                    Safety.UNSAFE,
                )
            elif own not in site.files:
                message += f" (there is no `{own}` yet)"
            yield context.report(entry.span.start, entry.span.end, message, fix=fix)
