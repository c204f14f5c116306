"""An on-disk cache for folder-wide statistics, keyed by everything they are computed from.

How a language folder renders its terms takes seconds to learn and is needed
even to lint one page (the pre-commit case). The key is a hash of dlc-lint's
own code and data files, the kind of result, and the bytes of every input
file, so an entry can only be hit by a run that would compute the very same
result: a stale hit is impossible, and any problem reading or writing the
cache just means computing again.

Entries are plain JSON in the store of :mod:`dlc_lint.engine.store` (its folder, its checks, its
one writer); each kind of result has a declared shape (:data:`SHAPES`), and an entry of any other
shape is a miss. ``--no-cache``, ``--debug`` and ``DLC_LINT_NO_CACHE=1`` turn it off.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from dlc_lint.engine import store
from dlc_lint.engine.codec import encode
from dlc_lint.shipped import glossary_folder

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parents[1]
_LIBRARIES = ("yaml", "mistune", "bs4", "click")
MAX_ENTRIES = 64  # about 16 entries (1 MB each) per version of the course site


def cache_dir() -> Path | None:
    """The store of the current run (None: no cache)."""
    return store.folder()


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """A hash of the package's own source and data, of Python's version and of the libraries the
    results depend on: a new version of any of them never reads an old entry. The files' digests
    come from :mod:`dlc_lint.engine.file_memo`: unchanged files are not read again."""
    from dlc_lint.engine import file_memo

    digest = hashlib.blake2b(digest_size=20)
    digest.update(sys.version.encode())  # re, unicodedata and str methods change between versions
    named: list[tuple[bytes, str | None]] = []
    for name in _LIBRARIES:  # each library's __init__.py (it names its version), found without importing it
        try:
            spec = importlib.util.find_spec(name)
            named.append((name.encode(), str(spec.origin)))  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - not installed, or a namespace package
            named.append((f"{name}=none".encode(), None))
    package = str(_PACKAGE)
    for path in file_memo.package_files(_PACKAGE, (".py", ".yml")):
        named.append((os.path.relpath(path, package).encode(), path))
    glossaries = glossary_folder()
    try:
        shipped = sorted(name for name in os.listdir(glossaries) if name.endswith(".yml"))
    except OSError:
        shipped = []
    for name in shipped:  # outside the package folder in a checkout
        named.append((b"glossaries/" + name.encode(), os.path.join(glossaries, name)))
    found = file_memo.digests(f"code {package} {glossaries}", [path for _, path in named if path is not None])
    for label, origin in named:
        value = b"" if origin is None else (found[origin] or "unreadable").encode()
        digest.update(label + b"\0" + value + b"\n")
    return digest.digest()


class Derived:
    """The folder-wide results this process has used in the current run, by language folder: what a
    translated page's findings may depend on besides its own text (see :mod:`dlc_lint.engine.page_cache`).

    ``results[folder][identity] = digest`` where the identity names the computation (its kind and
    what it is about, not its input bytes) and the digest is that of the result. ``unknown`` is set
    when a folder-wide result was used without an identity: no page of this run is then keyed on
    the results alone.
    """

    results: dict[str, dict[str, str]] = {}
    unknown = False
    depth = 0  # inside a cached() computation: cached_by_page feeds its result, it is not used alone
    # The run's site, whose recorded reads (Site.record_reads) are split while a result is computed:
    # ``carried`` what the page's checks read before, ``inner`` what the computation read (the page
    # depends on that only through the result). The engine joins them when the page is done.
    site: Any = None
    carried: set[str] = set()
    inner: set[str] = set()

    @classmethod
    def reset(cls, site: Any = None) -> None:
        cls.results, cls.unknown, cls.depth, cls.site = {}, False, 0, site
        cls.start_page()

    @classmethod
    def start_page(cls) -> None:
        cls.carried, cls.inner = set(), set()

    @classmethod
    def of(cls, folder: str) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(cls.results.get(folder, {}).items()))


def cached(
    kind: str,
    inputs: Iterable[bytes],
    compute: Callable[[], T],
    shape: Any,
    *,
    identity: Iterable[bytes] | None = None,
    folder_of: str | None = None,
) -> T:
    """``compute()``, or its stored result for the same code, ``kind`` and ``inputs``. ``shape`` is the
    result's type (see :mod:`dlc_lint.engine.codec`): a stored value of another shape is a miss.

    ``identity`` (what the computation is about: the language, the glossary; not the pages' bytes)
    and ``folder_of`` (the language folder whose pages it reads) let the pages that use the result
    be keyed on the result instead of on every page of the folder (see :class:`Derived`)."""
    folder = cache_dir()
    if folder is None:
        return compute()
    key = _key(kind, inputs)
    path = store.entry_path(folder, kind, key)
    value = store.load(path, kind, key, shape)
    if value is None:
        site: Any = Derived.site if Derived.depth == 0 else None
        outer = site.recorded_reads() if site is not None else None
        if outer is not None:
            site.record_reads(True)
        Derived.depth += 1
        try:
            value = compute()
        finally:
            Derived.depth -= 1
            if outer is not None:
                Derived.carried |= outer
                Derived.inner |= site.recorded_reads() or set()
                site.record_reads(True)
        _write(folder, path, kind, key, value, shape)
    _note(kind, identity, folder_of, value, shape)
    return value


def _note(kind: str, identity: Iterable[bytes] | None, folder_of: str | None, value, shape) -> None:
    if Derived.depth:
        return  # part of an enclosing result, which is what is used
    if identity is None or folder_of is None:
        Derived.unknown = True
        return
    try:
        encoded = json.dumps(encode(value, shape), ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError, AttributeError, RecursionError):
        Derived.unknown = True
        return
    name = hashlib.blake2b(code_fingerprint(), digest_size=16)
    name.update(kind.encode())
    for item in identity:
        name.update(len(item).to_bytes(8, "little") + item)
    digest = hashlib.blake2b(encoded.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    Derived.results.setdefault(folder_of, {})[name.hexdigest()] = digest


def cached_by_page(
    kind: str, inputs: Iterable[bytes], site, paths: Sequence[str], compute: Callable[[str], T], shape: Any
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
    if not Derived.depth:
        Derived.unknown = True  # used alone: not a result the pages can be keyed on
    key = _key(kind, inputs)
    entry = store.entry_path(folder, kind, key)
    stored = store.load(entry, kind, key, dict[str, tuple[str, shape]]) or {}
    results: dict[str, T] = {}
    kept: dict[str, tuple[str, T]] = {}
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
        _write(folder, entry, kind, key, kept, dict[str, tuple[str, shape]])
    return results


def _key(kind: str, inputs: Iterable[bytes]) -> str:
    """The key of the entry for this code, ``kind`` and ``inputs`` (length-prefixed)."""
    digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
    digest.update(kind.encode())
    for item in inputs:
        digest.update(len(item).to_bytes(8, "little"))
        digest.update(item)
    return digest.hexdigest()


def _page_key(site, path: str) -> str | None:
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
    return digest.hexdigest()


def _write(folder: Path, path: Path, kind: str, key: str, value, shape) -> None:
    if store.save(path, kind, key, value, shape):
        prune(folder)


def prune(folder: Path, keep: int = MAX_ENTRIES) -> None:
    """Keep the ``keep`` most recently used entries: every change to a folder's pages makes a new
    entry (about 1 MB for a language of the course site); without this the cache only grows."""
    store.prune(folder, keep)


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
