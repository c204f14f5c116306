"""dlc-lint's one on-disk store: plain JSON entries, each checked before it is believed.

An entry is one file: a header line ``dlc-lint-cache <format> <checksum>`` and a JSON body
``{"kind": ..., "key": ..., "value": ...}``. It is believed only when the format is this one,
the checksum (BLAKE2b of the body) matches, the kind and key are the ones asked for (an entry
copied under another name is foreign) and the value has the declared shape
(:mod:`dlc_lint.engine.codec`). Anything else (a truncated file, a planted pickle, an entry of
another version or shape) is a miss: the result is computed again, never lost, never executed.

Entries are written by dlc-lint's one writer, :func:`dlc_lint.atomic.write_atomic`: a temporary
file made with ``tempfile`` in the entry's folder (``O_EXCL``, so nothing planted at a predictable
name is followed), flushed, and renamed over the entry with ``os.replace``, so a reader sees the old
entry or the new one, never half of one. Entries are readable by their owner only.

Where the store lives: ``$DLC_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/dlc-lint``
(``~/.cache/dlc-lint``). The engine opens it for a run (:func:`opened`) unless the run asked for
no cache (``--no-cache``, ``DLC_LINT_NO_CACHE=1``) or ``--debug``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dlc_lint.atomic import write_atomic
from dlc_lint.engine.codec import ShapeError, decode, encode

FORMAT = 1
MAGIC = b"dlc-lint-cache"
SUFFIX = ".json"
MAX_ENTRY_BYTES = 64 << 20  # the largest entry of the course site is under 2 MB


def default_folder() -> Path | None:
    """The cache folder the environment names; None when ``DLC_LINT_NO_CACHE`` is set."""
    if os.environ.get("DLC_LINT_NO_CACHE"):
        return None
    base = os.environ.get("DLC_LINT_CACHE_DIR")
    if not base:
        base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dlc-lint")
    return Path(base)


class _Run:
    """The store the current run uses (None: no cache); forked workers inherit it."""

    folder: Path | None = None
    opened: bool = False


def folder() -> Path | None:
    """The store of the current run; outside a run, the environment's (library use)."""
    return _Run.folder if _Run.opened else default_folder()


@contextlib.contextmanager
def opened(use: bool) -> Iterator[Path | None]:
    """For the length of a run: the store at the environment's folder, or none when ``use`` is false."""
    saved = (_Run.folder, _Run.opened)
    _Run.folder, _Run.opened = (default_folder() if use else None), True
    try:
        yield _Run.folder
    finally:
        _Run.folder, _Run.opened = saved


def entry_path(where: Path, kind: str, key: str) -> Path:
    return where / f"{kind}-{key}{SUFFIX}"


def load(path: Path, kind: str, key: str, shape: Any) -> Any | None:
    """The value stored at ``path`` for ``kind`` and ``key``, or None (a miss) when it is missing or
    is not a sound entry of that shape."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    value = parse(data, kind, key, shape)
    if value is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept when the folder is pruned
    return value


def parse(data: bytes, kind: str, key: str, shape: Any) -> Any | None:
    """The value of a stored entry, or None when it is not sound (see the module doc)."""
    if len(data) > MAX_ENTRY_BYTES:
        return None
    header, newline, body = data.partition(b"\n")
    parts = header.split(b" ")
    if not newline or len(parts) != 3 or parts[0] != MAGIC or parts[1] != str(FORMAT).encode():
        return None
    if parts[2] != _checksum(body).encode():
        return None
    try:
        document = json.loads(body.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):
        return None
    if type(document) is not dict or document.keys() != {"kind", "key", "value"}:
        return None
    if document["kind"] != kind or document["key"] != key:
        return None  # an entry copied under another name
    try:
        return decode(document["value"], shape)
    except ShapeError:
        return None


def serialise(kind: str, key: str, value: Any, shape: Any) -> bytes:
    body = json.dumps(
        {"kind": kind, "key": key, "value": encode(value, shape)},
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8", "surrogatepass")
    return MAGIC + f" {FORMAT} {_checksum(body)}\n".encode() + body


def save(path: Path, kind: str, key: str, value: Any, shape: Any) -> bool:
    """Store ``value``; False when it cannot be (a read-only folder, a value without a JSON form)."""
    try:
        data = serialise(kind, key, value, shape)
    except (TypeError, ValueError, AttributeError, RecursionError):
        return False
    return write_atomically(path, data)


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a private entry (its folder made if need be) with the one writer; False when it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, private=True, durable=False)
    except OSError:
        return False
    return True


def prune(where: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently used entries, temporary files over an hour old, and
    the entries of earlier formats (``*.pickle``). A reader that loses a race with a deletion misses."""
    entries, now = [], time.time()
    try:
        items = list(os.scandir(where))
    except OSError:
        return
    for item in items:
        try:
            if item.name.startswith("."):
                if now - item.stat(follow_symlinks=False).st_mtime > 3600:
                    os.unlink(item.path)
            elif item.name.endswith(SUFFIX):
                entries.append((item.stat(follow_symlinks=False).st_mtime, item.path))
            elif item.name.endswith(".pickle"):
                os.unlink(item.path)
        except OSError:
            continue
    for _, stale in sorted(entries, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            os.unlink(stale)


def _checksum(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()
