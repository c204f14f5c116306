"""The on-disk store: plain JSON, checked (format, checksum, kind and key, shape) before it is believed."""

from __future__ import annotations

import json

import pytest

from dlc_lint.engine import codec, store
from dlc_lint.engine.page_cache import Entry
from dlc_lint.finding import Edit, Finding, Fix, Location, Safety, Severity

FINDING = Finding(
    "docs/ko/a.md", 3, 5, 3, 9, "DLC401", "broken-link", Severity.ERROR, "링크 \udcff",
    fix=Fix("fix it", (Edit(1, 2, "x"),), Safety.UNSAFE, None),
    related=(Location("docs/en/a.md", 1, 1, 1, 2, "the English page"),),
    snippet="snip",
)  # fmt: skip


def test_findings_come_back_equal_field_by_field():
    entry = Entry((FINDING,), True)
    back = store.parse(store.serialise("findings", "k", entry, Entry), "findings", "k", Entry)
    assert back == entry
    assert back.findings[0].fix == FINDING.fix and back.findings[0].related == FINDING.related
    assert back.findings[0].snippet == "snip" and back.findings[0].severity is Severity.ERROR


@pytest.mark.parametrize(
    "shape, value",
    [
        (dict[str, int], {"a": 1}),
        (dict[tuple[str, int], frozenset[str]], {("a", 1): frozenset({"x", "y"})}),
        (list[int] | set[int], {1, 2}),
        (list[int] | set[int], [2, 1]),
        (tuple[int, ...] | None, None),
        (tuple[str, float], ("a", 1.5)),
    ],
)
def test_containers_keep_their_kind(shape, value):
    back = codec.decode(json.loads(json.dumps(codec.encode(value, shape))), shape)
    assert back == value and type(back) is type(value)


@pytest.mark.parametrize(
    "data",
    [
        {"findings": [], "has_directives": "yes"},  # a string for a boolean
        {"findings": [{"path": "a"}], "has_directives": False},  # a finding without its fields
        {"findings": {}, "has_directives": False},
        {"findings": [], "has_directives": False, "extra": 1},
        {"findings": []},
        [],
        None,
    ],
)
def test_a_value_of_another_shape_is_refused(data):
    with pytest.raises(codec.ShapeError):
        codec.decode(data, Entry)


def test_a_finding_with_a_wrong_field_type_is_refused():
    data = codec.encode(Entry((FINDING,), False), Entry)
    data["findings"][0]["line"] = "3"
    with pytest.raises(codec.ShapeError):
        codec.decode(data, Entry)
    data["findings"][0]["line"] = True  # a boolean is not a line number
    with pytest.raises(codec.ShapeError):
        codec.decode(data, Entry)
    data["findings"][0]["line"] = 3
    data["findings"][0]["severity"] = "fatal"
    with pytest.raises(codec.ShapeError):
        codec.decode(data, Entry)


def test_a_bad_header_checksum_kind_or_key_is_a_miss():
    good = store.serialise("findings", "k", Entry((FINDING,), False), Entry)
    assert store.parse(good, "findings", "k", Entry) is not None
    header, _, body = good.partition(b"\n")
    assert store.parse(header + b"\n" + body.replace(b"DLC401", b"DLC402"), "findings", "k", Entry) is None
    assert store.parse(good.replace(b" 1 ", b" 2 ", 1), "findings", "k", Entry) is None  # another format
    assert store.parse(good, "findings", "other", Entry) is None  # copied under another key
    assert store.parse(good, "folder-terms", "k", Entry) is None
    assert store.parse(good[:-3], "findings", "k", Entry) is None  # truncated
    assert store.parse(b"", "findings", "k", Entry) is None


def test_the_writer_replaces_atomically_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "sub" / "findings-k.json"
    assert store.save(path, "findings", "k", Entry((), False), Entry)
    assert store.save(path, "findings", "k", Entry((FINDING,), False), Entry)
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert store.load(path, "findings", "k", Entry) == Entry((FINDING,), False)


def test_a_value_without_a_json_form_is_not_stored(tmp_path):
    path = tmp_path / "findings-k.json"
    assert not store.save(path, "findings", "k", Entry(("not a finding",), False), Entry)  # type: ignore[arg-type]
    assert not path.exists()


def test_folder_terms_round_trip(tmp_path):
    from dlc_lint.analysis.terms.learn import _folder_terms
    from dlc_lint.analysis.terms.model import FolderTerms
    from dlc_lint.site.model import Site
    from tests.conftest import write_site

    english = "---\nlang-ref: {n}\ntitle: T\n---\n\nThe neural network learns. The neural network is trained.\n"
    korean = "---\nlang-ref: {n}\ntitle: T\nlang: ko\n---\n\n<!--\nThe neural network learns.\n-->\n신경망은 배운다.\n"
    (tmp_path / "docs").mkdir()
    files = {}
    for n in range(6):
        files[f"en/p{n}.md"] = english.format(n=n)
        files[f"ko/p{n}.md"] = korean.format(n=n)
    root = write_site(tmp_path / "docs", files)
    site = Site(root)
    terms = _folder_terms(site, "ko", tuple(p for p in site.page_paths if p.startswith("ko/")))
    back = store.parse(store.serialise("folder-terms", "k", terms, FolderTerms), "folder-terms", "k", FolderTerms)
    assert back == terms


def test_shared_renderings_come_back_shared():
    from dlc_lint.analysis.terms.model import Rendering, Term

    usual = Rendering("数据", frozenset({"数据"}), 8, ("a.md",))
    variant = Rendering("资料", frozenset({"资料"}), 3, ("b.md",))
    term = Term("data", "data", 11, ("a.md", "b.md"), (usual, variant), (variant,))
    back = codec.decode(json.loads(json.dumps(codec.encode(term, Term))), Term)
    assert back == term and back.variants[0] is back.renderings[1]
