"""Where the data files shipped with dlc-lint are, installed or in a checkout (no imports beyond the standard library)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def glossary_folder() -> Path:
    """The folder of the shipped glossaries (``<lang>.yml``).

    An installed wheel carries them as ``dlc_lint/glossaries/`` (the build maps the
    repository's top-level ``glossary/`` there, see ``setup.py``); an editable
    install or a checkout reads that top-level folder itself.
    """
    packaged = resources.files("dlc_lint") / "glossaries"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "glossary"
