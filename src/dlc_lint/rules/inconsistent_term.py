"""DLC302 inconsistent-term: one English term rendered two ways on one page.

## What it does
Finds an English term that a page translates in two different ways, and
reports the places that use the rendering the page uses less.

Only renderings that stand for the term count: a word counts where the
English source comment above it (or, on a page without source comments, the
English page's block at the same place) names the term.

* With a glossary (Korean; any language with a site glossary): two correct
  forms of one entry, e.g. `은닉층` and `은닉 계층` for *hidden layer*, or
  `쿼리` and `질의` for *query*. Forms to avoid are DLC301's business, and
  forms holding one another are one rendering (`신경망` / `인공 신경망`).
  A page that mixes the preferred form with an accepted one is DLC306's
  business (it reports each accepted form).
* Without a glossary, nothing is reported unless the `learn` option is on:
  then the renderings are learnt from the folder's (English, translation)
  pairs, and a term counts as rendered two ways when two of its renderings
  replace each other: `数据` / `资料` for *data*, `層` / `レイヤー` for
  *layer*. `dlc-lint terms docs/<lang>` shows what was learnt.

## Severity
`info`: two correct forms on one page is a hint for the translator, not a
defect; which one to keep is a house choice. Learnt renderings are statistics
with no reviewed glossary behind them: they cannot tell a synonym
(`rendimiento` / `desempeño`), another sense of the word (`对象` / `物体`
for *objects*) or an inflection (`تابع` / `توابع`) from an inconsistency,
so they are off by default and, when turned on, never more than `info`.

## Why is this bad?
A reader who meets `은닉층` in one paragraph and `은닉 계층` in the next
cannot tell whether they are the same thing. One page, one word per term.

## Example
```
<!-- Each hidden layer ... -->
각 은닉층은 ...
<!-- The hidden layer ... -->
은닉 계층은 ...
```

## Use instead
```
<!-- Each hidden layer ... -->
각 은닉층은 ...
<!-- The hidden layer ... -->
은닉층은 ...
```

With a glossary, the form to keep is the glossary's preferred form when the
page uses it, otherwise the form the page uses most; the other forms are
reported. Without a glossary, the rendering the page uses most is kept.

## Fix safety
Not fixed automatically: both words are correct, and which one the page
should keep is the translator's call. With a glossary, the replacement (its
particle adjusted) is attached as a suggestion.

## Options
`learn` (default `false`): for a language without a glossary, learn the
renderings from the folder's (English, translation) pairs and report pages
that mix two of them. The learning folds inflections crudely (plural endings,
the Arabic article) and knows no synonyms: a site glossary is the better way.
To turn it on:

```toml
[tool.dlc-lint.rules.DLC302]
learn = true
```
"""

from __future__ import annotations

from dataclasses import dataclass

from dlc_lint.analysis.term_hits import check_terms, dominant, page_uses
from dlc_lint.analysis.terms import folder_terms, locate
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.glossary import Kind
from dlc_lint.options import option
from dlc_lint.rules import rule


@dataclass(frozen=True)
class Options:
    learn: bool = option(False, "for a language without a glossary, learn the renderings from the folder's pairs")


@rule("DLC302", "inconsistent-term", "info", "One English term rendered two ways on one page", options=Options)
def check(context):
    return check_terms(context, _with_glossary, _learnt, learn=context.options.learn)


def _with_glossary(context, glossary):
    for group, uses in page_uses(context.site, context.page, glossary).items():
        counts: dict[str, int] = {}
        order: list[str] = []
        for use in uses:
            counts[use.family] = counts.get(use.family, 0) + 1
            if use.family not in order:
                order.append(use.family)
        if len(counts) < 2:
            continue
        entry = glossary.entry(uses[0].entry_id)
        english = uses[0].english if "#" in group else entry.en
        # one preferred form decides; with two (크기 / 사이즈) the glossary leaves the choice to the page
        preferred = entry.preferred[0].text if len(entry.preferred) == 1 else None
        # the glossary's preferred form wins when the page uses it; otherwise the page's usual form
        main = preferred if preferred in counts else dominant(counts, preferred, order)
        first = next(u for u in uses if u.family == main)
        main_written = preferred if main == preferred else _written(first.match)
        line = context.source.position(first.match.start)[0]
        hint = "; it is the glossary's preferred form" if main == preferred else ""
        if any(u.avoided for u in uses if u.family == main):
            hint += f" (the count includes forms DLC301 replaces by `{main_written}`)"
        for use in uses:
            if use.family == main or use.avoided:
                continue  # forms to avoid are DLC301's
            if main == preferred and use.match.kind_for(use.entry_id) is Kind.ACCEPTED:
                continue  # an accepted form beside the preferred one is DLC306's
            match = use.match
            others = counts[main]
            message = (
                f"*{english}* is written `{_written(match)}` here but `{main_written}` "
                f"{others} time{'s' if others != 1 else ''} on this page (first on line {line}); "
                f"write `{main_written}` throughout{hint}"
            )
            replacement = match.replaced_by(main_written)
            fix = None
            if replacement is not None:
                fix = Fix(f"write `{replacement}`", (Edit(match.start, match.tail_end, replacement),), Safety.DISPLAY)
            yield context.report(match.start, match.end, message, fix=fix)


def _written(match) -> str:
    return " ".join(match.text.split())


def _learnt(context):
    terms = folder_terms(context.site, context.lang)
    path = context.page.path
    prose = context.page.prose_text
    for term in terms.with_variants():
        uses = terms.uses_in_page(path, term)
        counts: dict = {}
        for _, rendering in uses:
            counts[rendering] = counts.get(rendering, 0) + 1
        if len(counts) < 2:
            continue
        main = max(counts, key=lambda r: (counts[r], r is term.main))
        first = next(s for s, r in uses if r is main)
        line = context.source.position(first.start)[0]
        for segment, rendering in uses:
            if rendering is main:
                continue
            where = locate(prose, segment, rendering)
            if where is None:
                continue
            others = counts[main]
            written = prose[where[0] : where[1]]
            message = (
                f"*{term.text}* is rendered `{written}` here but `{main.text}` in {others} other "
                f"place{'s' if others != 1 else ''} on this page (first on line {line}); pick one "
                f"(pages of {context.lang}/ write `{term.main.text}` {term.main.uses} times)"
            )
            yield context.report(where[0], where[1], message)
