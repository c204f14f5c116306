"""``dlc-lint check``: lint pages and folders, optionally fix, and report."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import click

from dlc_lint import __version__
from dlc_lint.cli.common import OutputFile, build_settings, selection_options, use_color
from dlc_lint.cli.progress import progress
from dlc_lint.config import ConfigError
from dlc_lint.engine.baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from dlc_lint.engine.run import LintResult, failed, lint
from dlc_lint.engine.targets import GitError, UsageError
from dlc_lint.report import FORMATS, render


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format: text for people, json for tools, github for workflow annotations, sarif for code scanning.",
)
@selection_options
@click.option("--fix", is_flag=True, help="Apply safe fixes in place, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also apply fixes that need review.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Report only findings that are not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_file",
    type=OutputFile(),
    metavar="FILE",
    help="Record every current finding in FILE (for --baseline) and exit 0.",
)
@click.option(
    "--summary-file",
    type=OutputFile(),
    metavar="FILE",
    help='Also append a Markdown summary to FILE (in GitHub Actions: "$GITHUB_STEP_SUMMARY").',
)
@click.option(
    "--site-files-only",
    is_flag=True,
    help="Skip named files that are not pages or _config.yml of a site, without a word "
    "(for pre-commit, which passes every staged Markdown file).",
)
@click.option(
    "--changed",
    is_flag=True,
    help="Only findings on lines changed since the last commit (staged or not), and findings "
    "those changes cause elsewhere on their pages; the pre-commit hooks use it.",
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="As --changed, against the commit where this branch left REF (e.g. origin/main).",
)
@click.option(
    "--all-lines",
    is_flag=True,
    help="Undo --changed / --changed-since: every finding of the named files (a hook's `args: [--all-lines]`).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With `-` as the path: the page read from stdin is the file at PATH of its site "
    "(it need not exist), checked with the whole site as context.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary line, notes or progress.")
@click.option(
    "--show-fixes",
    is_flag=True,
    help="Under each finding, the fix --fix (or --unsafe-fixes) would apply; with --fix, list the fixes applied.",
)
@click.option("--color/--no-color", default=None, help="Colour the text output [default: when printing to a terminal].")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Lint every page again: do not read or write the cache of findings and term statistics "
    "(see README, Performance).",
)
@click.option(
    "--debug", is_flag=True, help="Let a crashing rule raise with its traceback (every page is linted: no cache)."
)
def check(
    paths,
    fmt,
    config_file,
    isolated,
    site_root,
    select,
    extend_select,
    ignore,
    severities,
    exclude,
    fail_on,
    fix,
    unsafe_fixes,
    show_diff,
    statistics,
    baseline_file,
    write_baseline_file,
    summary_file,
    site_files_only,
    changed,
    changed_since,
    all_lines,
    stdin_filename,
    quiet,
    show_fixes,
    color,
    no_cache,
    debug,
):
    """Lint Markdown pages and folders of a translated site.

    PATH may be any mix of folders (docs/ko, docs) and files (docs/ko/week01/01-1.md,
    docs/_config.yml); the default is the current folder. The whole site is always the
    context, so a single page is checked against its English page and the outline.
    `-` reads one page from stdin: `dlc-lint - --stdin-filename docs/ko/week01/01-1.md < page.md`.
    """
    try:
        settings = build_settings(
            config_file, isolated, site_root, select, extend_select, ignore, severities, exclude, fail_on
        )
        baseline = load_baseline(Path(baseline_file)) if baseline_file else None
        targets = [Path(p) for p in paths] or [Path(".")]
        stdin_site = _stdin_site(paths, stdin_filename, settings, fix)
        if stdin_site is not None:
            targets = [Path(stdin_filename)]
            site_files_only = False
        if site_files_only:
            from dlc_lint.site.targets import group_by_site

            groups = [
                (settings.with_overrides(site_root=root), group) for root, group in group_by_site(targets, settings)
            ]
        else:
            groups = [(settings, targets)]
        base = None if all_lines else changed_since or ("HEAD" if changed else None)
        scope = _change_scope(base, settings, debug)
        results = []
        with progress(f"linting {_described(targets)}", enabled=not quiet):
            for group_settings, group_targets in groups:
                result = lint(group_targets, group_settings, debug=debug, use_cache=not no_cache, site=stdin_site)
                if scope is not None:
                    result = scope(result)
                if fix or show_diff:
                    result = _fix(
                        result,
                        group_targets,
                        group_settings,
                        unsafe_fixes,
                        show_diff,
                        debug,
                        scope,
                        show_fixes,
                        quiet,
                        _not_in(baseline) if baseline is not None else None,
                    )
                results.append(result)
    except (ConfigError, UsageError, BaselineError, GitError) as exc:
        raise click.UsageError(str(exc)) from None

    findings = sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key)
    files = sum(len(r.targets) for r in results)
    notes = [note for r in results for note in r.notes] + _unmatched_per_file_ignores(settings, results)
    for note in [] if quiet else notes:
        click.echo(f"note: {note}", err=True)

    if write_baseline_file:
        count = write_baseline(Path(write_baseline_file), findings, __version__)
        click.echo(f"Wrote {count} finding{'s' if count != 1 else ''} to the baseline {write_baseline_file}.", err=True)
        raise click.exceptions.Exit(0)
    if baseline is not None:
        match = apply_baseline(findings, baseline, [t.display for r in results for t in r.targets])
        findings = match.new
        notes.append(_baseline_note(match, baseline_file))
        if not quiet:
            click.echo(f"note: {notes[-1]}", err=True)

    if statistics:
        counts = Counter((f.code, f.name) for f in findings)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"{count:5d}  {code}  {name}")
    elif not show_diff:
        output = render(
            fmt,
            findings,
            files,
            color=fmt == "text" and use_color(color),
            tool_version=__version__,
            summary=not quiet,
            show_fixes=show_fixes,
        )
        sys.stdout.write(output)
    if summary_file:
        from dlc_lint.report.step_summary import append_summary, render_step_summary

        append_summary(summary_file, render_step_summary(findings, files, notes=notes))
    raise click.exceptions.Exit(1 if failed(findings, settings.fail_on) else 0)


def _unmatched_per_file_ignores(settings, results) -> list[str]:
    """A `per-file-ignores` pattern that matches no file of the site silences nothing: say so."""
    import fnmatch

    files = {path for r in results for path in r.site.files}
    notes = []
    for pattern, _ in settings.per_file_ignores:
        if not any(fnmatch.fnmatch(p, pattern) or fnmatch.fnmatch(p, pattern.rstrip("/") + "/*") for p in files):
            notes.append(f'per-file-ignores: "{pattern}" matches no file of the site (patterns are site paths)')
    return notes


def _described(targets: list[Path]) -> str:
    if len(targets) == 1:
        return str(targets[0])
    return f"{len(targets)} paths"


def _stdin_site(paths, stdin_filename: str | None, settings, fix: bool):
    """For `-`: the site with the page read from stdin standing for the file at --stdin-filename."""
    if "-" not in paths:
        if stdin_filename:
            raise UsageError("--stdin-filename is for reading a page from stdin: give `-` as the path")
        return None
    if len(paths) != 1:
        raise UsageError("`-` (a page from stdin) cannot be combined with other paths")
    if not stdin_filename:
        raise UsageError("`-` reads a page from stdin: name the file it stands for with --stdin-filename PATH")
    if fix:
        raise UsageError("--fix cannot write a page read from stdin; use --diff to see the fixes")
    from dlc_lint.engine.run import make_site

    path = Path(stdin_filename)
    site = make_site([path], settings)
    try:
        site_path = Path(os.path.abspath(path)).relative_to(site.root).as_posix()
    except ValueError:
        raise UsageError(f"--stdin-filename {stdin_filename} is outside the site root {site.root}") from None
    site.use_text(site_path, sys.stdin.buffer.read())
    return site


def _baseline_note(match, baseline_file: str) -> str:
    note = f"{match.known} finding{'s' if match.known != 1 else ''} recorded in the baseline {baseline_file} not shown"
    if match.gone:
        note += (
            f"; {match.gone} baseline entr{'ies' if match.gone != 1 else 'y'} no longer found "
            f"(fixed: run --write-baseline {baseline_file} to drop them)"
        )
    return note


def _change_scope(base: str | None, settings, debug: bool):
    """For --changed / --changed-since: a function keeping the findings of the change in a lint result."""
    if base is None:
        return None
    from dataclasses import replace

    from dlc_lint.engine.pullrequest import compute_diff, findings_of_the_change, repository_root, resolve

    root = repository_root(Path.cwd())
    try:
        base_sha = resolve(base, root, "--changed-since")
    except GitError:
        if base != "HEAD":
            raise
        return None  # no commit yet: every line is new

    def scope(result: LintResult) -> LintResult:
        diff = compute_diff(root, base_sha, None)  # again after each round of fixes: lines move
        kept = findings_of_the_change(result.findings, diff, root, root, settings, result.sources, debug=debug)
        return replace(result, findings=kept)

    return scope


def _not_in(baseline):
    """The findings a baseline does not record: only those are fixed (a baselined finding stays byte for byte)."""

    def new(findings: list) -> list:
        return apply_baseline(findings, baseline).new

    return new


def _fix(
    result: LintResult,
    targets,
    settings,
    unsafe,
    show_diff,
    debug,
    scope=None,
    show=False,
    quiet=False,
    fixable=None,
) -> LintResult:
    """Apply fixes (or print them as a diff with --diff) and return what is left; ``show`` lists those applied.

    ``fixable(findings)``, if given, keeps the findings whose fixes may be applied (--baseline)."""
    if show_diff:
        from dlc_lint.fix.plan import plan

        candidates = fixable(result.findings) if fixable is not None else result.findings
        changes = plan(candidates, _sources(result), unsafe)
        for change in changes:
            sys.stdout.write(change.diff())
        fixed = sum(len(c.fixes) for c in changes)
        click.echo(f"{fixed} fix{'es' if fixed != 1 else ''} would be applied to {len(changes)} file(s).", err=True)
        return result
    applied: list[str] = []

    def on_round(changes) -> None:
        for change in changes:
            applied.extend(f"  {change.display}: {fix.title}" for fix in change.fixes)

    result, total = apply_fixes(
        result,
        targets,
        settings,
        unsafe=unsafe,
        debug=debug,
        scope=scope,
        on_round=on_round if show else None,
        fixable=fixable,
    )
    if total and not quiet:
        click.echo(f"Fixed {total} finding{'s' if total != 1 else ''}{':' if show else '.'}", err=True)
        for line in applied:
            click.echo(line, err=True)
    return result


def apply_fixes(
    result: LintResult,
    targets,
    settings,
    *,
    unsafe: bool = False,
    debug: bool = False,
    on_round=None,
    scope=None,
    fixable=None,
) -> tuple[LintResult, int]:
    """What ``--fix`` does: apply the fixes, lint again, repeat until nothing changes.

    Returns the result of the last lint (the findings left) and the number of fixes applied.
    ``on_round(changes)``, if given, sees each round's planned file changes before they are written.
    ``scope(result)``, if given, narrows each lint's findings to those that may be fixed (--changed).
    ``fixable(findings)``, if given, keeps the findings whose fixes are applied; the others stay in the result.
    """
    from dlc_lint.fix.plan import MAX_ROUNDS, plan
    from dlc_lint.fix.write import WriteRefused, write_fixed

    total = 0
    refused: list[str] = []
    for _ in range(MAX_ROUNDS):
        candidates = fixable(result.findings) if fixable is not None else result.findings
        changes = [c for c in plan(candidates, _sources(result), unsafe) if c.display not in refused]
        if not changes:
            break
        if on_round is not None:
            on_round(changes)
        for change in changes:
            try:
                write_fixed(result.site.root, _site_path(result, change.display), change.new_bytes, change.display)
            except WriteRefused as exc:
                refused.append(change.display)
                click.echo(f"note: {exc}", err=True)
                continue
            total += len(change.fixes)
        result = lint(targets, settings, debug=debug, use_cache=result.used_cache)
        if scope is not None:
            result = scope(result)
    return result, total


def _sources(result):
    sources = dict(result.sources)
    config = result.site.config_source
    if config is not None:
        from dlc_lint.engine.run import display_path

        sources.setdefault(display_path(result.site.root / "_config.yml"), config)
    return sources


def _site_path(result, display: str) -> str:
    for target in result.targets:
        if target.display == display:
            return target.site_path
    from dlc_lint.engine.run import display_path

    if display == display_path(result.site.root / "_config.yml"):
        return "_config.yml"
    return str((Path.cwd() / display).resolve().relative_to(result.site.root))
