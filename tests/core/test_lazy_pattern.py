"""A pattern compiled on first use answers as the compiled pattern does, and is compiled only when used."""

from __future__ import annotations

import re

from dlc_lint.lazy_pattern import lazy_compile

SOURCE = r"(?P<han>[\u4e00-\u9fff]+)|(?P<word>[^\W\d_]+)"
TEXTS = ["", "深度 learning 学习 2024", "abc_def 漢字", "\n\n"]


def test_it_answers_as_the_compiled_pattern():
    lazy, compiled = lazy_compile(SOURCE, re.I), re.compile(SOURCE, re.I)
    for text in TEXTS:
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.split(text) == compiled.split(text)
        assert lazy.sub("-", text) == compiled.sub("-", text)
        assert bool(lazy.search(text, 1)) == bool(compiled.search(text, 1))
        assert bool(lazy.match(text)) == bool(compiled.match(text))
    assert (lazy.pattern, lazy.flags, lazy.groupindex) == (compiled.pattern, compiled.flags, compiled.groupindex)
    assert list(filter(lazy.match, TEXTS)) == list(filter(compiled.match, TEXTS))  # a bound method, passed on


def test_it_is_compiled_when_first_used_and_only_then():
    lazy = lazy_compile(r"[\uac00-\ud7a3]+")
    assert "search" not in vars(lazy)
    assert lazy.search("가나 다") is not None
    assert "search" in vars(lazy)  # later calls go straight to the compiled pattern's method
    broken = lazy_compile("(unclosed")  # an error in a pattern shows where it is used
    try:
        broken.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("a broken pattern compiled")
