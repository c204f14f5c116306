"""The on-disk cache stays small and never serves a result computed by other code."""

import os
import sys

from dlc_lint.engine import cache


def test_the_cache_keeps_only_the_most_recently_used_entries(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    monkeypatch.setattr(cache.prune, "__defaults__", (3,))
    for n in range(3):
        cache.cached("k", [bytes([n])], lambda n=n: n, int)
    old = sorted(folder.iterdir())
    for n, path in enumerate(sorted(old, key=lambda p: p.stat().st_mtime)):
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    assert cache.cached("k", [bytes([0])], lambda: -1, int) == 0  # a hit makes it recent
    stale_tmp = folder / ".k-x.pickle.123"
    stale_tmp.write_bytes(b"half written")
    os.utime(stale_tmp, (1_000_000, 1_000_000))
    for n in (3, 4):
        cache.cached("k", [bytes([n])], lambda n=n: n, int)
    assert len(list(folder.iterdir())) == 3 and not stale_tmp.exists()
    # kept: 0 (used), 3 and 4 (new); gone: 1 and 2
    assert [cache.cached("k", [bytes([n])], lambda: -1, int) for n in (0, 4, 3)] == [0, 4, 3]
    assert cache.cached("k", [bytes([1])], lambda: -1, int) == -1


def test_the_key_covers_python_and_the_libraries():
    cache.code_fingerprint.cache_clear()
    first = cache.code_fingerprint()
    cache.code_fingerprint.cache_clear()
    real = sys.version
    try:
        sys.version = real + " (another build)"
        assert cache.code_fingerprint() != first
    finally:
        sys.version = real
        cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() == first
