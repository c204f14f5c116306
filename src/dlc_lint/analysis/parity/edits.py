"""Word diffs of kept English against current English: which paragraph became which, and whether the edit is minor."""

from __future__ import annotations

import collections
import difflib
import functools
import re
from dataclasses import dataclass

from dlc_lint.analysis.parity.blocks import SnapBlock, Unit
from dlc_lint.analysis.parity.notation import same_notation
from dlc_lint.analysis.parity.tex import tex_key
from dlc_lint.analysis.parity.text import (
    code,
    content_words,
    words_of,
)
from dlc_lint.parse import inline

# Closed-class English words (articles, pronouns, auxiliaries, the commonest prepositions): one swapped
# for another is grammar, not content. Negations and words of quantity or order are not among them.
_MINOR_WORDS = frozenset(
    "a an the is are was were be been being has have had do does did of to in on at for and or that this "
    "it its as by with from into onto we our us you your he she his her can will so them they these those "
    "their there which who whom whose".split()
)
# Macros for a brace or bar, written `\\{` or `|` elsewhere: the same glyph, no word.
_GLYPH_MACRO = re.compile(r"\\(?:[lr]brace|[lr]?vert)(?![A-Za-z])")
# Ways of typing an ellipsis: the same dots for the reader.
_ELLIPSIS = re.compile(r"\\(?:[lc]?dots[bc]?|ldots)(?![A-Za-z])|…")
_NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_ACRONYM = re.compile(r"\([A-Z][A-Za-z]*[A-Z]s?\)[.,;:]?$")


class Region:
    """A word diff of some commented English blocks against some current English blocks.

    ``partner``: snapshot block start -> the English unit sharing most words
    with it; ``minor``: snapshot block start -> whether all its edits are
    spelling/formatting; ``touched``: English units sharing any word with the
    snapshot (not "added").
    """

    def __init__(self):
        self.partner: dict[int, Unit] = {}
        self.minor: dict[int, bool] = {}
        self.touched: set[int] = set()
        self.edits: dict[int, list[tuple[str, str]]] = {}  # snapshot start -> (old words, new words)

    def describe(self, snap: SnapBlock, limit: int = 3) -> str:
        """What changed in this paragraph, word by word: the meaningful edits first."""
        edits = self.edits.get(snap.start, [])
        major = [
            e
            for e in edits
            if not minor_edit([w.lower() for w in content_words(e[0])], [w.lower() for w in content_words(e[1])])
        ]
        shown = (major + [e for e in edits if e not in major])[:limit]
        parts = []
        for before, after in sorted(shown, key=edits.index):
            if before and after:
                parts.append(f"{code(before, 40)} → {code(after, 40)}")
            elif before:
                parts.append(f"removed {code(before, 40)}")
            else:
                parts.append(f"added {code(after, 40)}")
        if len(edits) > limit:
            rest = len(edits) - limit
            parts.append(f"and {rest} more change{'s' if rest != 1 else ''}")
        return "; ".join(parts)

    def formula(self, snap: SnapBlock, unit: Unit) -> bool:
        """A formula of the commented English is gone from the English, or a new one appeared."""
        old = {tex_key(m) for m in _formulas(snap.key)}
        new = {tex_key(m) for m in _formulas(unit.key)}
        return any(len(k) > 1 for k in old ^ new)


def diff_region(old: list[SnapBlock], new: list[Unit]) -> Region:
    shape = _region_shape(tuple(snap.key for snap in old), tuple(unit.key for unit in new))
    region = Region()
    for position, snap in enumerate(old):
        region.minor[snap.start] = shape.minor[position]
    for position, partner in shape.partner.items():
        region.partner[old[position].start] = new[partner]
    region.touched = {new[partner].index for partner in shape.touched}
    for position, edits in shape.edits.items():
        region.edits[old[position].start] = list(edits)
    return region


@dataclass(frozen=True)
class _RegionShape:
    """A :class:`Region` with snapshot blocks and English units given by their position in the lists
    compared: it depends on their texts only, so the translations of one English page share it."""

    minor: tuple[bool, ...]
    partner: dict[int, int]
    touched: frozenset[int]
    edits: dict[int, tuple[tuple[str, str], ...]]


@functools.lru_cache(maxsize=512)  # (a language or two: the next language asks for the same regions)
def _region_shape(old: tuple[str, ...], new: tuple[str, ...]) -> _RegionShape:
    minor = [True] * len(old)
    edits: dict[int, list[tuple[str, str]]] = {}
    a_orig: list[str] = []
    b_orig: list[str] = []
    a_owner: list[int] = []
    b_owner: list[int] = []
    a_words: list[str] = []
    b_words: list[str] = []
    for words, orig, owner, keys in ((a_words, a_orig, a_owner, old), (b_words, b_orig, b_owner, new)):
        for position, key in enumerate(keys):
            found = words_of(key)
            words.extend([norm.lower() for norm, _ in found])
            orig.extend([raw for _, raw in found])
            owner.extend([position] * len(found))
    if not a_words:
        return _RegionShape(tuple(minor), {}, frozenset(), {})
    opcodes: list[tuple[str, int, int, int, int]]
    if a_words == b_words:
        opcodes = [("equal", 0, len(a_words), 0, len(b_words))]  # only the formatting changed
    else:
        opcodes = list(difflib.SequenceMatcher(None, a_words, b_words, autojunk=False).get_opcodes())
    # (snapshot block, English unit) -> words they share, in order of first appearance
    shared_words: collections.Counter[tuple[int, int]] = collections.Counter()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            shared_words.update(zip(a_owner[i1:i2], b_owner[j1:j2]))
    shared: dict[int, dict[int, int]] = {}  # snapshot block -> English unit -> shared words
    for (position, unit), count in shared_words.items():
        shared.setdefault(position, {})[unit] = count
    sizes = [len(words_of(key)) for key in old]
    unit_sizes = [len(words_of(key)) for key in new]
    partner: dict[int, int] = {}
    for position, counts in shared.items():
        best = max(counts, key=lambda unit: counts[unit])
        # the same paragraph, edited: it shares a good part of its words with the English one
        if counts[best] >= max(1.0, 0.4 * min(sizes[position], unit_sizes[best])):
            partner[position] = best
    partnered = set(partner.values())
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        a = a_words[i1:i2]
        # words of an English block that shares nothing with the snapshot belong to an added block
        kept = [k for k in range(j1, j2) if b_owner[k] in partnered]
        b = [b_words[k] for k in kept]
        owners = set(a_owner[i1:i2]) or ({a_owner[i1 - 1]} if i1 > 0 else {a_owner[0]})
        if not (a or b):
            continue
        for position in owners:
            edits.setdefault(position, []).append((" ".join(a_orig[i1:i2]), " ".join(b_orig[k] for k in kept)))
        if not a and kept and all(_ACRONYM.match(b_orig[k]) for k in kept):
            continue  # "(DAE)" added after the name it abbreviates
        if not minor_edit(a, b):
            for position in owners:
                minor[position] = False
    return _RegionShape(
        tuple(minor), partner, frozenset(partnered), {position: tuple(found) for position, found in edits.items()}
    )


def _formulas(text: str) -> list[str]:
    return [text[a:b].strip("$") for a, b in inline.math_spans(text)] if "$" in text else []


def minor_edit(old: list[str], new: list[str]) -> bool:
    """Spelling, case, hyphenation, small-word and notation fixes only: the meaning did not change.

    Words are compared lower-cased; ``one`` is ``1``; a pronoun or an article swapped, and typos
    (two letters off) are minor.
    """
    old = [_GLYPH_MACRO.sub("", w) for w in old]
    new = [_GLYPH_MACRO.sub("", w) for w in new]
    if _ALNUM_ONLY.sub("", "".join(old)) == _ALNUM_ONLY.sub("", "".join(new)):
        return True  # spacing, hyphens, punctuation
    old = [_ELLIPSIS.sub("...", _NUMBER_WORDS.get(w, w)) for w in old]
    new = [_ELLIPSIS.sub("...", _NUMBER_WORDS.get(w, w)) for w in new]
    if _ALNUM_ONLY.sub("", "".join(old)) == _ALNUM_ONLY.sub("", "".join(new)):
        return True  # spacing, hyphens, punctuation
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        if tag == "replace" and len(a) == len(b):
            if all(_typo(x, y) or (x in _MINOR_WORDS and y in _MINOR_WORDS) for x, y in zip(a, b)):
                continue
            return False
        if tag == "replace" and _ALNUM_ONLY.sub("", "".join(a)) == _ALNUM_ONLY.sub("", "".join(b)):
            continue  # "data point" / "datapoint"
        if all(w in _MINOR_WORDS for w in a + b):
            continue
        return False
    return True


_ALNUM_ONLY = re.compile(r"[\W_]+")


def _typo(a: str, b: str) -> bool:
    if any(c.isdigit() for c in a + b):
        return False
    if sorted(a) == sorted(b):
        return True  # swapped letters
    if min(len(a), len(b)) >= 5 and _distance(a, b) <= 2:
        return True  # "nerual" / "neural", "scence" / "sense"
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (small words only)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


NEIGHBOURS = 3  # blocks joined on each side of the partner, at most
_JOINED = frozenset({"paragraph", "math", "heading", "list", "html"})


def minor_with_neighbours(snap_key: str, partner: Unit, e_units: tuple[Unit, ...], claimed: set[str]) -> bool:
    """The kept paragraph is a minor edit of its English partner *together with the blocks split off it*:
    a formula or a figure moved to a block of its own (and the text after it), a glued ``##Heading`` made a heading,
    a paragraph split in two.

    Only neighbours that no other kept paragraph equals are joined (those are not split off this one).
    The partner alone is compared as a whole too: spaces added around every ``$`` is one minor edit,
    even where a word diff sees many.
    """

    def free(index: int) -> bool:
        return 0 <= index < len(e_units) and e_units[index].key not in claimed

    first = last = partner.index
    for _ in range(NEIGHBOURS):
        if free(first - 1) and e_units[first - 1].kind in _JOINED:
            first -= 1
        if free(last + 1) and e_units[last + 1].kind in _JOINED:
            last += 1
    mine = [w.lower() for w in content_words(snap_key)]
    for start in range(first, partner.index + 1):
        for end in range(partner.index, last + 1):
            joined = " ".join(u.key for u in e_units[start : end + 1])
            if same_formulas(snap_key, joined) is False:
                continue  # a formula changed: never minor here (a brace fixed can mend a broken formula)
            if minor_edit(mine, [w.lower() for w in content_words(joined)]):
                return True
    return False


_ELLIPSIS_TOKENS = frozenset({"\\cdots", "\\ldots", "\\dots", "\\dotsc", "\\dotsb", "…", "."})


def cosmetic(
    snap_key: str, partner: Unit, e_units: tuple[Unit, ...], claimed: set[str], minor: bool, macros=None
) -> bool:
    """Whether the English edit of a kept paragraph is cosmetic: ``minor`` (the word diff found only minor
    edits) with its formulas unchanged, only the notation of its symbols changed (the site's shorthands,
    bold or colour: :mod:`dlc_lint.analysis.parity.notation`), or minor once the blocks split off it are
    joined back."""
    if macros is not None and same_notation(snap_key, partner.key, macros):
        return True
    if minor and same_formulas(snap_key, partner.key):
        return True
    return minor_with_neighbours(snap_key, partner, e_units, claimed)


def same_formulas(old: str, new: str) -> bool:
    """The formulas of ``old`` and ``new`` are the same for the reader: spacing, ellipses and single
    symbols aside, and a formula that only wraps what the other text says in plain words (``one`` ->
    ``$1$``, ``log(N)`` -> ``$\\log(N)$``, ``50%`` -> ``$50\\%$``) is formatting. A brace moved is not."""
    mine, theirs = collections.Counter(_formula_keys(old)), collections.Counter(_formula_keys(new))
    if mine == theirs or _squeezed(old) == _squeezed(new):
        return True  # (the same characters with the `$` moved: `$(=64-3+1)$` -> `($=64-3+1$)`)
    plain_old, plain_new = _plain(old), _plain(new)
    for keys, other in ((mine - theirs, plain_new), (theirs - mine, plain_old)):
        for key in keys:
            if _ALNUM_ONLY.sub("", "".join(t.lstrip("\\") for t in key)).lower() not in other:
                return False
    return True


def _squeezed(text: str) -> str:
    """``text`` without ``$`` and spaces, lower-cased, number words as digits."""
    return "".join(_NUMBER_WORDS.get(w, w) for w in text.replace("$", " ").lower().split())


def _plain(text: str) -> str:
    """The letters and digits of ``text`` outside its formulas, number words as digits."""
    if "$" in text:
        text = inline.mask(text, inline.math_spans(text))
    words = [_NUMBER_WORDS.get(w.lower(), w.lower()) for w in text.split()]
    return _ALNUM_ONLY.sub("", "".join(words))


def _formula_keys(text: str) -> list[tuple[str, ...]]:
    """The formulas of ``text`` longer than one symbol (``$S$`` for ``S`` is formatting), as the reader sees them."""
    return sorted(key for key in (_formula_key(f) for f in _formulas(text)) if len(key) > 1)


_SAME_GLYPH = {"\\lbrace": "\\{", "\\rbrace": "\\}", "\\lvert": "|", "\\rvert": "|", "\\vert": "|"}


def _foreign(token: str) -> bool:
    """A letter of neither Latin nor Greek script: never in an English formula, so a slip of the translator's
    keyboard in the English kept in a comment (``$Fㄴ(x,y)$``)."""
    return len(token) == 1 and token.isalpha() and not token.isascii() and not "\u0370" <= token <= "\u03ff"


def _formula_key(formula: str) -> tuple[str, ...]:
    """A formula as the reader sees it: spacing aside, any ellipsis the same, commas beside it optional,
    ``\\lbrace`` and ``\\{`` the same brace, letters of other scripts (typing slips) left out."""
    key = [_SAME_GLYPH.get(t, "…" if t in _ELLIPSIS_TOKENS else t) for t in tex_key(formula) if not _foreign(t)]
    out: list[str] = []
    for index, token in enumerate(key):
        if token == "," and ((out and out[-1] == "…") or (index + 1 < len(key) and key[index + 1] == "…")):
            continue
        if token == "…" and out and out[-1] == "…":
            continue
        out.append(token)
    return tuple(out)


def inside_with_minor_edits(words: list[str], blocks: list[list[str]]) -> bool:
    """``words`` (lower-cased content words) are, but for minor edits, a stretch of one of ``blocks``:
    a list item kept on its own whose list was since corrected ("hepful" -> "helpful")."""
    if not words:
        return False
    wanted = set(words)
    for block in blocks:
        if len(block) < len(words) or len(wanted.intersection(block)) < 0.5 * len(wanted):
            continue
        matcher = difflib.SequenceMatcher(None, words, block, autojunk=False)
        matches = [m for m in matcher.get_matching_blocks() if m.size]
        if sum(m.size for m in matches) < 0.5 * len(words):
            continue
        lead, tail = matches[0], matches[-1]
        start = max(0, lead.b - lead.a)
        end = min(len(block), tail.b + tail.size + (len(words) - tail.a - tail.size))
        if minor_edit(words, block[start:end]):
            return True
    return False
