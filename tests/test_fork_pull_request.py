"""The fork-safe pull request check, end to end: both halves of action.yml against recorded events.

The lint half runs the action's `mode: lint` steps (as the example check
workflow gives them) on a git repository whose pull request commit adds a
broken link, with the recorded `pull_request` event of a fork and of a branch
of the same repository. Its artifact goes to the report half: `mode: report`
with the matching `workflow_run` event, talking to a fake GitHub REST API on
127.0.0.1 that records every call. The tests assert the exact calls.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import REPO
from github_runner import Job

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
EVENTS = Path(__file__).parent / "fixtures" / "github"
REPOSITORY = "site/course-notes"
TOKEN = "ghs_test_token"

CONFIG = "baseurl: '/site'\nchapters:\n  - path: en/week01/01-1.md\nko:\n  chapters:\n    - path: ko/week01/01-1.md\n"
EN = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\n## Plan\n\nDeep learning is fun.\n"
KO = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--## Plan-->\n## 계획\n\n<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n"
)
OLD = "\n[옛 링크](../week09/09-1)\n"  # on main already: not this pull request's
NEW = "\n[2주차](../week02/02-1) `*굵게*` @octocat\n"  # the pull request's defect, with Markdown in it


def with_steps(name: str) -> dict:
    """The `with:` of the dlc-lint step in an example workflow."""
    workflow = yaml.safe_load((REPO / "examples" / name).read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    (step,) = [s for s in job["steps"] if s.get("uses", "").startswith("OWNER/dlc-lint@")]
    return step["with"]


# -- a fake GitHub ----------------------------------------------------------------------------


class FakeGitHub:
    """The REST calls the report half makes, answered from a little state, and recorded."""

    def __init__(self, pulls: dict[int, dict]):
        self.pulls = pulls
        self.labels: set[str] = set()
        self.issue_labels: dict[int, list[str]] = {}
        self.comments: list[dict] = []
        self.sarif_status = 202
        self.sarifs: list[dict] = []
        self.calls: list[tuple[str, str]] = []
        self.bodies: list[dict | None] = []
        self.tokens: set[str] = set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, payload=None):
                data = json.dumps(payload if payload is not None else {}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                fake.calls.append((self.command, self.path))
                fake.bodies.append(body)
                fake.tokens.add(self.headers.get("Authorization", ""))
                status, payload = fake.route(self.command, self.path, body)
                self._answer(status, payload)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def route(self, method: str, path: str, body):
        parts = urlsplit(path)
        prefix = f"/repos/{REPOSITORY}/"
        if not parts.path.startswith(prefix):
            return 404, {"message": "Not Found"}
        rest = [unquote(p) for p in parts.path[len(prefix) :].split("/")]
        match method, rest:
            case "GET", ["pulls", number] if int(number) in self.pulls:
                return 200, self.pulls[int(number)]
            case "GET", ["labels", name]:
                return (200, {"name": name}) if name in self.labels else (404, {"message": "Not Found"})
            case "POST", ["labels"]:
                self.labels.add(body["name"])
                return 201, body
            case "POST", ["issues", number, "labels"]:
                self.issue_labels.setdefault(int(number), []).extend(body["labels"])
                return 200, [{"name": n} for n in self.issue_labels[int(number)]]
            case "POST", ["code-scanning", "sarifs"]:
                if self.sarif_status != 202:
                    return self.sarif_status, {"message": "Resource not accessible by integration"}
                self.sarifs.append(body)
                return 202, {"id": "47177e22", "url": "https://api.github.invalid/sarifs/47177e22"}
            case "GET", ["issues", number, "comments"]:
                return 200, [c for c in self.comments if c["issue"] == int(number)]
            case "POST", ["issues", number, "comments"]:
                comment = {"id": 1000 + len(self.comments), "issue": int(number), "body": body["body"]}
                comment["user"] = {"login": "github-actions[bot]", "type": "Bot"}
                self.comments.append(comment)
                return 201, comment
            case "PATCH", ["issues", "comments", cid]:
                (comment,) = [c for c in self.comments if c["id"] == int(cid)]
                comment["body"] = body["body"]
                return 200, comment
        return 404, {"message": "Not Found"}


# -- the repository and the two halves --------------------------------------------------------


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def site(tmp_path) -> dict:
    """A documentation repository: main with an old defect, and the pull request's commit checked out."""
    root = tmp_path / "workspace"
    for path, text in {
        "docs/_config.yml": CONFIG,
        "docs/en/week01/01-1.md": EN,
        "docs/ko/week01/01-1.md": KO + OLD,
    }.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "site")
    base = git(root, "rev-parse", "HEAD")
    git(root, "checkout", "-q", "-b", "week1")
    (root / "docs/ko/week01/01-1.md").write_text(KO + OLD + NEW, encoding="utf-8")
    git(root, "commit", "-q", "-am", "[KR] week 1")
    return {"root": root, "base": base, "head": git(root, "rev-parse", "HEAD"), "tmp": tmp_path}


def event(name: str, site: dict) -> dict:
    text = (EVENTS / name).read_text(encoding="utf-8")
    return json.loads(text.replace("@BASE_SHA@", site["base"]).replace("@HEAD_SHA@", site["head"]))


def lint_half(site: dict, kind: str, artifacts: dict) -> Job:
    job = Job(
        event=event(f"pull_request.{kind}.json", site),
        workspace=site["root"],
        temp=site["tmp"] / f"lint-{kind}",
        env={"GITHUB_REPOSITORY": REPOSITORY, "GITHUB_EVENT_NAME": "pull_request"},
        artifacts=artifacts,
        action_path=REPO,
        token="ghs_read_only",
    )
    job.conclusion = job.run_action(ACTION, with_steps("dlc-lint-check.yml"))
    return job


def report_half(site: dict, kind: str, artifacts: dict, fake: FakeGitHub, run: int = 1) -> Job:
    workspace = site["tmp"] / f"report-{kind}-{run}"
    workspace.mkdir()  # empty: the report half checks nothing out
    job = Job(
        event=event(f"workflow_run.{kind}.json", site),
        workspace=workspace,
        temp=site["tmp"] / f"report-{kind}-{run}-temp",
        env={"GITHUB_REPOSITORY": REPOSITORY, "GITHUB_API_URL": fake.url, "GITHUB_EVENT_NAME": "workflow_run"},
        artifacts=artifacts,
        action_path=REPO,
        token=TOKEN,
    )
    job.conclusion = job.run_action(ACTION, with_steps("dlc-lint-report.yml"))
    return job


@pytest.fixture
def fake(site):
    server = FakeGitHub(
        {
            7: {"number": 7, "head": {"sha": site["head"], "repo": {"full_name": "translator/course-notes"}}},
            8: {"number": 8, "head": {"sha": "f" * 40, "repo": {"full_name": "someone/course-notes"}}},
        }
    )
    yield server
    server.close()


COMMENTS = f"/repos/{REPOSITORY}/issues/7/comments"


def test_a_fork_pull_request_is_labelled_reported_and_commented_once(site, fake):
    artifacts: dict = {}
    lint = lint_half(site, "fork", artifacts)
    assert lint.conclusion == "failure"  # the check fails on the new broken link ...
    annotations = [line for line in lint.stdout().splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and annotations[0].startswith(
        "::error file=docs/ko/week01/01-1.md,line=17,col=7,endLine=17,endColumn=21,title=DLC401 broken-link::"
    ), lint.log  # ... and only on it: the old link on main is not this pull request's
    assert lint.outputs["lint"]["labels"] == "KR" and lint.outputs["lint"]["exit-code"] == "1"
    assert "dlc-lint-results" in artifacts
    assert lint.summary.read_text(encoding="utf-8").count("## dlc-lint") == 1  # one job summary

    report = report_half(site, "fork", artifacts, fake)
    assert report.conclusion == "success", report.log
    assert fake.calls == [
        ("GET", f"/repos/{REPOSITORY}/pulls/7"),  # a fork's run lists no pull request: confirm it
        ("GET", f"/repos/{REPOSITORY}/labels/KR"),
        ("POST", f"/repos/{REPOSITORY}/labels"),
        ("POST", f"/repos/{REPOSITORY}/issues/7/labels"),
        ("POST", f"/repos/{REPOSITORY}/code-scanning/sarifs"),
        ("GET", f"{COMMENTS}?per_page=100&page=1"),
        ("POST", COMMENTS),
    ]
    assert fake.tokens == {f"Bearer {TOKEN}"}
    assert fake.bodies[2] == {"name": "KR", "color": "0e8a16", "description": "Translation: ko"}
    assert fake.bodies[3] == {"labels": ["KR"]}
    upload = fake.sarifs[0]
    assert (upload["commit_sha"], upload["ref"], upload["tool_name"]) == (site["head"], "refs/pull/7/head", "dlc-lint")
    log = json.loads(gzip.decompress(base64.b64decode(upload["sarif"])))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["DLC401"]

    (comment,) = fake.comments
    body = comment["body"]
    assert body.startswith("<!-- dlc-lint: pull request report -->\n## dlc-lint\n")
    assert "**1 finding** in 1 file on the lines this pull request changes: 1 error." in body
    assert "| `docs/ko/week01/01-1.md` | 17 | DLC401 broken-link |" in body
    assert "| ko | `KR` |" in body
    assert "dlc-lint: comment posted" in report.stdout()
    assert report.summary.read_text(encoding="utf-8").count("## dlc-lint") == 1

    # The translator pushes again; this time code scanning refuses the upload (HTTP 403).
    fake.calls.clear()
    fake.sarif_status = 403
    again = report_half(site, "fork", artifacts, fake, run=2)
    assert again.conclusion == "success", again.log
    assert fake.calls == [
        ("GET", f"/repos/{REPOSITORY}/pulls/7"),
        ("GET", f"/repos/{REPOSITORY}/labels/KR"),  # exists now: not created again
        ("POST", f"/repos/{REPOSITORY}/issues/7/labels"),
        ("POST", f"/repos/{REPOSITORY}/code-scanning/sarifs"),
        ("GET", f"{COMMENTS}?per_page=100&page=1"),
        ("PATCH", f"/repos/{REPOSITORY}/issues/comments/1000"),  # the one comment, updated
    ]
    assert len(fake.comments) == 1
    assert re.search(
        r"^::warning title=dlc-lint::the SARIF upload to code scanning was refused \(HTTP 403\)", again.stdout(), re.M
    )
    assert "refused (HTTP 403)" in fake.comments[0]["body"]


def test_a_same_repository_pull_request_is_confirmed_by_the_run_itself(site, fake):
    artifacts: dict = {}
    lint = lint_half(site, "same-repo", artifacts)
    assert lint.conclusion == "failure" and lint.outputs["lint"]["labels"] == "KR"
    fake.labels.add("KR")
    report = report_half(site, "same-repo", artifacts, fake)
    assert report.conclusion == "success", report.log
    assert fake.calls == [
        ("GET", f"/repos/{REPOSITORY}/labels/KR"),
        ("POST", f"/repos/{REPOSITORY}/issues/12/labels"),
        ("POST", f"/repos/{REPOSITORY}/code-scanning/sarifs"),
        ("GET", f"/repos/{REPOSITORY}/issues/12/comments?per_page=100&page=1"),
        ("POST", f"/repos/{REPOSITORY}/issues/12/comments"),
    ]
    assert fake.sarifs[0]["ref"] == "refs/pull/12/head"


def _forge(artifacts: dict, change) -> None:
    result = artifacts["dlc-lint-results"] / "dlc-lint-result.json"
    data = json.loads(result.read_text(encoding="utf-8"))
    change(data)
    result.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "forgery, calls",
    [
        # another pull request's number: GitHub says its head is another commit; nothing is written
        (lambda d: d.update(pull_request=8), [("GET", f"/repos/{REPOSITORY}/pulls/8")]),
        # a label that is not a language tag, a number that is not a number, a line of Markdown
        (lambda d: d.update(labels=["KR", "approved"]), []),
        (lambda d: d.update(pull_request="7"), []),
        (lambda d: d.update(pull_request=True), []),
        (lambda d: d["findings"][0].update(code="DLC401\n## merged"), []),
        (lambda d: d.update(format="other"), []),
    ],
    ids=["other-pull-request", "label", "number-as-text", "number-as-bool", "code", "format"],
)
def test_a_forged_artifact_writes_nothing(site, fake, forgery, calls):
    artifacts: dict = {}
    lint_half(site, "fork", artifacts)
    _forge(artifacts, forgery)
    report = report_half(site, "fork", artifacts, fake)
    assert report.conclusion == "failure"
    assert fake.calls == calls and fake.comments == [] and fake.labels == set() and fake.sarifs == []


def test_a_forged_sarif_log_of_another_tool_is_not_uploaded(site, fake):
    artifacts: dict = {}
    lint_half(site, "fork", artifacts)
    sarif = artifacts["dlc-lint-results"] / "dlc-lint.sarif"
    log = json.loads(sarif.read_text(encoding="utf-8"))
    log["runs"][0]["tool"]["driver"]["name"] = "CodeQL"
    sarif.write_text(json.dumps(log), encoding="utf-8")
    report = report_half(site, "fork", artifacts, fake)
    assert report.conclusion == "failure" and fake.calls == []
    assert "another tool" in "".join(entry[3] for entry in report.log)
