"""The lint pipeline: discover targets, parse each page once, run the rules,
filter, sort. No printing here; reporters and the fixer live at the edge.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dlc_lint.config import Settings, is_enabled
from dlc_lint.engine import store
from dlc_lint.engine.cache import Derived
from dlc_lint.engine.directives import INTERNAL_ERROR, apply_directives, suppression_findings
from dlc_lint.engine.page_cache import Entry, PageCache
from dlc_lint.engine.sources import SourceTexts
from dlc_lint.engine.targets import Target, discover, display_path, make_site
from dlc_lint.engine.workers import cut_by_group, jobs_wanted, map_queue
from dlc_lint.finding import Finding, Severity
from dlc_lint.parse.source import SourceText
from dlc_lint.site.model import CONFIG_NAME, Site
from dlc_lint.site.names import name_problems, shown

if TYPE_CHECKING:  # the rules and the parser are imported when a page is linted, not replayed
    from dlc_lint.rules import Rule

UNREADABLE = "DLC002"
UNDECODABLE = "DLC003"
BINARY = "DLC004"


@dataclass
class LintResult:
    findings: list[Finding]
    site: Site
    targets: list[Target]
    notes: list[str] = field(default_factory=list)  # said once on stderr (e.g. "no _config.yml")
    sources: MutableMapping[str, SourceText] = field(default_factory=dict)  # display path -> source, for fixes
    used_cache: bool = True  # the run could replay and store findings (not --no-cache, not --debug)


def enabled_rules(settings: Settings) -> list[Rule]:
    """The rules the settings select, importing their modules only."""
    from dlc_lint.rules import load_rule, rule_codes

    return [load_rule(code) for code in rule_codes() if is_enabled(code, settings)]


def lint(
    paths: list[Path], settings: Settings, *, site: Site | None = None, debug: bool = False, use_cache: bool = True
) -> LintResult:
    """Lint ``paths`` (files and folders) with the whole site as context.

    Pages whose findings are in the cache (:mod:`dlc_lint.engine.page_cache`) with the same inputs are
    not linted again. ``use_cache=False`` (``--no-cache``, or ``DLC_LINT_NO_CACHE=1``) and ``debug``
    bypass the on-disk store altogether: nothing is read from it or written to it.
    """
    use = use_cache and not debug
    with store.opened(use) as folder:
        result = _lint(paths, settings, site, debug, folder is not None)
    result.used_cache = use
    return result


def _lint(paths: list[Path], settings: Settings, site: Site | None, debug: bool, use_cache: bool) -> LintResult:
    site = site or make_site(paths, settings)
    targets = discover(paths, site, settings)
    findings: list[Finding] = _name_findings(paths, site)
    notes: list[str] = []
    sources = SourceTexts(site)
    lint_paths = frozenset(t.site_path for t in targets)
    cwd = Path.cwd()

    def show(site_path: str) -> str:
        return display_path(site.root / site_path, cwd)

    if not site.has_config:
        notes.append(
            f"no {CONFIG_NAME} found above the linted paths: languages are the folders of "
            f"{display_path(site.root, cwd)}, and the outline checks (DLC5xx) are skipped"
        )

    page_targets = [t for t in targets if t.site_path != CONFIG_NAME]
    Derived.reset(site)
    cache = PageCache.open(site, settings, cwd) if use_cache and targets else None
    keys: dict[str, str] = {}
    todo: list[Target] = []
    pending: list[tuple[Target, Entry]] = []  # replayed if the folder-wide results they used still hold

    def replay(target: Target, entry: Entry) -> None:
        findings.extend(entry.findings)
        sources.add_path(target.display, target.site_path)
        if entry.has_directives:
            site.page(target.site_path, target.display)  # for the directives applied below

    for target in page_targets:
        key = cache.key(target.site_path) if cache is not None else None
        entry, to_confirm = (
            cache.load(key, target.site_path) if key is not None and cache is not None else (None, False)
        )
        if key is not None and (entry is None or to_confirm):
            keys[target.site_path] = key
        if entry is None:
            todo.append(target)
        elif to_confirm:
            pending.append((target, entry))
        else:
            replay(target, entry)

    # _config.yml: its checks look at the outlines of the linted pages' languages
    config_target = next((t for t in targets if t.site_path == CONFIG_NAME), None)
    config_display = config_target.display if config_target else show(CONFIG_NAME)
    languages = frozenset(site.folder_lang(t.site_path) for t in page_targets)
    config_key = config_entry = None
    if site.has_config and targets:
        config_key = cache.config_key(languages, config_target is not None) if cache is not None else None
        config_entry = cache.load(config_key)[0] if config_key is not None and cache is not None else None
        if config_entry is not None:
            findings.extend(config_entry.findings)
            sources.add_path(config_display, CONFIG_NAME)

    if todo or pending or (site.has_config and targets and config_entry is None):
        from dlc_lint.rules import load_rule

        rules = enabled_rules(settings)
        by_code = {code: load_rule(code) for code in (INTERNAL_ERROR, UNREADABLE, UNDECODABLE, BINARY)}
        page_rules = [r for r in rules if r.scope == "page" and r.check is not None]
        config_rules = [r for r in rules if r.scope == "config" and r.check is not None]

        def lint_these(these: list[Target]) -> None:
            findings.extend(
                _lint_pages(these, site, settings, page_rules, by_code, lint_paths, show, sources, debug, cache, keys)
            )

        if todo:
            lint_these(todo)
        again: list[Target] = []
        probed = False
        while pending:
            unknown = []
            for target, entry in pending:
                held = PageCache.confirmed(entry, target.site_path.split("/", 1)[0])
                if held:
                    replay(target, entry)
                elif held is None:
                    unknown.append((target, entry))
                else:
                    again.append(target)
            pending = []
            if unknown and not probed:
                # a folder-wide result this run has not worked out yet: linting one page of the folder
                # here works it out, and tells whether the others' entries hold
                lint_these([unknown[0][0]])
                probed, pending = True, unknown[1:]
            else:
                again.extend(target for target, _ in unknown)
        if again:
            lint_these(again)
        if site.has_config and targets and config_entry is None:
            site.record_reads()
            Derived.start_page()
            try:
                config_findings = _lint_config(
                    site,
                    settings,
                    config_rules,
                    by_code,
                    config_display,
                    sources,
                    languages,
                    config_target is not None,
                    lint_paths,
                    show,
                    debug,
                )
            finally:
                reads = (site.recorded_reads() or set()) | Derived.carried | Derived.inner
            findings.extend(config_findings)
            if config_key is not None and cache is not None and not reads:
                cache.store(config_key, Entry(tuple(config_findings), False))
        if cache is not None:
            cache.keep_front_facts()
            cache.prune()

    findings += _unreadable_english_pages(page_targets, site, lint_paths)
    findings = [f for f in findings if is_enabled(f.code, settings) or _tool_problem(f.code, settings)]
    if settings.severity:  # the user's severity wins, for the engine's own findings (DLC001-004) too
        findings = [replace(f, severity=settings.severity.get(f.code, f.severity)) for f in findings]
    if settings.per_file_ignores:
        findings = _per_file_ignores(findings, targets, settings)
    findings = apply_directives(findings, site, targets)
    findings = sorted(set(findings), key=lambda f: f.sort_key)
    return LintResult(findings, site, targets, notes, sources)


def _per_file_ignores(findings: list[Finding], targets: list[Target], settings: Settings) -> list[Finding]:
    from dlc_lint.config import ignored_in_file

    site_paths = {t.display: t.site_path for t in targets}
    return [f for f in findings if not ignored_in_file(f.code, site_paths.get(f.path, f.path), settings)]


def _lint_config(
    site: Site,
    settings: Settings,
    config_rules,
    by_code,
    display: str,
    sources,
    languages,
    whole_file: bool,
    lint_paths,
    show,
    debug: bool,
) -> list[Finding]:
    """The ``_config.yml`` checks, for the outlines of ``languages`` (every line when ``whole_file``)."""
    from dlc_lint.rules import ConfigContext

    if not config_rules:
        return []
    source = site.config_source
    if source is None:
        return [_file_finding(by_code[UNREADABLE], display, f"file {site.read_error(CONFIG_NAME)}")]
    sources[display] = source
    findings: list[Finding] = []
    for rule_ in config_rules:
        context = ConfigContext(
            rule=rule_,
            site=site,
            file=display,
            source=source,
            severity=settings.severity.get(rule_.code, rule_.severity),
            options=rule_.options_from(settings.rule_options.get(rule_.code)),
            lint_paths=lint_paths,
            languages=languages,
            whole_file=whole_file,
            site_display=show,
            settings=settings,
        )
        findings.extend(_run(rule_, context, by_code, debug))
    return findings


def _lint_pages(
    targets: list[Target],
    site: Site,
    settings: Settings,
    page_rules: list[Rule],
    by_code,
    lint_paths,
    show,
    sources: SourceTexts,
    debug: bool,
    cache: PageCache | None,
    keys: dict[str, str],
) -> list[Finding]:
    """Every page rule on each target, in worker processes where that pays; results go to the cache."""

    previous_lang: list[str | None] = [None]  # the folder of the last page this process linted

    def lint_share(share: list[Target]) -> tuple[list[Finding], dict[str, str]]:
        from dlc_lint.analysis.terms import forget_folder

        found: list[Finding] = []
        read: dict[str, str] = {}  # display -> site path of each page read
        for target in share:
            lang = site.folder_lang(target.site_path)
            if previous_lang[0] not in (None, lang, site.source_lang):
                forget_folder(site, previous_lang[0])  # a share is one folder, in path order: that one is done
            previous_lang[0] = lang
            key = keys.get(target.site_path)
            site.record_reads(key is not None)
            Derived.start_page()
            try:
                page_findings = _lint_page(target, site, settings, page_rules, by_code, lint_paths, show, read, debug)
                page = site.parsed_page(target.site_path)
                about = suppression_findings(page_findings, page, target.display, settings) if page else []
                page_findings = apply_directives(page_findings, site, [target]) + about
            finally:
                reads = site.recorded_reads()
            direct = None if reads is None else reads | Derived.carried  # what the checks read themselves
            reads = None if direct is None else direct | Derived.inner  # ... and through folder-wide results
            page = site.parsed_page(target.site_path)
            if (
                key is not None
                and cache is not None
                and reads is not None
                and cache.may_store(target.site_path, reads, direct)
            ):
                cache.store(
                    key, Entry(tuple(page_findings), bool(page is not None and page.directives)), target.site_path
                )
            found.extend(page_findings)
            if _is_translated(target.site_path, site):
                # translated pages are nobody's counterpart: let them go (memory stays flat).
                site.forget_page(target.site_path)
        return found, read

    findings: list[Finding] = []
    shares = _shares(targets, site, debug)
    if len(shares) > 1:
        # One page, linted here before the workers start, loads the site-wide facts the rules use
        # (lang-refs, URLs, outline, English terms, folder-wide term usage...): the workers inherit
        # them instead of each computing them again. A translated lecture page (in a subfolder of
        # its language, not an index or README) needs the most of them. Whole corpus: 8.5 s in one
        # process; 4.6 s in two warmed this way; 10-14 s (16 s of CPU) warmed with README.md.
        first = next(
            (t for share in shares for t in share if _is_translated(t.site_path, site) and t.site_path.count("/") >= 2),
            shares[0][0],
        )
        first_findings, first_read = lint_share([first])
        findings.extend(first_findings)
        sources.add_paths(first_read)
        shares = [[t for t in share if t is not first] for share in shares]
    jobs = 1 if debug else jobs_wanted()
    for share_findings, share_read in map_queue(lint_share, shares, tuple[list[Finding], dict[str, str]], jobs):
        findings.extend(share_findings)
        sources.add_paths(share_read)
    return findings


def _lint_page(
    target: Target,
    site: Site,
    settings: Settings,
    page_rules: list[Rule],
    by_code,
    lint_paths,
    show,
    read: dict[str, str],
    debug: bool,
) -> list[Finding]:
    """Every page rule on one target; the file is read and parsed once."""
    from dlc_lint.rules import PageContext

    findings: list[Finding] = []
    # A page parsed earlier (as another page's counterpart) is reused.
    page = site.parsed_page(target.site_path)
    source = page.source if page is not None else site.source(target.site_path)
    if source is None:
        return [_file_finding(by_code[UNREADABLE], target.display, f"file {site.read_error(target.site_path)}")]
    if source.binary:
        return [
            _file_finding(
                by_code[BINARY], target.display, "this is a binary file, not a Markdown page; it was not checked"
            )
        ]
    read[target.display] = target.site_path
    if page is None:
        from dlc_lint.parse.page import page_from_source

        page = page_from_source(target.site_path, target.display, source)
        site.add_page(page)
    if source.decode_problem is not None:
        line, column = source.position(source.decode_problem.offset)
        findings.append(
            _file_finding(
                by_code[UNDECODABLE],
                target.display,
                f"byte 0x{source.decode_problem.byte:02X} is not UTF-8; the page must be saved as UTF-8 "
                "(it is shown with a replacement character, and it is not fixed automatically)",
                line,
                column,
            )
        )
    for rule_ in page_rules:
        context = PageContext(
            rule=rule_,
            site=site,
            file=target.display,
            source=source,
            severity=settings.severity.get(rule_.code, rule_.severity),
            options=rule_.options_from(settings.rule_options.get(rule_.code)),
            lint_paths=lint_paths,
            page=page,
            site_display=show,
            settings=settings,
        )
        findings.extend(_run(rule_, context, by_code, debug))
    return findings


def _is_translated(site_path: str, site: Site) -> bool:
    """In a folder other than the source language's (by name: Site.folder_lang lists the whole site)."""
    return "/" in site_path and site_path.split("/", 1)[0] != site.source_lang


# Below this much Markdown, starting a second process costs more than it saves.
PARALLEL_MIN_BYTES = 400_000
PARALLEL_MIN_PAGES = 8


def _shares(targets: list[Target], site: Site, debug: bool) -> list[list[Target]]:
    """The targets cut into shares for the worker processes to take (one share when that does not pay):
    a share is (a run of) one language folder, largest first."""
    jobs = 1 if debug else jobs_wanted()
    if jobs <= 1 or len(targets) < PARALLEL_MIN_PAGES:
        return [targets]
    sizes = []
    for target in targets:
        try:
            sizes.append(os.stat(site.root / target.site_path).st_size)
        except OSError:
            sizes.append(0)
    if sum(sizes) < PARALLEL_MIN_BYTES:
        return [targets]
    return cut_by_group(targets, [site.folder_lang(t.site_path) for t in targets], sizes, jobs)


def _tool_problem(code: str, settings: Settings) -> bool:
    """A crash or an unreadable file is shown even under ``--select``, unless it is ignored by name."""
    return code in (INTERNAL_ERROR, UNREADABLE, UNDECODABLE, BINARY) and code not in settings.ignore


def _run(rule_: Rule, context, by_code, debug: bool) -> list[Finding]:
    check = rule_.check
    assert check is not None, f"{rule_.code} is reported by the engine, it has no check"
    try:
        return list(check(context))
    except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the run
        if debug or os.environ.get("DLC_LINT_DEBUG"):
            raise
        return [
            _file_finding(
                by_code[INTERNAL_ERROR],
                context.file,
                f"rule {rule_.code} ({rule_.name}) failed on this file: {type(exc).__name__}: {exc}. "
                "This is a bug in dlc-lint; please report it with the file attached",
            )
        ]


def _unreadable_english_pages(targets: list[Target], site: Site, lint_paths: frozenset[str]) -> list[Finding]:
    """DLC002 for an English page that cannot be read, when a translation of it is linted and it is not."""
    from dlc_lint.site.lang_ref import english_path, unreadable_english

    found = {}
    for target in targets:
        reason = unreadable_english(site, target.site_path)
        english = english_path(site, target.site_path) if reason else None
        if english is not None and english not in lint_paths:
            found[english] = f"file {reason}; it is the English page of {target.display}, which is not compared with it"
    if not found:
        return []
    from dlc_lint.rules import all_rules

    rule_ = all_rules()[UNREADABLE]
    return [_file_finding(rule_, display_path(site.root / path), message) for path, message in sorted(found.items())]


def _name_findings(paths: list[Path], site: Site) -> list[Finding]:
    """DLC002 for the files whose names are not UTF-8 (see :mod:`dlc_lint.site.names`)."""
    problems = name_problems(paths, site.root, site.bad_names)
    if not problems:
        return []
    from dlc_lint.rules import all_rules

    rule_ = all_rules()[UNREADABLE]
    return [_file_finding(rule_, shown(display_path(site.root / rel)), message) for rel, message in problems]


def _file_finding(rule_: Rule, display: str, message: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(display, line, column, line, column, rule_.code, rule_.name, rule_.severity, message)


def failed(findings: list[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)
