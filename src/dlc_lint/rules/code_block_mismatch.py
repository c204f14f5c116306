"""DLC705 code-block-mismatch: a fenced code block differs from the same block on the English page.

## What it does
Compares every fenced code block of a translated page with the code blocks of
the English page, including the fence (```` ``` ```` or `~~~`) and its info
string (`python`). A block the English page has verbatim is fine. A block
that resembles an English block near the same place but differs is reported
at its first differing line, with the English block as related location.

Translated comments (`# ...`, `// ...`) and the text inside string literals
are human text: by default they may differ (option `compare-comments`).

## Why is this bad?
Readers copy this code. Machine translation and word processors damage it:
identifiers translated (`émulateur = nn.Sequential(`), French typography
applied to code (`def f(x) :`), full-width punctuation (`（num_features、`), a
fence that lost a backtick or an info string broken across lines
(```` ``` ```` then `python=`), so the rest of the page renders as code.

## Example
English:
```` ```python ````, `emulator = nn.Sequential(`
```
```python
émulateur = nn.Sequential(
```

## Use instead
```
```python
emulator = nn.Sequential(
```

## Options
- `compare-comments` (default false): also report differences inside code
  comments and string literals.
"""

import difflib
from dataclasses import dataclass

from dlc_lint.analysis import parity
from dlc_lint.options import option
from dlc_lint.rules import rule

CODE_KINDS = ("code", "indented-code")


@dataclass(frozen=True)
class Options:
    compare_comments: bool = option(False, "also report differences inside code comments and string literals")


@rule(
    "DLC705",
    "code-block-mismatch",
    "warning",
    "A fenced code block differs from the same block on the English page",
    options=Options,
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    align = parity.alignment(site, page, english)
    theirs = [u for u in align.english if u.kind in CODE_KINDS]
    if not theirs:
        return
    verbatim = {_raw(english.text, u) for u in theirs}
    strip = not context.options.compare_comments
    for unit in align.translated:
        if unit.kind not in CODE_KINDS:
            continue
        raw = _raw(page.text, unit)
        if raw in verbatim:
            continue
        other = _counterpart(align, unit, english, raw)
        if other is None:
            continue
        finding = _compare(context, english, unit, other, strip)
        if finding is not None:
            yield finding


def _raw(text: str, unit) -> str:
    return "\n".join(line.rstrip() for line in text[unit.start : unit.end].split("\n"))


def _counterpart(align, unit, english, raw):
    """The English code block this one was copied from: the paired one, else the most similar nearby."""
    paired = align.english_for(unit)
    if paired is not None and paired.kind in CODE_KINDS:
        return paired
    best, best_score = None, 0.5
    for near in align.english_near(unit, radius=3):
        if near.kind not in CODE_KINDS:
            continue
        score = difflib.SequenceMatcher(None, raw, _raw(english.text, near), autojunk=False).ratio()
        if score > best_score:
            best, best_score = near, score
    return best


def _compare(context, english, unit, other, strip):
    page = context.page
    mine = page.text[unit.start : unit.end].split("\n")
    theirs = english.text[other.start : other.end].split("\n")
    related = (parity.english_location(context, english, other.start, other.end, "the English code block"),)
    fenced = unit.block.kind == "code" and other.block.kind == "code"
    if fenced and (unit.block.fence != other.block.fence or unit.block.info != other.block.info):
        first_end = page.text.find("\n", unit.start)
        first_end = unit.end if first_end < 0 else first_end
        return parity.report_english(
            context,
            unit.start,
            first_end,
            f"the code fence {parity.code(mine[0].strip(), 30)} differs from the English "
            f"{parity.code(theirs[0].strip(), 30)}: the fence and its language must stay as they are",
            related=related,
        )
    body_mine = mine[1:-1] if fenced else mine
    body_theirs = theirs[1:-1] if fenced else theirs
    first_line = context.source.position(unit.start)[0] + (1 if fenced else 0)
    # lines as compared, without the lines that hold only a (translated) comment when comments may differ
    rows_mine = [(i, _code_line(line, strip)) for i, line in enumerate(body_mine)]
    rows_theirs = [(i, _code_line(line, strip)) for i, line in enumerate(body_theirs)]
    # blank lines do not change code; with comments stripped, neither do lines holding only a comment
    rows_mine = [r for r in rows_mine if r[1].strip()]
    rows_theirs = [r for r in rows_theirs if r[1].strip()]
    diff = parity.first_difference([r[1] for r in rows_mine], [r[1] for r in rows_theirs])
    if diff is None:
        return None
    i1, i2, j1, j2 = diff
    got = body_mine[rows_mine[i1][0]] if i1 < len(rows_mine) else ""
    want = body_theirs[rows_theirs[j1][0]] if j1 < len(rows_theirs) else ""
    if i1 < len(rows_mine):
        number = rows_mine[i1][0] + 1
        line_start = context.source.offset(first_line + rows_mine[i1][0], 1)
        start = line_start + (_first_diff_column(got, want) if want and i2 > i1 else len(got) - len(got.lstrip()))
        end = line_start + len(got.rstrip())
    else:
        number = len(body_mine) + 1
        start = end = context.source.offset(first_line + len(body_mine), 1) if fenced else unit.end
    if i2 > i1 and j2 > j1:
        what = f"line {number} is {parity.code(got.strip(), 50)} where the English has {parity.code(want.strip(), 50)}"
        if got.strip() == want.strip():
            what = f"line {number} {parity.code(got.strip(), 50)} is indented differently from the English"
    elif i2 > i1:
        what = f"line {number} {parity.code(got.strip(), 50)} is not in the English code"
    else:
        what = f"the English line {parity.code(want.strip(), 50)} is missing before line {number}"
    return parity.report_english(
        context, start, max(start, end), f"this code differs from the English code block: {what}", related=related
    )


def _first_diff_column(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return index
    return min(len(a), len(b)) if len(a) != len(b) else 0


def _code_line(line: str, strip: bool) -> str:
    """A line of code as compared: trailing spaces ignored; comments and string contents too when ``strip``."""
    line = line.expandtabs(4)
    if not strip:
        return line.rstrip()
    out = []
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                out.append(char)
                quote = ""
            index += 1
            continue
        if char in "\"'":
            quote = char
            out.append(char)
        elif char == "#" or line.startswith("//", index):
            break
        else:
            out.append(char)
        index += 1
    return "".join(out).rstrip()
