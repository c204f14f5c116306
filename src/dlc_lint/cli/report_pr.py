"""``dlc-lint report-pr``: the trusted half of the fork-safe pull request check."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from dlc_lint.cli.common import OutputFile
from dlc_lint.config import ConfigError, Settings, find_config_file, load_settings


@click.command("report-pr")
@click.argument("artifact", type=click.Path(file_okay=False))
@click.option(
    "--event",
    "event_file",
    type=click.Path(dir_okay=False),
    envvar="GITHUB_EVENT_PATH",
    help="The workflow_run event payload [default: $GITHUB_EVENT_PATH].",
)
@click.option(
    "--repository",
    envvar="GITHUB_REPOSITORY",
    metavar="OWNER/NAME",
    help="The repository to report to [default: $GITHUB_REPOSITORY].",
)
@click.option("--labels/--no-labels", default=True, help="Add the language labels (creating missing ones).")
@click.option("--sarif/--no-sarif", default=True, help="Upload the SARIF log to code scanning.")
@click.option("--comment/--no-comment", default=True, help="Post the report comment, or update the earlier one.")
@click.option(
    "--summary-file",
    type=OutputFile(),
    metavar="FILE",
    envvar="GITHUB_STEP_SUMMARY",
    help="Append the report to FILE [default: $GITHUB_STEP_SUMMARY when set].",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Settings file (for `labels`).")
def report_pr(artifact, event_file, repository, labels, sarif, comment, summary_file, config_file):
    """Put the results of `dlc-lint pr --artifact` on the pull request, from a workflow_run workflow.

    \b
    dlc-lint report-pr dlc-lint-artifact/

    ARTIFACT is the folder the lint half wrote (downloaded from its run). The token is
    $GITHUB_TOKEN and the API $GITHUB_API_URL, as GitHub Actions sets them. Every value in
    the artifact is checked first (the pull request number against the run that made it,
    the labels against the site's language tags); the pull request's code is never run.
    Exit status: 0 reported (a refused SARIF upload is a warning), 1 GitHub refused a
    call, 2 the artifact or the event is not usable.
    """
    from dlc_lint.github.api import ApiError, GitHub
    from dlc_lint.github.artifact import ArtifactError, read_artifact
    from dlc_lint.github.report import ReportError, report, run_of
    from dlc_lint.report.github import escape_data
    from dlc_lint.report.step_summary import append_summary

    try:
        settings = load_settings(Path(config_file) if config_file else find_config_file(Path.cwd()))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    if not event_file or not repository:
        raise click.UsageError("--event and --repository are needed ($GITHUB_EVENT_PATH, $GITHUB_REPOSITORY)")
    known = _language_of_labels(settings)
    try:
        event = json.loads(Path(event_file).read_text(encoding="utf-8"))
        result = read_artifact(Path(artifact), set(known))
        run = run_of(event, repository)
        api = GitHub(os.environ.get("GITHUB_API_URL", "https://api.github.com"), _token(), repository)
    except (OSError, ValueError) as exc:
        raise click.UsageError(f"cannot read the event: {exc}") from None
    except (ArtifactError, ReportError) as exc:
        raise click.UsageError(f"nothing reported: {exc}") from None
    try:
        outcome = report(api, result, run, known, labels=labels, sarif=sarif, comment=comment)
    except ReportError as exc:
        click.echo(f"::error title=dlc-lint::{escape_data(str(exc))}")
        raise click.exceptions.Exit(2) from None
    except ApiError as exc:
        click.echo(f"::error title=dlc-lint::{escape_data(str(exc))}")
        raise click.exceptions.Exit(1) from None
    for action in outcome.actions:
        click.echo(f"dlc-lint: {action}")
    for warning in outcome.warnings:
        click.echo(f"::warning title=dlc-lint::{escape_data(warning)}")
    if summary_file:
        append_summary(summary_file, outcome.comment.split("\n", 1)[1])
    raise click.exceptions.Exit(0)


def _language_of_labels(settings: Settings) -> dict[str, str]:
    return {label: lang for lang, label in sorted(settings.labels.items())}


def _token() -> str:
    token = os.environ.get("GITHUB_TOKEN", "")
    if not token:
        raise click.UsageError("$GITHUB_TOKEN is not set (the report half needs a token that can write)")
    return token
