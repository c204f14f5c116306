"""Shared knowledge of the front-matter rules (DLC1xx): the keys this site uses,
how a misspelled or translated key maps back to its canonical name, and a
line-by-line diagnosis of front matter that YAML cannot read.

The rules split the work so that one defect gives one finding:

* no front matter, or no closing ``---``: only that is reported;
* YAML that does not parse: each broken line is reported by the rule that
  names its problem (``key:value``, ``：``, an unquoted ``: ``, Markdown), and
  the rules about values (``lang`` missing or wrong, required keys, the
  translation date, the title) wait until the front matter parses, because
  Jekyll ignores all of it until then;
* a key that is misspelled, translated or commented out counts as present for
  the "missing" rules: the finding about the key itself says what to do.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

import yaml

from dlc_lint.parse.frontmatter import Entry, FrontMatter, OddLine

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the build of PyYAML
    _Loader = yaml.SafeLoader

# Keys of this site's pages (English pages use the first six; translations add the rest).
SITE_KEYS = (
    "title",
    "lang-ref",
    "lang",
    "translator",
    "translation-date",
    "date",
    "authors",
    "author",
    "lecturer",
    "layout",
    "typora-root-url",
)
# Keys Jekyll, GitHub Pages and common plugins understand: never reported as misspelled.
JEKYLL_KEYS = (
    "permalink",
    "published",
    "excerpt",
    "excerpt_separator",
    "description",
    "categories",
    "category",
    "tags",
    "slug",
    "image",
    "redirect_from",
    "redirect_to",
    "sitemap",
    "last_modified_at",
    "comments",
    "toc",
    "math",
    "mathjax",
    "katex",
    "render_with_liquid",
    "nav_order",
    "parent",
    "has_children",
    "sidebar",
    "menu",
    "weight",
    "draft",
    "hidden",
    "search",
    "exclude",
)
KNOWN_KEYS = frozenset(SITE_KEYS + JEKYLL_KEYS)

# Variants seen on this site (and their obvious relatives) that the similarity test does not catch.
KEY_VARIANTS = {
    "translate-date": "translation-date",
    "translated-date": "translation-date",
    "translator-date": "translation-date",
    "translation-on": "translation-date",
    "translated-on": "translation-date",
    "translated-by": "translator",
    "translators": "translator",
    "language": "lang",
    "langue": "lang",
    "lang-id": "lang",
    "langref": "lang-ref",
    "ref": "lang-ref",
    "lecturers": "lecturer",
}

# Key names translated into a page's language, by canonical key. Matching is on the
# normalised key (lower case, spaces and underscores as hyphens). Keep each list sorted.
TRANSLATED_KEYS = {
    "authors": (
        "auteurs",
        "autores",
        "autori",
        "szerzők",
        "tác-giả",
        "yazarlar",
        "авторы",
        "المؤلفون",
        "লেখক",
        "作者",
        "著者",
        "작성자",
        "저자",
    ),
    "date": (
        "data",
        "datum",
        "dátum",
        "fecha",
        "ngày",
        "tarih",
        "дата",
        "تاريخ",
        "تاریخ",
        "তারিখ",
        "日付",
        "日期",
        "날짜",
    ),
    "lang": (
        "dil",
        "idioma",
        "jezik",
        "lingua",
        "língua",
        "ngôn-ngữ",
        "nyelv",
        "язык",
        "زبان",
        "لغة",
        "ভাষা",
        "言語",
        "语言",
        "언어",
    ),
    "lecturer": (
        "conférencier",
        "docente",
        "előadó",
        "giảng-viên",
        "konuşmacı",
        "palestrante",
        "predavač",
        "profesor",
        "лектор",
        "المحاضر",
        "مدرس",
        "প্রভাষক",
        "講師",
        "讲师",
        "강사",
        "강의자",
    ),
    "title": (
        "baslik",
        "başlık",
        "cím",
        "naslov",
        "titolo",
        "titre",
        "titulo",
        "tiêu-đề",
        "título",
        "заголовок",
        "название",
        "عنوان",
        "শিরোনাম",
        "タイトル",
        "标题",
        "標題",
        "题目",
        "제목",
    ),
    "translation-date": (
        "data-da-tradução",
        "data-di-traduzione",
        "date-de-traduction",
        "datum-prevoda",
        "fecha-de-traduccion",
        "fecha-de-traducción",
        "fordítás-dátuma",
        "ngày-dịch",
        "çeviri-tarihi",
        "дата-перевода",
        "تاريخ-الترجمة",
        "تاریخ-ترجمه",
        "অনুবাদের-তারিখ",
        "翻訳日",
        "翻译日期",
        "번역-날짜",
        "번역일",
    ),
    "translator": (
        "dịch-giả",
        "fordító",
        "người-dịch",
        "prevodilac",
        "traducteur",
        "traductor",
        "tradutor",
        "traduttore",
        "çevirmen",
        "переводчик",
        "مترجم",
        "অনুবাদক",
        "翻訳者",
        "翻译",
        "译者",
        "번역",
        "번역자",
        "역자",
    ),
}
_TRANSLATED_INDEX = {word: key for key, words in TRANSLATED_KEYS.items() for word in words}

# A key as a person would type it: letters, digits, hyphens, underscores, spaces.
_PLAIN_KEY = re.compile(r"[A-Za-z][\w \-]*")
_HEADING_LINE = re.compile(r"#{2,6}[ \t]+\S")
_HEADING_VALUE = re.compile(r"(#{1,6})[ \t]*(?=\S)")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
_MARKDOWN_IN_KEY = re.compile(r"[*`\[\]]|^[>|!<]")
_MARKDOWN_LINE = re.compile(r"!?\[[^\]\n]*\]|\*\*|__|^[>|]|^[*+][ \t]|^<\w")


def normalise_key(key: str) -> str:
    return re.sub(r"[\s_]+", "-", key.strip().lower())


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count once)."""
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _similar_token(a: str, b: str) -> int | None:
    """How far apart two key words are, or None when they are different words."""
    if a == b:
        return 0
    limit = 1 if max(len(a), len(b)) <= 5 else 2
    distance = _distance(a, b)
    if distance <= limit:
        return distance
    stem = 0
    for ca, cb in zip(a, b):
        if ca != cb:
            break
        stem += 1
    if stem >= 7 and min(len(a), len(b)) <= stem + 3:  # translat-or / translat-ion / translat-e
        return 2
    return None


def suggest_key(key: str, known: frozenset[str]) -> str | None:
    """The known key that ``key`` (not itself known) was most likely meant to be."""
    norm = normalise_key(key)
    if norm in KEY_VARIANTS and KEY_VARIANTS[norm] in known:
        return KEY_VARIANTS[norm]
    if norm in known:
        return norm  # case, space or underscore variant
    best: tuple[int, str] | None = None
    tokens = norm.split("-")
    for candidate in sorted(known):
        if candidate.replace("-", "") == norm.replace("-", ""):
            return candidate
        parts = candidate.split("-")
        if len(parts) != len(tokens):
            continue
        distances = [_similar_token(a, b) for a, b in zip(tokens, parts)]
        if any(d is None for d in distances):
            continue
        score = sum(distances)
        if best is None or score < best[0]:
            best = (score, candidate)
    return best[1] if best else None


def translated_key(key: str) -> str | None:
    """The canonical key a translated key name stands for, if we know the word."""
    return _TRANSLATED_INDEX.get(normalise_key(key))


def is_translated_key(key: str) -> bool:
    """A key written in the page's language: a known translation, or any non-ASCII letters."""
    return translated_key(key) is not None or any(ord(ch) > 127 and ch.isalpha() for ch in key)


def known_keys(context) -> frozenset[str]:
    """Keys that are fine on this page: the site's, Jekyll's, the English page's, and configured ones."""
    keys = set(KNOWN_KEYS)
    keys.update(context.options.get("extra-keys", ()) or ())
    other = context.site.counterpart(context.page.path)
    if other:
        front = context.site.front_matter(other)
        if front is not None:
            keys.update(e.key for e in front.entries if not is_translated_key(e.key))
    return frozenset(keys)


def canonical_key(key: str, known: frozenset[str]) -> str | None:
    """What ``key`` means: itself when known, else the key it is a variant or translation of."""
    if key in known:
        return key
    if is_translated_key(key):
        return translated_key(key)
    return suggest_key(key, known)


@dataclass(frozen=True)
class KeyStatus:
    """How a key is present in a front matter."""

    entries: tuple[Entry, ...]  # written exactly so
    variants: tuple[Entry, ...]  # misspelled, other case, translated
    commented: tuple[OddLine, ...]  # ``# title: ...``

    @property
    def exact(self) -> Entry | None:
        return self.entries[-1] if self.entries else None  # YAML keeps the last one

    @property
    def accounted_for(self) -> bool:
        """Present in some form another rule reports (so "missing" would be a cascade)."""
        return bool(self.entries or self.variants)


def key_status(front: FrontMatter, key: str, known: frozenset[str]) -> KeyStatus:
    entries = tuple(e for e in front.entries if e.key == key)
    variants = tuple(e for e in front.entries if e.key != key and canonical_key(e.key, known) == key)
    commented = tuple(o for o in front.odd_lines if o.kind == "commented-key" and commented_key(o) == key)
    return KeyStatus(entries, variants, commented)


def commented_key(odd: OddLine) -> str:
    return odd.text.lstrip("#").strip().split(":", 1)[0].strip()


def yaml_ok(front: FrontMatter) -> bool:
    """The front matter is there, closed, and YAML reads it: the value rules may judge it."""
    return front.present and front.closed and front.data is not None


def keys_readable(front: FrontMatter) -> bool:
    """The key lines can be judged (the front matter is closed)."""
    return front.present and front.closed


def line_span(text: str, start: int) -> tuple[int, int]:
    """(start of the line holding ``start``, start of the next line)."""
    line_start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return line_start, (len(text) if end < 0 else end + 1)


def value_is_heading(entry: Entry) -> bool:
    """``title: ## Motivation``: YAML reads everything after `` #`` as a comment."""
    return entry.raw_value.startswith("#")


def quote_yaml(value: str) -> str:
    """``value`` as a YAML scalar that reads back exactly."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def readme_like(path: str, patterns) -> bool:
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


# -- diagnosing front matter that YAML cannot read ---------------------------------


@dataclass(frozen=True)
class SyntaxProblem:
    """One broken line. ``kind`` names the rule that reports it."""

    kind: str  # "no-space" | "fullwidth" | "colon-in-value" | "markdown" | "yaml"
    start: int
    end: int
    message: str
    key: str = ""
    entry: Entry | None = None
    breaks_yaml: bool = True  # False: YAML reads it, but not as the author meant


def _load_chunk(chunk: str):
    """Parse one top-level key (with its indented lines); return an error message or None."""
    try:
        data = yaml.load(chunk, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return exc.problem or exc.context or "invalid YAML", mark
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
        return str(exc).splitlines()[0], None
    if data is not None and not isinstance(data, dict):
        return _NOT_A_PAIR, None
    return None


_NOT_A_PAIR = "not a `key: value` line"


def _chunks(text: str, start: int, end: int):
    """Top-level lines of the front matter with the indented lines that belong to them."""
    chunks: list[tuple[int, int]] = []
    pos = start
    current: int | None = None
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        top = bool(line.strip()) and line[0] not in " \t-#"
        if top or line.startswith("#"):
            if current is not None:
                chunks.append((current, pos))
            current = pos if top else None
        pos = line_end + 1
    if current is not None:
        chunks.append((current, end))
    return chunks


def syntax_problems(text: str, front: FrontMatter) -> tuple[SyntaxProblem, ...]:
    """Every line that breaks (or silently empties) the front matter, each named once."""
    if not keys_readable(front):
        return ()
    problems: list[SyntaxProblem] = []
    entries = {e.key_start: e for e in front.entries}
    explained: set[int] = set()

    # Lines that are wrong whatever YAML makes of them.
    for line in front.odd_lines:
        if line.kind == "no-space-after-colon" and not line.text.split(":", 1)[1].startswith("//"):
            colon = line.start + line.text.index(":")
            key = line.text[: line.text.index(":")]
            problems.append(
                SyntaxProblem(
                    "no-space",
                    colon,
                    colon + 1,
                    f"`{line.text.strip()}` has no space after the colon, so YAML does not read `{key}` as a key "
                    "and Jekyll ignores the whole front matter",
                    key=key,
                )
            )
            explained.add(line.start)
        elif line.kind == "fullwidth-colon":
            colon = line.start + line.text.index("：")
            key = line.text[: line.text.index("：")].strip()
            problems.append(
                SyntaxProblem(
                    "fullwidth",
                    colon,
                    colon + 1,
                    f"`{line.text.strip()}` separates the key with a full-width colon `：`; YAML only knows `:` "
                    "followed by a space, so Jekyll ignores the whole front matter",
                    key=key,
                )
            )
            explained.add(line.start)
    for entry in front.entries:
        if value_is_heading(entry):
            problems.append(
                SyntaxProblem(
                    "markdown",
                    entry.value_start,
                    entry.value_end,
                    f"the value of `{entry.key}` starts with a Markdown heading marker `#`; YAML reads it as a "
                    f"comment, so `{entry.key}` is empty on the site",
                    key=entry.key,
                    entry=entry,
                    breaks_yaml=False,
                )
            )
    _heading_lines(text, front, problems)

    if front.problem is None:
        return tuple(sorted(problems, key=lambda p: p.start))

    # YAML fails: find the top-level lines that fail on their own and say why.
    for chunk_start, chunk_end in _chunks(text, front.inner_start, front.inner_end):
        if chunk_start in explained:
            continue
        failure = _load_chunk(text[chunk_start:chunk_end])
        if failure is None:
            continue
        message, mark = failure
        explained.add(chunk_start)
        entry = entries.get(chunk_start)
        line_end = text.find("\n", chunk_start, chunk_end)
        line_end = chunk_end if line_end < 0 else line_end
        line_text = text[chunk_start:line_end]
        problem = None
        if entry is not None:
            problem = _diagnose_entry(entry, text)
        elif _MARKDOWN_LINE.search(line_text):
            problem = SyntaxProblem(
                "markdown",
                chunk_start,
                line_end,
                f"`{line_text.strip()[:60]}` is Markdown, not a `key: value` line; YAML cannot read it, so "
                "Jekyll ignores the whole front matter (does it belong below the closing `---`?)",
            )
        if problem is None:
            offset = chunk_start
            if mark is not None:
                offset = _mark_offset(text, chunk_start, chunk_end, mark)
                if offset >= len(text[chunk_start:chunk_end].rstrip()) + chunk_start:
                    offset = chunk_start  # "unexpected end": the line that opened it is the one to fix
            start, end = line_span(text, offset)
            shown = text[start:end].rstrip("\n")
            if message == _NOT_A_PAIR:
                message = (
                    f"`{shown.strip()[:60]}` is not a `key: value` line, so YAML cannot read the "
                    "front matter and Jekyll ignores all of it"
                )
            else:
                hint = _yaml_hint(message, shown)
                message = (
                    f"YAML cannot read `{shown.strip()[:60]}` ({hint}{message}), so Jekyll ignores the "
                    "whole front matter"
                )
            problem = SyntaxProblem("yaml", offset, max(offset, start + len(shown)), message)
        problems.append(problem)
    if not any(p.breaks_yaml for p in problems):
        # Nothing line by line explains it: report YAML's own position.
        offset = front.problem.offset
        problems.append(
            SyntaxProblem(
                "yaml",
                offset,
                offset + 1,
                f"the front matter is not valid YAML ({front.problem.message}), so Jekyll ignores all of it",
            )
        )
    return tuple(sorted(problems, key=lambda p: p.start))


def _yaml_hint(message: str, line: str) -> str:
    """A plain-words reading of YAML's message, prefixed to it."""
    if "end of stream" in message and ('"' in line or "'" in line):
        return "a quote opened here is never closed: "
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return "a tab is used for indentation, use spaces: "
    return ""


def _diagnose_entry(entry: Entry, text: str) -> SyntaxProblem | None:
    key_text = text[entry.key_start : entry.key_end]
    if _MARKDOWN_IN_KEY.search(key_text):
        return SyntaxProblem(
            "markdown",
            entry.key_start,
            entry.key_end,
            f"the key `{key_text}` contains Markdown; YAML cannot read it, so Jekyll ignores the whole front matter",
            key=entry.key,
            entry=entry,
        )
    value = entry.raw_value
    link = _MARKDOWN_LINK.search(value)
    if link and value[:1] not in "'\"":
        start = entry.value_start + link.start()
        return SyntaxProblem(
            "markdown",
            start,
            entry.value_start + link.end(),
            f"the value of `{entry.key}` holds a Markdown link `{link.group()[:60]}`; YAML cannot read it "
            "(front matter is not Markdown), so Jekyll ignores the whole front matter",
            key=entry.key,
            entry=entry,
        )
    if value[:1] not in ("'", '"', "[", "{", "|", ">", "&", "*", "!"):
        colon = _inner_colon(value)
        if colon is not None:
            start = entry.value_start + colon
            return SyntaxProblem(
                "colon-in-value",
                start,
                start + 1,
                f"the value of `{entry.key}` contains `: `, which YAML reads as the start of another key; "
                f"put the value in quotes, or Jekyll ignores the whole front matter",
                key=entry.key,
                entry=entry,
            )
    return None


def _inner_colon(value: str) -> int | None:
    for match in re.finditer(r":(?=[ \t]|$)", value):
        return match.start()
    return None


def _heading_lines(text: str, front: FrontMatter, problems: list[SyntaxProblem]) -> None:
    pos = front.inner_start
    commented = {o.start for o in front.odd_lines if o.kind == "commented-key"}
    while pos < front.inner_end:
        nl = text.find("\n", pos, front.inner_end)
        line_end = front.inner_end if nl < 0 else nl
        if pos not in commented and _HEADING_LINE.match(text, pos, line_end):
            problems.append(
                SyntaxProblem(
                    "markdown",
                    pos,
                    line_end,
                    f"the Markdown heading `{text[pos:line_end].strip()[:60]}` is inside the front matter: YAML reads it "
                    "as a comment, so it is not shown on the page; move it below the closing `---`",
                    breaks_yaml=False,
                )
            )
        pos = line_end + 1


def _mark_offset(text: str, start: int, end: int, mark) -> int:
    pos = start
    for _ in range(mark.line):
        nl = text.find("\n", pos, end)
        if nl < 0:
            return end
        pos = nl + 1
    line_end = text.find("\n", pos, end)
    line_end = end if line_end < 0 else line_end
    return min(pos + mark.column, line_end)


def heading_fix_text(entry: Entry) -> str | None:
    """``## Motivation`` -> ``Motivation`` (quoted when needed); None when nothing would be left."""
    match = _HEADING_VALUE.match(entry.raw_value)
    if not match:
        return None
    rest = entry.raw_value[match.end() :].strip()
    if not rest:
        return None
    if _inner_colon(rest) is not None or " #" in rest or rest[:1] in "'\"[{|>&*!%@`":
        return quote_yaml(rest)
    return rest


def plain_key(key: str) -> bool:
    return bool(_PLAIN_KEY.fullmatch(key))


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
