"""Tag recognition in inline.find_tags."""

from dlc_lint.parse.inline import find_tags


def test_tag_name_ends_at_space_slash_or_bracket():
    text = "La <<pérdida de bisagra>> y <b>x</b> <br/> <img src='a'>"
    assert [(t.name, t.start, t.closing) for t in find_tags(text)] == [
        ("b", 28, False),
        ("b", 32, True),
        ("br", 37, False),
        ("img", 43, False),
    ]
