"""How kramdown pairs the HTML tags of a page, and where that goes wrong.

The site is rendered by kramdown, which is stricter than a browser:

- A line that starts with a tag that is not a span element (``<center>``,
  ``<div>``, ``<figure>``, ``<p>``, an unknown ``<centro>``) opens an HTML
  *block*. Its content is raw HTML (no Markdown) up to the matching closing
  tag. Inside, a closing tag must close the innermost open element, or it is
  ignored and printed as text; if the block is never closed, the **rest of the
  page** is raw HTML: headings, lists, emphasis and math are no longer rendered.
- Anywhere else (paragraphs, list items, headings, table rows) tags are span
  HTML: an element left open is closed at the end of the paragraph, and a
  closing tag that does not close the innermost element is printed as text.
- Only void elements (``<br>``, ``<img>``...) and ``<x/>`` need no closing
  tag; kramdown knows no optional end tags, not even ``</p>`` or ``</li>``.

:func:`analyse` replays that on ``page.tags`` (code, comments and math already
masked) and returns :class:`Issue` objects; the 6xx tag rules report them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dlc_lint.distance import edit_distance

if TYPE_CHECKING:
    from dlc_lint.parse.inline import Tag

# kramdown's own lists (kramdown/parser/html.rb)
KRAMDOWN_SPAN_ELEMENTS = frozenset(
    "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc "
    "rp rt rtc ruby samp select small span strong sub sup tt u var".split()
)
KRAMDOWN_BLOCK_ELEMENTS = frozenset(
    "address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol "
    "optgroup p pre section summary table tbody td th thead tfoot tr ul".split()
)
VOID_ELEMENTS = frozenset("area base br col command embed hr img input keygen link meta param source track wbr".split())

# Every HTML element name, current and obsolete (browsers still know these), and the SVG and
# MathML element names that can appear inline in a page.
HTML_ELEMENTS = frozenset(
    """a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
    blockquote body br button canvas caption center cite code col colgroup command content data datalist dd
    del details dfn dialog dir div dl dt element em embed fieldset figcaption figure font footer form frame
    frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd keygen
    label legend li link listing main map mark marquee menu menuitem meta meter multicol nav nextid nobr
    noembed noframes noscript object ol optgroup option output p param picture plaintext portal pre progress
    q rb rbc rp rt rtc ruby s samp script search section select shadow slot small source spacer span strike
    strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul
    var video wbr xmp""".split()
)
SVG_ELEMENTS = frozenset(
    """svg a animate animatemotion animatetransform circle clippath defs desc ellipse feblend fecolormatrix
    fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight
    fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode
    femorphology feoffset fepointlight fespecularlighting fespotlight fetile feturbulence filter
    foreignobject g image line lineargradient marker mask metadata mpath path pattern polygon polyline
    radialgradient rect set stop switch symbol text textpath tspan use view""".split()
)
MATHML_ELEMENTS = frozenset(
    """math maction annotation annotation-xml menclose merror mfenced mfrac mi mmultiscripts mn mo mover
    mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr
    munder munderover none semantics""".split()
)
KNOWN_ELEMENTS = HTML_ELEMENTS | SVG_ELEMENTS | MATHML_ELEMENTS


def is_known(name: str) -> bool:
    """An HTML, SVG or MathML element, or a custom element (``my-widget``)."""
    lower = name.lower()
    return lower in KNOWN_ELEMENTS or "-" in lower or ":" in lower


def similar(a: str, b: str) -> bool:
    """Two tag names one typo apart (``spu``/``sup``, ``centre``/``center``, ``centro``/``center``)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if abs(len(a) - len(b)) > 2:
        return False
    return edit_distance(a, b) <= 2 and min(len(a), len(b)) >= 3 or sorted(a) == sorted(b)


@dataclass(frozen=True)
class Issue:
    """One pairing problem.

    ``kind``:
      - ``unclosed``: ``tag`` is never closed (``raw``: it opened an HTML block,
        so the rest of the page is not rendered as Markdown);
        ``reopened``: it has the same name as the open element it sits in
        (``<sup>x<sup>``, an opening tag typed for a closing one);
        ``blocked_by``: the closing tag it kept from working.
      - ``stray``: the closing ``tag`` closes nothing and is printed as text.
      - ``mismatched``: the closing ``tag`` has a name one typo away from the
        open element ``partner`` (``<sup>…</spu>``, ``<centro>…</center>``).
      - ``block-in-text``: a block tag (``<div>``, ``<p>``) after text on a line,
        which kramdown prints as text.
    """

    kind: str
    tag: Tag
    raw: bool = False
    partner: Tag | None = None
    reopened: bool = False
    blocked_by: Tag | None = None


def _block_opener(text, offset, end, tags_by_start):
    """The opening tag starting a line at ``offset`` that kramdown takes as an HTML block, if any."""
    while offset < end and text[offset] in " \t":
        offset += 1
    tag = tags_by_start.get(offset)
    if tag is None or tag.closing or tag.name.lower() in KRAMDOWN_SPAN_ELEMENTS:
        return None
    if tag.self_closing or tag.name.lower() in VOID_ELEMENTS:
        return None
    return tag


_HTML_LINE = re.compile(r"[ \t]{0,3}</?(?P<name>[A-Za-z][A-Za-z0-9-]*)")


def _segments(page, block):
    """Pieces of a block that kramdown span-parses separately: list items, table rows, paragraphs."""
    if block.kind in ("list", "blockquote"):
        text = page.text
        start = block.start
        pos = block.start
        item = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
        for line in text[block.start : block.end].split("\n"):
            if pos > start and (not line.strip(" \t>") or item.match(line)):
                yield start, pos
                start = pos
            pos += len(line) + 1
        yield start, block.end
        return
    yield block.start, block.end


def analyse(page) -> tuple[Issue, ...]:
    """Every tag-pairing problem of the page, in kramdown's terms (cached on the page)."""
    cache = page.__dict__
    if "_dlc_html_issues" in cache:
        return cache["_dlc_html_issues"]
    tags = sorted(page.tags, key=lambda t: t.start)
    if not tags:
        cache["_dlc_html_issues"] = ()
        return ()
    starts = [t.start for t in tags]

    def between(low, high):
        return tags[bisect_left(starts, low) : bisect_left(starts, high)]

    by_start = {tag.start: tag for tag in tags}
    issues: list[Issue] = []
    raw_end = -1
    text = page.text
    for block in page.blocks:
        if block.end <= raw_end or block.kind in ("code", "indented-code", "comment", "math"):
            continue
        if block.kind != "html":
            start = max(block.start, raw_end)
            for seg_start, seg_end in _segments(page, block):
                if seg_end > start:
                    found = between(max(seg_start, start), seg_end)
                    if found:
                        _span(page, found, issues)
            continue
        # An HTML block: each line starting with a block-level opening tag starts a raw HTML block;
        # the lines between are span text up to the next line starting with a non-span tag.
        pos = max(block.start, raw_end)
        while pos < block.end:
            opener = _block_opener(text, pos, block.end, by_start)
            if opener is not None:
                raw_end = _raw_block(tags, bisect_left(starts, opener.start), issues, text)  # (starts are unique)
                pos = raw_end
                continue
            end = text.find("\n", pos)
            end = block.end if end < 0 or end > block.end else end
            while end < block.end:
                nxt = _HTML_LINE.match(text, end + 1)
                if nxt and nxt.group("name").lower() not in KRAMDOWN_SPAN_ELEMENTS:
                    break
                line_end = text.find("\n", end + 1)
                end = block.end if line_end < 0 or line_end > block.end else line_end
            _span(page, between(pos, end), issues)
            pos = end + 1
    result = tuple(sorted(issues, key=lambda issue: issue.tag.start))
    cache["_dlc_html_issues"] = result
    return result


def _matches(closing, element) -> bool:
    return closing.name.lower() == element.name.lower()


def _raw_block(tags, first: int, issues: list[Issue], text: str) -> int:
    """Pair tags from the block's opening tag on; return where the block ends."""
    stack = [tags[first]]
    for tag in tags[first + 1 :]:
        if not tag.closing:
            if not tag.self_closing and tag.name.lower() not in VOID_ELEMENTS:
                stack.append(tag)
            continue
        if _matches(tag, stack[-1]):
            stack.pop()
        elif _typo_pair(tag, stack[-1]):
            issues.append(Issue("mismatched", tag, raw=True, partner=stack.pop()))
        elif any(_matches(tag, element) for element in stack):
            # kramdown ignores this closing tag: the elements above its partner were never closed.
            # Report the innermost one (the likely culprit) and go on as if the tag had worked.
            popped = []
            while not _matches(tag, stack[-1]):
                popped.append(stack.pop())
            stack.pop()
            culprit = popped[0]
            reopened = any(e.name.lower() == culprit.name.lower() for e in popped[:-1] + stack)
            issues.append(Issue("unclosed", culprit, raw=True, reopened=reopened, blocked_by=tag))
        else:
            issues.append(Issue("stray", tag, raw=True))
        if not stack:
            return tag.end
    # The page ends inside the block. Report the innermost element, and every element opened again on
    # the same line as its namesake (`<div>caption <div>`: an opening tag typed for a closing one).
    for position, element in enumerate(stack):
        below = stack[position - 1] if position else None
        reopened = (
            below is not None
            and below.name.lower() == element.name.lower()
            and "\n" not in text[below.start : element.start]
        )
        if reopened or position == len(stack) - 1:
            issues.append(Issue("unclosed", element, raw=True, reopened=reopened))
    return len(text)


def _typo_pair(closing, element) -> bool:
    """A closing tag one typo away from the open element, where one of the two names is not HTML."""
    a, b = closing.name.lower(), element.name.lower()
    return a != b and (not is_known(a) or not is_known(b)) and similar(a, b)


def _span(page, tags, issues: list[Issue]) -> None:
    stack = []
    as_text: dict[str, int] = {}  # block tags printed as text, whose closing tags are text too
    text = page.text
    for tag in tags:
        name = tag.name.lower()
        if not tag.closing:
            if name in KRAMDOWN_BLOCK_ELEMENTS and name not in VOID_ELEMENTS:
                line_start = text.rfind("\n", 0, tag.start) + 1
                if text[line_start : tag.start].strip(" \t>-*+|"):
                    issues.append(Issue("block-in-text", tag))
                as_text[name] = as_text.get(name, 0) + 1
                continue
            if not tag.self_closing and name not in VOID_ELEMENTS:
                stack.append(tag)
            continue
        if stack and _matches(tag, stack[-1]):
            stack.pop()
        elif stack and _typo_pair(tag, stack[-1]):
            issues.append(Issue("mismatched", tag, partner=stack.pop()))
        elif as_text.get(name):
            as_text[name] -= 1
        else:
            issues.append(Issue("stray", tag))
    for position, element in enumerate(stack):
        if any(e.name.lower() == element.name.lower() for e in stack[position + 1 :]):
            continue  # the inner one is reported, as re-opened
        reopened = any(e.name.lower() == element.name.lower() for e in stack[:position])
        issues.append(Issue("unclosed", element, reopened=reopened))


# -- tags that lost a character ------------------------------------------------------

_TAG_NAMES = frozenset(n for n in HTML_ELEMENTS if len(n) <= 10)
_CLOSER_WITHOUT_LT = re.compile(r"/(?P<name>[A-Za-z][A-Za-z0-9]{0,9})>")
# ``>`` and text: where an opening tag that lost its ``<`` may end. Its name is read backwards from
# there (much faster than a pattern tried at every letter).
_GT_BEFORE_TEXT = re.compile(r">(?=\S)")
# A ``$...$`` pair not preceded by ``\`` or ``$``: the look-behind comes after the literal ``$`` so
# that the engine looks for the ``$`` first instead of trying the look-behind at every character.
_DOLLAR_PAIR = re.compile(r"\$(?<![\\$]\$)[^$\n]+\$")
_SPACED_CLOSER = re.compile(r"</[ \t]+(?P<name>[A-Za-z][A-Za-z0-9]{0,9})[ \t]*>")
_GLUED_OPENER = re.compile(r"<(?P<name>[A-Za-z][A-Za-z0-9]{0,9})(?=[^\x00-\x7f])")


@dataclass(frozen=True)
class BrokenTag:
    start: int
    end: int
    name: str
    closing: bool
    problem: str  # "no-lt", "space", "glued"


def broken_tags(page) -> tuple[BrokenTag, ...]:
    """Tags that lost a character and are printed as text: ``이론/td>``, ``b>Fig``, ``</ b>``, ``<bŞekil``."""
    cache = page.__dict__
    if "_dlc_broken_tags" in cache:
        return cache["_dlc_broken_tags"]
    from dlc_lint.parse.inline import mask
    from dlc_lint.site.urls import kramdown_math_ranges

    text = page.content_text
    if "$" in text:
        text = mask(text, kramdown_math_ranges(page))
        text = mask(text, [(m.start(), m.end()) for m in _DOLLAR_PAIR.finditer(text)])
    found = []
    for match in _CLOSER_WITHOUT_LT.finditer(text):
        if match.group("name").lower() not in _TAG_NAMES or text[match.start() - 1 : match.start()] in ("<", "\\", "/"):
            continue
        token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        token = text[token_start : match.start()]
        if "/" in token or "<" in token or "{{" in token or token.endswith("\\"):
            continue  # an address or a path, not a tag
        found.append(BrokenTag(match.start(), match.end(), match.group("name"), True, "no-lt"))
    for start, end in _openers_without_lt(text):
        name = text[start : end - 1]
        if name.lower() not in _TAG_NAMES:
            continue
        line_end = text.find("\n", end)
        rest = text[end : len(text) if line_end < 0 else line_end]
        closer = re.search(r"</" + re.escape(name) + r"\s*>", rest, re.I)
        if closer and not re.search(r"<" + re.escape(name) + r"[\s>]", rest[: closer.start()], re.I):
            found.append(BrokenTag(start, end, name, False, "no-lt"))
    for match in _SPACED_CLOSER.finditer(text):
        if match.group("name").lower() in _TAG_NAMES:
            found.append(BrokenTag(match.start(), match.end(), match.group("name"), True, "space"))
    for match in _GLUED_OPENER.finditer(text):
        if match.group("name").lower() in _TAG_NAMES and text[match.start() - 1 : match.start()] != "<":
            found.append(BrokenTag(match.start(), match.end(), match.group("name"), False, "glued"))
    result = tuple(sorted(found, key=lambda b: b.start))
    cache["_dlc_broken_tags"] = result
    return result


def _openers_without_lt(text: str):
    """``(start, end)`` of each ``name>`` followed by text, where the name (a letter, then up to nine
    letters or digits) starts the text or follows a space or ``(``."""
    for match in _GT_BEFORE_TEXT.finditer(text):
        end = match.end()
        start = end - 1  # the ">": the name ends before it
        while start > 0 and end - 1 - start < 10 and _is_ascii_alnum(text[start - 1]):
            start -= 1
        if start == end - 1:
            continue  # no name
        before = text[start - 1] if start else ""
        if text[start].isalpha() and (not before or before.isspace() or before == "("):
            yield start, end


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def explained_by_broken_tag(page, issue: Issue) -> bool:
    """A stray closing tag whose opening tag is broken, or an unclosed element whose closing tag is."""
    text = page.text
    tag = issue.tag
    for broken in broken_tags(page):
        if broken.name.lower() != tag.name.lower():
            continue
        if (
            issue.kind == "stray"
            and not broken.closing
            and broken.start < tag.start
            and "\n" not in text[broken.start : tag.start]
        ):
            return True
        if (
            issue.kind == "unclosed"
            and broken.closing
            and broken.start > tag.start
            and text.count("\n", tag.start, broken.start) <= 1
        ):
            return True
    return False


def reported_issues(page, kind: str):
    """Issues of ``kind`` ("unclosed" or "stray") on a page of the site, for known HTML tags,
    except those a broken tag (DLC604) already explains."""
    if not page.front_matter.present:
        return  # a README for GitHub, not a page of the site
    for issue in analyse(page):
        if issue.kind == kind and is_known(issue.tag.name) and not explained_by_broken_tag(page, issue):
            yield issue
