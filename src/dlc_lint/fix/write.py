"""Writing a fixed file: only the file itself, only inside the site.

A page may be a symbolic link. The fix goes to the link's target when the target is inside
the site (the link stays a link); a target outside the site (a link planted by a pull
request to ``~/.bashrc`` or a file of another checkout) is never written. The write itself
is atomic and never follows a link at its temporary name (:func:`dlc_lint.atomic.write_atomic`); temporary
files a killed run left in the folder are removed first.
"""

from __future__ import annotations

import os
from pathlib import Path

from dlc_lint.atomic import remove_stale_temporaries, write_atomic


class WriteRefused(Exception):
    """The fixed file would be written outside the site: the message says why, for a note."""


def write_fixed(root: Path, site_path: str, data: bytes, display: str) -> None:
    """Write ``data`` to the site file ``site_path`` (through a link to its target inside ``root``)."""
    path = root / site_path
    real = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    if real != path and not real.is_relative_to(real_root):
        raise WriteRefused(
            f"{display} is not fixed: it is a symbolic link to {real}, outside the site {real_root}; "
            "dlc-lint writes only inside the site"
        )
    remove_stale_temporaries(real.parent)
    write_atomic(real, data)
