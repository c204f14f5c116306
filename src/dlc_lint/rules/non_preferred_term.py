"""DLC306 non-preferred-term: a term written in a form the glossary accepts but does not prefer.

## What it does
Finds, in the rendered prose of a translated page, a form that the language's
glossary lists under `accepted` for a term: `훈련` for *training* (the Korean
glossary prefers `학습`, the PyTorch Korea choice; Keras-ko and Pseudo-Lab
write `훈련`), `층` for *layer* (Keras-ko, d2l-ko) where the glossary prefers
`계층`. The message names the preferred form and the public glossary that
backs the accepted one.

Matching is the one of DLC301 (particles, spacing, the longest form wins, a
gloss is not a finding; ambiguous forms such as `층` count only where the
English comment names the term). A form another entry prefers (`학습` is also
*learning*) is left alone unless the English says it is this term.

## Why is this bad?
It is not: an accepted form is correct, and a public Korean ML glossary uses
it. This rule is a hint for a team that wants one form throughout, hence
`info`. Forms the glossary says to avoid are DLC301's, and two forms mixed on
one page are DLC302's.

A language team decides what it wants with one configuration line:

```toml
[tool.dlc-lint]
ignore = ["DLC306"]                  # accepted forms are the team's choice: never report them
severity = { DLC306 = "warning" }    # or: the team writes the preferred form only
```

## Example
```
<!-- We train the network. -->
신경망을 훈련시킨다.
```

## Use instead
```
<!-- We train the network. -->
신경망을 학습시킨다.
```

## Fix safety
Never applied: both forms are correct. When the entry has one preferred form,
the replacement (its particle adjusted) is attached as a suggestion.
"""

from __future__ import annotations

import re

from dlc_lint.analysis.term_hits import basis, glossary_hits, glossary_of, is_gloss, quoted
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.glossary import Kind
from dlc_lint.rules import rule


@rule(
    "DLC306",
    "non-preferred-term",
    "info",
    "A term written in a form the glossary accepts but does not prefer (훈련 for 학습)",
)
def check(context):
    if not context.is_translation:
        return
    glossary = glossary_of(context)
    if glossary is None:
        return
    hits = glossary_hits(context, glossary)
    text = context.page.text
    for index, hit in enumerate(hits):
        match = hit.match
        accepted = [f for f in match.forms if f.kind is Kind.ACCEPTED]
        if not accepted:
            continue
        form = accepted[0]
        entry = glossary.entry(form.entry_id)
        english = hit.english
        if not entry.in_english(english):
            continue  # the English does not name the term: 훈련 in "practice", 층 in "floor"
        others = [f for f in match.forms if f.entry_id != entry.id]
        if any(glossary.entry(f.entry_id).in_english(english) for f in others):
            continue  # it renders another entry the English names too
        if not entry.gate_passes(form, english):
            continue
        if form.gate and _counter(text, match.start):
            continue  # 3층 신경망: a counter
        if is_gloss(text, hits, index):
            continue
        preferred = [f.text for f in entry.preferred]
        if not preferred:
            continue
        written = " ".join(match.text.split())
        message = (
            f"*{entry.en}* is written `{written}`, a form the glossary accepts ({_backing(glossary, entry, form)}); "
            f"it prefers {quoted(preferred)} (basis: {basis(glossary, entry)})"
        )
        fix = None
        if entry.fixable:
            replacement = match.replaced_by(preferred[0])
            if replacement is not None:
                fix = Fix(f"write `{replacement}`", (Edit(match.start, match.tail_end, replacement),), Safety.DISPLAY)
        yield context.report(match.start, match.end, message, fix=fix)


def _counter(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    before = before[:-1] if before.endswith("-") else before
    return bool(before) and (before[-1].isdigit() or before[-1] == "$")


def _backing(glossary, entry, form) -> str:
    """The sources the entry cites for ``form`` (``keras-ko: training -> 훈련 (accepted)``), by title:
    a citation backs the form when it is marked `(accepted)` and names the form, as a whole word, after
    its arrow (`layer -> 계층` does not back `층`; `decided 학습 over 훈련` does not back `훈련`)."""
    titles = []
    word = re.compile(rf"(?<![\w]){re.escape(form.text)}(?![\w])")
    for cited in entry.sources:
        source_id, _, detail = cited.partition(":")
        _, arrow, rendered = detail.partition("->")
        if source_id.strip() == "corpus" or not arrow or "(accepted" not in rendered or not word.search(rendered):
            continue
        source = glossary.sources.get(source_id.strip())
        titles.append(source.title if source is not None else source_id.strip())
    return "used by " + "; ".join(titles) if titles else "listed under `accepted`"
