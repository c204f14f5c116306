"""Settings from ``[tool.dlc-lint]`` in ``pyproject.toml`` (or ``dlc-lint.toml``) and the command line.

Unknown keys are an error that names the key: a misspelled ``ignore`` that
silently does nothing is worse than no configuration at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dlc_lint.finding import Severity
from dlc_lint.options import OptionError

DEFAULT_LABELS = {
    "ko": "KR",
    "zh": "ZH",
    "es": "ES",
    "it": "IT",
    "tr": "TR",
    "ja": "JA",
    "ar": "AR",
    "fr": "FR",
    "fa": "FA",
    "ru": "RU",
    "vi": "VI",
    "sr": "SR",
    "pt": "PT",
    "bn": "BN",
    "hu": "HU",
    "en": "EN",
}


# A language tag, as written in pull request titles ([KR]) and used as the pull request's label.
LABEL = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,15}")
LANGUAGE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,34}")


class ConfigError(Exception):
    """A configuration mistake: exit status 2 with this message."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> severity
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"  # error | warning | info | never
    site_root: Path | None = None
    source_lang: str | None = None
    glossaries: tuple[Path, ...] = ()  # site glossary files, merged over the shipped ones
    # code -> the rule's options dataclass (or a plain table of them, checked when the rule runs)
    rule_options: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    config_file: Path | None = None
    # the build the site gets: "github-pages" (Jekyll with GitHub Pages' plugins) or "jekyll" (none)
    renderer: str = "github-pages"
    # (glob of site paths, rule selectors): those rules are left out for the matching files
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def with_overrides(self, **changes) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "severity",
    "exclude",
    "fail-on",
    "site-root",
    "source-lang",
    "glossary",
    "rules",
    "labels",
    "renderer",
    "per-file-ignores",
}


def find_config_file(start: Path) -> Path | None:
    """The nearest ``dlc-lint.toml`` or ``pyproject.toml`` with a ``[tool.dlc-lint]`` table."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in ("dlc-lint.toml", ".dlc-lint.toml"):
            candidate = folder / name
            if candidate.is_file():
                return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            if "dlc-lint" in _read(candidate):
                data = _load_toml(candidate)
                if "dlc-lint" in data.get("tool", {}):
                    return candidate
    return None


def _read(path: Path) -> str:
    from dlc_lint.parse.source import ReadError, read_text

    try:
        return read_text(path)
    except ReadError as exc:
        raise ConfigError(f"{path}: {exc}{'; TOML files are UTF-8' if 'UTF-8' in str(exc) else ''}") from None


def _load_toml(path: Path) -> dict:
    import tomllib  # a run with --isolated, or without a settings file, reads no TOML

    text = _read(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_settings(path: Path | None) -> Settings:
    """Read settings from ``path``; defaults when it is None."""
    if path is None:
        return Settings()
    data = _load_toml(path)
    table = data.get("tool", {}).get("dlc-lint", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {table_name(path)} must be a table")
    return settings_from_table(table, path)


def table_name(path: Path | None) -> str:
    """How the settings table is called in ``path``: ``[tool.dlc-lint]`` in pyproject.toml, else the file."""
    if path is None or path.name == "pyproject.toml":
        return "[tool.dlc-lint]"
    return path.name


def settings_from_table(table: dict, path: Path | None = None) -> Settings:
    from dlc_lint.rules import find_rule

    where = f"{path}: " if path else ""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        key = unknown[0]
        hint = _close_match(key, sorted(_KEYS))
        raise ConfigError(
            f"{where}unknown setting `{key}` in {table_name(path)}"
            + (f" (did you mean `{hint[0]}`?)" if hint else "")
            + f"; known settings: {', '.join(sorted(_KEYS))}"
        )
    base = path.parent if path else Path.cwd()

    def codes(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}`{key}` must be a list of rule codes or names")
        return tuple(resolve_selector(v, where) for v in value)

    severity: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(f'{where}`severity` must be a table like {{ DLC401 = "warning" }}')
    for key, value in raw_severity.items():
        found = find_rule(key)
        if found is None:
            raise ConfigError(f"{where}`severity`: unknown rule `{key}`")
        try:
            severity[found.code] = Severity.parse(str(value))
        except ValueError as exc:
            raise ConfigError(f"{where}`severity.{key}`: {exc}") from None

    rule_options: dict[str, Any] = {}
    raw_rules = table.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise ConfigError(f"{where}`rules` must be a table of per-rule option tables")
    for key, options in raw_rules.items():
        found = find_rule(key)
        if found is None:
            raise ConfigError(f"{where}`rules.{key}`: unknown rule")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}`rules.{key}` must be a table of options")
        try:
            rule_options[found.code] = found.options_from(options)
        except OptionError as exc:
            raise ConfigError(f"{where}`rules.{key}.{exc.key}`: rule {found.code} ({found.name}): {exc}") from None

    fail_on = str(table.get("fail-on", "warning")).lower()
    if fail_on not in ("error", "warning", "info", "never"):
        raise ConfigError(f"{where}`fail-on` must be error, warning, info or never")
    exclude = _strings(table, "exclude", where, "a list of paths or patterns such as `docs/old/`")
    glossary = _strings(table, "glossary", where, "a glossary file or a list of them")
    for key in ("site-root", "source-lang"):
        if key in table and not isinstance(table[key], str):
            raise ConfigError(f"{where}`{key}` must be a string, not {table[key]!r}")
    if "source-lang" in table and not LANGUAGE.fullmatch(table["source-lang"]):
        raise ConfigError(
            f"{where}`source-lang` must be a language folder name such as `en`, not {table['source-lang']!r}"
        )
    labels = dict(DEFAULT_LABELS)
    raw_labels = table.get("labels", {})
    if not isinstance(raw_labels, dict):
        raise ConfigError(f'{where}`labels` must be a table like {{ ko = "KR" }}')
    for lang, label in raw_labels.items():
        if not isinstance(label, str) or not LABEL.fullmatch(label):
            raise ConfigError(
                f"{where}`labels.{lang}` must be a tag of 1 to 16 letters, digits, `-` or `_` starting with a "
                f"letter (it is written as [TAG] in pull request titles), not {label!r}"
            )
        if not LANGUAGE.fullmatch(str(lang)):
            raise ConfigError(f"{where}`labels`: {str(lang)!r} is not a language folder name such as `ko` or `pt-br`")
    labels.update({str(k): v for k, v in raw_labels.items()})
    renderer = table.get("renderer", "github-pages")
    if renderer not in ("github-pages", "jekyll"):
        raise ConfigError(
            f'{where}`renderer` must be "github-pages" (Jekyll with the GitHub Pages plugins) or "jekyll" '
            f"(plain Jekyll), not {renderer!r}"
        )
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f'{where}`per-file-ignores` must be a table like {{ "zh/*" = ["DLC301"] }}')
    per_file_ignores = []
    for pattern, value in per_file.items():
        selectors = [value] if isinstance(value, str) else value
        if not isinstance(selectors, list) or not all(isinstance(v, str) for v in selectors):
            raise ConfigError(f"{where}`per-file-ignores.{pattern}` must be a list of rule codes or names")
        per_file_ignores.append(
            (str(pattern), tuple(resolve_selector(v, f"{where}`per-file-ignores.{pattern}`: ") for v in selectors))
        )
    return Settings(
        select=codes("select"),
        ignore=codes("ignore"),
        extend_select=codes("extend-select"),
        severity=severity,
        exclude=tuple(str(e) for e in exclude),
        fail_on=fail_on,
        site_root=(base / table["site-root"]) if "site-root" in table else None,
        source_lang=table.get("source-lang"),
        glossaries=tuple(base / g for g in glossary),
        rule_options=rule_options,
        labels=labels,
        config_file=path,
        renderer=renderer,
        per_file_ignores=tuple(per_file_ignores),
    )


def _strings(table: dict, key: str, where: str, what: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}`{key}` must be {what}, not {value!r}")
    return value


def resolve_selector(value: str, where: str = "") -> str:
    """A rule code, a rule name, a code prefix (``DLC4``) or ``ALL``; returned as a code or prefix."""
    from dlc_lint.rules import find_rule, rule_codes, rule_names

    value = value.strip()
    if value.upper() == "ALL":
        return "DLC"
    found = find_rule(value)
    if found is not None:
        return found.code
    upper = value.upper()
    if upper.startswith("DLC") and any(code.startswith(upper) for code in rule_codes()):
        return upper
    names = rule_names() + rule_codes()
    hint = _close_match(value, names)
    raise ConfigError(
        f"{where}unknown rule `{value}`"
        + (f" (did you mean `{hint[0]}`?)" if hint else "")
        + "; `dlc-lint rules` lists them"
    )


def is_enabled(code: str, settings: Settings) -> bool:
    """ruff's model: select (default all), then extend-select adds, then ignore removes; longest prefix wins."""

    def best(selectors):
        return max((len(s) for s in selectors if code.startswith(s)), default=-1)

    selected = best(settings.select or ("DLC",))
    extended = best(settings.extend_select)
    ignored = best(settings.ignore)
    chosen = max(selected, extended)
    return chosen >= 0 and chosen >= ignored if ignored >= 0 else chosen >= 0


def ignored_in_file(code: str, site_path: str, settings: Settings) -> bool:
    """Whether ``per-file-ignores`` leaves rule ``code`` out for the file at ``site_path``."""
    import fnmatch

    for pattern, selectors in settings.per_file_ignores:
        if fnmatch.fnmatch(site_path, pattern) or fnmatch.fnmatch(site_path, pattern.rstrip("/") + "/*"):
            if any(code.startswith(selector) for selector in selectors):
                return True
    return False


def _close_match(word: str, candidates: list[str]) -> list[str]:
    """The candidate ``word`` is most likely a typo of, if any (difflib is imported for an error only)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=1)
