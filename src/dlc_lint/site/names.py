"""File names that are not valid UTF-8: reported once, never read as pages.

On Linux a file name is bytes; a pull request can add ``bad\\xff.md``. Python shows the
undecodable byte as a lone surrogate, which no UTF-8 output (JSON, SARIF, a cache key)
can hold. Such a file is left out of the site (:attr:`Site.files`) and reported here as an
unreadable file, its name shown with the byte escaped (``bad\\xff.md``).
"""

from __future__ import annotations

import os
from pathlib import Path


def undecodable(name: str) -> bool:
    """True when ``name`` holds bytes that are not UTF-8 (surrogate escapes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown(name: str) -> str:
    """``name`` with each undecodable byte written ``\\xNN``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def name_problems(paths: list[Path], root: Path, bad_names: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(site path, message)`` for every badly named file under (or named by) ``paths``."""
    wanted: set[str] = set()
    for path in paths:
        try:
            rel = Path(os.path.abspath(path)).relative_to(root).as_posix()
        except ValueError:
            continue
        if undecodable(rel):
            wanted.add(rel)
        prefix = "" if rel == "." else rel + "/"
        wanted.update(name for name in bad_names if name.startswith(prefix))
    return [
        (
            rel,
            f"the file name `{shown(rel.rsplit('/', 1)[-1])}` is not valid UTF-8: dlc-lint does not read it, "
            "and git, GitHub and the site's URLs show it garbled; rename it",
        )
        for rel in sorted(wanted)
    ]
