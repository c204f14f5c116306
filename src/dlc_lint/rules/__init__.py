"""The rule registry and the contexts rules are given.

A rule is a module in this package: its docstring is the user documentation
(``dlc-lint explain``), and it registers one check with :func:`rule`. A check
is a generator over a context; it does no I/O, prints nothing and mutates
nothing, and yields findings made by ``context.report``.

Scopes: ``page`` checks run once per linted page with the site as context;
``config`` checks run once per run over ``_config.yml``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dlc_lint import options as rule_options
from dlc_lint.finding import Finding, Fix, Location, Severity
from dlc_lint.parse.page import Page
from dlc_lint.parse.source import SourceText
from dlc_lint.site.model import Site


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: Callable[..., Iterator[Finding]] | None
    scope: str = "page"  # "page" | "config"
    fixable: bool = False
    options: type = rule_options.NoOptions  # a frozen dataclass: one typed field per option
    module: str = ""
    # Family-0 rules are reported by the engine itself (unreadable file...), not by a check.
    engine: bool = False

    @property
    def doc(self) -> str:
        module = importlib.import_module(self.module)
        return (module.__doc__ or "").strip()

    @property
    def family(self) -> int:
        return int(self.code[3])

    @property
    def option_specs(self) -> tuple[rule_options.OptionSpec, ...]:
        return rule_options.specs(self.options)

    def options_from(self, raw: Any = None) -> Any:
        """The rule's options: the defaults, overridden by ``raw`` (a config table, or options already built).

        Raises :class:`~dlc_lint.options.OptionError` for a key the rule does not have or a wrong type.
        """
        if not raw:
            return rule_options.defaults(self.options)
        if isinstance(raw, self.options):
            return raw
        return rule_options.build(self.options, raw)


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: str,
    summary: str,
    *,
    scope: str = "page",
    fixable: bool = False,
    options: type = rule_options.NoOptions,
):
    """Register the decorated generator as rule ``code``/``name``; ``options`` is its options dataclass."""

    def register(check):
        if code in _REGISTRY:
            raise RuntimeError(f"rule code {code} registered twice")
        _REGISTRY[code] = Rule(
            code=code,
            name=name,
            severity=Severity.parse(severity),
            summary=summary,
            check=check,
            scope=scope,
            fixable=fixable,
            options=options,
            module=check.__module__,
        )
        return check

    return register


def engine_rule(code: str, name: str, severity: str, summary: str, module: str) -> None:
    """Register a family-0 rule that the engine reports itself (no check of its own)."""
    if code in _REGISTRY:
        raise RuntimeError(f"rule code {code} registered twice")
    _REGISTRY[code] = Rule(code, name, Severity.parse(severity), summary, None, module=module, engine=True)


_LOADED = False


def all_rules() -> dict[str, Rule]:
    """Every rule, by code, importing the rule modules on first use."""
    global _LOADED
    if not _LOADED:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _LOADED = True
    return dict(sorted(_REGISTRY.items()))


def rule_codes() -> list[str]:
    """Every rule code, without importing a rule module (see :mod:`dlc_lint.rules._catalog`)."""
    from dlc_lint.rules._catalog import CATALOG

    return sorted(CATALOG)


def rule_names() -> list[str]:
    """Every rule name, without importing a rule module."""
    from dlc_lint.rules._catalog import CATALOG

    return [CATALOG[code][0] for code in sorted(CATALOG)]


def load_rule(code: str) -> Rule:
    """The rule ``code``, importing its module (and only its module) on first use."""
    found = _REGISTRY.get(code)
    if found is None:
        from dlc_lint.rules._catalog import CATALOG

        importlib.import_module(f"{__name__}.{CATALOG[code][1]}")
        found = _REGISTRY[code]
    return found


def find_rule(code_or_name: str) -> Rule | None:
    """The rule with this code or name (any case), or None; imports that rule's module only."""
    from dlc_lint.rules._catalog import CATALOG

    key = code_or_name.strip()
    if key.upper() in CATALOG:
        return load_rule(key.upper())
    for code, (name, _) in CATALOG.items():
        if name == key.lower():
            return load_rule(code)
    return None


@dataclass
class Context:
    """What a check sees. ``report`` turns offsets into a positioned finding."""

    rule: Rule
    site: Site
    file: str  # path as shown to the user
    source: SourceText
    severity: Severity
    options: Any  # the rule's options dataclass, filled from the config
    lint_paths: frozenset[str] = frozenset()  # site paths of every page linted in this run
    settings: Any = None  # the run's Settings (glossary files ...); None in hand-made contexts

    def report(
        self,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: tuple[Location, ...] = (),
        severity: Severity | None = None,
    ) -> Finding:
        line, column = self.source.position(start)
        end_line, end_column = self.source.position(max(start, end))
        return Finding(
            path=self.file,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=self.rule.code,
            name=self.rule.name,
            severity=self.severity if severity is None or self.overridden else severity,
            message=message,
            fix=fix,
            related=related,
            snippet=self.source.text[start : max(start, end)][:200],
        )

    @property
    def overridden(self) -> bool:
        """The user set this rule's severity (``--severity``, the config's ``severity`` table): it beats
        the severity a check passes for one finding."""
        return self.severity != self.rule.severity or self.rule.code in getattr(self.settings, "severity", {})

    def location(self, source: SourceText, file: str, start: int, end: int, message: str = "") -> Location:
        """A related location in another file (the English page)."""
        line, column = source.position(start)
        end_line, end_column = source.position(max(start, end))
        return Location(file, line, column, end_line, end_column, message)


@dataclass
class PageContext(Context):
    page: Page = None  # type: ignore[assignment]  # always given; a default only because Context's fields have some

    @property
    def lang(self) -> str:
        """The page's language by its folder (``ko`` for ``ko/week01/01-1.md``)."""
        return self.site.folder_lang(self.page.path)

    @property
    def is_translation(self) -> bool:
        return self.lang != self.site.source_lang

    @property
    def counterpart(self) -> Page | None:
        """The source-language page this page translates, parsed (or None)."""
        return self.site.counterpart_page(self.page.path)

    def display(self, site_path: str) -> str:
        """How to show another site file to the user (relative to the working directory)."""
        return self.site_display(site_path)

    site_display: Callable[[str], str] = field(default=lambda path: path, repr=False)


@dataclass
class ConfigContext(Context):
    """For ``config`` rules: the outline of ``_config.yml``; ``languages`` in scope of this run."""

    languages: frozenset[str] = frozenset()
    whole_file: bool = False  # _config.yml itself is a target: report every section
    site_display: Callable[[str], str] = field(default=lambda path: path, repr=False)

    def in_scope(self, lang: str | None) -> bool:
        return self.whole_file or lang is None or lang in self.languages
