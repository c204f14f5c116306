"""DLC708 youtube-link-mismatch: a lecture video link or its `t=` timestamp differs from the English page.

## What it does
Lists the YouTube links of the English page in order (video and `t=` start
time) and compares the translated page's YouTube links with them. Reported:
a link to the same video at another time, a link to another video where the
English page links a video, and an English video link the translation
dropped from a block it did translate (usually a section heading
`## [Title](https://www.youtube.com/watch?v=...&t=217s)` translated without
its link). `t=217s`, `t=217` and `t=3m37s` are the same time. A dropped link
is a warning when the English kept in the page's comment has it (the
translator left it out), else information (the English page got it later).

Video addresses with spaces inside (`& t=4575s`) are reported by DLC406.

## Why is this bad?
Each section heading links to the moment of the lecture video where the
section starts. A wrong timestamp sends the reader to the wrong part of a
two-hour lecture; a dropped link loses the video altogether.

## Example
English: `## [Course plan](https://www.youtube.com/watch?v=0bMe_vCZo30&t=217s)`
```
## [강의 계획](https://www.youtube.com/watch?v=0bMe_vCZo30&t=271s)
```

## Use instead
```
## [강의 계획](https://www.youtube.com/watch?v=0bMe_vCZo30&t=217s)
```
"""

import difflib
import re
from urllib.parse import parse_qs, urlsplit

from dlc_lint.analysis import parity
from dlc_lint.finding import Severity
from dlc_lint.rules import rule


@rule(
    "DLC708",
    "youtube-link-mismatch",
    "warning",
    "A lecture video link or its `t=` timestamp differs from the English page",
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    theirs = _videos(parity.link_items(site, english))
    if not theirs:
        return
    mine = _videos(parity.link_items(site, page))
    align = parity.alignment(site, page, english)
    mine_keys = [key for key, _ in mine]
    theirs_keys = [key for key, _ in theirs]
    matcher = difflib.SequenceMatcher(None, mine_keys, theirs_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            for (key, item), (other_key, other) in zip(mine[i1:i2], theirs[j1:j2]):
                yield _report_changed(context, english, item, key, other, other_key)
            extra = theirs[j1 + (i2 - i1) : j2]
        elif tag == "delete":
            continue  # a video link the English page does not have: the translator's addition
        else:
            extra = theirs[j1:j2]
        for other_key, other in extra:
            if other_key in mine_keys:
                continue
            finding = _report_dropped(context, english, align, other, other_key)
            if finding is not None:
                yield finding


def _videos(items):
    found = []
    for item in items:
        if item.problem or item.link.is_image:
            continue
        key = video_key(item.link.target)
        if key is not None:
            found.append((key, item))
    return found


_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


def video_key(url: str) -> tuple[str, int] | None:
    """``(video id, start second)`` of a YouTube address, or None for another address."""
    url = url.strip()
    if not url.startswith(("http://", "https://", "//")):
        return None
    parts = urlsplit(url)
    host = parts.netloc.lower()
    query = parse_qs(parts.query)
    if host.endswith("youtube.com") and parts.path == "/watch":
        video = (query.get("v") or [""])[0]
    elif host.endswith("youtu.be"):
        video = parts.path.strip("/")
    elif host.endswith("youtube.com") and parts.path.startswith("/embed/"):
        video = parts.path[len("/embed/") :]
    else:
        return None
    if not video:
        return None
    start = (query.get("t") or query.get("start") or ["0"])[0]
    match = _DURATION.match(start.strip())
    seconds = 0
    if match:
        h, m, s = (int(g) if g else 0 for g in match.groups())
        seconds = h * 3600 + m * 60 + s
    return video, seconds


def _clock(seconds: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _report_changed(context, english, item, key, other, other_key):
    related = (
        parity.english_location(
            context, english, other.link.target_start, other.link.target_end, "the English video link"
        ),
    )
    if key[0] == other_key[0]:
        message = (
            f"this video link starts at t={key[1]}s ({_clock(key[1])}) but the English link starts at "
            f"t={other_key[1]}s ({_clock(other_key[1])}): {parity.code(other.link.target, 80)}"
        )
    else:
        message = (
            f"this links video `{key[0]}` where the English page links video `{other_key[0]}`: "
            f"{parity.code(other.link.target, 80)}"
        )
    return parity.report_english(context, item.link.target_start, item.link.target_end, message, related=related)


def _report_dropped(context, english, align, other, other_key):
    """An English video link whose block was translated without it."""
    if other.unit is None:
        return None
    page = context.page
    if context.site.is_index(page.path):
        return None  # language index pages list the videos their own way
    unit = align.english[other.unit]
    counterpart = align.translated_for(unit)
    if counterpart is None:
        return None  # the whole block is missing: other rules say so
    related = (
        parity.english_location(
            context, english, other.link.target_start, other.link.target_end, "the English video link"
        ),
    )
    for item in parity.link_items(context.site, page):
        if item.unit == counterpart.index and ("youtu" in item.link.target or item.link.target.startswith("http")):
            if item.problem:
                return None  # a damaged address: the link rules report it
            if "youtu" in item.link.target and video_key(item.link.target) is None:
                return parity.report_english(
                    context,
                    item.link.target_start,
                    item.link.target_end,
                    f"this video address is damaged, YouTube cannot read it; the English page has "
                    f"{parity.code(other.link.target, 80)}",
                    related=related,
                )
    seen = other.link.target in parity.comment_text(page)
    later = not seen and bool(parity.snapshot(context.site, page))
    why = (
        " (the English page got this link after the translation was made)"
        if later
        else " (the English kept in this page's comment has it)"
        if seen
        else ""
    )
    # at the start of the block: its words may change (other fixes), the place does not
    return parity.report_english(
        context,
        counterpart.start,
        counterpart.start,
        f"the English {'heading' if unit.kind == 'heading' else 'text'} here links the lecture video at "
        f"t={other_key[1]}s ({_clock(other_key[1])}), the translation does not{why}: "
        f"{parity.code(other.link.target, 80)}",
        severity=Severity.WARNING if seen else Severity.INFO,
        related=related,
    )
