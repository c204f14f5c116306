"""Liquid that is not quite ``{{ site.baseurl }}``: what is wrong with it, in a translator's words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dlc_lint.site.urls.resolve import INVISIBLE

_GAP = r"[ \t\u200b\u200c\u200d\u2060\ufeff]*"
_SITE_VARIABLE = re.compile(
    r"(?P<open>(?:(?<![{%])[{%]" + _GAP + r")?(?:[{%]" + _GAP + r")*)"
    r"(?P<name>site" + _GAP + r"[.,]" + _GAP + r"base" + _GAP + r"_?" + _GAP + r"url\w*)"
    r"(?P<close>(?:" + _GAP + r"[}%])*)",
    re.I,
)


@dataclass(frozen=True)
class LiquidProblem:
    start: int  # offset in the text that was scanned
    end: int
    text: str
    problem: str  # what is wrong, for the message


def malformed_liquid(text: str, base: int = 0) -> list[LiquidProblem]:
    """``{{ site.baseurl }}`` written wrongly: extra or missing braces, spaces or
    invisible characters inside the name, a misspelled or miscased name."""
    found: list[LiquidProblem] = []
    if "url" not in text or "site" not in text:  # (a lower-cased copy only when the words are not there as they are)
        lower = text.lower()
        if "url" not in lower or "site" not in lower:
            return found
    for match in _site_variables(text):
        opener, name, closer = match.group("open"), match.group("name"), match.group("close")
        if not opener and not closer:
            continue  # prose that mentions site.baseurl, not Liquid
        start, end = match.start(), match.end()
        whole = match.group()
        if _strict_ok(whole):
            continue
        found.append(LiquidProblem(base + start, base + end, whole, _liquid_problem(opener, name, closer)))
    return found


def _site_variables(text: str):
    """``_SITE_VARIABLE.finditer(text)``, started only where a match can begin.

    The pattern may start with an empty group, so a plain scan tries it at
    every character of the page. A match holds ``site`` with nothing but
    braces, ``%`` and gaps before it, so the search starts at the run of those
    in front of each ``site``; the matches are the same.
    """
    pos = 0
    while True:
        found = _SITE_WORD.search(text, pos)  # not ``lower``: lower() may change the length (İ)
        if found is None:
            return
        at = found.start()
        begin = at
        while begin > pos and text[begin - 1] in _OPENER_CHARS:
            begin -= 1
        match = _SITE_VARIABLE.search(text, begin)
        if match is None:
            return
        yield match
        pos = max(match.end(), begin + 1)


# ``site`` in any case, as ``re.I`` matches it (``ſ`` is an ``s``; ``İ`` and ``ı`` are an ``i``), spelled
# out: an ignore-case pattern is tried at every character, a class of first letters is skipped to.
_SITE_WORD = re.compile("[Ss\u017f][Ii\u0130\u0131][Tt][Ee]")
_OPENER_CHARS = frozenset("{% \t\u200b\u200c\u200d\u2060\ufeff")


# Liquid reads `site . baseurl` as `site.baseurl`: spaces around the dot are fine (tests/render proves it)
_STRICT_BASEURL = re.compile(r"\{\{[ \t]*site[ \t]*\.[ \t]*baseurl[ \t]*\}\}")


def _strict_ok(whole: str) -> bool:
    return bool(_STRICT_BASEURL.fullmatch(whole))


def _liquid_problem(opener: str, name: str, closer: str) -> str:
    open_braces = opener.replace(" ", "")
    close_braces = closer.replace(" ", "")
    if any(ch in INVISIBLE for ch in opener + name + closer):
        return "an invisible character inside it"
    if open_braces.strip(INVISIBLE) != "{{":
        count = open_braces.count("{")
        if "%" in open_braces:
            return "`{%` where `{{` belongs"
        return f"{count} opening brace{'s' if count != 1 else ''} instead of 2"
    if close_braces.strip(INVISIBLE) != "}}":
        count = close_braces.count("}")
        if "%" in close_braces:
            return "`%}` where `}}` belongs"
        return f"{count} closing brace{'s' if count != 1 else ''} instead of 2"
    if re.search(r"\s", name):
        return "a space inside the variable name"
    return f"the variable name `{name}` (Liquid names are case-sensitive; it must be `site.baseurl`)"
