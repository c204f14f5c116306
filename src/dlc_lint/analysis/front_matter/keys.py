"""The front-matter keys this site uses, and how a misspelled or translated key maps back to its name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dlc_lint.distance import edit_distance
from dlc_lint.parse.frontmatter import Entry, FrontMatter, OddLine

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


def normalise_key(key: str) -> str:
    return re.sub(r"[\s_]+", "-", key.strip().lower())


def _similar_token(a: str, b: str) -> int | None:
    """How far apart two key words are, or None when they are different words."""
    if a == b:
        return 0
    limit = 1 if max(len(a), len(b)) <= 5 else 2
    distance = edit_distance(a, b, transpositions=True)
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
        score = sum(d for d in distances if d is not None)
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
    keys.update(getattr(context.options, "extra_keys", ()))  # DLC114's option
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


def plain_key(key: str) -> bool:
    return bool(_PLAIN_KEY.fullmatch(key))
