"""What to lint: the site a run's paths belong to, and the pages (targets) they name."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from dlc_lint.config import Settings
from dlc_lint.site.model import CONFIG_NAME, Site, find_site_root
from dlc_lint.site.names import undecodable


class UsageError(Exception):
    """Bad paths or options: exit status 2."""


class GitError(Exception):
    """git failed or a ref does not exist (:mod:`dlc_lint.engine.pullrequest`): a usage error, exit status 2.
    Here so that the command line catches it without importing what runs git."""


@dataclass
class Target:
    """A file to lint: its site path and how the user sees it."""

    site_path: str
    display: str


def display_path(path: Path, cwd: Path | None = None) -> str:
    """``path`` relative to the working directory when inside it, ``/``-separated."""
    cwd = cwd or Path.cwd()
    # abspath, not resolve: a symlinked page keeps the name the user knows it by
    return os.path.relpath(os.path.abspath(path), os.path.abspath(cwd)).replace(os.sep, "/")


def make_site(paths: list[Path], settings: Settings) -> Site:
    from dlc_lint.site.model import Layout

    if settings.site_root is not None:
        root = settings.site_root
        if not root.is_dir():
            raise UsageError(f"--site-root {root}: no such folder")
        has_config = (root / CONFIG_NAME).is_file()
    else:
        root, has_config = find_site_root(paths)
    return Site(root.resolve(), has_config, Layout(source_lang=settings.source_lang, renderer=settings.renderer))


def discover(paths: list[Path], site: Site, settings: Settings, cwd: Path | None = None) -> list[Target]:
    """The pages (and ``_config.yml``) named by ``paths``, in site-path order."""
    cwd = cwd or Path.cwd()
    targets: dict[str, Target] = {}
    root = site.root
    for path in paths:
        if not os.path.lexists(path) and not _given_text(site, path):
            raise UsageError(f"{path}: no such file or folder")
        resolved = Path(os.path.abspath(path))
        try:
            rel = resolved.relative_to(root).as_posix()
        except ValueError:
            try:
                resolved = path.resolve()
                rel = resolved.relative_to(root).as_posix()
            except (ValueError, OSError):
                raise UsageError(f"{path} is outside the site root {display_path(root, cwd)}") from None
        if undecodable(rel):
            continue  # reported by dlc_lint.site.names
        if resolved.is_dir():
            prefix = "" if rel == "." else rel + "/"
            for site_path in site.page_paths:
                if site_path.startswith(prefix):
                    targets[site_path] = Target(site_path, display_path(root / site_path, cwd))
            if rel == "." and site.has_config:
                targets[CONFIG_NAME] = Target(CONFIG_NAME, display_path(root / CONFIG_NAME, cwd))
        else:
            targets[rel] = Target(rel, display_path(resolved, cwd))
    excluded = [t for t in targets if _excluded(t, settings.exclude)]
    for key in excluded:
        del targets[key]
    return [targets[key] for key in sorted(targets)]


def _given_text(site: Site, path: Path) -> bool:
    """Whether ``path`` is a page whose text was given (stdin, an editor) instead of read from disk."""
    try:
        return site.has_text(Path(os.path.abspath(path)).relative_to(site.root).as_posix())
    except ValueError:
        return False


def _excluded(site_path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(site_path, p) or fnmatch.fnmatch(site_path, p.rstrip("/") + "/*") for p in patterns)
