"""The values the front-matter rules judge: the page's language, dates, and keys that are missing."""

from __future__ import annotations

import re

from dlc_lint.analysis.front_matter.keys import key_status, known_keys
from dlc_lint.analysis.front_matter.state import value_is_heading, yaml_ok

# -- the page's language -------------------------------------------------------------


def expected_lang(context) -> str:
    """The `lang` a page must have: its folder's language (the source language outside language folders)."""
    return context.lang


def lang_is_wrong(context) -> bool:
    """The page has `lang` and YAML gives it a value other than the folder's language (DLC111)."""
    front = context.page.front_matter
    if not yaml_ok(front) or "lang" not in front.data:
        return False
    value = front.data["lang"]
    if value is None or str(value).strip() == "":
        return context.is_translation
    return str(value).strip() != expected_lang(context)


# -- dates ----------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_DATE_FORMS = (
    re.compile(rf"{_DAY}[ \t]+{_MONTH},?[ \t]+{_YEAR}"),  # 27 Jan 2020, 03 April 2020
    re.compile(rf"{_MONTH}[ \t]+{_DAY},?[ \t]+{_YEAR}"),  # Aug 16 2020, August 16, 2020
    re.compile(rf"{_MONTH},?[ \t]+{_YEAR}"),  # July 2020
    re.compile(rf"{_DAY}[-/]{_MONTH}[-/]{_YEAR}"),  # 27-Jan-2020
)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<year>\d{4})")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a date a reader (or Jekyll's date filter) can read; None when it is one.

    Accepted: a day, an English month name or abbreviation (any case, `Sept`
    too) and a four-digit year in either order (`27 Jan 2020`, `Aug 16 2020`),
    a month and year (`July 2020`), ISO `2020-01-27`, and numeric dates with a
    four-digit year (`27.01.2020`).
    """
    value = value.strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(value)
        if match:
            month = _MONTHS.get(match.group("month").lower())
            if month is None:
                return f"`{match.group('month')}` is not an English month name or abbreviation"
            day = match.groupdict().get("day")
            if day is not None and not 1 <= int(day) <= _DAYS[month - 1]:
                return f"{match.group('month')} has no day {int(day)}"
            return None
    match = _ISO.fullmatch(value)
    if match:
        month, day = int(match.group("month")), int(match.group("day"))
        if 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]:
            return None
        return "the month or the day is out of range"
    match = _NUMERIC.fullmatch(value)
    if match:
        a, b = int(match.group("a")), int(match.group("b"))
        if (1 <= b <= 12 and 1 <= a <= _DAYS[b - 1]) or (1 <= a <= 12 and 1 <= b <= _DAYS[a - 1]):
            return None
        return "the month or the day is out of range"
    if not re.search(r"\d{4}", value):
        return "it has no four-digit year"
    return "it is not in a date format the site uses (like `27 Jan 2020`)"


# -- missing keys ---------------------------------------------------------------------

WHY = {
    "title": "the page has no heading and an empty entry in the sidebar",
    "lang-ref": "the language switcher cannot pair the page with its English original",
    "lang": "the page renders with the English sidebar",
    "translator": "the page shows no translator credit",
    "translation-date": "readers cannot tell how old the translation is",
}


def missing_keys(context, keys):
    """Findings for ``keys`` missing from (or empty in) the page's front matter."""
    front = context.page.front_matter
    if not yaml_ok(front):
        return
    known = known_keys(context)
    missing = []
    hints = []
    for key in keys:
        status = key_status(front, key, known)
        entry = status.exact
        if entry is not None:
            value = front.data.get(key)
            if (value is None or str(value).strip() == "") and not value_is_heading(entry):
                yield context.report(
                    entry.key_start, entry.key_end, f"`{key}` is empty, so {WHY.get(key, 'the page lacks it')}"
                )
            continue
        if status.variants:
            continue  # the finding about the variant key says what to do
        missing.append(key)
        if status.commented:
            line = context.source.position(status.commented[0].start)[0]
            hints.append(f"line {line} has `{key}` commented out")
    if missing:
        names = " and ".join(f"`{k}`" for k in missing)
        verb = "is" if len(missing) == 1 else "are"
        hint = f" ({'; '.join(hints)})" if hints else ""
        why = "; ".join(WHY.get(k, f"`{k}` is required") for k in missing)
        yield context.report(
            front.start, front.start + 3, f"{names} {verb} missing from the front matter{hint}, so {why}"
        )
