"""Links, images, HTML tags, code spans and math in running text, with positions.

Everything here works on a *masked* copy of the page: code, comments and the
front matter are replaced by spaces (newlines kept), so offsets stay true and
nothing inside code or the English comments is mistaken for page content.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_TAG = re.compile(
    r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?=[\s/>])(?P<attrs>(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)(?P<self>/)?>"
)
_ATTR = re.compile(r"(?P<name>[^\s\"'>/=]+)(?:\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'=<>`]+)))?")
_REF_DEF = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
_AUTOLINK = re.compile(r"<(?P<target>(?:https?|ftp|mailto):[^\s<>]*)>")
_BACKTICKS = re.compile(r"`+")
_PARAGRAPH_BREAK = re.compile(r"\n(?=\n)")
_DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.S)
# ``$`` not after ``\\`` or ``$``, then escapes or anything but ``$``/newline, then ``$`` not before ``$``.
# Written with the ``$`` first (so the engine can skip to it) and possessive (a body has one parse).
_INLINE_MATH = re.compile(r"\$(?<![\\$]\$)(?!\$)(?:[^$\n\\]++|\\.)++\$(?!\$)")
# What ends or nests inside a link target: an escape, parentheses, white space.
_TARGET_STOP = re.compile(r"[\\() \t\n]")
_LINK_END = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:(?:\"[^\"]*\"|'[^']*'|\([^)]*\))[ \t]*)?\)")
_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# ``\\bhttp://...`` and ``\\bwww....``; each branch starts with its letter so the engine can skip to it.
_URL = re.compile(r"(?:h(?<!\wh)ttps?://|f(?<!\wf)tp://|w(?<!\ww)ww\.)[^\s<>()\[\]\"'`]+")

LINK_ATTRIBUTES = {
    "a": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "link": "href",
    "script": "src",
    "area": "href",
}


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    value: str | None
    start: int  # of the name
    value_start: int
    value_end: int


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    start: int
    end: int
    closing: bool
    self_closing: bool
    attributes: tuple[Attribute, ...] = ()

    def attribute(self, name: str) -> Attribute | None:
        for attribute in self.attributes:
            if attribute.name.lower() == name:
                return attribute
        return None


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image target in the page.

    ``kind``: ``link``, ``image`` (Markdown), ``reference`` (a ``[label]: url``
    definition), ``autolink`` or ``html`` (an ``href``/``src`` attribute, with
    ``tag`` naming the element).
    """

    kind: str
    target: str
    target_start: int
    target_end: int
    start: int
    end: int
    text: str = ""
    tag: str = ""

    @property
    def is_image(self) -> bool:
        return self.kind == "image" or self.tag in ("img", "source", "video", "audio", "embed")


def mask(text: str, ranges) -> str:
    """Replace every ``(start, end)`` range of ``text`` with spaces, keeping newlines."""
    if not ranges:
        return text
    parts = []
    pos = 0
    for start, end in sorted(ranges):
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(text[pos:start])
        parts.append(_blank(text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _blank(segment: str) -> str:
    if "\n" not in segment:
        return " " * len(segment)
    return "\n".join(" " * len(part) for part in segment.split("\n"))


def code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code spans (a backtick run closed by a run of the same length in the same paragraph)."""
    if "`" not in text:
        return []
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]  # every "\n\n", overlapping ones too
    spans = []
    count = len(runs)
    index = 0
    while index < count:
        start, end = runs[index]
        width = end - start
        found = bisect.bisect_left(breaks, end)
        paragraph_end = breaks[found] if found < len(breaks) else len(text)
        closer = index + 1
        while closer < count and runs[closer][0] < paragraph_end:
            if runs[closer][1] - runs[closer][0] == width:
                break
            closer += 1
        if closer < count and runs[closer][0] < paragraph_end:
            spans.append((start, runs[closer][1]))
            index = closer + 1
        else:
            index += 1
    return spans


def math_spans(text: str) -> list[tuple[int, int]]:
    """``$$...$$`` and ``$...$`` spans."""
    spans = [m.span() for m in _DISPLAY_MATH.finditer(text)]
    if "$" in text:
        masked = mask(text, spans)
        spans.extend(m.span() for m in _INLINE_MATH.finditer(masked))
    return spans


def liquid_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _LIQUID.finditer(text)]


def url_spans(text: str) -> list[tuple[int, int]]:
    """Bare addresses (``http://``, ``https://``, ``ftp://``, ``www.``), as ``_URL.finditer`` finds them.

    A scan for ``_URL`` stops at every h, f and w of the page; the pattern is tried only where one
    of its first letters is right before a ``://`` or is a ``www.``, in order, after the last match.
    """
    starts = {at - back for at in _occurrences(text, "://") for back in (3, 4, 5) if at >= back}
    starts.update(_occurrences(text, "www."))
    spans: list[tuple[int, int]] = []
    end = 0
    for start in sorted(starts):
        match = _URL.match(text, start) if start >= end else None
        if match:
            spans.append(match.span())
            end = match.end()
    return spans


def _occurrences(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def find_tags(text: str) -> list[Tag]:
    tags: list[Tag] = []
    append = tags.append
    for match in _TAG.finditer(text):
        close, name, raw, self_closing = match.groups()
        attrs = []
        if raw and not close and not raw.isspace():
            base = match.start(3)
            for attr in _ATTR.finditer(raw):
                attr_name, dq, sq, bare = attr.groups()
                group, value = (2, dq) if dq is not None else (3, sq) if sq is not None else (4, bare)
                if value is None:
                    vs = ve = base + attr.end()
                else:
                    vs, ve = base + attr.start(group), base + attr.end(group)
                attrs.append(Attribute(attr_name, value, base + attr.start(), vs, ve))
        append(Tag(name, match.start(), match.end(), bool(close), bool(self_closing), tuple(attrs)))
    return tags


def find_links(text: str, tags: list[Tag]) -> list[Link]:
    """Markdown links and images, reference definitions, autolinks and HTML link attributes."""
    links = list(_markdown_links(text))
    # (a pattern starting with ``^`` is tried at every character: only on a page with a ``]:``)
    for match in _REF_DEF.finditer(text) if "]:" in text else ():
        target = match.group("target")
        start = match.start("target")
        if target.startswith("<"):
            target, start = target[1:-1], start + 1
        links.append(
            Link("reference", target, start, start + len(target), match.start(), match.end(), text=match.group("label"))
        )
    for match in _AUTOLINK.finditer(text):
        links.append(
            Link(
                "autolink",
                match.group("target"),
                match.start("target"),
                match.end("target"),
                match.start(),
                match.end(),
            )
        )
    for tag in tags:
        wanted = LINK_ATTRIBUTES.get(tag.name.lower())
        if wanted and not tag.closing:
            attribute = tag.attribute(wanted)
            if attribute is not None and attribute.value is not None:
                links.append(
                    Link(
                        "html",
                        attribute.value,
                        attribute.value_start,
                        attribute.value_end,
                        tag.start,
                        tag.end,
                        tag=tag.name.lower(),
                    )
                )
    links.sort(key=lambda link: (link.target_start, link.kind))
    return links


def _markdown_links(text: str):
    """``[text](target "title")`` and ``![alt](src)``, allowing nested brackets in the text."""
    pos = 0
    find = text.find
    while True:
        close = find("](", pos)
        if close < 0:
            return
        opener = _matching_open(text, close)
        if opener is None:
            pos = close + 2
            continue
        target_start = close + 2
        while target_start < len(text) and text[target_start] in " \t":
            target_start += 1
        if text.startswith("<", target_start):
            end = find(">", target_start)
            if end < 0 or "\n" in text[target_start:end]:
                pos = close + 2
                continue
            t_start, t_end = target_start + 1, end
            after = end + 1
        else:
            depth = 0
            index = target_start
            while index < len(text):
                stop = _TARGET_STOP.search(text, index)  # (the characters in between are the target's)
                if stop is None:
                    index = len(text)
                    break
                index = stop.start()
                char = text[index]
                if char == "\\":
                    index += 2
                    continue
                if char == "(":
                    depth += 1
                elif char == ")":
                    if depth == 0:
                        break
                    depth -= 1
                else:  # a space, tab or newline
                    break
                index += 1
            t_start, t_end = target_start, index
            after = index
        close_paren = _link_end(text, after)
        if close_paren is None:
            # a target with spaces in it: keep it to the closing parenthesis on this line
            line_end = find("\n", after)
            line_end = len(text) if line_end < 0 else line_end
            paren = find(")", after, line_end)
            if paren < 0:
                pos = close + 2
                continue
            t_end = paren
            while t_end > t_start and text[t_end - 1] in " \t":
                t_end -= 1
            close_paren = paren
        is_image = opener > 0 and text[opener - 1] == "!"
        start = opener - 1 if is_image else opener
        yield Link(
            "image" if is_image else "link",
            text[t_start:t_end],
            t_start,
            t_end,
            start,
            close_paren + 1,
            text=text[opener + 1 : close],
        )
        pos = close + 2


def _matching_open(text: str, close: int) -> int | None:
    depth = 0
    index = close - 1
    limit = max(0, close - 2000)
    while index >= limit:
        char = text[index]
        if char == "]" and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif char == "[" and (index == 0 or text[index - 1] != "\\"):
            if depth == 0:
                return index
            depth -= 1
        elif char == "\n" and text[index - 1 : index] == "\n":
            return None
        index -= 1
    return None


def _link_end(text: str, pos: int) -> int | None:
    """Offset of the ``)`` closing a link after an optional title, or None."""
    match = _LINK_END.match(text, pos)
    return match.end() - 1 if match else None
