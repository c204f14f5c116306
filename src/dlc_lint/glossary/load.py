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
from dlc_lint.parse.source import ReadError, read_text
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
    result = load_glossary(base_path) if base_path else None
    for file in files:
        found = _peek_language(file)
        if found is not None and found != language:
            continue
        result = load_glossary(file) if result is None else merge(result, file)
    _CACHE[key] = result
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


def _peek_language(path: Path) -> str | None:
    try:
        data = bounded_yaml.load(read_text(path))
    except (ReadError, yaml.YAMLError):
        return None  # load_glossary reports it properly
    return data.get("language") if isinstance(data, dict) else None
