"""What the built HTML shows: comments kept hidden, text on the page, headings, math, tables.

Only what a reader's browser shows counts: an HTML comment node is hidden, a text node outside one
is shown. kramdown's typography turns the `--` of a leaked `<!--` into an en dash (`<!–`), so the
debris is recognisable, but the test matches words, not debris: a source comment is hidden when its
words are inside a comment node of the HTML, shown when they are in the page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bs4 import BeautifulSoup, Comment

_TOKEN = re.compile(r"[^\W_]+")
_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def tokens(text: str) -> tuple[str, ...]:
    """The words and numbers of ``text``, Liquid left out (Liquid runs before the page is built)."""
    return tuple(t.lower() for t in _TOKEN.findall(_LIQUID.sub(" ", text)))


def contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whether ``needle`` is a subsequence of ``haystack`` (Liquid output may sit between the words)."""
    if not needle:
        return False
    it = iter(haystack)
    return all(word in it for word in needle)


@dataclass
class Seen:
    """The body of one built page, read as a browser reads it."""

    body: str

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.body, "html.parser")

    @cached_property
    def comments(self) -> list[tuple[str, ...]]:
        return [tokens(str(c)) for c in self.soup.find_all(string=lambda s: isinstance(s, Comment))]

    @cached_property
    def text(self) -> str:
        parts = [str(s) for s in self.soup.find_all(string=True) if not isinstance(s, Comment)]
        return " ".join(parts)

    @cached_property
    def text_tokens(self) -> tuple[str, ...]:
        return tokens(self.text)

    def comment_verdict(self, inner: str) -> str:
        """``hidden``, ``shown`` or ``absent`` for a source comment whose text is ``inner``."""
        words = tokens(inner)
        if not words:
            return "absent"
        if any(contains(c, words) for c in self.comments):
            return "hidden"
        if contains(self.text_tokens, words[:12]) or set(words[:12]) <= self.markup_tokens:
            return "shown"  # as text, or as the HTML it holds (an image, a table)
        return "absent"

    @cached_property
    def markup_tokens(self) -> frozenset[str]:
        return frozenset(tokens(re.sub(r"<!--.*?-->", " ", self.body, flags=re.S)))

    @cached_property
    def headings(self) -> list[tuple[int, str]]:
        return [(int(h.name[1]), h.get_text(" ", strip=True)) for h in self.soup.find_all(re.compile(r"^h[1-6]$"))]

    @cached_property
    def leaked_openers(self) -> int:
        """How many `<!--` the reader sees as text (`<!–` after kramdown's typography)."""
        return len(re.findall(r"<!(?:–|--)", self.text))
