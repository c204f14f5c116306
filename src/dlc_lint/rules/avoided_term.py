"""DLC301 avoided-term: a rendering the glossary says to avoid (a transliteration, a typo, a non-standard form).

## What it does
Finds, in the rendered prose of a translated page, a form that the language's
glossary lists under `avoid` for a term: `피쳐` for *feature* (the Korean
glossary prefers `특징`; no public glossary writes `피쳐`), `합성공` (a typo of
`합성곱`), `생산적 적대 신경망` for *generative adversarial network* (TTA:
`생성적 적대 신경망`). The message names the preferred form
and the basis of the choice (the source the glossary cites).

Korean is matched as Korean: particles and endings glued to the term are
understood (`피쳐를`, `피쳐들의`), spacing never matters (`경사 하강법` =
`경사하강법`), and the longest form wins (`파라미터` inside `하이퍼파라미터`
is not a finding). Code, math, URLs, link targets, tag names, Liquid and the
English source comments are never read; the front-matter `title` is.

Ambiguous forms (`층` is also a floor, `기울기` also a slope) are reported
only when the English comment above the paragraph names the term (and not
the other meaning), and not as a counter after a number (`3층 신경망`). A gloss is not a finding: `컨벌루션(합성곱)` (the variant
explained at once by the preferred form) and `합성곱(컨벌루션)` are left alone.

The glossary is the one shipped for the language (today: `ko`), merged with
the site's files listed under `glossary` in the configuration. A language
without a glossary has no findings here.

## Severity
`warning` when using the form is a defect by this rule: it is a typo, a
misspelling or a mistranslation (the word itself shows it), or it is a
transliteration or a non-standard term and the entry cites a public glossary
for its choice. `info` when the only basis is the course's own usage counts
or decisions, or when the form is another glossary's standard
(`why: other-standard`). Forms that a public Korean ML glossary uses as its
own (`훈련`, `층`, `레이어`, `특성`, `그래디언트`, `파라미터`) are not here at
all: they are `accepted`, and DLC306 reports them as hints (the policy is in
`glossary/README.md`).

## Why is this bad?
The course was translated by many people; the same term written three ways
makes readers wonder whether three things are meant. The glossary records
the translation team's decision and its basis, and this rule keeps pages to
it.

## Example
```
<!-- Each feature detector fires on an edge. -->
각 피쳐 검출기는 경계에 반응한다.
```

## Use instead
```
<!-- Each feature detector fires on an edge. -->
각 특징 검출기는 경계에 반응한다.
```

## Fix safety
When the entry has exactly one preferred form, the fix replaces the term
and rewrites the particle after it when the final consonant changes
(`피쳐를` -> `특징을`, `피쳐가` -> `특징이`, `피쳐로` -> `특징으로`;
a word ending in ㄹ takes `로`). It is safe for unambiguous forms and needs
review (`--unsafe-fixes`) for ambiguous ones (`층`, `기울기`). When the
ending glued to the term is not one the fixer understands, or when the
replacement would form another term to avoid with its neighbours (`훈련 속도`
-> `학습 속도`, avoided for *learning rate*), the replacement is only
suggested, never applied.
"""

from __future__ import annotations

from dlc_lint.analysis.term_hits import WHY, avoid_is_certain, basis, glossary_hits, glossary_of, is_gloss, quoted
from dlc_lint.finding import Edit, Fix, Safety, Severity
from dlc_lint.glossary import Kind
from dlc_lint.rules import rule


@rule(
    "DLC301",
    "avoided-term",
    "warning",
    "A term written in a form the glossary says to avoid (피쳐 for 특징)",
    fixable=True,
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
        avoided = [f for f in match.forms if f.kind is Kind.AVOID]
        if not avoided:
            continue
        form = avoided[0]
        entry = glossary.entry(form.entry_id)
        english = hit.english
        others = [f for f in match.forms if f.kind is not Kind.AVOID]
        if others:
            # a form another entry uses correctly: only when the English says it is this term
            if not entry.in_english(english) or any(glossary.entry(f.entry_id).in_english(english) for f in others):
                continue
        if not entry.gate_passes(form, english):
            continue
        if form.gate and _counter(text, match.start):
            continue  # 3층 신경망, $n$-층: a counter, not the noun the glossary replaces
        if is_gloss(text, hits, index):
            continue
        yield _finding(context, glossary, entry, form, match, english)


def _counter(text: str, start: int) -> bool:
    """An ambiguous form written right after a number: 3층, $3$-층, $n$-층."""
    before = text[max(0, start - 2) : start]
    before = before[:-1] if before.endswith("-") else before
    return bool(before) and (before[-1].isdigit() or before[-1] == "$")


def _creates_avoided(glossary, text: str, match, replacement: str, english) -> bool:
    """Whether writing ``replacement`` makes a new form to avoid with its neighbours
    (훈련 속도 -> 학습 속도, which the glossary avoids for *learning rate*)."""
    start = max(0, match.start - 12)
    end = min(len(text), match.tail_end + 12)
    window = text[start : match.start] + replacement + text[match.tail_end : end]
    low, high = match.start - start, match.start - start + len(replacement)
    for found in glossary.matcher.find(window):
        if found.start < high and low < found.end and (found.start < low or found.end > high):
            for other in found.forms:
                if other.kind is Kind.AVOID and glossary.entry(other.entry_id).gate_passes(other, english):
                    return True
    return False


def _finding(context, glossary, entry, form, match, english):
    preferred = [f.text for f in entry.preferred]
    why = WHY.get(form.why or "", "a form to avoid")
    written = match.text
    message = (
        f"*{entry.en}* is written `{written}`, {why}; the glossary prefers {quoted(preferred)} "
        f"(basis: {basis(glossary, entry)})"
    )
    fix = None
    if entry.fixable:
        new_form = preferred[0]
        replacement = match.replaced_by(new_form)
        if replacement is not None and _creates_avoided(glossary, context.page.prose_text, match, replacement, english):
            message += f"; `{replacement}` would make another form to avoid here, so reword it"
            fix = Fix(
                f"replace `{written}{match.tail}` with `{replacement}` (then reword)",
                (Edit(match.start, match.tail_end, replacement),),
                Safety.DISPLAY,
            )
        elif replacement is not None:
            fix = Fix(
                f"replace `{written}{match.tail}` with `{replacement}`",
                (Edit(match.start, match.tail_end, replacement),),
                Safety.UNSAFE if form.gate else Safety.SAFE,
            )
        else:
            message += f"; write `{new_form}` and check the ending after it"
            fix = Fix(
                f"replace `{written}` with `{new_form}` (check the ending after it)",
                (Edit(match.start, match.end, new_form),),
                Safety.DISPLAY,
            )
    if avoid_is_certain(entry, form):
        return context.report(match.start, match.end, message, fix=fix)
    message += "; this is the glossary's house choice, not a public standard, so it is a hint"
    return context.report(match.start, match.end, message, fix=fix, severity=Severity.INFO)
