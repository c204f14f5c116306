"""Values from the command line or the workflow never reach git as options.

Defends against: `pr --base -x`, `pr --head --output=FILE` and `--changed-since --output=FILE`,
where a value starting with `-` is handed to git, which reads it as an option (`--output`
makes some git commands write a file of the caller's choosing). In a workflow these values
come from the event payload (`github.base_ref`, a branch name a stranger chose). A fake `git`
on PATH records every call, so the test sees exactly what reaches git.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import write_site
from hostile import CONFIG, FILES, run


@pytest.fixture
def repo(tmp_path) -> Path:
    (tmp_path / "site").mkdir()
    site = write_site(tmp_path / "site", FILES, CONFIG)
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=site, check=True, capture_output=True)
    return site


def calls(log: Path) -> list[list[str]]:
    """The arguments of each call, without leading ``-c name=value`` settings."""
    found = []
    for line in log.read_text(encoding="utf-8").splitlines() if log.exists() else []:
        args = line.split("\0")
        while args[:1] == ["-c"]:
            args = args[2:]
        found.append(args)
    return found


@pytest.mark.parametrize(
    ("args", "value"),
    [
        (["pr", "--base", "-x"], "-x"),
        (["pr", "--base", "--output=OUT"], "--output=OUT"),
        (["pr", "--base", "HEAD", "--head", "--output=OUT"], "--output=OUT"),
        (["pr", "--base=HEAD", "--head=-p"], "-p"),
        (["--changed-since", "--output=OUT", "."], "--output=OUT"),
    ],
)
def test_a_value_starting_with_a_dash_never_reaches_git(repo, recorded_git, args, value):
    env, log = recorded_git
    done = run([arg.replace("OUT", str(repo / "written-by-git")) for arg in args], repo, **env)
    hostile = value.replace("OUT", "").rstrip("=")  # "-x", "--output", "-p"
    assert not [call for call in calls(log) if any(arg.startswith(hostile) for arg in call)]
    assert not (repo / "written-by-git").exists()
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert b"not a commit name" in done.stderr


def test_commit_names_reach_git_after_end_of_options(repo, recorded_git):
    env, log = recorded_git
    done = run(["pr", "--base", "HEAD", "--head", "HEAD"], repo, **env)
    assert done.returncode in (0, 1), done.stderr
    rev_parses = [call for call in calls(log) if call[:1] == ["rev-parse"] and "--verify" in call]
    assert rev_parses and all(call.index("--end-of-options") < call.index("HEAD^{commit}") for call in rev_parses)
    merge_bases = [call for call in calls(log) if call[:1] == ["merge-base"]]
    assert merge_bases and all(call[1] == "--end-of-options" for call in merge_bases)
