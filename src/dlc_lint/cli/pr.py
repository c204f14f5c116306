"""``dlc-lint pr``: lint what a pull request changes, label it, check its title."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from dlc_lint import __version__
from dlc_lint.cli.common import OutputFile, build_settings, selection_options, use_color
from dlc_lint.config import ConfigError, Settings
from dlc_lint.engine.baseline import BaselineError, apply_baseline, load_baseline
from dlc_lint.engine.pullrequest import (
    Diff,
    GitError,
    PullRequestProblem,
    check_pull_request,
    compute_diff,
    config_line_languages,
    export_tree,
    findings_of_the_change,
    parse_title_tags,
    relative,
    repository_root,
    resolve,
    worktree_matches,
)
from dlc_lint.engine.run import failed, lint
from dlc_lint.engine.targets import UsageError
from dlc_lint.finding import Finding
from dlc_lint.report import FORMATS, render, summary
from dlc_lint.site.model import CONFIG_NAME, Layout, Site
from dlc_lint.site.targets import group_by_site, is_site_file, site_of


@click.command()
@click.option(
    "--base",
    required=True,
    metavar="REF",
    help="The commit the pull request is based on (in GitHub Actions: the pull request's base SHA).",
)
@click.option(
    "--head", metavar="REF", help="The pull request's commit [default: the working tree, uncommitted changes included]."
)
@click.option("--title", metavar="TEXT", help="The pull request's title, to check its language tag ([KR] ...).")
@click.option("--all-lines", is_flag=True, help="Report every finding in the changed files, not only on changed lines.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format for the findings (as for `dlc-lint check`).",
)
@selection_options
@click.option(
    "--sarif-file",
    type=OutputFile(),
    metavar="FILE",
    help="Also write the findings as SARIF to FILE (for code scanning upload).",
)
@click.option(
    "--summary-file",
    type=OutputFile(),
    metavar="FILE",
    envvar="GITHUB_STEP_SUMMARY",
    help="Append a Markdown summary to FILE [default: $GITHUB_STEP_SUMMARY when set].",
)
@click.option(
    "--github-output",
    type=OutputFile(),
    metavar="FILE",
    help='Append labels=, labels-json=, languages=, findings= lines to FILE ("$GITHUB_OUTPUT").',
)
@click.option(
    "--labels-file",
    type=OutputFile(),
    metavar="FILE",
    help="Write the languages, labels and pull-request problems as JSON to FILE.",
)
@click.option(
    "--artifact",
    "artifact_dir",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Write the results for `dlc-lint report-pr` to DIR (the findings, SARIF, labels and --pull-request).",
)
@click.option(
    "--pull-request",
    "pull_request",
    type=click.IntRange(min=1),
    metavar="N",
    help="The pull request's number, recorded in --artifact.",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Leave out findings recorded in this baseline file.",
)
@click.option("--color/--no-color", default=None, help="Colour the text output [default: when printing to a terminal].")
@click.option("--debug", is_flag=True, help="Let a crashing rule raise with its traceback.")
def pr(
    base,
    head,
    title,
    all_lines,
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
    sarif_file,
    summary_file,
    github_output,
    labels_file,
    artifact_dir,
    pull_request,
    baseline_file,
    color,
    debug,
):
    """Lint the pages a pull request changes, with the whole site as context.

    \b
    dlc-lint pr --base origin/main                     this branch and its uncommitted changes
    dlc-lint pr --base main --head feature --title "[KR] Week 3"

    Only findings on changed lines are reported (--all-lines for whole files). The
    languages of the changed paths give the labels ([KR] for ko, ...; the `labels`
    setting), and --title is checked against them. Paths in the output are relative to
    the repository root. Exit status as for `dlc-lint check`; title and mixed-language
    problems (DLC010-DLC012) count like findings.
    """
    cwd = Path.cwd()
    try:
        settings = build_settings(
            config_file, isolated, site_root, select, extend_select, ignore, severities, exclude, fail_on
        )
        baseline = load_baseline(Path(baseline_file)) if baseline_file else None
        root = repository_root(cwd)
        base_sha = resolve(base, root, "--base")
        head_sha = resolve(head, root, "--head") if head else None
        diff = compute_diff(root, base_sha, head_sha)
        with _tree(root, head_sha) as tree, _chdir(tree):
            if settings.site_root is not None:
                settings = settings.with_overrides(site_root=tree / relative(cwd / settings.site_root, root))
            report = _lint_changes(diff, root, tree, settings, all_lines, debug)
    except (ConfigError, UsageError, BaselineError, GitError) as exc:
        raise click.UsageError(str(exc)) from None

    findings = report["findings"]
    notes = diff.notes + report["notes"]
    if baseline is not None:
        match = apply_baseline(findings, baseline, report["linted"])
        findings = match.new
        if match.known:
            notes.append(
                f"{match.known} finding{'s' if match.known != 1 else ''} recorded in the baseline "
                f"{baseline_file} not shown"
            )
    for note in notes:
        click.echo(f"note: {note}", err=True)

    languages: dict[str, list[str]] = report["languages"]
    labels = sorted({settings.labels[lang] for lang in languages if lang in settings.labels})
    unlabelled = sorted(lang for lang in languages if lang not in settings.labels)
    if unlabelled:
        click.echo(f"note: no label is configured for {', '.join(unlabelled)} (the `labels` setting)", err=True)
    problems = check_pull_request(languages, settings.labels, title, settings)
    files = len(report["linted"])
    info = {
        "base": base_sha,
        "merge_base": diff.base,
        "head": head_sha,
        "files": report["files"],
        "languages": sorted(languages),
        "labels": labels,
        "title": title,
        "title_tags": parse_title_tags(title, set(settings.labels.values())) if title is not None else [],
        "problems": [p.to_dict() for p in problems],
    }

    _write_outputs(fmt, findings, problems, info, files, languages, color)
    if sarif_file:
        from dlc_lint.report.sarif import render_sarif

        Path(sarif_file).write_text(render_sarif(findings, __version__), encoding="utf-8")
    if summary_file:
        from dlc_lint.report.step_summary import append_summary, render_step_summary

        append_summary(
            summary_file,
            render_step_summary(
                findings,
                files,
                title="dlc-lint: pull request",
                notes=notes,
                sections=[_summary_section(info, languages)],
            ),
        )
    if github_output:
        from dlc_lint.report.github_output import write_outputs

        outputs = {
            "labels": ",".join(labels),
            "labels-json": json.dumps(labels),
            "languages": ",".join(sorted(languages)),
            "findings": str(len(findings)),
            "problems": str(len(problems)),
        }
        write_outputs(github_output, outputs)
    if labels_file:
        payload = {"languages": info["languages"], "labels": labels, "problems": info["problems"]}
        Path(labels_file).write_text(
            json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    if artifact_dir:
        from dlc_lint.github.artifact import write_artifact
        from dlc_lint.report.sarif import render_sarif

        write_artifact(
            Path(artifact_dir),
            pull_request=pull_request,
            labels=labels,
            languages=info["languages"],
            problems=info["problems"],
            findings=[f.to_dict() for f in findings],
            files=files,
            sarif=render_sarif(findings, __version__),
        )
    severities_seen = findings + [_as_finding(p) for p in problems]
    raise click.exceptions.Exit(1 if failed(severities_seen, settings.fail_on) else 0)


@contextmanager
def _chdir(path: Path):
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


@contextmanager
def _tree(root: Path, head: str | None):
    """The folder holding the files to lint: the working tree, or ``head`` exported to a temporary folder."""
    if head is None or worktree_matches(root, head):
        yield root
        return
    with tempfile.TemporaryDirectory(prefix="dlc-lint-pr-") as folder:
        yield export_tree(root, head, Path(folder)).resolve()


def _lint_changes(diff: Diff, root: Path, tree: Path, settings: Settings, all_lines: bool, debug: bool) -> dict:
    """Lint the changed site files under ``tree`` (the working directory) and find their languages."""
    existing = [Path(c.path) for c in diff.changes if not c.deleted and (tree / c.path).is_file()]
    findings: list[Finding] = []
    notes: list[str] = []
    linted: list[str] = []
    sources: dict = {}
    for site_root, paths in group_by_site(existing, settings):
        result = lint(paths, settings.with_overrides(site_root=site_root), debug=debug)
        findings.extend(result.findings)
        sources.update(result.sources)
        notes.extend(result.notes)
        linted.extend(t.display for t in result.targets)
    if not all_lines:
        findings = findings_of_the_change(findings, diff, root, tree, settings, sources, debug=debug)
    findings = sorted(set(findings), key=lambda f: f.sort_key)

    languages: dict[str, list[str]] = {}
    files = []
    sites: dict[Path, Site] = {}
    for change in diff.changes:
        langs = set()
        for path in filter(None, (change.path, change.old_path)):
            langs |= _languages_of(tree / path, path, diff, settings, sites)
        for lang in sorted(langs):
            languages.setdefault(lang, []).append(change.path)
        files.append(
            {"path": change.path, "status": change.status, "old_path": change.old_path, "languages": sorted(langs)}
        )
    return {"findings": findings, "notes": notes, "linted": linted, "languages": languages, "files": files}


def _languages_of(path: Path, repo_path: str, diff: Diff, settings: Settings, sites: dict) -> set[str]:
    found = site_of(path, settings)
    if found is None:
        return set()
    root, has_config = found
    try:
        site_path = (
            path.resolve().relative_to(root).as_posix()
            if path.exists()
            else Path(os.path.abspath(path)).relative_to(root).as_posix()
        )
    except ValueError:
        return set()
    site = sites.get(root)
    if site is None:
        site = sites[root] = Site(
            root, has_config, Layout(source_lang=settings.source_lang, renderer=settings.renderer)
        )
    head = site_path.split("/", 1)[0] if "/" in site_path else ""
    # Languages: folders holding pages, outline sections, and the configured labels
    # (a language whose last page this pull request deletes has no folder any more).
    known = set(site.languages) | set(settings.labels)
    if site.has_config and site.outline is not None:
        known |= set(site.outline.languages)
    if site_path == CONFIG_NAME:
        source = site.config_source if path.exists() else None
        if source is None:
            return set()
        per_line = config_line_languages(source.text, known, site.source_lang)
        return {lang for n in diff.lines.get(repo_path, ()) if 0 < n <= len(per_line) and (lang := per_line[n - 1])}
    if head in known:
        return {head}
    if (
        site.has_config
        and "/" not in site_path
        and site_path.endswith(site.layout.page_suffix)
        and (not path.exists() or is_site_file(site, site_path))
    ):
        return {site.source_lang}  # index.md, about.md: the source language's pages
    return set()


def _as_finding(problem: PullRequestProblem) -> Finding:
    return Finding("", 0, 0, 0, 0, problem.code, problem.name, problem.severity, problem.message)


def _write_outputs(fmt, findings, problems, info, files, languages, color) -> None:
    if fmt == "json":
        payload = {
            "findings": [f.to_dict() for f in findings],
            "summary": summary(findings, files),
            "pull_request": info,
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return
    if fmt == "github":
        from dlc_lint.report.github import escape_data, escape_property

        sys.stdout.write(render(fmt, findings, files))
        level = {"error": "error", "warning": "warning", "info": "notice"}
        for p in problems:
            sys.stdout.write(
                f"::{level[p.severity.value]} title={escape_property(f'{p.code} {p.name}')}::{escape_data(p.message)}\n"
            )
        return
    if fmt == "sarif":
        sys.stdout.write(render(fmt, findings, files, tool_version=__version__))
        return
    from dlc_lint.report.text import summary_line

    text = render(fmt, findings, files, color=use_color(color))
    *lines, _ = text.rstrip("\n").split("\n")
    total = summary_line(findings, files, problems)
    lines += [f"pull request: {p.code} {p.name} {p.message}" for p in problems]
    described = ", ".join(
        f"{lang} ({len(paths)} file{'s' if len(paths) != 1 else ''})" for lang, paths in sorted(languages.items())
    )
    lines.append(f"Languages: {described or 'none (no pages changed)'}")
    lines.append(f"Labels: {' '.join(info['labels']) or 'none'}")
    lines.append(total)
    sys.stdout.write("\n".join(lines) + "\n")


def _summary_section(info: dict, languages: dict[str, list[str]]) -> str:
    from dlc_lint.report.step_summary import cell, code

    described = cell(", ".join(f"{lang} ({len(paths)})" for lang, paths in sorted(languages.items())) or "none")
    labels = " ".join(code(label) for label in info["labels"]) or "none"
    title = code(info["title"]) if info["title"] is not None else "not checked"
    lines = ["| languages (files) | labels | title |", "|---|---|---|", f"| {described} | {labels} | {title} |"]
    if info["problems"]:
        lines.append("")
        for p in info["problems"]:
            lines.append(f"- **{p['code']} {p['name']}** ({p['severity']}): {cell(p['message'])}")
    return "\n".join(lines)
