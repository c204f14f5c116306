"""Korean particles and endings: what may follow a term, and how to re-attach it.

Two jobs, one grammar:

* :func:`is_tail` decides whether the Hangul run glued to the end of a term is a
  *closed-grammar tail* (plural 들, a few bound nouns such as 값/별, case and
  auxiliary particles, copula endings, light-verb endings such as 하는/된/시키는).
  Anything else means the term is only the beginning of a different word, and
  the matcher must not report it (질의 is not 질 + 의 unless 질 is a term).
* :func:`replacement` rewrites the particle after a replaced term when the final
  consonant (받침) changes: 레이어를 -> 계층을, 레이어가 -> 계층이, 레이어로 ->
  계층으로, and ㄹ-final words take 로 (레이블로).
"""

from __future__ import annotations

import re

HANGUL_FIRST = 0xAC00
HANGUL_LAST = 0xD7A3
RIEUL = 8  # index of ㄹ among the 28 final-consonant slots (0 = none)

# Characters that can sit invisibly inside running text (zero-width space/joiners,
# word joiner, BOM, soft hyphen, C0 controls except tab/newline/CR).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + "".join(
    chr(c) for c in list(range(0x00, 0x09)) + [0x0B, 0x0C] + list(range(0x0E, 0x20)) + [0x7F]
)
INVISIBLE_CLASS = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in INVISIBLE)


def is_syllable(char: str) -> bool:
    """True for a precomposed Hangul syllable (가..힣)."""
    return len(char) == 1 and HANGUL_FIRST <= ord(char) <= HANGUL_LAST


def final_consonant(word: str) -> int | None:
    """Index (0-27) of the final consonant of the last syllable; 0 = none.

    None when the word does not end in a Hangul syllable (digits, Latin
    letters, ...): the particle then depends on how the reader pronounces it,
    and a fix must not guess.
    """
    word = word.rstrip()
    if not word or not is_syllable(word[-1]):
        return None
    return (ord(word[-1]) - HANGUL_FIRST) % 28


def has_batchim(word: str) -> bool | None:
    """True if the last syllable has a final consonant (받침), None if unknown."""
    final = final_consonant(word)
    return None if final is None else final != 0


# --- what may follow a term -------------------------------------------------

PLURAL = "들"
# Bound nouns and suffixes glued to terms in the corpus: 편향값, 층별, 레이어마다, 계층간, 그래프상, 학습용, 차원수.
BOUND = ("값", "별", "마다", "간", "상", "용", "끼리", "수")

# Case, adverbial and auxiliary particles (each may be followed by another one:
# 에서의, 으로부터, 에서는, 만을, 까지도 ...).
PARTICLES = (
    "이",
    "가",
    "을",
    "를",
    "은",
    "는",
    "의",
    "에",
    "에서",
    "에게",
    "에게서",
    "한테",
    "께",
    "께서",
    "으로",
    "로",
    "으로서",
    "로서",
    "으로써",
    "로써",
    "으로부터",
    "로부터",
    "에서부터",
    "부터",
    "와",
    "과",
    "하고",
    "이랑",
    "랑",
    "도",
    "만",
    "까지",
    "보다",
    "처럼",
    "같이",
    "마다",
    "조차",
    "마저",
    "뿐",
    "밖에",
    "만큼",
    "대로",
    "이나",
    "나",
    "이나마",
    "나마",
    "이든",
    "든",
    "이든지",
    "든지",
    "이라도",
    "라도",
    "이란",
    "란",
    "이라는",
    "라는",
    "이라고",
    "라고",
    "이라면",
    "라면",
    "이야말로",
    "야말로",
    "이며",
    "며",
    "이자",
    "에로",
    "으로는",
    "로는",
    "인즉",
)

# Copula (이다) after a noun; 이 drops after a vowel (레이어다, 레이어였다).
_COPULA = (
    r"이(?:다|고|며|면|지만|므로|기(?:에|도|를|는|때문에|때문)?|라(?:서|고|는|면|도)?|란"
    r"|나|든지?|야|자|죠|지|었[가-힣]*|어(?:서|야|도)|에요)"
    r"|(?:다|고|며|면|지만|므로|라(?:서|고|는|면|도)?|란)"  # 이 dropped after a vowel
    r"|였[가-힣]*|여(?:서|야|도)|예요"
    r"|인(?:데|지|가|즉|바)?|일(?:지|까|때|수)?|임(?:을|이|에|은|과)?|입니다|입니까"
)

# Light verbs turning a noun into a verb or adjective: 역전파하는, 정규화된, 학습시킨, 학습받은.
_LIGHT_VERB = (
    r"(?:하|한|할|함|합|해|했|되|된|될|됨|됩|돼|됐|시키|시킨|시킬|시킴|시킵|시켜|시켰"
    r"|받|당하|당한|당할|당해|당했)[가-힣]*"
    r"|적(?:인|으로|이다|이며|이고|이지만|이었다)?"
)

_PARTICLE = "|".join(sorted((re.escape(p) for p in PARTICLES), key=len, reverse=True))
_BOUND = "|".join(sorted(BOUND, key=len, reverse=True))
_NOUN_TAIL = rf"(?:{PLURAL})?(?:{_BOUND})?(?:(?:{_PARTICLE}){{1,3}}(?:{_COPULA})?|{_COPULA})?"

_NOUN_TAIL_RE = re.compile(rf"(?:{_NOUN_TAIL})\Z")
_VERB_TAIL_RE = re.compile(rf"(?:{PLURAL})?(?:{_BOUND})?(?:{_LIGHT_VERB})\Z")


def is_tail(run: str, *, verbs: bool = True) -> bool:
    """Whether ``run`` (the Hangul glued after a term) is a closed-grammar tail.

    ``verbs=False`` refuses light-verb endings (for nouns such as 배치 whose
    verb 배치하다 means "to arrange", not "to batch").
    """
    if not run:
        return True
    if _NOUN_TAIL_RE.match(run):
        return True
    return verbs and bool(_VERB_TAIL_RE.match(run))


# --- re-attaching a particle ------------------------------------------------

# (after a consonant, after a vowel, contract after a vowel?) -- longest first.
# Copula forms keep their 이 after a vowel (레이어이다 is standard written Korean);
# particles whose 이 is dropped after a vowel are contracted (레이어란, 레이어나).
_PAIRS: tuple[tuple[str, str, bool], ...] = (
    ("이야말로", "야말로", True),
    ("이라는", "라는", True),
    ("이라고", "라고", True),
    ("이라면", "라면", True),
    ("이라서", "라서", True),
    ("이라도", "라도", True),
    ("이나마", "나마", True),
    ("이든지", "든지", True),
    ("이어서", "여서", True),
    ("이어야", "여야", True),
    ("이에요", "예요", True),
    ("이지만", "지만", False),
    ("이므로", "므로", False),
    ("이란", "란", True),
    ("이나", "나", True),
    ("이랑", "랑", True),
    ("이든", "든", True),
    ("이야", "야", True),
    ("이었", "였", True),
    ("이며", "며", False),
    ("이고", "고", False),
    ("이면", "면", False),
    ("이다", "다", False),
    ("으로", "로", True),
    ("과", "와", True),
    ("은", "는", True),
    ("을", "를", True),
    ("이", "가", True),
)

_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CLASS}]")


def rewrite_tail(tail: str, new_form: str) -> str | None:
    """The tail re-attached after ``new_form``; None when that cannot be decided.

    ``tail`` is what followed the old term (``를`` in 레이어를). Plural 들 and
    bound nouns (값, 별 ...) carry their own final consonant, so what follows
    them never changes.
    """
    tail = _INVISIBLE_RE.sub("", tail)
    if not tail:
        return tail
    if tail.startswith(PLURAL) or any(tail.startswith(b) for b in BOUND):
        return tail
    for consonant, vowel, contract in _PAIRS:
        if tail.startswith(consonant):
            rest, old_variant = tail[len(consonant) :], consonant
        elif tail.startswith(vowel):
            rest, old_variant = tail[len(vowel) :], vowel
        else:
            continue
        if not is_tail(tail):
            return None  # not a particle we understand (e.g. part of a longer word)
        final = final_consonant(new_form)
        if final is None:
            return None
        if consonant == "으로":
            variant = vowel if final in (0, RIEUL) else consonant
        elif final != 0:
            variant = consonant
        elif contract:
            variant = vowel
        else:
            variant = old_variant
        return variant + rest
    return tail  # invariant particle (의, 에, 에서, 도, 만 ...) or a light-verb ending


def replacement(old_text_with_tail: str, new_form: str, *, term_length: int) -> str | None:
    """Text replacing ``old_text_with_tail`` when its first ``term_length`` characters
    (the old term) become ``new_form``; the particle after it follows the new
    final consonant. None when the particle cannot be chosen safely.

    >>> replacement("레이어를", "계층", term_length=3)
    '계층을'
    >>> replacement("라벨로", "레이블", term_length=2)
    '레이블로'
    """
    tail = rewrite_tail(old_text_with_tail[term_length:], new_form)
    return None if tail is None else new_form + tail
