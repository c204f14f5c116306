"""Pairing a translated page with its English page, block by block.

The parity rules (DLC7xx) and ``dlc-lint status`` compare a translation with
its English counterpart. Both need the same three things, computed once per
page pair and cached on the translated page (so they go when it goes):

* the page's *visible units*: its blocks without the HTML comments and
  without the ``<div dir="rtl">`` wrappers of right-to-left languages
  (:mod:`.blocks`);
* the *snapshot*: the English blocks kept in the translation's source
  comments, i.e. the English page as the translator saw it (:mod:`.blocks`);
* an *alignment* of the translated units with the English units, in order,
  tolerating inserted and missing blocks (:mod:`.alignment`). Snapshot blocks
  that still equal an English block are anchors; between anchors, blocks are
  paired by kind with :mod:`difflib`.

From the snapshot and the current English page comes the *drift*: English
paragraphs that changed, were added or were removed since the translation
(:mod:`.drift`, with the word diffs of :mod:`.edits`). Pages without source
comments fall back to git history (:mod:`.history`), when the site is in a git
repository. Formulas are compared by the keys of :mod:`.tex`; links and images
by what they point at (:mod:`.links`).
"""

from dlc_lint.analysis.parity.alignment import Alignment, alignment, anchors
from dlc_lint.analysis.parity.blocks import PROSE_KINDS, SnapBlock, Unit, snapshot, units
from dlc_lint.analysis.parity.cache import cache_for, cached_on_page
from dlc_lint.analysis.parity.drift import Change, Drift, drift, drift_changes
from dlc_lint.analysis.parity.edits import minor_edit
from dlc_lint.analysis.parity.history import Commit, git_changes_since, history
from dlc_lint.analysis.parity.links import LinkItem, link_items, localize_key
from dlc_lint.analysis.parity.locate import (
    comment_text,
    english_for,
    english_location,
    english_words,
    first_difference,
    line_end,
    report_english,
    unit_at,
    units_at,
)
from dlc_lint.analysis.parity.tex import (
    MathSpan,
    TexToken,
    localized_tex_key,
    page_math,
    repaired_tex_key,
    snapshot_math,
    tex_key,
    tex_tokens,
)
from dlc_lint.analysis.parity.text import (
    code,
    content_words,
    has_letters,
    short,
    similarity,
    squash,
    word_diff,
    words_of,
)

__all__ = [
    "PROSE_KINDS",
    "Alignment",
    "Change",
    "Commit",
    "Drift",
    "LinkItem",
    "MathSpan",
    "SnapBlock",
    "TexToken",
    "Unit",
    "alignment",
    "anchors",
    "cache_for",
    "cached_on_page",
    "code",
    "comment_text",
    "content_words",
    "drift",
    "drift_changes",
    "english_for",
    "english_location",
    "english_words",
    "first_difference",
    "git_changes_since",
    "has_letters",
    "history",
    "line_end",
    "link_items",
    "localize_key",
    "localized_tex_key",
    "minor_edit",
    "page_math",
    "repaired_tex_key",
    "report_english",
    "short",
    "similarity",
    "snapshot",
    "snapshot_math",
    "squash",
    "tex_key",
    "tex_tokens",
    "unit_at",
    "units",
    "units_at",
    "word_diff",
    "words_of",
]
