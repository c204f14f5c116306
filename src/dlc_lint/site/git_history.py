"""The git history of the site, read once per run as data: for DLC723 and for the cache keys of the pages.

DLC723 compares the commits of a translated page with those of its English page. For the
findings of such a page to be replayed safely, the key of its entry holds exactly those facts:
every commit that touched the page or its English page, in history order, with its id, date and
subject (what the finding's message shows). A commit to another page changes no key; a folder
that becomes a git repository, a new commit or a rewritten history changes the keys of the pages
it concerns, so a cache filled before is never stale.

One ``git log`` over the site's folder gives all of it (:func:`for_site` reads it once per site and
run, for the rules and the cache alike); without git, outside a repository or in a repository without
commits there are no facts, and a page's key says so.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

NO_FACTS = b"\0no git history"


@dataclass(frozen=True)
class GitFacts:
    """Which commits touched which file of the site, newest first."""

    commits: tuple[tuple[str, int, str], ...]  # (id, commit time, subject), newest first
    by_file: dict[str, tuple[int, ...]]  # site path -> indexes into commits, newest first

    def digest(self, paths: Iterable[str]) -> bytes:
        """The facts about ``paths`` (each commit touching any of them, and which ones it touched)."""
        wanted = sorted(set(paths))
        touching: dict[int, list[int]] = {}
        for position, path in enumerate(wanted):
            for index in self.by_file.get(path, ()):
                touching.setdefault(index, []).append(position)
        digest = hashlib.blake2b(digest_size=20)
        for path in wanted:
            digest.update(path.encode() + b"\0")
        for index in sorted(touching):
            sha, stamp, subject = self.commits[index]
            positions = ",".join(map(str, touching[index]))
            digest.update(f"\n{sha} {stamp} {positions} ".encode() + subject.encode("utf-8", "surrogatepass"))
        return digest.digest()


def for_site(site) -> GitFacts | None:
    """The facts of ``site``'s folder, read with one ``git log`` the first time a run asks (or
    waited for, when :func:`start` set it going)."""
    cache = site.__dict__
    if "_dlc_git_facts" not in cache:
        running = cache.pop("_dlc_git_log", None)
        cache["_dlc_git_facts"] = read(site.root) if running is None else _finish(*running)
    return cache["_dlc_git_facts"]


def start(site) -> None:
    """Set the ``git log`` of :func:`for_site` going in the background: git reads its history while
    the run reads the site (the cache keys need both)."""
    cache = site.__dict__
    if "_dlc_git_facts" not in cache and "_dlc_git_log" not in cache:
        cache["_dlc_git_log"] = _spawn(site.root)


def read(root: Path, timeout: float = 120) -> GitFacts | None:
    """The history of the files under ``root`` (paths relative to it), or None without one."""
    return _finish(*_spawn(root, timeout))


def _spawn(root: Path, timeout: float = 120):
    import subprocess  # a run without the cache asks git nothing here

    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    argv = [
        "git",
        "-C",
        str(root),
        "log",
        "--no-renames",
        "--relative",
        "--format=%x00%H %ct %s",
        "--name-only",
        "--end-of-options",
        "--",
        ".",
    ]
    try:
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
    except (OSError, subprocess.SubprocessError):
        return None, timeout
    return process, timeout


def _finish(process, timeout: float) -> GitFacts | None:
    import subprocess

    if process is None:
        return None
    try:
        output, _ = process.communicate(timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        process.kill()
        process.communicate()
        return None
    if process.returncode != 0:
        return None
    return parse(output.decode("utf-8", "replace"))


def parse(output: str) -> GitFacts:
    """The facts in the output of ``git log --format=%x00%H %ct %s --name-only``."""
    commits: list[tuple[str, int, str]] = []
    by_file: dict[str, list[int]] = {}
    for record in output.split("\0")[1:]:
        head, _, names = record.partition("\n")
        sha, _, rest = head.partition(" ")
        stamp, _, subject = rest.partition(" ")
        index = len(commits)
        commits.append((sha, int(stamp) if stamp.isdigit() else 0, subject))
        for name in names.splitlines():
            name = name.strip()
            if name:
                by_file.setdefault(name, []).append(index)
    return GitFacts(tuple(commits), {path: tuple(found) for path, found in by_file.items()})
