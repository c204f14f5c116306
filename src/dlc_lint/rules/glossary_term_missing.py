"""DLC304 glossary-term-missing: a short translation whose English names a glossary term it does not render.

## What it does
Looks at short (English, translation) pairs: titles, headings, list items,
figure captions and one-line paragraphs, where the English has at most a
dozen words. When the English names a term of the glossary and the
translation under it carries neither the preferred form, nor an accepted
one, nor a form to avoid (DLC301 reports those), nor the English word itself,
the translation is reported: *latent variable* translated `잠재 가변`,
*generator network* translated `발생 신경망`, *EBM* left out of `확률적 모델은`.

The finding points at the English term in the source comment (the words the
translation should render); on a page without source comments, at the whole
translated line (never part of a word, in any script), with the English
page's term as the related location.

Forms are looked for anywhere in the translation, spaces ignored, so solid
compounds count (`확률분포` renders *distribution*, `입력벡터` *vector*).
Longer paragraphs are not checked: a long sentence may say a term another
way, or leave it out on purpose, and a finding there would mostly be noise.

## Why is this bad?
A short line that drops or changes the term of its English is usually a
slip: a heading that names a different concept, a caption that does not say
what the figure shows. It is worth a coordinator's look, but not certain,
hence `info`.

## Example
```
<!-- Fig. 3 : EBM with latent variable encoder -->
그림. 3 : 잠재 가변 인코더를 가지는 EBM
```

## Use instead
```
<!-- Fig. 3 : EBM with latent variable encoder -->
그림. 3 : 잠재 변수 인코더를 가지는 EBM
```
"""

from __future__ import annotations

import re

from dlc_lint.analysis.term_hits import english_entries, family_key, glossary_hits, glossary_of, page_segments, quoted
from dlc_lint.analysis.terms import english_lemma
from dlc_lint.rules import rule

MAX_WORDS = 12


@rule(
    "DLC304",
    "glossary-term-missing",
    "info",
    "A short translation whose English names a glossary term it does not render",
)
def check(context):
    if not context.is_translation:
        return
    glossary = glossary_of(context)
    if glossary is None:
        return
    prose = context.page.prose_text
    by_segment: dict[int, list] = {}
    for hit in glossary_hits(context, glossary):
        if hit.segment is not None:
            by_segment.setdefault(id(hit.segment), []).append(hit)
    for segment in page_segments(context):
        words = segment.english.split()
        if not words or len(words) > MAX_WORDS:
            continue
        found = english_entries(glossary, segment.english)
        if not found:
            continue
        translation = prose[segment.start : segment.end]
        if not translation.strip():
            continue
        flat = family_key(translation).lower()
        present = {f.entry_id for h in by_segment.get(id(segment), ()) for f in h.match.forms}
        reported = set()
        for entry, english in found:
            if entry.id in present or entry.id in reported:
                continue
            if any(family_key(f.text).lower() in flat for f in entry.forms):
                continue  # written solid inside a longer word (확률분포, 입력벡터)
            if _english_kept(english, translation):
                continue
            reported.add(entry.id)
            forms = [f.text for f in entry.preferred] + [f.text for f in entry.accepted]
            term = _english_term(segment, entry, english)
            related = ()
            if segment.source == "comment" and term is not None:
                # the English term in the source comment: the words the translation should render
                start, end = segment.english_start + term[0], segment.english_start + term[1]
                where = f" (line {context.source.position(segment.english_start)[0]})"
            else:
                start, end = _translated_line(prose, segment)
                where = ""
                counterpart = context.counterpart
                if segment.source == "aligned" and counterpart is not None and term is not None:
                    english_page = context.display(counterpart.path)
                    at = segment.english_start + term[0]
                    related = (
                        context.location(counterpart.source, english_page, at, at + term[1] - term[0], "the English"),
                    )
                    where = f" ({english_page}, line {counterpart.source.position(at)[0]})"
            yield context.report(
                start,
                end,
                f"the English{where} says *{' '.join(english.split())}*, but the translation "
                f"`{_excerpt(prose, segment)}` has no glossary form for it ({quoted(forms)}) and not the English "
                "word either",
                related=related,
            )


def _english_kept(english: str, translation: str) -> bool:
    """The English term, or one of its words, is in the translation (``CNN``, a gloss)."""
    lower = translation.lower()
    return any(english_lemma(word) in lower for word in re.findall(r"[A-Za-z]{3,}", english))


def _english_term(segment, entry, english: str) -> tuple[int, int] | None:
    """Where the English of the segment names the entry (offsets in ``segment.english``)."""
    for match in entry.en_regex.finditer(segment.english):
        if match.group() == english:
            return match.start(), match.end()
    return None


def _translated_line(prose: str, segment) -> tuple[int, int]:
    """The translation's first line, without its Markdown marks: whole words only, in any script."""
    offset = segment.start
    for line in prose[segment.start : segment.end].split("\n"):
        lead = len(line) - len(line.lstrip(" \t#*>|-_`"))
        body = line[lead:].rstrip()
        if body:
            return offset + lead, offset + lead + len(body)
        offset += len(line) + 1
    return segment.start, segment.start


def _excerpt(prose: str, segment, limit: int = 40) -> str:
    start, end = _translated_line(prose, segment)
    text = " ".join(prose[start:end].split()).replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
