"""Edit distance between two short strings (key names, tag names, words): the one helper for it.

Plain dynamic programming: the strings compared are a few letters long, so a
compiled library would buy nothing measurable.
"""

from __future__ import annotations


def edit_distance(a: str, b: str, *, transpositions: bool = False) -> int:
    """Levenshtein distance; with ``transpositions``, two adjacent letters swapped count as one edit
    (optimal string alignment, the restricted Damerau-Levenshtein distance)."""
    before_previous: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if transpositions and before_previous is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before_previous[j - 2] + 1)
        before_previous, previous = previous, current
    return previous[-1]
