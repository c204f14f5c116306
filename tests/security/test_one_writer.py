"""Every file dlc-lint writes goes through its one atomic writer, :func:`dlc_lint.atomic.write_atomic`.

The fixer, the baseline, the findings store and the compiled glossaries all write with it: a
temporary file made by ``mkstemp`` beside the file, flushed, renamed over it with ``os.replace``.
"""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from dlc_lint import atomic
from dlc_lint.engine import store
from dlc_lint.engine.page_cache import Entry
from dlc_lint.glossary import cache
from dlc_lint.glossary.model import Glossary

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "dlc_lint"
WRITER_CALLS = {("os", "replace"), ("os", "rename"), ("tempfile", "mkstemp"), ("tempfile", "NamedTemporaryFile")}


def writer_calls(tree: ast.AST) -> list[tuple[str, str, int]]:
    """The calls of ``os.replace``, ``tempfile.mkstemp`` and their kin in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and (owner.id, node.func.attr) in WRITER_CALLS:
                found.append((owner.id, node.func.attr, node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.module in {"os", "tempfile"}:
            found += [(node.module, a.name, node.lineno) for a in node.names if (node.module, a.name) in WRITER_CALLS]
    return sorted(found, key=lambda call: call[2])


def test_only_the_atomic_module_makes_temporary_files_and_renames_them():
    elsewhere = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        calls = writer_calls(ast.parse(path.read_text(encoding="utf-8")))
        if calls:
            elsewhere[path.relative_to(PACKAGE).as_posix()] = calls
    assert set(elsewhere) == {"atomic.py"}, elsewhere


def test_the_finder_of_writer_calls_finds_them():
    tree = ast.parse("import os, tempfile\nfd, t = tempfile.mkstemp()\nos.replace(t, 'x')\nfrom os import rename\n")
    assert writer_calls(tree) == [("tempfile", "mkstemp", 2), ("os", "replace", 3), ("os", "rename", 4)]


def planted(folder: Path, name: str) -> tuple[Path, Path]:
    """A link at ``folder/name`` to a file outside ``folder``; returns (link, victim)."""
    folder.mkdir(parents=True, exist_ok=True)
    victim = folder.parent / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    link = folder / name
    link.symlink_to(victim)
    return link, victim


def test_a_link_planted_at_a_store_entry_is_replaced_not_written_through(tmp_path):
    path, victim = planted(tmp_path / "cache", "findings-k.json")
    assert store.save(path, "findings", "k", Entry((), False), Entry)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not path.is_symlink() and store.load(path, "findings", "k", Entry) == Entry((), False)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # an entry is its owner's only
    assert os.listdir(path.parent) == [path.name]  # no temporary file left


def test_a_link_planted_at_a_compiled_glossary_is_replaced_not_written_through(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    key = "0" * 40
    where = cache._file(key)
    assert where is not None
    path, victim = planted(where.parent, where.name)
    glossary = Glossary(language="ko", entries=(), paths=("ko.yml",))
    cache.write(key, glossary)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    stored = cache.read(key)
    assert not path.is_symlink() and stored is not None
    assert (stored.language, stored.entries, stored.paths) == ("ko", (), ("ko.yml",))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(path.parent) == [path.name]


def test_a_write_that_fails_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "findings-k.json"
    assert store.save(path, "findings", "k", Entry((), False), Entry)
    before = path.read_bytes()

    def full_disk(*args) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert not store.save(path, "findings", "k", Entry((), True), Entry)
    with pytest.raises(OSError):
        atomic.write_atomic(tmp_path / "page.md", b"text\n")
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [path.name]


def test_a_rewritten_file_keeps_its_permissions_and_a_new_one_follows_the_umask(tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes(b"old\n")
    page.chmod(0o640)
    atomic.write_atomic(page, b"new\n")
    assert page.read_bytes() == b"new\n" and stat.S_IMODE(page.stat().st_mode) == 0o640
    umask = os.umask(0o027)
    try:
        atomic.write_atomic(tmp_path / "new.md", b"new\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_fixed_pages_reach_the_disk_and_cache_entries_skip_the_flush(tmp_path, monkeypatch):
    # a fixed page or a baseline is the user's file: flushed before the rename; a cache entry is checked by
    # its checksum when read, so a torn one after a crash is recomputed, and the flush (ms a file) is skipped
    flushed: list[int] = []
    real = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (flushed.append(fd), real(fd))[1])
    atomic.write_atomic(tmp_path / "page.md", b"fixed\n")
    assert len(flushed) == 1
    assert store.save(tmp_path / "entry.json", "findings", "k", Entry((), False), Entry)
    assert len(flushed) == 1 and (tmp_path / "entry.json").exists()
