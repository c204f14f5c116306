"""The one line index (dlc_lint.parse.lines): offsets to lines and columns and back."""

from hypothesis import given
from hypothesis import strategies as st

from dlc_lint.parse import lines

TEXT = "ab\n\ncd\n"


def test_line_starts_include_the_empty_last_line():
    assert lines.line_starts(TEXT) == (0, 3, 4, 7)
    assert lines.line_starts("") == (0,)


def test_position_is_one_based_and_clamped():
    starts = lines.line_starts(TEXT)
    assert lines.position(starts, 0, len(TEXT)) == (1, 1)
    assert lines.position(starts, 2, len(TEXT)) == (1, 3)  # the newline ends line 1
    assert lines.position(starts, 3, len(TEXT)) == (2, 1)
    assert lines.position(starts, 5, len(TEXT)) == (3, 2)
    assert lines.position(starts, -4, len(TEXT)) == (1, 1)
    assert lines.position(starts, 99, len(TEXT)) == (4, 1)


def test_line_text_and_index():
    starts = lines.line_starts(TEXT)
    assert [lines.line_text(TEXT, starts, i) for i in range(len(starts))] == ["ab", "", "cd", ""]
    assert [lines.line_index(starts, o) for o in range(len(TEXT) + 1)] == [0, 0, 0, 1, 2, 2, 2, 3]


@given(st.text(alphabet="a\n한", max_size=30), st.data())
def test_offset_and_position_are_inverse(text, data):
    starts = lines.line_starts(text)
    at = data.draw(st.integers(0, len(text)))
    line, column = lines.position(starts, at, len(text))
    assert lines.offset(starts, line, column, len(text)) == at
    assert text[starts[line - 1] : at] == text[starts[line - 1] : at].replace("\n", "")
