"""``dlc-lint check``: lint pages and folders, optionally fix, and report."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from dlc_lint import __version__
from dlc_lint.commands.common import build_settings, selection_options, use_color
from dlc_lint.config import ConfigError
from dlc_lint.engine import UsageError, failed, lint
from dlc_lint.report import FORMATS, render


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format: text for people, json for tools, github for workflow annotations, sarif for code scanning.")
@selection_options
@click.option("--fix", is_flag=True, help="Apply safe fixes in place, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also apply fixes that need review.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: when printing to a terminal].")
@click.option("--debug", is_flag=True, help="Let a crashing rule raise with its traceback.")
def check(paths, fmt, config_file, isolated, site_root, select, extend_select, ignore, severities, exclude,
          fail_on, fix, unsafe_fixes, show_diff, statistics, color, debug):
    """Lint Markdown pages and folders of a translated site.

    PATH may be any mix of folders (docs/ko, docs) and files (docs/ko/week01/01-1.md,
    docs/_config.yml); the default is the current folder. The whole site is always the
    context, so a single page is checked against its English page and the outline.
    """
    try:
        settings = build_settings(config_file, isolated, site_root, select, extend_select, ignore,
                                  severities, exclude, fail_on)
        targets = [Path(p) for p in paths] or [Path(".")]
        result = lint(targets, settings, debug=debug)
        if fix or show_diff:
            result = _fix(result, targets, settings, unsafe_fixes, show_diff, debug)
    except (ConfigError, UsageError) as exc:
        raise click.UsageError(str(exc)) from None
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    files = len(result.targets)
    if statistics:
        counts = Counter((f.code, f.name) for f in result.findings)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"{count:5d}  {code}  {name}")
    elif not show_diff:
        output = render(fmt, result.findings, files, color=use_color(color) and fmt == "text",
                        tool_version=__version__)
        sys.stdout.write(output)
    raise click.exceptions.Exit(1 if failed(result.findings, settings.fail_on) else 0)


def _fix(result, targets, settings, unsafe, show_diff, debug):
    """Apply fixes round after round until the files are stable; print a diff instead with --diff."""
    from dlc_lint.fixes import MAX_ROUNDS, plan
    from dlc_lint.source import write_atomic

    if show_diff:
        changes = plan(result.findings, _sources(result), unsafe)
        for change in changes:
            sys.stdout.write(change.diff())
        fixed = sum(len(c.fixes) for c in changes)
        click.echo(f"{fixed} fix{'es' if fixed != 1 else ''} would be applied to {len(changes)} file(s).", err=True)
        return result
    total = 0
    for _ in range(MAX_ROUNDS):
        changes = plan(result.findings, _sources(result), unsafe)
        if not changes:
            break
        for change in changes:
            write_atomic(result.site.root / _site_path(result, change.display), change.new_bytes)
            total += len(change.fixes)
        result = lint(targets, settings, debug=debug)
    if total:
        click.echo(f"Fixed {total} finding{'s' if total != 1 else ''}.", err=True)
    return result


def _sources(result):
    sources = dict(result.sources)
    config = result.site.config_source
    if config is not None:
        from dlc_lint.engine import display_path
        sources.setdefault(display_path(result.site.root / "_config.yml"), config)
    return sources


def _site_path(result, display: str) -> str:
    for target in result.targets:
        if target.display == display:
            return target.site_path
    from dlc_lint.engine import display_path
    if display == display_path(result.site.root / "_config.yml"):
        return "_config.yml"
    return str((Path.cwd() / display).resolve().relative_to(result.site.root))
