"""dlc-lint's one atomic writer, for every file it writes: fixed pages, the baseline, the cache.

:func:`write_atomic` replaces a file so that a reader sees the old bytes or the new ones, never
half of them, and nothing planted in the folder is written through: the bytes go to a temporary
file made by ``tempfile.mkstemp`` beside the file (``O_EXCL``, under a name nobody can guess, so a
link planted at a predictable name is never followed), are flushed to the disk (``fsync``), and
the temporary file is renamed over the file with ``os.replace`` (a link at the file's own name is
replaced, not followed). The temporary name holds the writer's process id, so that
:func:`remove_stale_temporaries` knows a leftover of a killed run, and :func:`is_temporary`
tells the site's file list to skip it.

It imports nothing of dlc-lint, so that every stage can use it (the glossary's compiled cache as
well as the engine's store and the fixer).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

TEMPORARY_MARK = ".dlc-lint-tmp-"  # in the names of files being written: `.<name>.dlc-lint-tmp-<pid>-<random>`


def write_atomic(path: Path, data: bytes, *, private: bool = False, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (see the module doc); raises ``OSError``.

    The file keeps its permissions (a new one gets those the umask gives); a ``private`` file (a
    cache entry) is readable and writable by its owner only, as ``mkstemp`` makes it. A file that is
    not ``durable`` (a cache entry: its digest catches a torn write after a crash, and it is then
    recomputed) is not flushed to the disk, which costs a few milliseconds a file.
    """
    mode = None
    if not private:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    import tempfile  # here, not at the top: every run imports this module, and tempfile imports random

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{TEMPORARY_MARK}{os.getpid()}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_TEMPORARY = re.compile(r"\..+" + re.escape(TEMPORARY_MARK) + r"(\d+)(?:-.*)?", re.S)


def is_temporary(name: str) -> bool:
    """A file name :func:`write_atomic` uses while it writes (never a page)."""
    return _TEMPORARY.fullmatch(name) is not None


def remove_stale_temporaries(folder: Path) -> int:
    """Remove the temporary files a killed writer left in ``folder`` (its process is gone); return how many."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        try:
            if entry.is_symlink() or entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)  # a link is removed, never followed
                removed += 1
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or not a process id at all: leave it
    return True
