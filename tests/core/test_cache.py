"""The folder-statistics cache: a hit needs the same code, kind and input bytes; problems mean recomputing."""

from dlc_lint import cache


def test_same_inputs_hit_other_inputs_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    calls = []

    def compute(value):
        def run():
            calls.append(value)
            return {"value": value}
        return run

    assert cache.cached("k", [b"a", b"b"], compute(1)) == {"value": 1}
    assert cache.cached("k", [b"a", b"b"], compute(2)) == {"value": 1}  # stored result
    assert cache.cached("k", [b"ab"], compute(3)) == {"value": 3}  # inputs are length-prefixed
    assert cache.cached("other", [b"a", b"b"], compute(4)) == {"value": 4}
    assert calls == [1, 3, 4]


def test_changed_file_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "c"))
    page = tmp_path / "a.md"
    page.write_text("one")
    first = cache.cached("k", cache.file_inputs(tmp_path, ["a.md"]), lambda: "one")
    page.write_text("two")
    second = cache.cached("k", cache.file_inputs(tmp_path, ["a.md"]), lambda: "two")
    assert (first, second) == ("one", "two")


def test_corrupt_entry_and_unwritable_folder_just_recompute(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(folder))
    cache.cached("k", [b"x"], lambda: 1)
    (entry,) = folder.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cache.cached("k", [b"x"], lambda: 2) == 2
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    assert cache.cached("k", [b"x"], lambda: 3) == 3


def test_disabled(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("DLC_LINT_NO_CACHE", "1")
    assert cache.cached("k", [b"x"], lambda: 1) == 1
    assert not (tmp_path / "c").exists()
