"""What the GitHub Actions runner does with an action, for the tests.

``read_outputs``: how the runner reads ``$GITHUB_OUTPUT`` (as actions/runner's
file commands do). A line ``name=value`` sets one output; a line
``name<<DELIMITER`` takes the next lines up to the line ``DELIMITER`` as the
value. Whichever of ``=`` and ``<<`` comes first on the line decides.

``Job``: runs a composite action's steps as a runner does: the inputs with their
defaults, ``if:`` conditions, ``env:`` and ``run:`` scripts under ``bash -eo
pipefail`` with ``$GITHUB_OUTPUT``, ``$GITHUB_STEP_SUMMARY`` and
``$GITHUB_EVENT_PATH``; artifact upload and download through a folder. Only
the expression forms the action uses are understood.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path


def read_outputs(text: str) -> list[tuple[str, str]]:
    """Every (name, value) the runner would set, in order (repeats included)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        equals, heredoc = line.find("="), line.find("<<")
        if equals >= 0 and (heredoc < 0 or equals < heredoc):
            out.append((line[:equals], line[equals + 1 :]))
        elif heredoc >= 0:
            name, delimiter = line[:heredoc], line[heredoc + 2 :]
            end = lines.index(delimiter, i + 1)  # the runner fails the step when it is missing
            out.append((name, "\n".join(lines[i + 1 : end])))
            i = end
        elif line:
            raise ValueError(f"invalid line in GITHUB_OUTPUT: {line!r}")
        i += 1
    return out


# -- a composite action's steps, run as the runner runs them ----------------------------------

_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Job:
    """One job of a workflow on a runner: its event, its folders, the artifacts of the workflow run."""

    event: dict
    workspace: Path
    temp: Path
    env: dict
    artifacts: dict  # name -> folder, shared by the jobs of a test (the artifact store)
    action_path: Path
    token: str = "ghs_test_token"
    summary: Path = field(init=False)
    outputs: dict = field(default_factory=dict)  # step id -> outputs
    log: list = field(default_factory=list)  # (step name, returncode, stdout, stderr)

    def __post_init__(self):
        self.temp.mkdir(parents=True, exist_ok=True)
        self.summary = self.temp / "step-summary.md"
        self.summary.touch()
        (self.temp / "event.json").write_text(json.dumps(self.event), encoding="utf-8")

    def value(self, expr: str, inputs: dict):
        """The few expression forms the action uses; anything else fails the test (keep the action simple)."""
        expr = expr.strip()
        if "&&" in expr:
            return all(self.value(part, inputs) for part in expr.split("&&"))
        match = re.fullmatch(r"(.+?)\s*(==|!=)\s*'([^']*)'", expr)
        if match:
            equal = str(self.value(match.group(1), inputs)) == match.group(3)
            return equal if match.group(2) == "==" else not equal
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs.") :]]
        if expr.startswith("github.event."):
            node = self.event
            for key in expr[len("github.event.") :].split("."):
                node = node.get(key, "") if isinstance(node, dict) else ""
            return "" if node is None else node
        if expr.startswith("steps."):
            step, kind, name = expr[len("steps.") :].split(".")
            assert kind == "outputs", expr
            return self.outputs.get(step, {}).get(name, "")
        known = {
            "github.action_path": str(self.action_path),
            "github.token": self.token,
            "runner.temp": str(self.temp),
        }
        if expr in known:
            return known[expr]
        raise AssertionError(f"expression not understood by the test runner: {expr}")

    def render(self, text, inputs: dict) -> str:
        text = str(text)
        whole = _EXPRESSION.fullmatch(text.strip())
        if whole:
            return str(self.value(whole.group(1), inputs))
        return _EXPRESSION.sub(lambda m: str(self.value(m.group(1), inputs)), text)

    def run_action(self, action: dict, given: dict) -> str:
        """Run the composite action's steps with the ``with:`` values ``given``: "success" or "failure"."""
        inputs = {}
        for name, spec in action["inputs"].items():
            inputs[name] = str(given[name]) if name in given else self.render(spec.get("default", ""), inputs)
        for step in action["runs"]["steps"]:
            condition = step.get("if")
            if condition is not None and not self.value(_EXPRESSION.sub(r"\1", str(condition)), inputs):
                continue
            if "uses" in step:
                self._uses(step, inputs)
                continue
            if step["name"] == "Install dlc-lint":
                continue  # this test environment has dlc-lint installed from this checkout already
            if self._run(step, inputs) != 0:
                return "failure"
        return "success"

    def _uses(self, step: dict, inputs: dict) -> None:
        action = step["uses"].split("@")[0]
        args = {k: self.render(v, inputs) for k, v in (step.get("with") or {}).items()}
        if action == "actions/setup-python":
            return
        if action == "actions/upload-artifact":
            source = Path(args["path"])
            if source.is_dir() and any(source.iterdir()):
                self.artifacts[args["name"]] = shutil.copytree(source, self.temp.parent / f"artifact-{args['name']}")
            return
        if action == "actions/download-artifact":
            assert args["github-token"] == self.token and args["run-id"] == str(self.event["workflow_run"]["id"])
            shutil.copytree(self.artifacts[args["name"]], args["path"], dirs_exist_ok=True)
            return
        raise AssertionError(f"the test runner does not know the action {action}")

    def _run(self, step: dict, inputs: dict) -> int:
        output = self.temp / f"output-{len(self.log)}"
        output.touch()
        env = dict(self.env)
        env.update({k: str(self.render(v, inputs)) for k, v in (step.get("env") or {}).items()})
        env.update(
            {
                "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
                "GITHUB_OUTPUT": str(output),
                "GITHUB_STEP_SUMMARY": str(self.summary),
                "GITHUB_EVENT_PATH": str(self.temp / "event.json"),
                "GITHUB_WORKSPACE": str(self.workspace),
                "RUNNER_TEMP": str(self.temp),
                "CI": "true",
            }
        )
        script = self.temp / f"step-{len(self.log)}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.log.append((step["name"], done.returncode, done.stdout, done.stderr))
        if "id" in step:
            self.outputs[step["id"]] = dict(read_outputs(output.read_text(encoding="utf-8")))
        return done.returncode

    def stdout(self) -> str:
        return "".join(entry[2] for entry in self.log)
