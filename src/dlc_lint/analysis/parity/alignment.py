"""Translated units paired with English units, in order, tolerating inserted and missing blocks."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from dlc_lint.analysis.parity.blocks import SnapBlock, Unit, snapshot, units
from dlc_lint.analysis.parity.cache import cached_on_page
from dlc_lint.analysis.parity.sequence import align_units, invariants
from dlc_lint.analysis.parity.sequence import klass as _klass
from dlc_lint.parse.page import Page

# A stretch between anchors longer than this is paired by kind alone (the weighted alignment is quadratic).
MAX_ALIGN_CELLS = 40_000


@dataclass
class Alignment:
    """Translated units paired with English units, in order.

    ``pairs`` holds ``(english, translated)`` tuples where either side may be
    None (a block only one page has). ``snap_to_en`` maps snapshot indexes to
    English unit indexes for the snapshot blocks that still equal the English.
    ``convention``: ``above`` when the page keeps each English comment above its
    translation (the site's convention), ``below`` when below it.
    """

    english: tuple[Unit, ...]
    translated: tuple[Unit, ...]
    pairs: list[tuple[Unit | None, Unit | None]]
    snap_to_en: dict[int, int] = field(default_factory=dict)
    opcodes: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # snapshot vs English
    t_to_e: dict[int, int] = field(default_factory=dict)
    e_to_t: dict[int, int] = field(default_factory=dict)
    convention: str = "above"

    def english_for(self, unit: Unit) -> Unit | None:
        index = self.t_to_e.get(unit.index)
        return None if index is None else self.english[index]

    def translated_for(self, unit: Unit) -> Unit | None:
        index = self.e_to_t.get(unit.index)
        return None if index is None else self.translated[index]

    def english_near(self, unit: Unit, radius: int = 2) -> list[Unit]:
        """The English unit paired with ``unit``, then its neighbours, nearest first.

        For an unpaired unit, the neighbours of the nearest paired unit before it.
        """
        index = self.t_to_e.get(unit.index)
        if index is None:
            before = [self.t_to_e[t] for t in range(unit.index - 1, -1, -1) if t in self.t_to_e][:1]
            index = before[0] + 1 if before else 0
            if index >= len(self.english):
                index = len(self.english) - 1
        if index < 0 or not self.english:
            return []
        order = [index]
        for step in range(1, radius + 1):
            order += [index - step, index + step]
        return [self.english[i] for i in order if 0 <= i < len(self.english)]


def alignment(site, translated: Page, english: Page) -> Alignment:
    return cached_on_page(translated, ("align", english.path), lambda: _align(site, translated, english))


def _align(site, translated: Page, english: Page) -> Alignment:
    t_units = units(site, translated)
    e_units = units(site, english)
    snaps = snapshot(site, translated)
    snap_to_en, opcodes = anchors(site, translated, english)
    convention = _convention(snaps, snap_to_en, t_units, e_units) if snaps else "above"
    # Segment boundaries, one per comment: with the comments above the translations, the
    # comment's first English block starts at the unit after it; below, its last English block
    # ends at the unit before it.
    # English blocks of the comment that no longer match (edited since) still belong to it.
    first_of: dict[int, int] = {}
    last_of: dict[int, int] = {}
    group: dict[int, set[int]] = {}  # t_pos -> the comments with no visible unit between them
    for s_index, snap in enumerate(snaps):
        first_of.setdefault(snap.comment_index, s_index)
        last_of[snap.comment_index] = s_index
        group.setdefault(snap.t_pos, set()).add(snap.comment_index)
    per_comment: dict[int, tuple[int, int]] = {}
    for s_index, e_index in sorted(snap_to_en.items()):
        snap = snaps[s_index]
        if len(group[snap.t_pos]) > 1:
            # Several comments in a row, then their translations together: which translated block
            # starts this comment's English is not known by position; the blocks' content tells.
            continue
        if convention == "above":
            before = s_index - first_of[snap.comment_index]
            per_comment.setdefault(snap.comment_index, (snap.t_pos, max(0, e_index - before)))
        else:
            after = last_of[snap.comment_index] - s_index
            per_comment[snap.comment_index] = (snap.t_pos, min(len(e_units), e_index + 1 + after))
    bounds: list[tuple[int, int]] = []
    for t_pos, e_index in (per_comment[k] for k in sorted(per_comment)):
        if bounds and (t_pos <= bounds[-1][0] or e_index <= bounds[-1][1]):
            continue
        bounds.append((t_pos, e_index))
    cuts = [(0, 0)] + bounds + [(len(t_units), len(e_units))]
    pairs: list[tuple[Unit | None, Unit | None]] = []
    anchored = set(bounds)
    e_marks = invariants(site, english, e_units)
    t_marks = invariants(site, translated, t_units)
    for (t0, e0), (t1, e1) in zip(cuts, cuts[1:]):
        e_seg, t_seg = e_units[e0:e1], t_units[t0:t1]
        # The anchor itself: the comment's English block is translated right after it (above), or its
        # last English block right before it (below).
        anchor = None
        if convention == "above" and (t0, e0) in anchored and e_seg and t_seg:
            anchor = (0, 0)
        elif convention == "below" and (t1, e1) in anchored and e_seg and t_seg:
            anchor = (len(e_seg) - 1, len(t_seg) - 1)
        pairs.extend(_align_segment(e_seg, t_seg, e_marks, t_marks, anchor))
    pairs = _pair_stragglers(pairs)
    result = Alignment(e_units, t_units, pairs, snap_to_en, opcodes, convention=convention)
    for e, t in pairs:
        if e is not None and t is not None:  # (a merged or split block: its first partner)
            result.t_to_e.setdefault(t.index, e.index)
            result.e_to_t.setdefault(e.index, t.index)
    return result


def _pair_stragglers(pairs):
    """Pair an unpaired English unit with a nearby unpaired translated unit of the same kind and level
    when the order of the paired units around them allows it (a heading the translator put on the
    other side of a comment)."""
    loose_t = [i for i, (e, t) in enumerate(pairs) if e is None and t is not None]
    loose_e = [i for i, (e, t) in enumerate(pairs) if t is None and e is not None]
    if not loose_t or not loose_e:
        return pairs
    pairs = list(pairs)
    taken: set[int] = set()
    for ei in loose_e:
        english = pairs[ei][0]
        for ti in loose_t:
            if ti in taken or abs(ti - ei) > 4:
                continue
            translated = pairs[ti][1]
            if translated.token != english.token:
                continue
            low, high = min(ei, ti), max(ei, ti)
            if any(pairs[k][0] is not None and pairs[k][1] is not None for k in range(low + 1, high)):
                continue  # a paired unit between them: pairing these would cross it
            pairs[ei] = (english, translated)
            pairs[ti] = (None, None)
            taken.add(ti)
            break
    return [p for p in pairs if p != (None, None)]


def _convention(snaps, snap_to_en, t_units, e_units) -> str:
    """Whether the page keeps its English comments above or below the translations.

    Under "above", the units after a comment have the kinds of the comment's English
    blocks, in order; under "below", the units before it do. Windows falling off the
    page count as misses (a comment at the very end has nothing after it). The
    hypothesis matching more blocks wins; ties go to "above", the site's convention.
    """
    by_comment: dict[int, list[SnapBlock]] = {}
    for snap in snaps:
        by_comment.setdefault(snap.comment_index, []).append(snap)
    tokens = [_coarse(u.token) for u in t_units]
    above = below = 0
    for blocks in by_comment.values():
        wanted = [_coarse(f"h{b.level}" if b.kind == "heading" else b.kind) for b in blocks]
        t_pos = blocks[0].t_pos
        after = tokens[t_pos : t_pos + len(wanted)]
        before = tokens[max(blocks[0].t_before, t_pos - len(wanted)) : t_pos]
        above += sum(a == b for a, b in zip(wanted, after))
        below += sum(a == b for a, b in zip(reversed(wanted), reversed(before)))
    return "below" if below > above else "above"


def _coarse(token: str) -> str:
    return "p" if token in ("paragraph", "list", "blockquote") else token


def anchors(site, translated: Page, english: Page):
    """``(snap_to_en, opcodes)``: the kept English matched with the current English page."""
    return cached_on_page(
        translated, ("anchors", english.path), lambda: _anchor(snapshot(site, translated), units(site, english))
    )


def _anchor(snaps: tuple[SnapBlock, ...], e_units: tuple[Unit, ...]):
    """Snapshot blocks that still equal an English block, matched in order; and the opcodes."""
    if not snaps:
        return {}, []
    matcher = difflib.SequenceMatcher(None, [s.key for s in snaps], [u.key for u in e_units], autojunk=False)
    found = {}
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            found[i + k] = j + k
    return found, matcher.get_opcodes()


def _align_segment(
    english: Iterable[Unit],
    translated: Iterable[Unit],
    e_marks: tuple[frozenset[str], ...] = (),
    t_marks: tuple[frozenset[str], ...] = (),
    anchor: tuple[int, int] | None = None,
) -> list[tuple[Unit | None, Unit | None]]:
    english, translated = list(english), list(translated)
    if not english or not translated:
        return [(e, None) for e in english] + [(None, t) for t in translated]
    if len(english) == len(translated) and all(_klass(e) == _klass(t) for e, t in zip(english, translated)):
        return list(zip(english, translated))  # the common case: block for block
    if len(english) * len(translated) > MAX_ALIGN_CELLS:
        return _align_by_kind(english, translated)
    e_sets = [e_marks[u.index] if e_marks else frozenset() for u in english]
    t_sets = [t_marks[u.index] if t_marks else frozenset() for u in translated]
    return align_units(english, translated, e_sets, t_sets, anchor)


def _align_by_kind(english: list[Unit], translated: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """Pair by kind alone, in order (for very long stretches with no anchor).

    Block for block when the broad kinds agree (a heading of another level is then a finding, not a gap);
    else by exact kind and level first, so that a missing heading does not shift every level after it.
    """
    out: list[tuple[Unit | None, Unit | None]] = []
    matcher = difflib.SequenceMatcher(None, [u.token for u in english], [u.token for u in translated], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (
            tag == "replace"
            and i2 - i1 == j2 - j1
            and all(_klass(e) == _klass(t) for e, t in zip(english[i1:i2], translated[j1:j2]))
        ):
            out.extend(zip(english[i1:i2], translated[j1:j2]))
        elif tag == "replace":
            out.extend(_align_loose(english[i1:i2], translated[j1:j2]))
        else:
            out.extend((e, None) for e in english[i1:i2])
            out.extend((None, t) for t in translated[j1:j2])
    return out


def _align_loose(english: list[Unit], translated: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """Pair what is left by broad kind (any heading level, any prose block)."""
    out: list[tuple[Unit | None, Unit | None]] = []
    matcher = difflib.SequenceMatcher(
        None, [_klass(u) for u in english], [_klass(u) for u in translated], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(zip(english[i1:i2], translated[j1:j2]))
        else:
            out.extend((e, None) for e in english[i1:i2])
            out.extend((None, t) for t in translated[j1:j2])
    return out
