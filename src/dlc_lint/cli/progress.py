"""A one-line progress note on stderr for long runs, shown only to a person at a terminal.

``with progress("linting docs"):`` prints nothing for the first half second (short runs stay
silent), then ``dlc-lint: linting docs … 3 s`` on one line, redrawn in place, and erases it
when the block ends, before the results are printed. Nothing at all is written when stderr is
not a terminal (a pipe, a file, pre-commit's capture), in CI (``CI`` is set), with
``TERM=dumb`` or with ``--quiet``: logs and machine-read output never hold a progress line.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

DELAY = 0.5  # seconds before the line appears
INTERVAL = 0.25


def wanted(stream=None) -> bool:
    """Whether a progress line may be drawn on ``stream`` (default stderr)."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress(what: str, *, enabled: bool = True) -> Iterator[None]:
    """Show ``what`` with the seconds elapsed while the block runs (see the module doc).

    A timer signal draws the line, not a thread: the run forks worker processes, and forking a
    process that has other threads may deadlock. Writes go straight to the file descriptor, so
    a line drawn while Python writes to stderr cannot break that write.
    """
    stream = sys.stderr
    if not enabled or not wanted(stream) or threading.current_thread() is not threading.main_thread():
        yield
        return
    fd = stream.fileno()
    start = time.monotonic()
    drawn = False

    def draw(_signum, _frame) -> None:
        nonlocal drawn
        seconds = int(time.monotonic() - start)
        os.write(fd, f"\r\033[2Kdlc-lint: {what} … {seconds} s".encode())
        drawn = True

    previous = signal.signal(signal.SIGALRM, draw)
    signal.setitimer(signal.ITIMER_REAL, DELAY, INTERVAL)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if drawn:
            os.write(fd, b"\r\033[2K")
