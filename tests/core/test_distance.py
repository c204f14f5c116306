"""The one edit-distance helper, against a definition-level reference."""

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from dlc_lint.distance import edit_distance


def reference(a: str, b: str, transpositions: bool) -> int:
    @cache
    def d(i: int, j: int) -> int:
        if not i or not j:
            return i + j
        best = min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))
        if transpositions and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            best = min(best, d(i - 2, j - 2) + 1)
        return best

    return d(len(a), len(b))


def test_known_distances():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3
    assert edit_distance("lnag", "lang") == 2
    assert edit_distance("lnag", "lang", transpositions=True) == 1
    assert edit_distance("ca", "abc", transpositions=True) == 3  # optimal string alignment, not full Damerau


@given(st.text("abc", max_size=7), st.text("abc", max_size=7), st.booleans())
def test_matches_the_definition(a, b, transpositions):
    assert edit_distance(a, b, transpositions=transpositions) == reference(a, b, transpositions)
