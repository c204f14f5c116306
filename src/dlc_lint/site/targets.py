"""Named files grouped by the site they belong to, for callers that pass any files.

pre-commit passes every staged file that matches the hook's pattern
(a ``README.md`` at the repository root, a page in ``docs/``, a template in
``docs/_layouts``); a pull request changes files anywhere. Only pages of a
site and a site's ``_config.yml`` are linted: a file with no site around it,
a file in a ``_``-folder, a file the site's ``exclude`` lists, or a file that
is not a page is skipped without a word.
"""

from __future__ import annotations

import os
from pathlib import Path

from dlc_lint.config import Settings
from dlc_lint.site.model import CONFIG_NAME, Site, find_site_root


def site_of(path: Path, settings: Settings, cwd: Path | None = None) -> tuple[Path, bool] | None:
    """(site root, has ``_config.yml``) for ``path``, or None when no site holds it.

    A site without ``_config.yml`` is only guessed from its language folders, so
    one is accepted only inside the working directory (the repository being
    checked), never in some folder above it.
    """
    if settings.site_root is not None:
        root = settings.site_root.resolve()
        return root, (root / CONFIG_NAME).is_file()
    root, has_config = find_site_root([path])
    root = root.resolve()
    if not has_config:
        here = (cwd or Path.cwd()).resolve()
        if root != here and here not in root.parents:
            return None
    return root, has_config


def is_site_file(site: Site, site_path: str) -> bool:
    """A page Jekyll renders, or the site's ``_config.yml``."""
    if site_path == CONFIG_NAME:
        return site.has_config
    if site_path not in site.page_paths:
        return False
    if not site.has_config:
        # Without _config.yml a site is its language folders: README.md beside them is not a page.
        head = site_path.split("/", 1)[0] if "/" in site_path else ""
        return head in site.languages
    return True


def group_by_site(paths: list[Path], settings: Settings) -> list[tuple[Path, list[Path]]]:
    """The site files among ``paths``, grouped by site root (roots in path order)."""
    from dlc_lint.site.model import Layout

    groups: dict[Path, list[Path]] = {}
    sites: dict[Path, Site] = {}
    for path in paths:
        if not os.path.lexists(path) or os.path.isdir(path):
            continue
        found = site_of(path, settings)
        if found is None:
            continue
        root, has_config = found
        try:
            site_path = Path(os.path.abspath(path)).relative_to(root).as_posix()
        except ValueError:
            continue
        site = sites.get(root)
        if site is None:
            site = sites[root] = Site(
                root, has_config, Layout(source_lang=settings.source_lang, renderer=settings.renderer)
            )
        if is_site_file(site, site_path):
            groups.setdefault(root, []).append(path)
    return list(groups.items())
