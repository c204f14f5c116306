"""How the GitHub Actions runner reads ``$GITHUB_OUTPUT``, for the tests (as actions/runner's file commands do).

A line ``name=value`` sets one output; a line ``name<<DELIMITER`` takes the next
lines up to the line ``DELIMITER`` as the value. Whichever of ``=`` and ``<<``
comes first on the line decides. A repeated name keeps its last value.
"""

from __future__ import annotations


def read_outputs(text: str) -> list[tuple[str, str]]:
    """Every (name, value) the runner would set, in order (repeats included)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        equals, heredoc = line.find("="), line.find("<<")
        if equals >= 0 and (heredoc < 0 or equals < heredoc):
            out.append((line[:equals], line[equals + 1 :]))
        elif heredoc >= 0:
            name, delimiter = line[:heredoc], line[heredoc + 2 :]
            end = lines.index(delimiter, i + 1)  # the runner fails the step when it is missing
            out.append((name, "\n".join(lines[i + 1 : end])))
            i = end
        elif line:
            raise ValueError(f"invalid line in GITHUB_OUTPUT: {line!r}")
        i += 1
    return out
