"""DLC713 comment-without-translation: an English source comment with no translation next to it.

## What it does
On a translated page that keeps each English paragraph in an HTML comment next
to its translation (above it, the site's convention, or below it: the page's
own habit is detected, and a comment on the other side of text that starts
like its English is taken for that text's source), finds comments holding
English text from the English page that have no translated text next to
them: only figures, code, formulas, the next comment or the end of the page. Several
comments in a row followed by their translations together are fine, also when
only formulas or code stand between them after a comment whose sentence is
unfinished (a sentence kept in two comments around its formula, translated
once after both).

Comments that are not English source (notes, `dlc-lint` directives, `=====`
separators) are left alone, and so is English left visible instead of a
translation (DLC712 reports that).

## Why is this bad?
The paragraph is missing from the published translation: readers of the
translation never see it, and the comment makes the page look complete to
anyone reading the source.

## Example
```
<!-- Backpropagation computes the gradient of the loss. -->

<!-- It uses the chain rule. -->
연쇄 법칙을 사용한다.
```

## Use instead
```
<!-- Backpropagation computes the gradient of the loss. -->
역전파는 손실의 기울기를 계산한다.

<!-- It uses the chain rule. -->
연쇄 법칙을 사용한다.
```
"""

import re

from dlc_lint.analysis import parity
from dlc_lint.rules import rule

_TAG = re.compile(r"<[^>]*>")


@rule("DLC713", "comment-without-translation", "warning", "An English source comment has no translation next to it")
def check(context):
    english = parity.english_for(context)
    if english is None:
        return
    site, page = context.site, context.page
    snaps = parity.snapshot(site, page)
    if not snaps:
        return
    align = parity.alignment(site, page, english)
    if not align.snap_to_en:
        return  # nothing of the English is recognisable: not a page of English comments
    units = align.translated
    english_text = " ".join(u.key for u in align.english if u.kind in parity.PROSE_KINDS)
    by_comment: dict[int, list[tuple[int, parity.SnapBlock]]] = {}
    for index, snap in enumerate(snaps):
        by_comment.setdefault(snap.comment_index, []).append((index, snap))
    comments = sorted(by_comment)
    # groups of comments with no visible unit between them, or only formulas and code after an unfinished
    # sentence (a sentence kept in two comments around its formula, translated once after both)
    groups: list[list[int]] = []
    for comment_index in comments:
        first = by_comment[comment_index][0][1]
        previous = by_comment[groups[-1][-1]][0][1] if groups else None
        if previous is not None and (
            previous.t_pos == first.t_pos
            or (
                _unfinished(by_comment[groups[-1][-1]][-1][1].key)
                and not _has_text(units[previous.t_pos : first.t_pos])
            )
        ):
            groups[-1].append(comment_index)
        else:
            groups.append([comment_index])
    for position, group in enumerate(groups):
        first = by_comment[group[0]][0][1]
        last = by_comment[group[-1]][-1][1]
        end = by_comment[groups[position + 1][0]][0][1].t_pos if position + 1 < len(groups) else len(units)
        after, before = units[first.t_pos : end], units[first.t_before : first.t_pos]
        side, other = (after, before) if align.convention == "above" else (before, after)
        if _has_text(side):
            continue
        # Pages mix "comment above" and "comment below": the text on the other side belongs to the
        # neighbouring comment, unless it has more blocks than that comment's English and the extra
        # ones, next to this comment, start (or end) like this comment's English.
        if other is after:
            neighbour = groups[position + 1] if position + 1 < len(groups) else []
            if _surplus_matches(after, _prose_count(by_comment, neighbour), _token(first), at_start=True):
                continue
        else:
            neighbour = groups[position - 1] if position > 0 else []
            if _surplus_matches(before, _prose_count(by_comment, neighbour), _token(last), at_start=False):
                continue
        for comment_index in group:
            blocks = by_comment[comment_index]
            prose = [s for i, s in blocks if s.kind in parity.PROSE_KINDS and parity.has_letters(s.key, 10)]
            if not prose:
                continue
            if not any(
                (i in align.snap_to_en and align.english[align.snap_to_en[i]].kind in parity.PROSE_KINDS)
                or s.key in english_text
                for i, s in blocks
            ):
                continue  # not (or no longer) English of this page: a note, or drift (DLC722)
            comment = page.pairs[comment_index].comment
            matched = [align.english[align.snap_to_en[i]] for i, _ in blocks if i in align.snap_to_en]
            yield parity.report_english(
                context,
                comment.start,
                min(comment.end, comment.start + 4),
                f"this comment keeps the English {parity.code(prose[0].key, 60)} but there is no translated text "
                "next to it: the paragraph is missing from the translated page",
                related=tuple(
                    parity.english_location(context, english, u.start, u.end, "the English paragraph")
                    for u in matched[:1]
                ),
            )


def _unfinished(key: str) -> bool:
    """The English ends mid-sentence (no full stop, question or exclamation mark): it goes on after a formula."""
    return not key.rstrip(" *_)\"'”’").endswith((".", "!", "?", ":", "。"))


def _has_text(units) -> bool:
    """Some translated text (a caption inside HTML counts; code and formulas do not)."""
    return any(
        u.kind not in ("code", "indented-code", "math") and parity.has_letters(_TAG.sub(" ", u.key)) for u in units
    )


def _token(snap) -> str:
    return f"h{snap.level}" if snap.kind == "heading" else snap.kind


def _coarse(token: str) -> str:
    return "p" if token in ("paragraph", "list", "blockquote") else token


def _prose_count(by_comment, group) -> int:
    return sum(
        1
        for index in group
        for _, snap in by_comment[index]
        if snap.kind in parity.PROSE_KINDS and parity.has_letters(snap.key, 3)
    )


def _surplus_matches(units, claimed: int, token: str, at_start: bool) -> bool:
    text = [u for u in units if _has_text([u])]
    surplus = len(text) - claimed
    if surplus <= 0:
        return False
    edge = text[0] if at_start else text[-1]
    return _coarse(edge.token) == _coarse(token)
