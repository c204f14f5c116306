"""DLC117 untranslated-title: the title is the English page's title, untranslated.

## What it does
Compares a translated page's `title` with the `title` of its English page and
reports it when they are identical.

When more than half of a language's pages (and at least three) keep the
English titles, as the Japanese pages of this site do, that is the
language's convention and its pages are not reported (see the option).

## Severity
`warning` when the English title is written as a sentence: two words or
more, and a word after the first starts with a lower-case letter and is not
a short function word (`Overfitting and regularization`, `Properties of
natural signals`): prose that a translator would translate. `info` when it
is written as a name, every word capitalised or an abbreviation (`Energy-Based
Models`, `The Truck Backer-Upper`, `Week 2`): translators keep such names
in English on purpose often enough that it is a hint.

## Why is this bad?
The title is the page heading and its entry in the sidebar: an English title
among translated ones is usually a page whose front matter was copied from
the English page and never updated. Sometimes it is deliberate (a proper
noun, a term the translators keep in English), hence the low severity.

## Example
```
---
lang-ref: ch.07-1
title: Energy-Based Models
lang: ko
---
```

## Use instead
```
---
lang-ref: ch.07-1
title: 에너지 기반 모델
lang: ko
---
```

## Options
`convention-share`: when more than this share of a language's pages (and at
least three) keep the English title, the language does so on purpose and is
not reported (default `0.5`; `1.0` reports every page).
"""

import re
import weakref
from dataclasses import dataclass

from dlc_lint.analysis.front_matter import yaml_ok
from dlc_lint.finding import Severity
from dlc_lint.options import option
from dlc_lint.rules import rule

_CONVENTION: dict[tuple[int, str], tuple[weakref.ref, tuple[int, float]]] = {}
_CONVENTION_PAGES = 3  # a convention needs a few pages, not one page out of two


@dataclass(frozen=True)
class Options:
    convention_share: float = option(
        0.5, "when more than this share of a language's pages keep the English title, none is reported"
    )


@rule(
    "DLC117",
    "untranslated-title",
    "info",
    "The title is the English page's title, untranslated",
    options=Options,
)
def check(context):
    front = context.page.front_matter
    if not context.is_translation or not yaml_ok(front):
        return
    entry = front.entry("title")
    title = _title(front)
    if entry is None or not title:
        return
    site = context.site
    other = site.counterpart(context.page.path)
    if other is None:
        return
    english = _title(site.front_matter(other))
    if english != title:
        return
    kept, share = _kept(site, context.lang)
    if kept >= _CONVENTION_PAGES and share > context.options.convention_share:
        return
    sentence = is_sentence(title)
    kind = "; it is written as a sentence, not a name, so it needs translating" if sentence else ""
    yield context.report(
        entry.value_start,
        entry.value_end,
        f"the title `{title}` is the English page's title ({context.display(other)}), untranslated{kind}",
        severity=Severity.WARNING if sentence else Severity.INFO,
    )


_FUNCTION_WORDS = frozenset("a an and as at by for from in into of on or over the to via vs with without".split())


def is_sentence(title: str) -> bool:
    """Whether an English title is written as running text rather than as a name: two words or more,
    and a word after the first that starts with a lower-case letter and is not a function word."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", title)
    if len(words) < 2:
        return False
    return any(w[0].islower() and w.lower() not in _FUNCTION_WORDS for w in words[1:])


def _title(front) -> str | None:
    if front is None or not yaml_ok(front):
        return None
    value = front.data.get("title")
    return str(value).strip() if value is not None else None


def _kept(site, lang: str) -> tuple[int, float]:
    """How many of ``lang``'s pages keep their English page's title, and which share of them."""
    key = (id(site), lang)
    cached = _CONVENTION.get(key)
    if cached is not None and cached[0]() is site:
        return cached[1]
    same = total = 0
    for path in site.page_paths:
        if not path.startswith(lang + "/") or site.is_index(path):
            continue
        other = site.same_path_counterpart(path)
        if other is None:
            continue
        title, english = _title(site.front_matter(path)), _title(site.front_matter(other))
        if title and english:
            total += 1
            same += title == english
    result = (same, same / total if total else 0.0)
    _CONVENTION[key] = (weakref.ref(site), result)
    return result
