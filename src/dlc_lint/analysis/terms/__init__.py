"""Which words of a translation render which English term.

Two layers, both computed once per run and cached on the site:

* :func:`segments` cuts a translated page into *segments*: a piece of English
  and the translated prose that renders it. A page that keeps the English in
  source comments gives one segment per comment: the translated blocks next to
  it, as many as the comment holds English blocks (comments kept above their
  translation, or below it, as the page's headings show). A page without source
  comments is aligned block by block with its English page where both have the
  same shape. The front-matter title pairs with the English title. The English
  is masked like page prose: code, math, tags, URLs and link targets are
  blanked, so ``2-layer-inference.png`` is not the word *layer*.

* :func:`folder_terms` reads every segment of a language folder and learns, for
  each English term (a content word, its inflections folded, or a pair of them),
  the words that render it there. Candidate renderings are Chinese/Japanese runs
  of 1-4 ideographs and katakana words, Korean words without their particle,
  and words (or word pairs) of other scripts with their endings folded. A
  candidate renders a term when the term is in the English of most segments
  that hold it, the meeting is no coincidence (log-likelihood ratio), and no
  other term explains it better; a katakana word that sounds like the term
  (マトリクス: matrix) needs less evidence. Renderings that are one word in two
  shapes form a *family* (数据 / 数据集, 層 / 隠れ層, imágenes / imagen). A term
  whose usual family covers most of its segments and which has another family
  replacing it elsewhere has *variants*: 资料 next to 数据 for *data*,
  レイヤー next to 層 for *layer*, allenamento next to addestramento for
  *training*. No glossary is needed.

Everything works on offsets into the page text, so findings point at the words.
"""

from dlc_lint.analysis.terms.candidates import candidates, fold_word, korean_stems, occurrences
from dlc_lint.analysis.terms.english import (
    EN_STOPWORDS,
    GRAMMAR,
    english_lemma,
    english_stem,
    english_terms,
    mask_english,
)
from dlc_lint.analysis.terms.learn import folder_terms
from dlc_lint.analysis.terms.model import FolderTerms, Rendering, Term, locate
from dlc_lint.analysis.terms.segments import Segment, SegmentIndex, cache_for, forget_folder, segments
from dlc_lint.analysis.terms.transliteration import transliterates

__all__ = [
    "EN_STOPWORDS",
    "GRAMMAR",
    "FolderTerms",
    "Rendering",
    "Segment",
    "SegmentIndex",
    "Term",
    "cache_for",
    "candidates",
    "english_lemma",
    "english_stem",
    "english_terms",
    "fold_word",
    "folder_terms",
    "forget_folder",
    "korean_stems",
    "locate",
    "mask_english",
    "occurrences",
    "segments",
    "transliterates",
]
