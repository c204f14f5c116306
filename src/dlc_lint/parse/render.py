"""What a reader sees of a Markdown fragment, as plain text.

The English source kept in a comment is Markdown with links, images, code,
math and inline HTML; comparing or searching it as raw text finds words in
URLs (``2-layer-net.png`` is not the term "layer") and misses words split by
markup. mistune renders the fragment and BeautifulSoup takes the text back
out of the HTML, so only the words on the page remain. Code and math are not
prose and are dropped.
"""

from __future__ import annotations

from functools import lru_cache

from dlc_lint.parse import inline


@lru_cache(maxsize=1)
def _markdown():
    import mistune

    return mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])


@lru_cache(maxsize=4096)
def plain_text(fragment: str) -> str:
    """The visible words of ``fragment``, whitespace collapsed."""
    from bs4 import BeautifulSoup

    html = _markdown()(_drop(fragment, inline.math_spans(fragment) + inline.liquid_spans(fragment)))
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["code", "pre", "script", "style"]):
        element.decompose()
    return " ".join(soup.get_text(" ").split())


def _drop(text: str, spans) -> str:
    """``text`` with each span replaced by one space (blanking it would indent the line into a code block)."""
    parts = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        parts.append(text[pos:start])
        parts.append(" ")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
