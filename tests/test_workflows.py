"""The GitHub Actions files, checked by actionlint (with shellcheck for the ``run:`` scripts).

actionlint checks workflows, not action metadata, so the composite ``action.yml``
is checked twice: its steps, as the job of a reusable workflow whose inputs are
the action's inputs (every expression, action input and shell script is then
checked), and its interface, through a workflow that ``uses: ./`` it (actionlint
reads the local action's metadata and checks the inputs given).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

ACTION = REPO / "action.yml"


def _tool(name: str) -> str:
    found = shutil.which(name, path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; `pip install -e '.[test]'` installs it")
        pytest.skip(f"{name} is not installed")
    return found


def actionlint(repo: Path, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(_tool("shellcheck")).parent), os.environ.get("PATH", "")]))
    return subprocess.run(
        [_tool("actionlint"), "-oneline", "-no-color", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def repo(tmp_path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    return tmp_path


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def composite_as_workflow(action: dict) -> dict:
    inputs = {
        name: {"type": "string", "required": False, "description": spec.get("description", "")}
        for name, spec in action["inputs"].items()
    }
    return {
        "name": "composite steps",
        "on": {"workflow_call": {"inputs": inputs}},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }


def write_workflow(repo: Path, name: str, data: dict) -> str:
    path = repo / ".github" / "workflows" / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path.relative_to(repo).as_posix()


def dlc_lint_pr_options(script: str) -> list[str]:
    """The options given to ``dlc-lint pr`` in a shell script."""
    command = re.search(r"dlc-lint pr (.*?)(?<!\\)\n", script + "\n", re.S).group(1).replace("\\\n", " ")
    return [word.split("=", 1)[0] for word in shlex.split(command) if word.startswith("--")]


EXAMPLES = {"check": REPO / "examples" / "dlc-lint-check.yml", "report": REPO / "examples" / "dlc-lint-report.yml"}
PINNED = "OWNER/dlc-lint@v0.2.0"


def triggers(workflow: dict) -> dict:
    return workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_workflows_pass_actionlint_with_the_action_as_it_is_here(repo, name):
    """The examples, with the pinned action replaced by this checkout's (actionlint then checks its inputs)."""
    text = EXAMPLES[name].read_text(encoding="utf-8")
    assert text.count(f"uses: {PINNED}") == 1
    shutil.copy(ACTION, repo / "action.yml")
    (repo / ".github" / "workflows" / f"{name}.yml").write_text(text.replace(PINNED, "./"), encoding="utf-8")
    done = actionlint(repo, f".github/workflows/{name}.yml")
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
    # and as published, pinned to the release tag
    (repo / ".github" / "workflows" / f"{name}.yml").write_text(text, encoding="utf-8")
    done = actionlint(repo, f".github/workflows/{name}.yml")
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_the_check_half_runs_on_pull_requests_with_a_read_only_token():
    workflow = load(EXAMPLES["check"])
    on = triggers(workflow)
    assert set(on) == {"pull_request"}  # never pull_request_target: the pull request's code runs here
    assert on["pull_request"]["types"] == ["opened", "synchronize", "reopened", "edited"]
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["lint"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    assert [s["with"] for s in steps if s.get("uses") == PINNED] == [{"mode": "lint"}]


def test_the_report_half_runs_after_the_check_and_never_checks_out_the_pull_request():
    workflow = load(EXAMPLES["report"])
    assert triggers(workflow) == {"workflow_run": {"workflows": ["Translation check"], "types": ["completed"]}}
    assert load(EXAMPLES["check"])["name"] == "Translation check"
    assert workflow["permissions"] == {
        "actions": "read",
        "contents": "read",
        "issues": "write",
        "pull-requests": "write",
        "security-events": "write",
    }
    job = workflow["jobs"]["report"]
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]
    assert not any("checkout" in s.get("uses", "") for s in job["steps"])
    assert [s["with"] for s in job["steps"] if s.get("uses") == PINNED] == [{"mode": "report"}]
    text = EXAMPLES["report"].read_text(encoding="utf-8") + ACTION.read_text(encoding="utf-8")
    assert "head_sha" not in text and "head_branch" not in text and "head.ref" not in text


def test_the_action_runs_nothing_of_the_pull_request_in_report_mode():
    """In report mode the action only installs itself (its own folder) and reads the artifact."""
    steps = load(ACTION)["runs"]["steps"]
    report = [s for s in steps if "report" in str(s.get("if", "")) or s.get("if") is None]
    for step in report:
        run = step.get("run", "")
        assert "${{" not in run, step["name"]  # values reach scripts through env only
    install = next(s for s in steps if s["name"] == "Install dlc-lint")
    assert install["env"] == {"ACTION_PATH": "${{ github.action_path }}"} and "if" not in install


def test_the_action_only_uses_options_dlc_lint_pr_has():
    from dlc_lint.cli.pr import pr

    known = {opt for param in pr.params for opt in param.opts}
    script = next(s["run"] for s in load(ACTION)["runs"]["steps"] if s.get("id") == "lint")
    used = dlc_lint_pr_options(script)
    assert {"--base", "--artifact", "--github-output"} <= set(used) and "(--pull-request " in script
    assert set(used) | {"--pull-request", "--title"} <= known, set(used) - known


def test_the_composite_actions_steps_pass_actionlint(repo):
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert "uses" in step or step.get("shell") == "bash", step.get("name")
    name = write_workflow(repo, "composite.yml", composite_as_workflow(action))
    done = actionlint(repo, name)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


def test_actionlint_and_shellcheck_do_catch_mistakes_here(repo):
    """A control: the checks above would fail on a broken step."""
    action = load(ACTION)
    workflow = composite_as_workflow(action)
    workflow["jobs"]["action"]["steps"].append(
        {
            "name": "unsafe",
            "shell": "bash",
            "run": 'echo "${{ github.event.pull_request.title }}"\nfiles=$(ls)\necho $files',
        }
    )
    done = actionlint(repo, write_workflow(repo, "broken.yml", workflow))
    assert done.returncode == 1
    assert "potentially untrusted" in done.stdout and "SC2086" in done.stdout, done.stdout


def test_the_action_interface_is_checked_through_a_workflow_that_uses_it(repo):
    shutil.copy(ACTION, repo / "action.yml")
    action = load(ACTION)
    step = {"uses": "./", "with": {name: "x" for name in action["inputs"]} | {"mode": "lint"}}
    workflow = {
        "on": {"pull_request": {"paths": ["docs/**"]}},
        "jobs": {
            "lint": {
                "runs-on": "ubuntu-latest",
                "steps": [
                    {"uses": "actions/checkout@v5", "with": {"fetch-depth": 0}},
                    {"id": "dlc", **step},
                    {"run": 'echo "$LABELS"', "env": {"LABELS": "${{ steps.dlc.outputs.labels }}"}},
                ],
            }
        },
    }
    done = actionlint(repo, write_workflow(repo, "uses.yml", workflow))
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr

    step["with"]["no-such-input"] = "x"
    done = actionlint(repo, write_workflow(repo, "uses.yml", workflow))
    assert done.returncode == 1 and "no-such-input" in done.stdout, done.stdout


def test_the_action_outputs_are_written_by_its_steps():
    action = load(ACTION)
    lint = next(s for s in action["runs"]["steps"] if s.get("id") == "lint")
    written = {"labels", "labels-json", "languages", "findings", "problems"}  # by --github-output
    written |= set(re.findall(r'echo "([a-z-]+)=', lint["run"]))
    for name, output in action["outputs"].items():
        match = re.fullmatch(r"\$\{\{ steps\.lint\.outputs\.([a-z-]+) \}\}", output["value"])
        assert match and match.group(1) in written and match.group(1) == name, name
    used = set(re.findall(r"inputs\.([a-z-]+)", ACTION.read_text(encoding="utf-8")))
    assert used <= set(action["inputs"]), used - set(action["inputs"])
