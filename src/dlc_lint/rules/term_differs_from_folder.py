"""DLC303 term-differs-from-folder: a page renders a term differently from the rest of its language folder.

## What it does
Reports, once per page and term, a page whose usual rendering of an English
term is not the one most pages of its language folder use: the page writes
`질의` for *query* twelve times while the other pages write `쿼리`; it
writes `资料` for *data* while twenty other pages write `数据`. The finding
points at the page's first use and names the folder's rendering, with how
many pages use each.

* With a glossary, the folder's rendering is counted among the correct
  forms of the entry (forms to avoid are DLC301's business), and a page using
  the glossary's preferred form is never reported.
* Without a glossary, nothing is reported unless the `learn` option is on;
  then the renderings are learnt from the folder's (English, translation)
  pairs, as for DLC302 (see `dlc-lint terms`).

## Severity
Always `info`: the evidence is a count of other pages, and a folder's
majority is not a glossary's decision (two accepted forms, `표본` / `샘플`
for *sample*, are a house choice).

A page is reported only when the folder is clear about it: the folder's
rendering is used on at least two other pages and on at least twice as many
pages as the page's rendering.

## Why is this bad?
Readers move from page to page. A term that changes its name between
lectures looks like a new concept. Unifying the folder usually means editing
the few pages that differ, which is what this rule lists.

## Example
```
<!-- The query is compared with every key. -->
질의는 모든 키와 비교된다.
```
(while most pages of `ko/` write `쿼리`)

## Use instead
```
<!-- The query is compared with every key. -->
쿼리는 모든 키와 비교된다.
```

## Options
`learn` (default `false`): for a language without a glossary, learn the
renderings from the folder's (English, translation) pairs and report pages
that differ from the folder. Learnt renderings cannot tell a synonym or
another sense of a word from a different term, so this is off unless asked:

```toml
[tool.dlc-lint.rules.DLC303]
learn = true
```
"""

from __future__ import annotations

from dataclasses import dataclass

from dlc_lint.analysis.term_hits import check_terms, dominant, folder_usage, page_uses
from dlc_lint.analysis.terms import cache_for, folder_terms, locate
from dlc_lint.options import option
from dlc_lint.rules import rule

MIN_OTHER_PAGES = 2
RATIO = 2


@dataclass(frozen=True)
class Options:
    learn: bool = option(False, "for a language without a glossary, learn the renderings from the folder's pairs")


@rule(
    "DLC303",
    "term-differs-from-folder",
    "info",
    "A page renders a term differently from most pages of its language folder",
    options=Options,
)
def check(context):
    return check_terms(context, _with_glossary, _learnt, learn=context.options.learn)


def _with_glossary(context, glossary):
    path = context.page.path
    mine = page_uses(context.site, context.page, glossary)
    if not mine:
        return
    usage = folder_usage(context.site, context.lang, glossary)
    for group, uses in mine.items():
        entry = glossary.entry(uses[0].entry_id)
        english = uses[0].english if "#" in group else entry.en
        # one preferred form decides; with two (크기 / 사이즈) the glossary leaves the choice to the page
        preferred = entry.preferred[0].text if len(entry.preferred) == 1 else None
        counts: dict[str, int] = {}
        order: list[str] = []
        for use in uses:
            counts[use.family] = counts.get(use.family, 0) + 1
            if use.family not in order:
                order.append(use.family)
        page_family = dominant(counts, preferred, order)
        if page_family == preferred:
            continue
        folder = usage.get(group)
        if folder is None:
            continue
        pages = _pages_by_usual_form(folder.pages, path, preferred)
        if not pages:
            continue
        best = max(pages, key=lambda f: (pages[f], f == preferred, folder.use_count(f, without=path), f))
        if best == page_family or pages[best] < MIN_OTHER_PAGES:
            continue
        if pages[best] < RATIO * (1 + pages.get(page_family, 0)):
            continue
        first = next(u for u in uses if u.family == page_family).match
        written = " ".join(first.text.split())
        note = ", the glossary's preferred form" if best == preferred else ""
        message = (
            f"this page writes *{english}* as `{written}` ({counts[page_family]} "
            f"time{'s' if counts[page_family] != 1 else ''}) where most pages of {context.lang}/ write "
            f"`{best}` ({pages[best]} other pages){note}"
        )
        yield context.report(first.start, first.end, message)


def _pages_by_usual_form(per_form: dict, without: str, preferred, usual_forms: dict | None = None) -> dict:
    """How many other pages use each form as their usual one (the form they use most).

    ``usual_forms`` is :func:`_usual_form_by_page` of ``per_form``, when already known."""
    if usual_forms is None:
        usual_forms = _usual_form_by_page(per_form, preferred)
    usual: dict = {}
    for page, form in usual_forms.items():
        if page != without:
            usual[form] = usual.get(form, 0) + 1
    return usual


def _usual_form_by_page(per_form: dict, preferred) -> dict:
    """Page -> the form it uses most (ties: the preferred form, then the greater name)."""
    by_page: dict[str, dict] = {}
    for form, pages in per_form.items():
        for page, count in pages.items():
            by_page.setdefault(page, {})[form] = count
    return {page: max(counts, key=lambda f: (counts[f], f == preferred, str(f))) for page, counts in by_page.items()}


def _learnt(context):
    terms = folder_terms(context.site, context.lang)
    path = context.page.path
    prose = context.page.prose_text
    for term in terms.with_variants():
        uses = terms.uses_in_page(path, term)
        if not uses:
            continue
        counts: dict = {}
        for _, rendering in uses:
            counts[rendering] = counts.get(rendering, 0) + 1
        page_rendering = max(counts, key=lambda r: (counts[r], r is term.main))
        if page_rendering is term.main:
            continue
        per_page = terms.page_counts(term)
        usual = _pages_by_usual_form(per_page, path, term.main, _usual_renderings(context.site, terms, term))
        main_pages = usual.get(term.main, 0)
        own_pages = usual.get(page_rendering, 0) + 1
        if main_pages < MIN_OTHER_PAGES or main_pages < RATIO * own_pages:
            continue
        segment = next(s for s, r in uses if r is page_rendering)
        where = locate(prose, segment, page_rendering)
        if where is None:
            continue
        written = prose[where[0] : where[1]]
        message = (
            f"this page renders *{term.text}* as `{written}` ({counts[page_rendering]} "
            f"time{'s' if counts[page_rendering] != 1 else ''}) where most pages of {context.lang}/ "
            f"write `{term.main.text}` ({main_pages} other pages)"
        )
        yield context.report(where[0], where[1], message)


def _usual_renderings(site, terms, term) -> dict:
    """Page -> the rendering of ``term`` it uses most, across the folder (worked out once per run)."""
    cache = cache_for(site)
    key = ("usual-renderings", terms.lang, term.key)
    known = cache.get(key)
    if known is None or known[0] is not terms:  # learnt again from other pages: work it out again
        known = cache[key] = (terms, _usual_form_by_page(terms.page_counts(term), term.main))
    return known[1]
