"""The memo of file digests: an unchanged file is not read again; any write, even one that keeps the size and
the modification time, is seen; a file written just before it was recorded is read again."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

from dlc_lint.engine import file_memo, store


@pytest.fixture
def memo(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "cache"))
    reads: list[str] = []
    real = file_memo._read_digest

    def counting(path, sig):
        reads.append(path)
        return real(path, sig)

    monkeypatch.setattr(file_memo, "_read_digest", counting)
    return reads


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def test_an_unchanged_file_is_read_once(tmp_path, memo, monkeypatch):
    monkeypatch.setattr(file_memo, "SETTLED_NS", 0)
    page = tmp_path / "a.md"
    page.write_bytes(b"one")
    time.sleep(0.05)
    assert file_memo.digests("g", [str(page)]) == {str(page): digest(b"one")}
    assert file_memo.digests("g", [str(page)]) == {str(page): digest(b"one")}
    assert memo == [str(page)]


def test_a_write_that_keeps_size_and_modification_time_is_seen(tmp_path, memo, monkeypatch):
    """``touch -d`` puts the modification time back; the change time moves on with every write."""
    monkeypatch.setattr(file_memo, "SETTLED_NS", 0)
    page = tmp_path / "a.md"
    page.write_bytes(b"one")
    before = os.stat(page)
    time.sleep(0.05)
    assert file_memo.digests("g", [str(page)])[str(page)] == digest(b"one")
    time.sleep(0.05)  # more than a step of the file system's clock
    page.write_bytes(b"two")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(page)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert file_memo.digests("g", [str(page)])[str(page)] == digest(b"two")
    assert len(memo) == 2


def test_a_file_written_just_before_is_not_remembered(tmp_path, memo):
    """Two writes within one step of the clock may leave the same times: such a file is read each time."""
    page = tmp_path / "a.md"
    page.write_bytes(b"one")
    for _ in range(2):
        assert file_memo.digests("g", [str(page)])[str(page)] == digest(b"one")
    assert len(memo) == 2


def test_missing_files_and_a_damaged_memo(tmp_path, memo, monkeypatch):
    monkeypatch.setattr(file_memo, "SETTLED_NS", 0)
    page, gone = tmp_path / "a.md", tmp_path / "gone.md"
    page.write_bytes(b"one")
    time.sleep(0.05)
    assert file_memo.digests("g", [str(page), str(gone)]) == {str(page): digest(b"one"), str(gone): None}
    entry = store.entry_path(store.folder(), file_memo.KIND, file_memo._key("g"))
    entry.write_bytes(entry.read_bytes().replace(digest(b"one").encode(), digest(b"two").encode()))
    assert file_memo.digests("g", [str(page)]) == {str(page): digest(b"one")}  # the checksum fails: read
    assert file_memo.digests("other", [str(page)]) == {str(page): digest(b"one")}  # each group its own memo
    assert len(memo) == 3


def test_without_a_store_every_file_is_read(tmp_path, memo, monkeypatch):
    monkeypatch.setenv("DLC_LINT_NO_CACHE", "1")
    monkeypatch.setattr(file_memo, "SETTLED_NS", 0)
    page = tmp_path / "a.md"
    page.write_bytes(b"one")
    for _ in range(2):
        assert file_memo.digests("g", [str(page)]) == {str(page): digest(b"one")}
    assert len(memo) == 2
