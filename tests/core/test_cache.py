"""The folder-statistics cache: a hit needs the same code, kind and input bytes; problems mean recomputing."""

from dlc_lint.engine import cache


def test_same_inputs_hit_other_inputs_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    calls = []

    def compute(value):
        def run():
            calls.append(value)
            return {"value": value}

        return run

    assert cache.cached("k", [b"a", b"b"], compute(1), dict[str, int]) == {"value": 1}
    assert cache.cached("k", [b"a", b"b"], compute(2), dict[str, int]) == {"value": 1}  # stored result
    assert cache.cached("k", [b"ab"], compute(3), dict[str, int]) == {"value": 3}  # inputs are length-prefixed
    assert cache.cached("other", [b"a", b"b"], compute(4), dict[str, int]) == {"value": 4}
    assert calls == [1, 3, 4]


def test_changed_file_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "c"))
    page = tmp_path / "a.md"
    page.write_text("one")
    first = cache.cached("k", cache.file_inputs(tmp_path, ["a.md"]), lambda: "one", str)
    page.write_text("two")
    second = cache.cached("k", cache.file_inputs(tmp_path, ["a.md"]), lambda: "two", str)
    assert (first, second) == ("one", "two")


def test_corrupt_entry_and_unwritable_folder_just_recompute(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(folder))
    cache.cached("k", [b"x"], lambda: 1, int)
    (entry,) = folder.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cache.cached("k", [b"x"], lambda: 2, int) == 2
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    assert cache.cached("k", [b"x"], lambda: 3, int) == 3


def test_disabled(tmp_path, monkeypatch):
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("DLC_LINT_NO_CACHE", "1")
    assert cache.cached("k", [b"x"], lambda: 1, int) == 1
    assert not (tmp_path / "c").exists()


def test_per_page_results_are_reused_while_the_page_and_its_english_page_are_unchanged(tmp_path, monkeypatch):
    from dlc_lint.site.model import Site
    from tests.conftest import write_site

    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    english = "---\nlang-ref: {ref}\ntitle: T\n---\n\nText.\n"
    korean = "---\nlang-ref: {ref}\ntitle: T\nlang: ko\n---\n\n글 {n}.\n"
    (tmp_path / "site").mkdir()
    root = write_site(
        tmp_path / "site",
        {
            "en/a.md": english.format(ref="a"),
            "en/b.md": english.format(ref="b"),
            "ko/a.md": korean.format(ref="a", n=1),
            "ko/b.md": korean.format(ref="b", n=1),
        },
    )
    paths = ["ko/a.md", "ko/b.md"]

    def run(inputs=(b"ko",)):
        calls = []
        site = Site(root)
        result = cache.cached_by_page(
            "k", list(inputs), site, paths, lambda path: calls.append(path) or site.read(path).decode(), str
        )
        return result, calls

    first, calls = run()
    assert calls == paths and first["ko/a.md"].endswith("글 1.\n")
    again, calls = run()
    assert (again, calls) == (first, [])
    (root / "ko/b.md").write_text(korean.format(ref="b", n=2), encoding="utf-8")
    changed, calls = run()
    assert calls == ["ko/b.md"] and changed["ko/b.md"].endswith("글 2.\n") and changed["ko/a.md"] == first["ko/a.md"]
    (root / "en/a.md").write_text(english.format(ref="a") + "More.\n", encoding="utf-8")  # a's English page
    assert run()[1] == ["ko/a.md"]
    assert run(inputs=(b"other glossary",))[1] == paths
    monkeypatch.setenv("DLC_LINT_NO_CACHE", "1")
    assert run()[1] == paths
