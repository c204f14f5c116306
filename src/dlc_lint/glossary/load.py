"""Load, validate and merge glossary files.

A glossary file is YAML (schema in ``README.md`` next to this module and at the
top of ``glossary/ko.yml``). Every problem is reported with ``file:line:column`` and
all problems of a file are collected before :class:`GlossaryError` is raised, so
a coordinator fixes the file in one pass.

The package ships one glossary per language, ``glossary/<lang>.yml`` at the top of
the repository (``dlc_lint/glossaries/`` in the wheel); a site adds
its own files through the ``glossary`` setting. A site file with the same
``language`` is merged *over* the shipped one: an entry with a known ``id``
replaces the fields it names (``disabled: true`` removes the entry), new ids are
appended.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from dlc_lint.glossary.checks import check_conflicts, check_examples
from dlc_lint.glossary.model import Glossary
from dlc_lint.glossary.parser import (
    ENTRY_KEYS,
    EXAMPLE_KEYS,
    FORM_KEYS,
    ID_RE,
    SOURCE_KEYS,
    TOP_KEYS,
    WHY_VALUES,
    Parser,
)
from dlc_lint.glossary.problems import GlossaryError, Problem
from dlc_lint.parse import bounded_yaml
from dlc_lint.parse.source import MAX_SETTINGS_BYTES, ReadError, read_bytes, read_text
from dlc_lint.shipped import glossary_folder

__all__ = [
    "ENTRY_KEYS",
    "EXAMPLE_KEYS",
    "FORM_KEYS",
    "ID_RE",
    "SOURCE_KEYS",
    "TOP_KEYS",
    "WHY_VALUES",
    "GlossaryError",
    "Problem",
    "check_conflicts",
    "check_examples",
    "glossary_for",
    "load_glossary",
    "merge",
    "parse_glossary",
    "shipped_languages",
    "shipped_path",
    "validate_file",
]

# --- shipped glossaries -----------------------------------------------------


def shipped_path(language: str) -> Path | None:
    """The glossary shipped with the package for ``language``, if any."""
    candidate = glossary_folder() / f"{language}.yml"
    return candidate if candidate.is_file() else None


def shipped_languages() -> list[str]:
    folder = glossary_folder()
    if not folder.is_dir():
        return []
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".yml"))


_CACHE: dict[tuple, Glossary | None] = {}


def glossary_for(language: str, site_files: Iterable[Path | str] = ()) -> Glossary | None:
    """The effective glossary of a language: shipped file merged with the site's files.

    Site files whose ``language`` differs are skipped. Returns None when neither
    exists. Results are cached per (language, files, modification times), so one
    run compiles one matcher per language.
    """
    files = [Path(f) for f in site_files]
    stamp = tuple((str(f), f.stat().st_mtime_ns if f.exists() else 0) for f in files)
    key = (language, stamp)
    if key in _CACHE:
        return _CACHE[key]
    base_path = shipped_path(language)
    merged = ([base_path] if base_path else []) + [f for f in files if _peek_language(f) in (None, language)]
    result = _compiled(language, merged)
    _CACHE[key] = result
    return result


def _compiled(language: str, paths: list[Path]) -> Glossary | None:
    """The files merged in order (the first loaded, the others merged over it); the checked result is
    kept in the on-disk cache (:mod:`dlc_lint.glossary.cache`), keyed by the files' bytes."""
    from dlc_lint.glossary import cache

    if not paths:
        return None
    try:
        contents = [(str(p), read_bytes(p, MAX_SETTINGS_BYTES)) for p in paths]
    except ReadError:
        contents = None  # load_glossary reports it properly
    key = cache.cache_key(language, contents) if contents is not None else None
    if key is not None:
        stored = cache.read(key)
        if stored is not None:
            return stored
    result = load_glossary(paths[0])
    for path in paths[1:]:
        result = merge(result, path)
    if key is not None:
        cache.write(key, result)
    return result


# --- parsing ----------------------------------------------------------------


def load_glossary(path: Path | str) -> Glossary:
    """Read and validate one glossary file."""
    path = Path(path)
    try:
        text = read_text(path)
    except ReadError as exc:
        raise GlossaryError([Problem(str(path), 1, 1, f"the glossary file {exc}")]) from None
    return parse_glossary(text, str(path))


def parse_glossary(text: str, path: str = "<string>", *, base: Glossary | None = None) -> Glossary:
    """Parse and validate glossary YAML text; ``path`` is used in messages.

    With ``base``, the text is a site glossary merged over ``base`` (see :func:`merge`).
    """
    parser = Parser(path)
    glossary = parser.parse(text, base)
    if not parser.problems:
        parser.problems.extend(check_conflicts(glossary))
    if parser.problems:
        raise GlossaryError(parser.problems)
    return glossary


def validate_file(path: Path | str) -> list[Problem]:
    """Every problem of a glossary file, examples included (for tests and a `check` command)."""
    try:
        glossary = load_glossary(path)
    except GlossaryError as exc:
        return exc.problems
    return check_examples(glossary)


# --- merging ----------------------------------------------------------------


def merge(base: Glossary, site: Path | str) -> Glossary:
    """The site glossary file ``site`` merged over ``base``.

    An entry whose ``id`` is in ``base`` replaces only the fields it names
    (``preferred``, ``avoid`` ...); ``disabled: true`` removes it. Entries with
    new ids must be complete and are appended. Conflicts are checked on the result.
    """
    path = Path(site)
    try:
        text = read_text(path)
    except ReadError as exc:
        raise GlossaryError([Problem(str(path), 1, 1, f"the glossary file {exc}")]) from None
    return parse_glossary(text, str(path), base=base)


_LANGUAGE_KEY = re.compile(r"^language:[ \t]*([\"']?)([A-Za-z][A-Za-z0-9_-]*)\1[ \t]*(?:#.*)?$", re.M)


def _peek_language(path: Path) -> str | None:
    """The file's top-level ``language``, without parsing the whole file when it is written plainly.

    (Parsing a large glossary with the pure-Python YAML loader just to read this key took minutes.)"""
    try:
        text = read_text(path)
    except ReadError:
        return None  # load_glossary reports it properly
    found = _LANGUAGE_KEY.search(text)
    if found is not None:
        return found.group(2)
    try:
        data = bounded_yaml.load(text)
    except yaml.YAMLError:
        return None
    return data.get("language") if isinstance(data, dict) else None
