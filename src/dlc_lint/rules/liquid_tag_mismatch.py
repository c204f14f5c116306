"""DLC709 liquid-tag-mismatch: a Liquid tag differs from the English page, or lost the link around it.

## What it does
Compares the Liquid tags (`{{ ... }}`, `{% ... %}`) of a translated page with
those of the English page, spaces at the ends of a tag ignored:
- a tag in the text of the translation that the English page only uses
  inside link and image addresses: the Markdown link around it broke
  (full-width `（）` brackets, a missing `[...]`), so the reader sees
  `{{site.baseurl}}/en/week07/07-3/` as text (an error: the page shows a
  broken link);
- a tag of the translation that the English page does not have;
- a tag of the English text that the translation dropped.

Mistyped `{{ site.baseurl }}` inside addresses is DLC405's (malformed-liquid).

## Why is this bad?
Liquid runs before Markdown: a tag that is not the English one renders as
something else, or as nothing, and a tag whose link broke renders as a bare
address in the middle of a sentence.

## Example
English: `see [Week 7]({{site.baseurl}}/en/week07/07-3/)`
```
[第7週]（{{site.baseurl}}/en/week07/07-3/）を参照
```

## Use instead
```
[第7週]({{site.baseurl}}/en/week07/07-3/)を参照
```
"""

import bisect
import itertools
from collections import Counter

from dlc_lint.analysis import parity
from dlc_lint.finding import Severity
from dlc_lint.parse import inline
from dlc_lint.rules import rule


@rule(
    "DLC709", "liquid-tag-mismatch", "warning", "A Liquid tag differs from the English page, or lost the link around it"
)
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    page = context.page
    mine_text, mine_in_links = _tags(page)
    theirs_text, theirs_in_links = _tags(english)
    if not mine_text and not theirs_text:
        return
    theirs_keys = Counter(key for key, _, _ in theirs_text)
    link_keys = {key for key, _, _ in theirs_in_links}
    for key, start, end in mine_text:
        if theirs_keys[key] > 0:
            theirs_keys[key] -= 1
            continue
        if key in link_keys:
            at = _english_link(context, english, key, start, theirs_in_links)
            yield parity.report_english(
                context,
                start,
                end,
                f"{parity.code(page.text[start:end], 40)} shows as text here: on the English page it is only used "
                "inside link addresses, so the Markdown link around it is broken (check the `[...](...)` "
                "brackets: full-width `（）` or a missing `[...]` break it)",
                severity=Severity.ERROR,
                related=(parity.english_location(context, english, at[0], at[1], "the English link"),),
            )
        else:
            yield context.report(
                start, end, f"the Liquid tag {parity.code(page.text[start:end], 40)} is not on the English page"
            )
    mine_keys = Counter(key for key, _, _ in mine_text) + Counter(key for key, _, _ in mine_in_links)
    for key, start, end in theirs_text:
        if mine_keys[key] > 0:
            mine_keys[key] -= 1
            continue
        yield parity.report_english(
            context,
            len(page.text.rstrip()),
            len(page.text.rstrip()),
            f"the English page uses the Liquid tag {parity.code(english.text[start:end], 40)}, this page does not",
            related=(parity.english_location(context, english, start, end, "the English Liquid tag"),),
        )


def _english_link(context, english, key, start, theirs_in_links) -> tuple[int, int]:
    """Where the English page uses ``key`` in a link: in the block paired with the one holding ``start``
    when it does there, else its first use."""
    align = parity.alignment(context.site, context.page, english)
    unit = parity.unit_at(align.translated, start)
    paired = align.english_for(unit) if unit is not None else None
    uses = [(a, b) for k, a, b in theirs_in_links if k == key]
    if paired is not None:
        inside = [(a, b) for a, b in uses if paired.start <= a <= paired.end]
        if inside:
            return inside[0]
    return uses[0]


def _tags(page):
    """Liquid tags of the rendered text as ``(key, start, end)``: outside links, and inside link addresses."""
    text = page.content_text
    if "{" not in text:
        return [], []
    targets = sorted((link.target_start, link.target_end) for link in page.links)
    starts = [a for a, _ in targets]
    reach = list(itertools.accumulate((b for _, b in targets), max))  # the furthest end among targets so far
    outside, inside = [], []
    for start, end in inline.liquid_spans(text):
        key = _key(text[start:end])
        before = bisect.bisect_right(starts, start)  # targets that start at or before the tag (linear overall)
        if before and reach[before - 1] > start:
            inside.append((key, start, end))
        else:
            outside.append((key, start, end))
    return outside, inside


def _key(tag: str) -> str:
    opener, closer = tag[:2], tag[-2:]
    return opener + " " + tag[2:-2].strip().strip("-").strip() + " " + closer
