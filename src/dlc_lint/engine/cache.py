"""An on-disk cache for folder-wide statistics, keyed by everything they are computed from.

How a language folder renders its terms takes seconds to learn and is needed
even to lint one page (the pre-commit case). The key is a hash of dlc-lint's
own code and data files, the kind of result, and the bytes of every input
file, so an entry can only be hit by a run that would compute the very same
result: a stale hit is impossible, and any problem reading or writing the
cache just means computing again.

The cache lives in ``$DLC_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/dlc-lint``
(``~/.cache/dlc-lint``); ``DLC_LINT_NO_CACHE=1`` or ``--no-cache`` turns it off.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from dlc_lint.shipped import glossary_folder

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parents[1]
_LIBRARIES = ("yaml", "mistune", "bs4", "click")
MAX_ENTRIES = 64  # about 16 entries (1 MB each) per version of the course site


def cache_dir() -> Path | None:
    if os.environ.get("DLC_LINT_NO_CACHE"):
        return None
    base = os.environ.get("DLC_LINT_CACHE_DIR")
    if not base:
        base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dlc-lint")
    return Path(base)


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """A hash of the package's own source and data, of Python's version and of the libraries the
    results depend on: a new version of any of them never reads an old entry."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(sys.version.encode())  # re, unicodedata and str methods change between versions
    for name in _LIBRARIES:  # each library's __init__.py (it names its version), found without importing it
        try:
            spec = importlib.util.find_spec(name)
            digest.update(name.encode() + Path(spec.origin).read_bytes())  # type: ignore[union-attr, arg-type]
        except Exception:  # noqa: BLE001 - not installed, or a namespace package
            digest.update(f"{name}=none".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yml") and path.is_file():
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    for path in sorted(glossary_folder().glob("*.yml")):  # outside the package folder in a checkout
        digest.update(b"glossaries/" + path.name.encode())
        digest.update(path.read_bytes())
    return digest.digest()


def cached(kind: str, inputs: Iterable[bytes], compute: Callable[[], T]) -> T:
    """``compute()``, or its stored result for the same code, ``kind`` and ``inputs``."""
    folder = cache_dir()
    if folder is None:
        return compute()
    path = _entry(folder, kind, inputs)
    value = load_entry(path, _MISSING)
    if value is _MISSING:
        value = compute()
        _write(folder, path, value)
    return value


def cached_by_page(
    kind: str, inputs: Iterable[bytes], site, paths: Sequence[str], compute: Callable[[str], T]
) -> dict[str, T]:
    """``{path: compute(path)}`` for a folder's pages, where a page's result depends only on the page
    and its English page (and on ``inputs``: the language, the glossary...).

    Folder-wide statistics are sums of what each page says. After a commit changes one page, only
    that page is read again: the others' results are taken from the entry of the last run with the
    same code, ``kind`` and ``inputs``, each checked against the bytes of the page and of its
    English page.
    """
    folder = cache_dir()
    if folder is None:
        return {path: compute(path) for path in paths}
    entry = _entry(folder, kind, inputs)
    stored = load_entry(entry, {})
    if not isinstance(stored, dict):
        stored = {}
    results: dict[str, T] = {}
    kept: dict[str, tuple[bytes, T]] = {}
    changed = set(stored) != set(paths)
    for path in paths:
        page_key = _page_key(site, path)
        previous = stored.get(path)
        if page_key is not None and previous is not None and previous[0] == page_key:
            results[path] = previous[1]
        else:
            results[path] = compute(path)
            changed = True
        if page_key is not None:
            kept[path] = (page_key, results[path])
    if changed:
        _write(folder, entry, kept)
    return results


_MISSING = object()


def _entry(folder: Path, kind: str, inputs: Iterable[bytes]) -> Path:
    """The file of the entry for this code, ``kind`` and ``inputs`` (length-prefixed)."""
    digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
    digest.update(kind.encode())
    for item in inputs:
        digest.update(len(item).to_bytes(8, "little"))
        digest.update(item)
    return folder / f"{kind}-{digest.hexdigest()}.pickle"


def load_entry(path: Path, default):
    """The stored value, or ``default`` when there is none (or it is truncated, unreadable...)."""
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, truncated or unreadable: compute again
        return default
    try:
        os.utime(path)  # recently used: kept when the folder is pruned
    except OSError:
        pass
    return value


def _page_key(site, path: str) -> bytes | None:
    """A hash of the page's bytes and of its English page's path and bytes; None when unreadable."""
    from dlc_lint.parse.source import ReadError

    digest = hashlib.blake2b(digest_size=20)
    try:
        for part in (path, site.counterpart(path) or ""):
            data = site.read(part) if part else b""
            digest.update(len(part).to_bytes(8, "little") + part.encode())
            digest.update(len(data).to_bytes(8, "little") + data)
    except ReadError:
        return None
    return digest.digest()


def _write(folder: Path, path: Path, value) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prune(folder)
    except Exception:  # noqa: BLE001 - a read-only home or an unpicklable value: no cache, same result
        pass


def prune(folder: Path, keep: int = MAX_ENTRIES) -> None:
    """Delete all but the ``keep`` most recently used entries (and temporary files over an hour old).

    Every change to a folder's pages makes a new entry (about 1 MB for a language of the course
    site); without this the cache only grows. A reader that loses a race with a deletion misses
    and computes again.
    """
    entries, now = [], time.time()
    for item in os.scandir(folder):
        try:
            if item.name.endswith(".pickle") and not item.name.startswith("."):
                entries.append((item.stat().st_mtime, item.path))
            elif item.name.startswith(".") and now - item.stat().st_mtime > 3600:
                os.unlink(item.path)
        except OSError:
            continue
    for _, stale in sorted(entries, reverse=True)[keep:]:
        try:
            os.unlink(stale)
        except OSError:
            pass


def file_inputs(root: Path, paths: Iterable[str]) -> list[bytes]:
    """Path and bytes of each file, for a cache key (a missing file counts as its absence)."""
    from dlc_lint.parse.source import MAX_SETTINGS_BYTES, ReadError, read_bytes

    parts: list[bytes] = []
    for path in sorted(paths):
        parts.append(path.encode())
        try:
            parts.append(read_bytes(root / path, MAX_SETTINGS_BYTES))  # bounded: a glossary may be /dev/zero
        except ReadError:
            parts.append(b"\0missing")
    return parts


def site_inputs(site, paths: Iterable[str]) -> list[bytes]:
    """Path and bytes of each file of the site, as this run reads them (see ``Site.read``)."""
    from dlc_lint.parse.source import ReadError

    parts: list[bytes] = []
    for path in sorted(paths):
        parts.append(path.encode())
        try:
            parts.append(site.read(path))
        except ReadError:
            parts.append(b"\0missing")
    return parts
