"""DLC711 unbalanced-math-delimiter: a `$` or `$$` without its partner in a paragraph.

## What it does
Formulas are written between `$...$` (inline) or `$$...$$`, and the two
delimiters must be in the same paragraph, list item or table row. This finds
blocks with an odd number of `$$`, or of single `$` (escaped `\\$` and `$`
inside `code` do not count), in every page (English ones too), and points at
the delimiter that is most likely the unpaired one: the one whose removal
leaves the least prose inside formulas.

## Why is this bad?
The math renderer pairs delimiters in order: with one missing, text between
the wrong pair is typeset as a formula (words run together in italics) and
the rest of the paragraph's formulas show their raw LaTeX. Machine
translation often drops or moves a `$` (`n / 2 $`).

## Example
```
la suite $x_1, \\dots, x_n est croissante si $x_i \\le x_{i+1}$.
```

## Use instead
```
la suite $x_1, \\dots, x_n$ est croissante si $x_i \\le x_{i+1}$.
```
"""

import re

from dlc_lint.rules import rule

# ``$$`` not after a backslash, and ``$`` neither after ``\`` or ``$`` nor before ``$``. The look-behinds
# come after the first ``$`` so that the engine skips to each ``$`` instead of trying every character.
_DOUBLE = re.compile(r"\$(?<!\\\$)\$")
_SINGLE = re.compile(r"\$(?<![\\$]\$)(?!\$)")
_PROSE = re.compile(r"[^\x00-\x7f]|(?<![\\A-Za-z])[A-Za-z]{4,}")


@rule("DLC711", "unbalanced-math-delimiter", "warning", "A `$` or `$$` without its partner in a paragraph")
def check(context):
    page = context.page
    text = page.content_text
    if "$" not in text:
        return
    for block in page.blocks:
        if block.kind not in ("paragraph", "list", "blockquote", "table", "heading"):
            continue
        segment = text[block.start : block.end]
        if "$" not in segment:
            continue
        for start, end in _pieces(segment, block):
            finding = _check(context, text, start, end)
            if finding is not None:
                yield finding


def _pieces(segment, block):
    """Where delimiters must pair: table rows each; list items each; else the whole block."""
    if block.kind not in ("table", "list"):
        yield block.start, block.end
        return
    pos = block.start
    starts = []
    for line in segment.split("\n"):
        if block.kind == "table" or re.match(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", line):
            starts.append(pos)
        pos += len(line) + 1
    if not starts or starts[0] != block.start:
        starts.insert(0, block.start)
    for a, b in zip(starts, starts[1:] + [block.end]):
        yield a, b if b == block.end else b - 1


def _check(context, text, start, end):
    piece = text[start:end]
    doubles = [start + m.start() for m in _DOUBLE.finditer(piece)]
    if len(doubles) % 2:
        at = doubles[-1]
        return context.report(
            at,
            at + 2,
            "this `$$` has no partner in its paragraph, so the text after it is "
            "typeset as a formula or shows as raw `$$`; add the missing `$$` or "
            "remove this one",
        )
    masked = piece
    for a, b in zip(doubles[::2], doubles[1::2]):
        masked = masked[: a - start] + " " * (b + 2 - a) + masked[b + 2 - start :]
    singles = [start + m.start() for m in _SINGLE.finditer(masked)]
    if len(singles) % 2 == 0:
        return None
    at = _unpaired(text, singles)
    escaped = piece.find("\\$")
    hint = ""
    if escaped >= 0:
        line, column = context.source.position(start + escaped)
        hint = f" (the `\\$` at {line}:{column} is an escaped dollar sign, not a delimiter)"
    return context.report(
        at,
        at + 1,
        "this `$` has no partner in its paragraph, so formulas pair up wrongly "
        "from here on (text is typeset as math, math shows as raw LaTeX); add the "
        f"missing `$` or remove this one{hint}",
    )


def _unpaired(text, singles):
    """The delimiter whose removal leaves the least prose between the remaining pairs."""
    best, best_score = singles[-1], None
    for index, candidate in enumerate(singles):
        rest = singles[:index] + singles[index + 1 :]
        score = sum(len(_PROSE.findall(text[a + 1 : b])) for a, b in zip(rest[::2], rest[1::2]))
        if best_score is None or score < best_score:
            best, best_score = candidate, score
    return best
