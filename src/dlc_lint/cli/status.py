"""``dlc-lint status``: how far each translation is, page by page and week by week.

For every language in scope and every English page: is there a translation,
is it out of date (drifted paragraphs, from the English kept in the page's
comments, else from git history), and, with ``--lint`` or ``--findings``,
how many findings each rule family has on it. Coverage per language and per
week. Four formats: a text table, JSON, Markdown for a pull-request comment,
and a self-contained HTML page with a language x week heat map.

It is fast by default: it reads the pages, not every rule. ``--lint`` runs
the rules too; ``--findings report.json`` reuses a JSON report of
``dlc-lint --format json`` (for instance from the same CI job).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import click

from dlc_lint.cli.common import OutputFile, build_settings, selection_options
from dlc_lint.cli.progress import progress
from dlc_lint.config import ConfigError
from dlc_lint.engine.run import discover, display_path, make_site
from dlc_lint.engine.targets import UsageError

FORMATS = ("text", "json", "markdown", "html")
_WEEK = re.compile(r"(?:^|/)week(\d+)(?:/|$)", re.I)
OTHER = "other"


@dataclass
class PageStatus:
    """One English page as seen from one language."""

    english: str  # site path of the English page
    week: str  # "01".."15", or "other"
    path: str | None = None  # the translated page (site path), None when missing
    display: str | None = None  # how the translated page is shown to the user
    drift: int = 0  # drifted paragraphs (basis "comments") or newer English commits (basis "git")
    basis: str = "none"  # comments | git | none
    findings: dict[str, int] = field(default_factory=dict)  # family ("1".."7") -> count

    @property
    def state(self) -> str:
        if self.path is None:
            return "missing"
        return "outdated" if self.drift else "translated"


@dataclass
class LanguageStatus:
    lang: str
    pages: list[PageStatus]
    extra: list[str] = field(default_factory=list)  # translated pages without an English page

    @property
    def total(self) -> int:
        return len(self.pages)

    @property
    def translated(self) -> int:
        return sum(1 for p in self.pages if p.path is not None)

    @property
    def outdated(self) -> int:
        return sum(1 for p in self.pages if p.state == "outdated")

    @property
    def missing(self) -> int:
        return sum(1 for p in self.pages if p.path is None)

    @property
    def drifted(self) -> int:
        """Drifted paragraphs over the pages that keep the English in comments."""
        return sum(p.drift for p in self.pages if p.basis == "comments")

    @property
    def coverage(self) -> float:
        return self.translated / self.total if self.total else 0.0

    @property
    def findings(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for page in self.pages:
            for family, count in page.findings.items():
                total[family] = total.get(family, 0) + count
        return dict(sorted(total.items()))

    def weeks(self) -> dict[str, tuple[int, int]]:
        """week -> (translated, English pages)."""
        found: dict[str, list[int]] = {}
        for page in self.pages:
            counts = found.setdefault(page.week, [0, 0])
            counts[1] += 1
            counts[0] += page.path is not None
        return {week: (a, b) for week, (a, b) in sorted(found.items(), key=lambda item: _week_order(item[0]))}

    def week_states(self) -> dict[str, dict[str, int]]:
        """week -> pages by state: ``translated`` (up to date), ``outdated``, ``missing``."""
        found: dict[str, dict[str, int]] = {}
        for page in self.pages:
            counts = found.setdefault(page.week, {"translated": 0, "outdated": 0, "missing": 0})
            counts[page.state] += 1
        return dict(sorted(found.items(), key=lambda item: _week_order(item[0])))


@dataclass
class Status:
    root: str  # the site root as shown to the user
    source_lang: str
    languages: list[LanguageStatus]
    weeks: list[str]
    english_pages: int
    findings_source: str  # "none" | "lint" | file name

    def to_dict(self) -> dict:
        return {
            "site": self.root,
            "source_language": self.source_lang,
            "english_pages": self.english_pages,
            "weeks": self.weeks,
            "findings_source": self.findings_source,
            "languages": [
                {
                    "language": lang.lang,
                    "english_pages": lang.total,
                    "translated": lang.translated,
                    "outdated": lang.outdated,
                    "missing": lang.missing,
                    "drifted_paragraphs": lang.drifted,
                    "coverage": round(lang.coverage, 4),
                    "findings_by_family": lang.findings,
                    "weeks": {
                        week: {
                            "translated": a,
                            "english_pages": b,
                            "outdated": lang.week_states()[week]["outdated"],
                            "missing": lang.week_states()[week]["missing"],
                        }
                        for week, (a, b) in lang.weeks().items()
                    },
                    "untracked_pages": lang.extra,
                    "pages": [
                        {
                            "english": page.english,
                            "week": page.week,
                            "page": page.display,
                            "state": page.state,
                            "drift": page.drift,
                            "drift_basis": page.basis,
                            "findings_by_family": dict(sorted(page.findings.items())),
                        }
                        for page in lang.pages
                    ],
                }
                for lang in self.languages
            ],
        }


def _week_order(week: str) -> tuple[int, str]:
    return (10_000, week) if week == OTHER else (int(week), week)


def week_of(path: str) -> str:
    match = _WEEK.search(path)
    return f"{int(match.group(1)):02d}" if match else OTHER


def build_status(
    site,
    languages: list[str],
    findings_by_path: dict[str, dict[str, int]] | None = None,
    show=lambda path: path,
    jobs: int | None = None,
) -> Status:
    """The status of ``languages`` against every English page of ``site``.

    The languages are shared out to forked worker processes when there are
    several CPUs (``DLC_LINT_JOBS``, as for linting): reading and comparing the
    pages is the work, and languages share only the English pages.
    """
    from dlc_lint.engine.workers import jobs_wanted, map_shares, split_by_size

    source = site.source_lang
    english = [p for p in site.page_paths if site.folder_lang(p) == source and site.lang_ref(p)]
    sizes = [sum(1 for p in site.page_paths if site.folder_lang(p) == lang) for lang in languages]
    shares = split_by_size(languages, sizes, jobs or jobs_wanted())
    rows: dict[str, list[tuple]] = {}

    def rows_of(langs: list[str]) -> list[tuple[str, list[tuple[str, str | None, int, str]]]]:
        return [(lang, _language_rows(site, english, lang)) for lang in langs]

    for share in map_shares(rows_of, shares, list[tuple[str, list[tuple[str, str | None, int, str]]]]):
        rows.update(share)
    result: list[LanguageStatus] = []
    for lang in languages:
        pages: list[PageStatus] = []
        claimed: set[str] = set()
        for path, found, drift, basis in rows[lang]:
            page = PageStatus(path, week_of(path))
            if found is not None:
                claimed.add(found)
                page.path, page.display, page.drift, page.basis = found, show(found), drift, basis
                if findings_by_path is not None:
                    page.findings = dict(findings_by_path.get(found, {}))
            pages.append(page)
        extra = [p for p in site.page_paths if site.folder_lang(p) == lang and p not in claimed and site.lang_ref(p)]
        result.append(LanguageStatus(lang, pages, extra))
    weeks = sorted({week_of(p) for p in english}, key=_week_order)
    return Status(show("."), source, result, weeks, len(english), "none")


def _language_rows(site, english: list[str], lang: str) -> list[tuple[str, str | None, int, str]]:
    """``(English page, its translation or None, drift, drift basis)`` for every English page."""
    from dlc_lint.analysis import parity

    rows = []
    for path in english:
        found = site.translation(path, lang)
        drift, basis = 0, "none"
        if found is not None:
            translated, original = site.page(found), site.page(path)
            if translated is not None and original is not None:
                result = parity.drift(site, translated, original)
                drift, basis = result.count, result.basis
        rows.append((path, found, drift, basis))
    return rows


def findings_per_page(findings, to_site_path) -> dict[str, dict[str, int]]:
    """site path -> family -> count, for findings with ``path`` and ``code``."""
    counts: dict[str, dict[str, int]] = {}
    for finding in findings:
        path, code = (finding["path"], finding["code"]) if isinstance(finding, dict) else (finding.path, finding.code)
        site_path = to_site_path(path)
        if site_path is None or len(code) < 4:
            continue
        family = code[3]
        bucket = counts.setdefault(site_path, {})
        bucket[family] = bucket.get(family, 0) + 1
    return counts


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for the terminal, json for tools, markdown for a pull-request comment, html for a "
    "self-contained page with a language x week heat map.",
)
@click.option(
    "--output",
    "-o",
    type=OutputFile(),
    metavar="FILE",
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--pages/--no-pages",
    "show_pages",
    default=None,
    help="List every page in the text and Markdown reports [default: when one language is shown].",
)
@click.option(
    "--lint", "run_lint", is_flag=True, help="Also run the rules and count findings per page and rule family (slower)."
)
@click.option(
    "--findings",
    "findings_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Count findings from FILE, a report of `dlc-lint --format json`, instead of running the rules.",
)
@selection_options
def status(
    paths,
    fmt,
    output,
    show_pages,
    run_lint,
    findings_file,
    config_file,
    isolated,
    site_root,
    select,
    extend_select,
    ignore,
    severities,
    exclude,
    fail_on,
):
    """Translation status per language, page and week: translated, missing, outdated.

    PATH selects languages: `docs/` shows every translation, `docs/ko` only Korean
    (the default is the current folder). A page is outdated when the English page
    changed after it was translated: paragraphs kept in its English comments that
    no longer match the English page, else English commits newer than the
    translation's (git).
    """
    try:
        settings = build_settings(
            config_file, isolated, site_root, select, extend_select, ignore, severities, exclude, fail_on
        )
        targets = [Path(p) for p in paths] or [Path(".")]
        cwd = Path.cwd()
        findings_by_path = None
        source = "none"
        if run_lint:
            from dlc_lint.engine.run import lint

            with progress(f"linting {', '.join(str(t) for t in targets)}"):
                result = lint(targets, settings)
            site, found = result.site, result.targets
            by_display = {t.display: t.site_path for t in found}
            findings_by_path = findings_per_page(result.findings, by_display.get)
            source = "lint"
        else:
            site = make_site(targets, settings)
            found = discover(targets, site, settings)
        if findings_file:
            findings_by_path = _load_findings(Path(findings_file), site, cwd)
            source = findings_file
    except (ConfigError, UsageError) as exc:
        raise click.UsageError(str(exc)) from None
    languages = _languages(site, found, targets)
    with progress(f"comparing {len(languages)} translation{'s' if len(languages) != 1 else ''} with the English pages"):
        report = build_status(site, languages, findings_by_path, show=lambda path: display_path(site.root / path, cwd))
    report.findings_source = source
    if show_pages is None:
        show_pages = len(languages) == 1
    text = render_status(report, fmt, show_pages)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Wrote the {fmt} status report to {output}.", err=True)
    else:
        click.echo(text, nl=False)
    return 0


def render_status(report: Status, fmt: str, pages: bool = False) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "html":
        from dlc_lint.report.status_html import render_status_html

        return render_status_html(report)
    from dlc_lint.report.status import render_status_markdown, render_status_text

    return render_status_markdown(report, pages) if fmt == "markdown" else render_status_text(report, pages)


def _languages(site, targets, paths) -> list[str]:
    """The translated languages the paths name: their language folders, or all when a path is the site."""
    source = site.source_lang
    langs = {site.folder_lang(t.site_path) for t in targets if t.site_path != "_config.yml"}
    for path in paths:
        try:
            rel = path.resolve().relative_to(site.root).as_posix()
        except ValueError:
            continue
        if rel == ".":
            langs.update(site.languages)
        else:
            head = rel.split("/", 1)[0]
            if head in site.languages:
                langs.add(head)
    return sorted(lang for lang in langs if lang != source)


def _load_findings(path: Path, site, cwd: Path) -> dict[str, dict[str, int]]:
    from dlc_lint.parse.source import MAX_PAGE_BYTES, ReadError, read_text

    try:
        data = json.loads(read_text(path, MAX_PAGE_BYTES))  # regular files only, bounded
        findings = data["findings"]
    except (ReadError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise UsageError(f"--findings {path}: not a JSON report of `dlc-lint --format json` ({exc})") from None

    def to_site_path(shown: str) -> str | None:
        full = (cwd / shown).resolve() if not os.path.isabs(shown) else Path(shown).resolve()
        try:
            return full.relative_to(site.root).as_posix()
        except ValueError:
            return None

    return findings_per_page(findings, to_site_path)
