"""Helpers for the lang-ref and outline rule tests: run `dlc-lint --fix` on a small site."""

from __future__ import annotations

import os
from pathlib import Path

from dlc_lint.cli.main import main


def run_fix(root: Path, targets: list[str], select: list[str], *, unsafe: bool = False) -> None:
    """Apply the fixes of ``select`` to ``targets`` the way `dlc-lint --fix` does (rounds until stable)."""
    args = [*targets, "--isolated", "--select", ",".join(select), "--fix", "--fail-on", "never"]
    if unsafe:
        args.append("--unsafe-fixes")
    old = Path.cwd()
    os.chdir(root)
    try:
        assert main(args) == 0
    finally:
        os.chdir(old)


def read(root: Path, path: str) -> str:
    return (root / path).read_text(encoding="utf-8")
