"""The site's git history: which English commits are newer than a translation's last one."""

from __future__ import annotations

from dataclasses import dataclass

from dlc_lint.site import git_history


@dataclass(frozen=True)
class Commit:
    sha: str
    timestamp: int
    subject: str

    @property
    def date(self) -> str:
        import datetime

        return datetime.datetime.fromtimestamp(self.timestamp, datetime.UTC).strftime("%Y-%m-%d")


def history(site):
    """The site's git history (:mod:`dlc_lint.site.git_history`: one ``git log`` per run), or None."""
    return git_history.for_site(site)


def git_changes_since(site, translated_path: str, english_path: str) -> list[Commit] | None:
    """English commits newer than the translation's last commit; None without usable history."""
    found = history(site)
    if found is None:
        return None
    site.used_git_history()
    mine = found.by_file.get(translated_path)  # paths relative to the site's folder
    theirs = found.by_file.get(english_path)
    if not mine or not theirs:
        return None
    last = mine[0]  # newest commit touching the translation (log order: newest first)
    return [Commit(*found.commits[i]) for i in theirs if i < last]
