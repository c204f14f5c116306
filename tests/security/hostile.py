"""Helpers of the security tests: the installed command run as CI runs it, with a time limit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

KO = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n"
)
# The outline of exactly the pages of FILES (and the ch.01-9 page some tests add)
CONFIG = "baseurl: ''\nchapters:\n  - path: en/week01/01-1.md\nko:\n  chapters:\n    - path: ko/week01/01-1.md\n"
EN = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\nDeep learning is fun.\n"
FILES = {"en/week01/01-1.md": EN, "ko/week01/01-1.md": KO}


def command() -> list[str]:
    beside = Path(sys.executable).with_name("dlc-lint")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("dlc-lint")
    return [found] if found else [sys.executable, "-m", "dlc_lint"]


def run(args: list[str], cwd: Path, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
    """Run ``dlc-lint args`` in ``cwd``; output as bytes. A run over ``timeout`` seconds fails the test."""
    environment = {**os.environ, "NO_COLOR": "1", "DLC_LINT_NO_CACHE": "1", **env}
    try:
        done = subprocess.run(
            [*command(), *args], cwd=cwd, capture_output=True, timeout=timeout, env=environment, check=False
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"dlc-lint {' '.join(args)} ran for more than {timeout} s") from None
    assert b"Traceback" not in done.stderr + done.stdout, done.stderr.decode("utf-8", "replace")
    return done


def json_findings(done: subprocess.CompletedProcess) -> list[dict]:
    """The findings of a ``--format json`` run; its output must be valid UTF-8."""
    data = json.loads(done.stdout.decode("utf-8"))
    return data["findings"] if isinstance(data, dict) else data
