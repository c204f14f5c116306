"""Digests of files remembered by their ``stat``: a file that has not changed costs a ``stat``, not a read.

git's index, ruff and ESLint take a file whose size and modification time are those of the last
run as unchanged. Here the signature of a file is its size, ``st_mtime_ns``, ``st_ctime_ns``,
inode and device: every write to a file moves its change time (``ctime``), which no program can set
back (``touch -d`` and ``os.utime`` set the modification time, and move the change time forward), so
an edit that keeps the size and the modification time still gives a new signature.

A signature is believed only when the file had not been changed for :data:`SETTLED_NS` before it
was recorded (git's rule for "racy" entries): file times come from a clock that moves in steps
of a few milliseconds, and two writes within one step could leave the same times; a file changed
just before it was recorded is read again next time, until it has settled. What this trusts is
the kernel's clock not being set back by more than that.

The memo is one entry of the store (:mod:`dlc_lint.engine.store`) per group of files (the
package's own files for :func:`dlc_lint.engine.cache.code_fingerprint`); any problem with it means
reading the files, as without it.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path

from dlc_lint.engine import store

KIND = "file-digests"
SETTLED_NS = 2_000_000_000  # two seconds: far more than any file system's step of time
# path -> (size, mtime_ns, ctime_ns, inode, device, digest)
Signature = tuple[int, int, int, int, int]
SHAPE = dict[str, tuple[int, int, int, int, int, str]]


def signature(info: os.stat_result) -> Signature:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def digest_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def digests(group: str, paths: Iterable[str]) -> dict[str, str | None]:
    """``{path: digest of its bytes}`` for readable regular files (None for the others), taken from
    the memo of ``group`` where a file's signature is the recorded one, else read."""
    folder = store.folder()
    entry = store.entry_path(folder, KIND, _key(group)) if folder is not None else None
    memo: dict = (store.load(entry, KIND, _key(group), SHAPE) if entry is not None else None) or {}
    settled_before = time.time_ns() - SETTLED_NS  # taken before any stat: see the module doc
    kept: dict[str, tuple[int, int, int, int, int, str]] = {}
    found: dict[str, str | None] = {}
    changed = False
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            found[path] = None
            changed |= path in memo
            continue
        sig = signature(info)
        old = memo.get(path)
        if old is not None and old[:5] == sig:
            found[path] = old[5]
            kept[path] = old
            continue
        changed = True
        read = _read_digest(path, sig)
        found[path] = None if read is None else read[0]
        if read is not None and read[1] and max(info.st_mtime_ns, info.st_ctime_ns) < settled_before:
            kept[path] = (*sig, read[0])
    if entry is not None and (changed or kept.keys() != memo.keys()):
        store.save(entry, KIND, _key(group), kept, SHAPE)
    return found


def _read_digest(path: str, sig: Signature) -> tuple[str, bool] | None:
    """The digest of the file's bytes, and whether they are those of the file of ``sig`` (the same
    signature before the read and after it); None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            before = signature(os.fstat(handle.fileno()))
            data = handle.read()
            after = signature(os.fstat(handle.fileno()))
    except OSError:
        return None
    return digest_bytes(data), before == sig == after


def _key(group: str) -> str:
    return hashlib.blake2b(group.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def package_files(folder: Path, suffixes: tuple[str, ...]) -> list[str]:
    """The files under ``folder`` ending in one of ``suffixes``, sorted (``os.scandir``: no pathlib)."""
    found: list[str] = []
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for item in entries:
            try:
                if item.is_dir():
                    stack.append(item.path)
                elif item.name.endswith(suffixes) and item.is_file():
                    found.append(item.path)
            except OSError:
                continue
    return sorted(found)
