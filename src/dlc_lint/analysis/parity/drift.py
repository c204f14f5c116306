"""Drift: English paragraphs that changed, were added or were removed since the translation."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from dlc_lint.analysis.parity.alignment import Alignment, alignment, anchors
from dlc_lint.analysis.parity.blocks import PROSE_KINDS, SnapBlock, Unit, snapshot, units
from dlc_lint.analysis.parity.cache import cached_on_page
from dlc_lint.analysis.parity.edits import Region, cosmetic, diff_region, inside_with_minor_edits
from dlc_lint.analysis.parity.history import Commit, git_changes_since
from dlc_lint.analysis.parity.locate import english_for
from dlc_lint.analysis.parity.notation import site_macros
from dlc_lint.analysis.parity.text import (
    content_words,
    has_letters,
    squash,
    words_of_text,
)
from dlc_lint.parse.page import Page


@dataclass(frozen=True)
class Change:
    """One drifted English paragraph.

    ``kind``: ``changed`` (``snap`` and ``english`` both set), ``added`` (only
    ``english``; ``at`` is where the translation would hold it) or
    ``removed`` (only ``snap``). ``formula``: a formula of the paragraph
    changed, so the translation very likely shows an outdated one.
    """

    kind: str
    snap: SnapBlock | None
    english: Unit | None
    at: int  # offset in the translated page to report at
    formula: bool = False
    diff: str = ""  # for ``changed``: what changed, word by word


@dataclass(frozen=True)
class Drift:
    basis: str  # "comments" | "git" | "none"
    changes: tuple[Change, ...] = ()
    commits: tuple[Commit, ...] = ()  # basis "git": English commits after the translation's last one

    @property
    def count(self) -> int:
        return len(self.changes) if self.basis == "comments" else len(self.commits)


MIN_CHANGED_SIMILARITY = 0.5
MAX_REGION_BLOCKS = 400  # a word diff over more paragraphs than this costs more than it can tell
# Common English words: with the English page's own words, they tell kept English from a note in
# the translation's language (French, Spanish...) inside a comment.
ENGLISH_WORDS = frozenset(
    """
a about after again all also an and any are as at be because been before being between both but by can
could did do does each few for from had has have he her here him his how i if in into is it its just
later like may more most much must my no not now of off on once one only or other our out over own same
she should so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who why will with would you your
""".split()
)
_NOTE = re.compile(r"\W*(?:TODO|NOTE|FIXME|XXX|N\.B\.)\b", re.I)


def drift_changes(context, kind: str):
    """(English page, the page's drift changes of ``kind``); (None, ()) without an English page."""
    english = english_for(context)
    if english is None:
        return None, ()
    return english, [c for c in drift(context.site, context.page, english).changes if c.kind == kind]


def drift(site, translated: Page, english: Page) -> Drift:
    return cached_on_page(translated, ("drift", english.path), lambda: _drift(site, translated, english))


def _drift(site, translated: Page, english: Page) -> Drift:
    snaps = snapshot(site, translated)
    if not snaps:
        commits = git_changes_since(site, translated.path, english.path)
        if commits is None:
            return Drift("none")
        return Drift("git", commits=tuple(commits))
    e_units = units(site, english)
    snap_to_en, opcodes = anchors(site, translated, english)
    align: Alignment | None = None  # the full alignment, computed only when a region needs it
    snap_keys = {s.key for s in snaps}
    e_keys = {u.key for u in e_units}
    commented = _CommentText(translated)
    english_text = " ".join(u.key for u in e_units)  # a paragraph commented in pieces is still there
    macros = site_macros(site, translated, english)  # the shorthands the site's layouts define for formulas
    changes: list[Change] = []
    removed: list[SnapBlock] = []
    added: list[Unit] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        old = [s for s in snaps[i1:i2] if _drift_kind(s.kind) and s.key not in e_keys and s.key not in english_text]
        new = [u for u in e_units[j1:j2] if _drift_kind(u.kind) and u.key not in snap_keys]
        if len(old) > MAX_REGION_BLOCKS or len(new) > MAX_REGION_BLOCKS:
            continue  # thousands of unmatched paragraphs: not an edited page but another one; no word diff
        if not old or not new:
            region = Region()  # nothing to compare with: every kept paragraph here was removed
        else:
            region = diff_region(old, new)
        for snap in old:
            partner = region.partner.get(snap.start)
            if partner is None:
                removed.append(snap)
            elif not cosmetic(
                snap.key, partner, e_units, snap_keys, region.minor.get(snap.start, True), macros
            ) and not _part_of(snap, partner, commented):
                changes.append(
                    Change("changed", snap, partner, snap.start, region.formula(snap, partner), region.describe(snap))
                )
        for unit in new:
            if unit.index in region.touched or not snap_to_en:
                continue  # (with no kept paragraph still matching, no telling where the translation stands)
            if not has_letters(unit.key, 3) or commented.has_text(unit.key):
                continue  # inside some comment (even one glued to a paragraph): the translator saw it
            if align is None:
                align = alignment(site, translated, english)
            if unit.index in align.e_to_t:
                continue  # paired with a translated block: translated, just not commented
            if unit.key in commented:
                continue  # in a comment with other formatting (`*e.g.*` for `e.g.`)
            if commented.holds_with_minor_edits(unit.key):
                continue  # in a comment as the English was before a typo fix: not new, and the fix is cosmetic
            if _caption_kept_in_figure(site, unit, e_units, english, translated):
                continue  # a caption the English took out of its figure, translated inside the figure
            added.append(unit)
            changes.append(Change("added", None, unit, _insertion_point(align, unit, snaps, translated)))
    # a paragraph that moved in the English page is neither removed nor added
    moved_to = {u.index for u in added}
    if len(removed) > MAX_REGION_BLOCKS:
        removed = []
    if removed:
        vocabulary, all_words, english_comments = _english_words(site, english)
        # English blocks no kept paragraph matches exactly: where a reworded or moved one may be now
        unclaimed = [u for u in e_units if _drift_kind(u.kind) and u.key not in snap_keys]
        captions = [u for u in e_units if u.kind == "html"]  # a figure's caption, kept as a paragraph
        english_blocks = [[w.lower() for w in content_words(u.key)] for u in e_units]  # code blocks too
        title = (english.front_matter.get("title") or "").strip() if english.front_matter.present else ""
    for snap in removed:
        if not has_letters(snap.key, 3) or _NOTE.match(snap.key):
            continue  # a translator's note ("TODO: ...")
        if title and snap.key.removeprefix("title:").strip().strip("'\"") == title:
            continue  # the English title, kept from the front matter
        if snap.key in english_comments:
            continue  # the English page comments it out too: the translation mirrors it
        words = [w.lower() for w in content_words(snap.key)]
        if not words or sum(w in vocabulary for w in words) < 0.5 * len(words):
            continue  # not English of this page: a translator's note, or the translation kept in a comment
        if " " + " ".join(words) + " " in all_words:
            continue  # still there, inside a figure caption or a longer block
        if inside_with_minor_edits(words, english_blocks):
            continue  # still there inside a longer block, a typo fixed since
        best = _best_match(snap, added) or _best_match(snap, unclaimed) or _best_match(snap, captions)
        if best is None:
            changes.append(Change("removed", snap, None, snap.start))
            continue
        if best.index in moved_to:
            moved_to.discard(best.index)
            changes = [c for c in changes if not (c.kind == "added" and c.english is best)]
        region = diff_region([snap], [best])
        if not cosmetic(snap.key, best, e_units, snap_keys, region.minor.get(snap.start, True), macros):
            changes.append(Change("changed", snap, best, snap.start, region.formula(snap, best), region.describe(snap)))
    changes.sort(key=lambda c: (c.at, c.kind))
    return Drift("comments", tuple(changes))


def _english_words(site, english: Page) -> tuple[frozenset[str], str, _CommentText]:
    """The English page's words (a set, and all of them in order between spaces) and its comments'
    words: the same for every translation of the page, so computed once."""

    def compute():
        english_words = [w.lower() for u in units(site, english) for w in content_words(u.key)]
        return frozenset(english_words) | ENGLISH_WORDS, " " + " ".join(english_words) + " ", _CommentText(english)

    return cached_on_page(english, "english-words", compute)


def _best_match(snap: SnapBlock, candidates: list[Unit]) -> Unit | None:
    """The candidate sharing most words with ``snap`` (at least MIN_CHANGED_SIMILARITY of them), a heading
    for a heading and a block of text for a block of text (a heading reworded is not a caption)."""
    best, best_score = None, MIN_CHANGED_SIMILARITY
    mine = [w.lower() for w in content_words(snap.key)]
    heading = snap.kind == "heading"
    for unit in candidates:
        if (unit.kind == "heading") != heading:
            continue
        theirs = [w.lower() for w in content_words(unit.key)]
        matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
        if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        score = matcher.ratio()
        if score >= best_score:
            best, best_score = unit, score
    return best


class _CommentText:
    """``key in comments``: are the words of this text inside any HTML comment of the page?

    Words as :func:`content_words` sees them: a paragraph whose emphasis or ``$`` changed since it
    was copied into a comment is still in it.
    """

    def __init__(self, page: Page):
        self.page = page
        self._words: str | None = None
        self._text: str | None = None
        self._blocks: list[list[str]] | None = None

    def has_text(self, key: str) -> bool:
        """The text itself, spaces aside, is inside a comment (cheaper than comparing words)."""
        if self._text is None:
            text = self.page.text
            self._text = " ".join(squash(text[c.inner_start : c.inner_end]) for c in self.page.comments)
        return key in self._text

    def holds_with_minor_edits(self, key: str) -> bool:
        """The words of this text are, but for minor edits (a typo fixed since), a stretch of one comment.

        Only for texts of eight content words or more: a heading of four words may well be a stretch of
        some longer paragraph (`A check reader from mid-90s`), a run of eight is not one by chance."""
        words = [w.lower() for w in content_words(key)]
        if len(words) < 8:
            return False
        if self._blocks is None:
            text = self.page.text
            self._blocks = [
                [w.lower() for w in content_words(text[c.inner_start : c.inner_end])] for c in self.page.comments
            ]
        return inside_with_minor_edits(words, self._blocks)

    def __contains__(self, key: str) -> bool:
        if self._words is None:
            text = self.page.text
            # (not remembered by words_of: each comment is read once, and they are long)
            self._words = (
                " "
                + " ".join(
                    w.lower() for c in self.page.comments for w, _ in words_of_text(text[c.inner_start : c.inner_end])
                )
                + " "
            )
        words = " ".join(w.lower() for w in content_words(key))
        return bool(words) and " " + words + " " in self._words


def _drift_kind(kind: str) -> bool:
    return kind in PROSE_KINDS


def _insertion_point(align: Alignment, unit: Unit, snaps, translated: Page) -> int:
    """Where the translation of English ``unit`` would be: before the translation of the next English
    block that has one (before its comment, when the comments are kept above), else at the end."""
    for later in align.english[unit.index + 1 :]:
        counterpart = align.translated_for(later)
        if counterpart is None:
            continue
        if align.convention == "above":
            for snap in snaps:
                if snap.t_pos == counterpart.index:
                    return translated.pairs[snap.comment_index].comment.start
        return counterpart.start
    return len(translated.text.rstrip())


_CAPTION = re.compile(r"\W*fig(?:ure)?\.?\s*\d", re.I)
_IMAGE_SOURCE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)|!\[[^\]]*\]\(\s*<?([^)\s>]+)""", re.I)
_TAG = re.compile(r"<[^>]*>")


def _caption_kept_in_figure(site, unit: Unit, e_units, english: Page, translated: Page) -> bool:
    """``unit`` is a figure's caption (`**Fig 1:** ...`) right after the figure on the English page, and the
    translation's block showing the same image holds a caption of its own: it translated the caption
    inside the figure (`<center><img ...><br><b>그림 1</b>: ...</center>`), as the English page once had it."""
    if unit.index == 0 or not _CAPTION.match(unit.key):
        return False
    figure = e_units[unit.index - 1]
    sources = {a or b for a, b in _IMAGE_SOURCE.findall(english.text[figure.start : figure.end])}
    if not sources:
        return False
    for mine in units(site, translated):
        text = translated.text[mine.start : mine.end]
        if any(source in text for source in sources):
            caption = _TAG.sub(" ", _IMAGE_SOURCE.sub(" ", text))
            return has_letters(caption, 2)
    return False


def _part_of(snap: SnapBlock, partner: Unit, commented: _CommentText) -> bool:
    """``snap`` is, but for minor edits, a stretch of ``partner`` whose other words are kept in other comments:
    one item of a list kept per comment, the list corrected since."""
    mine = [w.lower() for w in content_words(snap.key)]
    theirs = [w.lower() for w in content_words(partner.key)]
    if len(theirs) <= len(mine) or not inside_with_minor_edits(mine, [theirs]):
        return False
    matches = [m for m in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks() if m.size]
    start, end = matches[0].b, matches[-1].b + matches[-1].size
    # (inside the stretch the edits are minor: checked above); the words around it are kept elsewhere
    return all(not run or " ".join(run) in commented for run in (theirs[:start], theirs[end:]))
