"""DLC607 nested-comment: a `<!--` inside a comment; the first `-->` ends both and the rest leaks.

## What it does
Finds a comment opener inside an open comment. HTML comments do not nest:
the first `-->` ends the comment, and what follows up to the second `-->`
(English text, and the `-->` itself) is shown on the page.

When no second `-->` follows, or the next `-->` closes a comment opened
after this one, nothing leaks: the finding is then info, unless the outer
comment, which runs on to the first `-->`, holds translated text (a line
mostly in words the English page does not use): the page then hides that
translation, an error that names its first line. When kramdown prints
the outer comment anyway (DLC608, DLC606 report it), this rule stays quiet.
Proven by tests/render: `fixtures/renderer/ko/comments/nested-leaks.md` and
`nested-nothing-leaks.md`, and every nested comment of the corpus.

## Why is this bad?
English source text and stray `-->` appear in the middle of the translation,
or a comment that was meant to end swallows the translated paragraph after
it.

## Example
```
<!-- ### Intuition

<!-- SGD Momentum is similar to ... -->
```

## Use instead
```
<!-- ### Intuition -->

<!-- SGD Momentum is similar to ... -->
```
"""

import re

from dlc_lint.analysis import parity
from dlc_lint.analysis.parity.text import mostly_unknown
from dlc_lint.finding import Severity
from dlc_lint.rules import rule

_LETTER = re.compile(r"[^\W\d_]")


@rule("DLC607", "nested-comment", "error", "A `<!--` inside a comment; the first `-->` ends both and the rest leaks")
def check(context):
    page = context.page
    text = page.text
    english_words: frozenset[str] | None = None  # the English page's words, read on the first nested comment
    for comment in page.comments:
        if not comment.nested_openers:
            continue
        if page.comment_shown(comment):
            continue  # kramdown prints this comment whole: DLC608 or DLC606 reports it, at error
        if english_words is None:
            english_words = parity.english_words(context)
        hidden = _hidden_translation(page, comment, english_words) if comment.closed and english_words else None
        for opener in comment.nested_openers:
            line, column = page.source.position(comment.start)
            severity = None
            if comment.closed:
                after = text.find("-->", comment.end)
                leaked = text[comment.end : after] if after >= 0 else ""
                if after < 0 or "<!--" in leaked:
                    # no `-->` follows, or the next one closes a comment opened after this one: nothing leaks
                    tail = "; here nothing leaks, but the inner `<!--` is noise"
                    severity = Severity.INFO
                elif _LETTER.search(leaked):
                    tail = "; the text after the first `-->` is shown on the page"
                else:
                    tail = "; the second `-->` is shown on the page"
                if hidden is not None:
                    shown_line, excerpt = hidden
                    also = "" if severity is not None else tail
                    tail = (
                        f"; that comment runs on to the first `-->` and hides the translation inside it (line "
                        f"{shown_line}: `{excerpt}`){also}"
                    )
                    severity, hidden = None, None  # said once, at the first inner `<!--`
            else:
                tail = "; the comment is never closed"
            yield context.report(
                opener,
                opener + 4,
                f"`<!--` inside the comment opened at {line}:{column}: comments do not nest, so the first `-->` "
                f"ends both{tail}; close the first comment before opening the next",
                severity=severity,
            )


def _hidden_translation(page, comment, known: frozenset[str]) -> tuple[int, str] | None:
    """The first line inside ``comment`` that is translated text: (line, excerpt).

    A line is translated when most of its words are not words of the English page: English source keeps
    its words even with a typo or an edit of the English since, a translation does not.
    """
    offset = comment.inner_start
    for raw in page.text[comment.inner_start : comment.inner_end].split("\n"):
        line = raw.strip().removeprefix("<!--").strip()
        if mostly_unknown(line, known):
            excerpt = line if len(line) <= 30 else line[:29] + "…"
            return page.source.position(offset + raw.find(line[:1]))[0], excerpt.replace("`", "'")
        offset += len(raw) + 1
    return None
