"""DLC502 outline-path-not-found: an outline entry names a file that does not exist.

## What it does
Checks every `path:` of the outlines in `_config.yml` in scope against the
files of the site, and suggests the existing file it most likely meant (a
difference in case, a missing `.md`, `week6` for `week06`, a typo). A path
that only differs by an invisible character is left to DLC505
`outline-entry-malformed`.

## Why is this bad?
The sidebar links every entry: an entry whose file does not exist (or is
excluded from the site by `exclude:`) is a dead link in the sidebar of
every page of that language.

## Example
```
    - path: ko/Week01/01.md
```

## Use instead
```
    - path: ko/week01/01.md
```

## Fix safety
Unsafe: the path is replaced by the suggested file when there is exactly
one good candidate among the pages not listed yet. Check that it is the page you
meant.
"""

import difflib
import posixpath

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule
from dlc_lint.site.lang_ref import normalise_path
from dlc_lint.site.outline import INVISIBLE
from dlc_lint.site.outline_problems import languages_in_scope, section_name, usable


@rule(
    "DLC502",
    "outline-path-not-found",
    "error",
    "An outline entry names a file that does not exist",
    scope="config",
    fixable=True,
)
def check(context):
    site = context.site
    outline = site.outline
    excluded = set(site.config_list("exclude"))
    listed = {e.path for lang in outline.languages.values() for e in lang.entries}
    pages = frozenset(site.page_paths)
    for lang in languages_in_scope(context):
        if not usable(outline, lang):
            continue
        for entry in outline.languages[lang].entries:
            path = entry.path
            if path in pages:
                continue
            if path in site.files and (path in excluded or path.split("/")[0] in excluded):
                yield context.report(
                    entry.span.start,
                    entry.span.end,
                    f"`{path}` is excluded from the site by `exclude:` in _config.yml, so its sidebar link is broken",
                )
                continue
            if path in site.files:
                continue  # a file that is not a page (no front matter...): reported on the file itself
            if INVISIBLE.sub("", path).strip() in site.files:
                continue  # reported as an invisible character
            guess = _guess(site, path, listed)
            message = f"`{path}` in the {section_name(site, lang)} does not exist, so its link in the sidebar is broken"
            fix = None
            if guess:
                message += f"; did you mean `{guess}`?"
                fix = Fix(
                    f"replace `{path}` by `{guess}`", (Edit(entry.span.start, entry.span.end, guess),), Safety.UNSAFE
                )
            yield context.report(entry.span.start, entry.span.end, message, fix=fix)


def _guess(site, path: str, listed) -> str | None:
    """The existing page not listed yet that ``path`` most likely means."""
    pages = {p for p in site.page_paths if p not in listed}
    clean = path.strip().lstrip("/")
    bases = [clean, clean + ".md", posixpath.splitext(clean)[0] + ".md"]
    candidates = list(bases)
    for base in bases:
        if "/" in base:
            lang, rest = base.split("/", 1)
            candidates.append(f"{lang.lower()}/{normalise_path(rest)}")
    lower = {p.lower(): p for p in pages}
    for candidate in candidates:
        if candidate in pages:
            return candidate
        if candidate.lower() in lower:
            return lower[candidate.lower()]
    lang = clean.split("/", 1)[0]
    same_lang = sorted(p for p in pages if p.startswith(lang + "/"))
    match = difflib.get_close_matches(clean, same_lang, n=2, cutoff=0.85)
    if len(match) == 1 or (
        len(match) == 2
        and difflib.SequenceMatcher(None, clean, match[0]).ratio()
        > difflib.SequenceMatcher(None, clean, match[1]).ratio() + 0.05
    ):
        return match[0]
    return None
