"""DLC307 confused-term: a glossary term rendered by the word for another term (*fully convolutional* as `완전 연결`).

## What it does
Finds a place where the English above names a glossary term, and the
translation under it uses, instead, the glossary's rendering of a term that
the entry lists under `confused_with`: *fully convolutional network*
translated `완전 연결된 합성곱 신경망`, where `완전 연결` is the glossary's
*fully connected*. It is reported only when

* the English names the entry's term and not the other one (a paragraph
  about both fully connected and fully convolutional layers is left alone),
* and the translation of that paragraph has none of the entry's own forms.

The pairs are data: an entry's `confused_with` lists the entries whose words
are a wrong rendering of it (see `glossary/README.md`). A language without a
glossary has no findings here.

## Why is this bad?
The two terms look alike in English and name different things: a fully
connected layer links every input to every output, a fully convolutional
network has no such layer at all. The reader learns the wrong concept, and
nothing on the page looks wrong.

## Example
```
<!-- In a fully convolutional network, there is no need to specify the size of the input. -->
완전 연결된 합성곱 신경망에서 입력 크기를 정의할 필요는 없다.
```

## Use instead
```
<!-- In a fully convolutional network, there is no need to specify the size of the input. -->
완전 합성곱 신경망에서 입력 크기를 정의할 필요는 없다.
```

## Fix safety
Not fixed: the sentence around the word usually needs rewording.
"""

from __future__ import annotations

from dlc_lint.analysis.term_hits import family_key, glossary_hits, glossary_of, quoted
from dlc_lint.rules import rule


@rule(
    "DLC307",
    "confused-term",
    "warning",
    "A glossary term rendered by the word for another term (fully convolutional as 완전 연결)",
)
def check(context):
    if not context.is_translation:
        return
    glossary = glossary_of(context)
    if glossary is None:
        return
    confusions: dict[str, list] = {}
    for entry in glossary.entries:
        for other in entry.confused_with:
            confusions.setdefault(other, []).append(entry)
    if not confusions:
        return
    prose = context.page.prose_text
    for hit in glossary_hits(context, glossary):
        english, segment = hit.english, hit.segment
        if not english or segment is None:
            continue
        match = hit.match
        for form in match.forms:
            wrong = glossary.entry(form.entry_id)
            if wrong.in_english(english):
                continue  # the English names this term too
            for meant in confusions.get(wrong.id, ()):
                if not meant.in_english(english) or _renders(meant, prose[segment.start : segment.end]):
                    continue
                written = " ".join(match.text.split())
                yield context.report(
                    match.start,
                    match.end,
                    f"the English says *{meant.en}*, but the translation writes `{written}`, the glossary's word "
                    f"for *{wrong.en}*, a different term; write {quoted([f.text for f in meant.preferred])}",
                )
                break
            else:
                continue
            break


def _renders(entry, translation: str) -> bool:
    """Whether one of the entry's forms is in the translation (spaces ignored)."""
    flat = family_key(translation)
    return any(family_key(f.text) in flat for f in entry.preferred + entry.accepted)
