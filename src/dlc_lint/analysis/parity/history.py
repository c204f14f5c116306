"""The site's git history: which English commits are newer than a translation's last one."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from dlc_lint.analysis.parity.cache import cached_on_site


@dataclass(frozen=True)
class Commit:
    sha: str
    timestamp: int
    subject: str

    @property
    def date(self) -> str:
        import datetime

        return datetime.datetime.fromtimestamp(self.timestamp, datetime.UTC).strftime("%Y-%m-%d")


@dataclass
class History:
    """Which commits touched which file, newest first, for the site's git repository."""

    top: str  # repository root
    by_file: dict[str, list[int]]  # repo-relative path -> indexes into commits, newest first
    commits: list[Commit]


def history(site) -> History | None:
    return cached_on_site(site, "git-history", lambda: _history(str(site.root)))


def _history(root: str) -> History | None:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    try:
        top = subprocess.run(
            ["git", "-C", root, "rev-parse", "--show-toplevel"], capture_output=True, text=True, env=env, timeout=30
        )
        if top.returncode != 0:
            return None
        toplevel = top.stdout.strip()
        log = subprocess.run(
            ["git", "-C", root, "log", "--no-renames", "--format=%x00%H %ct %s", "--name-only", "--", "."],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            encoding="utf-8",
            errors="replace",
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if log.returncode != 0:
        return None
    commits: list[Commit] = []
    by_file: dict[str, list[int]] = {}
    for record in log.stdout.split("\0")[1:]:
        head, _, names = record.partition("\n")
        sha, _, rest = head.partition(" ")
        stamp, _, subject = rest.partition(" ")
        index = len(commits)
        commits.append(Commit(sha, int(stamp or 0), subject))
        for name in names.splitlines():
            name = name.strip()
            if name:
                by_file.setdefault(name, []).append(index)
    return History(toplevel, by_file, commits)


def git_changes_since(site, translated_path: str, english_path: str) -> list[Commit] | None:
    """English commits newer than the translation's last commit; None without usable history."""
    found = history(site)
    if found is None:
        return None
    site.used_git_history()
    prefix = os.path.relpath(str(site.root), found.top).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    mine = found.by_file.get(prefix + translated_path)
    theirs = found.by_file.get(prefix + english_path)
    if not mine or not theirs:
        return None
    last = mine[0]  # newest commit touching the translation (log order: newest first)
    return [found.commits[i] for i in theirs if i < last]
