"""Where the data files shipped with dlc-lint are, installed or in a checkout (no imports beyond the standard library)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def glossary_folder() -> Path:
    """The folder of the shipped glossaries (``<lang>.yml``).

    An installed wheel carries them as ``dlc_lint/glossaries/`` (the build maps the
    repository's top-level ``glossary/`` there, see ``setup.py``); an editable
    install or a checkout reads that top-level folder itself.
    """
    here = Path(__file__).resolve().parent  # pip installs a wheel as files
    packaged = here / "glossaries"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "glossary"
