"""The report half: in the base repository's context, put the lint half's results on the pull request.

Runs from a ``workflow_run`` workflow with a token that can write; it never
checks out or runs the pull request's code. The pull request it writes to is
the artifact's number only once GitHub confirms it: listed in the triggering
run's ``pull_requests`` (a same-repository pull request), or, for a fork
(GitHub lists none), a pull request of this repository whose head commit is the
run's head commit. Then: the language labels (created when missing), the SARIF
log to code scanning (a refusal is a warning, not a failure: a fork's run, code
scanning off, or no ``security-events: write``), and one comment, updated on
every later run instead of adding another.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field

from dlc_lint.github.api import ApiError, GitHub
from dlc_lint.github.artifact import LintResult
from dlc_lint.report.step_summary import cell, code

MARKER = "<!-- dlc-lint: pull request report -->"
LABEL_COLOR = "0e8a16"
COMMENT_LIMIT = 30  # findings listed in the comment; all of them are in code scanning and the annotations
_SHA = re.compile(r"[0-9a-f]{40}")


class ReportError(Exception):
    """The event is not one to report on, or GitHub does not confirm the pull request."""


@dataclass(frozen=True)
class Run:
    """What the trusted event says about the lint half's run."""

    head_sha: str
    head_repository: str
    pull_requests: tuple[int, ...]
    html_url: str


@dataclass
class Outcome:
    warnings: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # what was done, for the log
    comment: str = ""


def run_of(event: dict, repository: str) -> Run:
    """The ``workflow_run`` that triggered the report, checked against the repository it runs in."""
    run = event.get("workflow_run") if isinstance(event, dict) else None
    if not isinstance(run, dict):
        raise ReportError("the event is not a workflow_run event (run the report half on `workflow_run`)")
    if run.get("event") != "pull_request":
        raise ReportError(f"the lint run was triggered by {str(run.get('event'))[:40]!r}, not by a pull request")
    repo = (run.get("repository") or {}).get("full_name")
    if repo != repository:
        raise ReportError(f"the lint run belongs to {str(repo)[:100]!r}, not to {repository}")
    head = run.get("head_sha")
    if not isinstance(head, str) or not _SHA.fullmatch(head):
        raise ReportError("the lint run has no head commit")
    pulls = run.get("pull_requests")
    listed: list = pulls if isinstance(pulls, list) else []
    numbers = tuple(
        p["number"]
        for p in listed
        if isinstance(p, dict) and type(p.get("number")) is int and (p.get("head") or {}).get("sha") == head
    )
    head_repo = (run.get("head_repository") or {}).get("full_name") or ""
    return Run(head, str(head_repo), numbers, str(run.get("html_url") or ""))


def confirm_pull_request(api: GitHub, number: int, run: Run, outcome: Outcome) -> None:
    """Raise ReportError unless ``number`` is the pull request the lint run checked."""
    if number in run.pull_requests:
        return
    _, pull = api.call("GET", api.repo_path("pulls", number))
    head = (pull or {}).get("head") or {}
    head_repo = (head.get("repo") or {}).get("full_name")
    if head.get("sha") != run.head_sha or (run.head_repository and head_repo != run.head_repository):
        raise ReportError(
            f"pull request #{number} of the artifact is not the one the lint run checked "
            f"(its head is {str(head.get('sha'))[:12]}, the run's {run.head_sha[:12]}): nothing reported"
        )
    outcome.actions.append(f"pull request #{number} confirmed (head {run.head_sha[:12]})")


def add_labels(api: GitHub, number: int, labels: tuple[str, ...], languages: dict[str, str], outcome: Outcome):
    if not labels:
        return
    for label in labels:
        try:
            api.call("GET", api.repo_path("labels", label))
            continue
        except ApiError as exc:
            if exc.status != 404:
                raise
        try:
            description = f"Translation: {languages[label]}" if label in languages else "Translation"
            api.call("POST", api.repo_path("labels"), {"name": label, "color": LABEL_COLOR, "description": description})
            outcome.actions.append(f"label {label} created")
        except ApiError as exc:
            if exc.status != 422:  # 422: created meanwhile
                raise
    api.call("POST", api.repo_path("issues", number, "labels"), {"labels": list(labels)})
    outcome.actions.append(f"labels added: {', '.join(labels)}")


def upload_sarif(api: GitHub, number: int, run: Run, log: dict, outcome: Outcome) -> None:
    """Send the SARIF log to code scanning; a refusal becomes a warning."""
    packed = base64.b64encode(gzip.compress(json.dumps(log, ensure_ascii=False).encode("utf-8"), mtime=0)).decode()
    body = {"commit_sha": run.head_sha, "ref": f"refs/pull/{number}/head", "sarif": packed, "tool_name": "dlc-lint"}
    try:
        api.call("POST", api.repo_path("code-scanning", "sarifs"), body)
        outcome.actions.append("SARIF uploaded to code scanning")
    except ApiError as exc:
        if exc.status in (403, 404):
            outcome.warnings.append(
                f"the SARIF upload to code scanning was refused (HTTP {exc.status}): is code scanning enabled, "
                "and does the workflow grant `security-events: write`? The findings are in the comment."
            )
            return
        raise


def post_comment(api: GitHub, number: int, body: str, outcome: Outcome) -> None:
    """Create the report comment, or update the one an earlier run posted."""
    existing = None
    for page in range(1, 11):
        _, comments = api.call(
            "GET", api.repo_path("issues", number, "comments"), query={"per_page": 100, "page": page}
        )
        if not isinstance(comments, list):
            break
        for comment in comments:
            if not isinstance(comment, dict):
                continue
            author = comment.get("user")
            user: dict = author if isinstance(author, dict) else {}
            if str(comment.get("body", "")).startswith(MARKER) and user.get("type") == "Bot":
                existing = comment
                break
        if existing is not None or len(comments) < 100:
            break
    if existing is not None and type(existing.get("id")) is int:
        api.call("PATCH", api.repo_path("issues", "comments", existing["id"]), {"body": body})
        outcome.actions.append(f"comment {existing['id']} updated")
    else:
        api.call("POST", api.repo_path("issues", number, "comments"), {"body": body})
        outcome.actions.append("comment posted")


def render_comment(result: LintResult, run: Run, warnings: list[str] | None = None) -> str:
    """The report as Markdown; every value from the artifact is escaped."""
    findings = result.findings
    counts = Counter(f.severity for f in findings)
    out = [MARKER, "## dlc-lint", ""]
    if findings:
        parts = [
            f"{counts[s]} {w}{'' if counts[s] == 1 or w == 'info' else 's'}"
            for s, w in (("error", "error"), ("warning", "warning"), ("info", "info"))
            if counts[s]
        ]
        files = len({f.path for f in findings})
        out.append(
            f"**{len(findings)} finding{'s' if len(findings) != 1 else ''}** in {files} "
            f"file{'s' if files != 1 else ''} on the lines this pull request changes: {', '.join(parts)}."
        )
    else:
        out.append(f"No findings on the lines this pull request changes ({result.files} checked).")
    out.append("")
    languages = ", ".join(result.languages) or "none"
    labels = " ".join(code(label) for label in result.labels) or "none"
    out += ["| languages | labels |", "|---|---|", f"| {cell(languages)} | {labels} |", ""]
    for p in result.problems:
        out.append(f"- **{p.code} {p.name}** ({p.severity}): {cell(p.message)}")
    if result.problems:
        out.append("")
    if findings:
        out += ["| severity | file | line | rule | message |", "|---|---|---|---|---|"]
        for f in findings[:COMMENT_LIMIT]:
            out.append(f"| {f.severity} | {code(f.path)} | {f.line} | {f.code} {f.name} | {cell(f.message)} |")
        if len(findings) > COMMENT_LIMIT:
            out += ["", f"… and {len(findings) - COMMENT_LIMIT} more in the check's annotations and code scanning."]
        out.append("")
    for warning in warnings or []:
        out += [f"> {cell(warning)}", ""]
    if run.html_url.startswith("https://"):
        out.append(f"<sub>From the [lint run]({run.html_url.replace(')', '%29')}) of {run.head_sha[:12]}.</sub>")
    return "\n".join(out).rstrip() + "\n"


def report(
    api: GitHub,
    result: LintResult,
    run: Run,
    languages_of_labels: dict[str, str],
    *,
    labels: bool = True,
    sarif: bool = True,
    comment: bool = True,
) -> Outcome:
    """Everything the report half does, in order; ApiError and ReportError stop it."""
    outcome = Outcome()
    confirm_pull_request(api, result.pull_request, run, outcome)
    if labels:
        add_labels(api, result.pull_request, result.labels, languages_of_labels, outcome)
    if sarif and result.sarif is not None:
        upload_sarif(api, result.pull_request, run, result.sarif, outcome)
    outcome.comment = render_comment(result, run, outcome.warnings)
    if comment:
        post_comment(api, result.pull_request, outcome.comment, outcome)
    return outcome
