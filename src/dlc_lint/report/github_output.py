"""Step outputs for GitHub Actions (``$GITHUB_OUTPUT``), in the delimiter form.

``name=value`` lines would let a value holding a newline (a label from a
configuration file, a title) add outputs of its own. The runner's other form,
``name<<DELIMITER`` ... ``DELIMITER``, takes every line up to the delimiter as
the value; the delimiter is random and checked to be absent from the value, so
no value can end its block early.
"""

from __future__ import annotations

import re
import secrets

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def output_lines(name: str, value: str) -> str:
    """One output, as the lines to append to ``$GITHUB_OUTPUT``."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not an output name: {name!r}")
    while True:
        delimiter = f"ghadelimiter_{secrets.token_hex(16)}"
        if delimiter not in value:
            break
    return f"{name}<<{delimiter}\n{value}\n{delimiter}\n"


def write_outputs(path, outputs: dict[str, str]) -> None:
    """Append ``outputs`` to the file the runner reads them from."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("".join(output_lines(name, value) for name, value in outputs.items()))
