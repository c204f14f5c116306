"""DLC407 empty-link-target: a link with no address (`[text]()`, `<a href="">`), or an `<a>` with no `href`.

## What it does
Finds, in rendered prose:
- a Markdown link whose address is empty: `[text]()`, `[text]( )`,
  `[text](<>)`;
- an HTML link whose `href` is empty or has no value: `<a href="">`,
  `<a href>`;
- an `<a>` element with no `href` at all, and no `id` or `name` either (with
  one of those it is an anchor that links point to, which is fine).

An HTML link with nothing inside it (`<a href=""></a>`, a placeholder in a
table) shows nothing to click and is left alone.

## Why is this bad?
kramdown turns an empty address into `href=""`, which points at the page
itself: the reader clicks and the page reloads. An `<a>` without `href` is
not a link at all: its text looks like the text around it and leads
nowhere. Both are the trace of an address lost in translation, usually the
lecture video or the notebook the English page links to.

## Example
```
[강의 동영상]()
```

## Use instead
```
[강의 동영상](https://www.youtube.com/watch?v=0bMe_vCZo30)
```
(the address of the English page's link)

## Severity
`error` for an empty address (the link is broken), `warning` for an `<a>`
without `href` (the text is shown, but the link the page meant is missing).
"""

from __future__ import annotations

from dlc_lint.finding import Severity
from dlc_lint.rules import rule


@rule(
    "DLC407",
    "empty-link-target",
    "error",
    'A link with an empty address (`[text]()`, `<a href="">`) or an `<a>` with no `href`',
)
def check(context):
    page = context.page
    seen: set[int] = set()
    for link in page.links:
        if link.kind == "link" and link.target.strip() in ("", "<>"):
            seen.add(link.start)
            label = f"[{link.text}]" if link.text else "this link"
            yield context.report(
                link.start,
                link.end,
                f'`{label}()` has an empty address: kramdown writes `href=""`, so the link reloads this page; '
                "write the address (the English page's link)",
            )
    text = page.content_text
    for tag in page.tags:
        if tag.name.lower() != "a" or tag.closing or tag.start in seen:
            continue
        if _empty(text, tag.end):
            continue  # <a href=""></a>: a placeholder with nothing to click
        href = tag.attribute("href")
        if href is not None:
            if not (href.value or "").strip():
                yield context.report(
                    tag.start,
                    tag.end,
                    "`<a>` has an empty `href`: the link reloads this page; write the address "
                    "(the English page's link)",
                )
            continue
        if tag.attribute("id") is not None or tag.attribute("name") is not None:
            continue  # an anchor other links point to
        yield context.report(
            tag.start,
            tag.end,
            "`<a>` has no `href`: its text is shown but leads nowhere; add the address (the English page's link) "
            "or remove the tag",
            severity=Severity.WARNING,
        )


def _empty(text: str, end: int) -> bool:
    """Nothing but spaces between the tag and its `</a>`."""
    close = text.find("</a", end)
    return close >= 0 and not text[end:close].strip()
