"""Whether a katakana word is the English term written in katakana (マトリクス: matrix)."""

from __future__ import annotations

import difflib
import re

_KANA_ROMAJI = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボ"
        "パピプペポマミムメモヤユヨラリルレロワヲンヴァィゥェォャュョヮ",
        "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da ji zu de do "
        "na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro "
        "wa o n vu a i u e o ya yu yo wa".split(),
    )
)
_SOUNDS = (
    ("sh", "S"),
    ("ch", "T"),
    ("ts", "T"),
    ("th", "S"),
    ("ph", "F"),
    ("ck", "K"),
    ("qu", "K"),
    ("x", "KS"),
    ("ce", "SV"),
    ("ci", "SV"),
    ("cy", "SV"),
)
_CLASS = {
    **dict.fromkeys("bpv", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkcq", "K"),
    **dict.fromkeys("szj", "S"),
    **dict.fromkeys("fh", "F"),
    **dict.fromkeys("lr", "R"),
    "m": "M",
    "n": "N",
    **dict.fromkeys("aeiou", "V"),
}


def _sound(latin: str) -> str:
    """A coarse sound skeleton of a Latin-letter word: consonant classes, vowels as V."""
    latin = latin.lower()
    for pair, code in _SOUNDS:
        latin = latin.replace(pair, code)
    out: list[str] = []
    for char in latin:
        code = char if char.isupper() else _CLASS.get(char, "")
        if code and (not out or out[-1] != code):
            out.append(code)
    return "".join(out)


is_katakana = re.compile("[\u30a0-\u30ff]+").fullmatch  # a word in katakana only


def transliterates(word: str, english: str) -> bool:
    """Whether a katakana word sounds like the English (マトリクス ~ matrix, レイヤー ~ layer)."""
    if not is_katakana(word):
        return False
    romaji = "".join(_KANA_ROMAJI.get(c, "") for c in word)
    mine = _sound(romaji)
    theirs = _sound(english.replace(" ", ""))
    if not mine or not theirs or mine[0] != theirs[0]:
        return False
    consonants = difflib.SequenceMatcher(None, mine.replace("V", ""), theirs.replace("V", "")).ratio()
    whole = difflib.SequenceMatcher(None, mine, theirs).ratio()
    return max(consonants, whole) >= 0.75
