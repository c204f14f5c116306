"""Sequence alignment of English and translated blocks by what a translation keeps.

Between two anchors (source comments that still equal the English), the
blocks of the English page and of the translation are paired by a weighted
alignment (Needleman-Wunsch style, no crossing pairs) instead of by position:

* only blocks of the same broad kind pair (a heading with a heading, prose
  with prose, a table with a table);
* a pair scores more when both blocks hold the same *marks*: what a
  translation copies instead of translating: formulas, link and image
  targets, numbers, inline code, and words in Latin letters of four letters or
  more (names, terms kept in English, cognates);
* one English block may pair with two translated blocks (the translator split
  a paragraph) and two English blocks with one translated block (merged, or a
  table glued to the paragraph before it), but only when the marks say so: a
  merge or split costs more than a plain pair, and wins only when the block it
  adds shares enough marks of its own with its partner;
* the anchor pair (the block right after its source comment) scores high, so
  it stays paired unless its kind differs;
* an English paragraph left visible next to its translation pairs with the
  translation, not with its copy; between equal choices, the one that keeps
  pairs together wins (as :mod:`difflib` prefers long matching runs).

The result is a list of ``(english, translated)`` pairs in page order, either
side None for a block only one page has; a merged or split block appears in
two pairs.
"""

from __future__ import annotations

import math
import re

from dlc_lint.analysis.parity.blocks import Unit
from dlc_lint.analysis.parity.cache import cached_on_page
from dlc_lint.analysis.parity.tex import tex_key
from dlc_lint.parse import inline
from dlc_lint.parse.page import Page

PAIR = 1.0  # a pair of blocks of the same broad kind
SAME_TOKEN = 0.2  # ... of the same exact kind and heading level
MARKS = 2.0  # times the cosine of their marks
REGROUP = 0.5  # a merge or a split: less than a pair, so it needs marks to win
ANCHOR = 3.0  # the block next to its source comment
COPY = -0.5  # a prose block or heading that is the English text itself (left visible: DLC712)
RUN = 0.1  # a pairing move right after another: of equal choices, pairs kept together win

_URL = re.compile(r"\]\(\s*<?([^)\s>]+)|\b(?:src|href)\s*=\s*[\"']([^\"']+)[\"']", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CODE = re.compile(r"`+([^`]+)`+")
# (a digit not after a word character or ``.``: written with the digit first, so that the engine
# skips to the digits instead of trying the look-behind at every position)
_NUMBER = re.compile(r"\d(?<![\w.]\d)\d*(?:[.,]\d+)?(?![\w])")
_LATIN = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


def marks_of(key: str) -> frozenset[str]:
    """What a translation of ``key`` keeps as it is: formulas, targets, numbers, code, Latin words."""
    found: set[str] = set()
    rest = key
    if "$" in rest:
        spans = inline.math_spans(rest)
        for a, b in spans:
            found.add("$" + " ".join(tex_key(rest[a:b].strip("$"))))
        rest = inline.mask(rest, spans)
    # (a target follows `](` or `src=`/`href=`, in any case: most blocks have neither)
    if "](" in rest or ("=" in rest and ("src" in (folded := rest.casefold()) or "href" in folded)):
        for match in _URL.finditer(rest):
            found.add("@" + (match.group(1) or match.group(2)))
        rest = _URL.sub(" ", rest)
    if "<" in rest:
        rest = _TAG.sub(" ", rest)
    if "`" in rest:
        for match in _CODE.finditer(rest):
            found.add("`" + match.group(1).strip())
        rest = _CODE.sub(" ", rest)
    found.update("#" + n.replace(",", ".") for n in _NUMBER.findall(rest))
    found.update(w.lower().strip("-") for w in _LATIN.findall(rest))
    return frozenset(found)


def invariants(site, page: Page, found: tuple[Unit, ...]) -> tuple[frozenset[str], ...]:
    """:func:`marks_of` of each unit of ``page`` (remembered on the page: English pages serve every language)."""
    return cached_on_page(page, "marks", lambda: tuple(marks_of(u.key) for u in found))


def cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b) if len(a) < len(b) else len(b & a)
    return shared / math.sqrt(len(a) * len(b))


def _shared_marks(
    e_marks: list[frozenset[str]], t_marks: list[frozenset[str]]
) -> tuple[list[list[bool]], list[list[float]]]:
    """Whether English block ``i`` and translated block ``j`` share a mark, and :func:`cosine` of theirs,
    for every ``[i][j]``: counted through the blocks holding each translated mark (most pairs share none)."""
    holders: dict[str, list[int]] = {}
    for j, marks in enumerate(t_marks):
        for mark in marks:
            holders.setdefault(mark, []).append(j)
    m = len(t_marks)
    shared: list[list[bool]] = []
    cosines: list[list[float]] = []
    for a in e_marks:
        counts = [0] * m
        for mark in a:
            for j in holders.get(mark, ()):
                counts[j] += 1
        shared.append([count > 0 for count in counts])
        row = [0.0] * m
        for j, count in enumerate(counts):
            if count:
                row[j] = count / math.sqrt(len(a) * len(t_marks[j]))  # as cosine() computes it
        cosines.append(row)
    return shared, cosines


def klass(unit: Unit) -> str:
    """The broad kind: blocks of one broad kind may pair."""
    if unit.kind == "heading":
        return "heading"
    if unit.kind in ("paragraph", "list", "blockquote"):
        return "prose"
    return unit.kind


_FIXED = frozenset({"heading", "code", "indented-code"})  # never merged or split


def align_units(
    english: list[Unit],
    translated: list[Unit],
    e_marks: list[frozenset[str]],
    t_marks: list[frozenset[str]],
    anchor: tuple[int, int] | None = None,
) -> list[tuple[Unit | None, Unit | None]]:
    """The best-scoring pairing of ``english`` with ``translated`` (see the module docstring)."""
    n, m = len(english), len(translated)
    e_kind = [klass(u) for u in english]
    t_kind = [klass(u) for u in translated]
    # The marks each English block shares with each translated block, and the cosine of theirs: the
    # moves below ask for the same cells many times (a merge or a split looks at two of them).
    shared, cosines = _shared_marks(e_marks, t_marks)

    def pair(i: int, j: int) -> float:
        """English ``i`` with translated ``j``, of the same broad kind."""
        if e_kind[i] in ("prose", "heading") and english[i].key == translated[j].key:
            # the English left visible: its translation, if any, is the better partner
            score = PAIR + COPY
        else:
            score = PAIR + MARKS * cosines[i][j]
        if english[i].token == translated[j].token:
            score += SAME_TOKEN
        if anchor == (i, j):
            score += ANCHOR
        return score

    def merge(i: int, j: int) -> float | None:
        """English ``i - 1`` and ``i`` in translated ``j``."""
        first, second = e_kind[i - 1], e_kind[i]
        if t_kind[j] in _FIXED or first in _FIXED or second in _FIXED or t_kind[j] not in (first, second):
            return None
        for k in (i - 1, i):
            if anchor != (k, j) and not shared[k][j]:
                return None
        score = REGROUP + MARKS * (cosines[i - 1][j] + cosines[i][j])
        return score + (ANCHOR if anchor in ((i - 1, j), (i, j)) else 0.0)

    def split(i: int, j: int) -> float | None:
        """English ``i`` in translated ``j - 1`` and ``j``."""
        kind = e_kind[i]
        if kind in _FIXED or t_kind[j - 1] != kind or t_kind[j] != kind:
            return None
        for k in (j - 1, j):
            if anchor != (i, k) and not shared[i][k]:
                return None
        score = REGROUP + MARKS * (cosines[i][j - 1] + cosines[i][j])
        return score + (ANCHOR if anchor in ((i, j - 1), (i, j)) else 0.0)

    # Two tables: the best score of english[:i] against translated[:j] ending with a pairing move
    # (pair, merge, split) or with a gap; a pairing move right after another earns RUN, so that of
    # equal choices the one keeping pairs together wins (a missing block leaves one gap, not two).
    low = float("-inf")
    paired = [[low] * (m + 1) for _ in range(n + 1)]
    gapped = [[low] * (m + 1) for _ in range(n + 1)]
    paired_from: list[list[tuple[str, bool]]] = [[("", False)] * (m + 1) for _ in range(n + 1)]
    gapped_from: list[list[tuple[str, bool]]] = [[("", False)] * (m + 1) for _ in range(n + 1)]
    gapped[0][0] = 0.0
    # The best score at (i, j) before a pairing move (which earns RUN after another) and before a gap
    # (which earns nothing), and whether it ends with a pairing move: filled in as each cell is done.
    run_best = [[low] * (m + 1) for _ in range(n + 1)]
    run_pair = [[False] * (m + 1) for _ in range(n + 1)]
    gap_best = [[low] * (m + 1) for _ in range(n + 1)]
    gap_pair = [[False] * (m + 1) for _ in range(n + 1)]
    run_best[0][0] = gap_best[0][0] = 0.0  # (paired[0][0] + RUN is below gapped[0][0]: a gap)
    t_mergeable = [kind not in _FIXED for kind in t_kind]
    nothing = ("", False)
    for i in range(n + 1):
        paired_i, gapped_i, paired_from_i, gapped_from_i = paired[i], gapped[i], paired_from[i], gapped_from[i]
        run_best_i, run_pair_i, gap_best_i, gap_pair_i = run_best[i], run_pair[i], gap_best[i], gap_pair[i]
        run_best_above, run_pair_above = run_best[i - 1], run_pair[i - 1]  # (row i - 1; unused for i == 0)
        kind = e_kind[i - 1] if i else ""
        # a merge needs two English blocks that may merge; a split one that may split
        may_merge = i >= 2 and kind not in _FIXED and e_kind[i - 2] not in _FIXED
        may_split = i >= 1 and kind not in _FIXED
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            score, how = low, nothing
            if i and j:
                # the moves in order (pair, merge, split); a later one wins only with a higher score
                if kind == t_kind[j - 1]:
                    found = pair(i - 1, j - 1)
                    before = run_best_above[j - 1]
                    if before + found > score:
                        score, how = before + found, ("pair", run_pair_above[j - 1])
                if may_merge and t_mergeable[j - 1]:
                    merged = merge(i - 1, j - 1)
                    if merged is not None:
                        before = run_best[i - 2][j - 1]
                        if before + merged > score:
                            score, how = before + merged, ("merge", run_pair[i - 2][j - 1])
                if may_split and j >= 2:
                    parted = split(i - 1, j - 1)
                    if parted is not None:
                        before = run_best_above[j - 2]
                        if before + parted > score:
                            score, how = before + parted, ("split", run_pair_above[j - 2])
            paired_i[j], paired_from_i[j] = score, how
            with_pair = score
            score, how = low, nothing
            if i:
                score, how = gap_best[i - 1][j], ("english", gap_pair[i - 1][j])
            if j:
                before = gap_best_i[j - 1]
                if before > score:
                    score, how = before, ("translated", gap_pair_i[j - 1])
            gapped_i[j], gapped_from_i[j] = score, how
            if with_pair + RUN >= score:
                run_best_i[j], run_pair_i[j] = with_pair + RUN, True
            else:
                run_best_i[j], run_pair_i[j] = score, False
            if with_pair >= score:
                gap_best_i[j], gap_pair_i[j] = with_pair, True
            else:
                gap_best_i[j], gap_pair_i[j] = score, False
    out: list[tuple[Unit | None, Unit | None]] = []
    i, j = n, m
    in_pair = paired[n][m] >= gapped[n][m]
    while i or j:
        step, in_pair = paired_from[i][j] if in_pair else gapped_from[i][j]
        if step == "pair":
            out.append((english[i - 1], translated[j - 1]))
            i, j = i - 1, j - 1
        elif step == "merge":
            out += [(english[i - 1], translated[j - 1]), (english[i - 2], translated[j - 1])]
            i, j = i - 2, j - 1
        elif step == "split":
            out += [(english[i - 1], translated[j - 1]), (english[i - 1], translated[j - 2])]
            i, j = i - 1, j - 2
        elif step == "english":
            out.append((english[i - 1], None))
            i -= 1
        else:
            out.append((None, translated[j - 1]))
            j -= 1
    out.reverse()
    return out
