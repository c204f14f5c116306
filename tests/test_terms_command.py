"""`dlc-lint terms`: the table of English terms and their renderings, for any language, without a glossary."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "rules"))

import terms_site  # noqa: E402

from dlc_lint.cli.main import cli  # noqa: E402


def invoke(root: Path, args: list[str]):
    old = Path.cwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, ["terms", "--isolated", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return terms_site.make(tmp_path_factory.mktemp("site"))


def test_text_lists_terms_variants_and_mixed_pages(site):
    result = invoke(site, ["zh"])
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("zh/: 5 pages, 71 (English, translation) pairs;")
    assert "data  (11 pairs, 4 pages)  [variants]" in out
    assert "    数据  8  in 3 pages" in out
    assert "    资料 (variant)  3  in 2 pages: zh/week01/01-4.md, zh/week01/01-1.md" in out
    assert "    mixed on zh/week01/01-1.md: 数据 2, 资料 1" in out
    assert "layer  (11 pairs, 4 pages)\n    层  11" in out
    assert out.index("data  (") < out.index("layer  (")  # terms with variants first


def test_json(site):
    result = invoke(site, ["zh", "--format", "json", "--variants-only"])
    payload = json.loads(result.output)
    (language,) = payload["languages"]
    assert language["lang"] == "zh" and language["glossary"] is None
    (data,) = language["terms"]
    assert data["english"] == "data" and data["variants"] is True
    assert [(r["text"], r["role"], r["uses"]) for r in data["renderings"]] == [
        ("数据", "usual", 8),
        ("资料", "variant", 3),
    ]
    assert data["mixed_pages"] == [{"page": "zh/week01/01-1.md", "renderings": {"数据": 2, "资料": 1}}]


def test_csv(site):
    result = invoke(site, ["zh", "--format", "csv", "--min-segments", "11"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {"lang", "source", "english", "rendering", "role", "uses", "pages", "mixed_on"} <= set(rows[0])
    assert {(r["english"], r["rendering"], r["role"]) for r in rows} >= {
        ("data", "资料", "variant"),
        ("layer", "层", "usual"),
    }


def test_a_single_page_limits_the_table_to_its_terms(site):
    result = invoke(site, ["zh/week01/01-4.md", "--format", "json"])
    terms = {t["english"] for t in json.loads(result.output)["languages"][0]["terms"]}
    assert "data" in terms


def test_no_translated_pages_is_a_usage_error(site):
    result = invoke(site, ["en"])
    assert result.exit_code == 2
    assert "no translated pages" in result.output


def test_korean_lists_the_glossary_too(tmp_path):
    files = {
        "en/week01/01-1.md": "---\nlang-ref: ch.01-1\ntitle: Layers\n---\n",
        "ko/week01/01-1.md": "---\nlang-ref: ch.01-1\ntitle: 계층\nlang: ko\n---\n\n"
        "<!-- Each layer. -->\n각 레이어.\n\n<!-- The layer. -->\n그 계층.\n",
    }
    from conftest import write_site

    write_site(tmp_path, files)
    payload = json.loads(invoke(tmp_path, ["ko", "--format", "json"]).output)
    (layer,) = [row for row in payload["languages"][0]["glossary"] if row["id"] == "layer"]
    assert {(f["text"], f["role"], f["uses"]) for f in layer["forms"]} == {
        ("계층", "preferred", 2),
        ("레이어", "accepted", 1),
    }


@pytest.mark.parametrize(
    ("folder", "english", "usual", "variant", "mixed_on"),
    [
        ("zh", "data", "数据", "资料", "week02/02-3.md"),
        ("ja", "layer", "層", "レイヤー", "week13/13-2.md"),
        ("ja", "matrix", "行列", "マトリクス", None),  # 08-2.md writes only マトリクス: a page unlike its folder
        ("it", "training", "addestramento", "allenamento", "week02/02-2.md"),
    ],
)
def test_corpus_variant_pairs_without_a_glossary(corpus, folder, english, usual, variant, mixed_on):
    payload = _corpus_table(corpus, folder)
    row = next(t for t in payload["terms"] if t["english"] == english)
    roles = {r["text"]: r["role"] for r in row["renderings"]}
    assert roles[usual] == "usual" and roles[variant] == "variant"
    mixed = {m["page"].split(f"/{folder}/", 1)[1]: m["renderings"] for m in row["mixed_pages"]}
    if mixed_on is not None:
        assert set(mixed[mixed_on]) == {usual, variant}


_TABLES: dict[str, dict] = {}


def _corpus_table(corpus: Path, folder: str) -> dict:
    if folder not in _TABLES:
        result = invoke(corpus.parent, [f"{corpus.name}/{folder}", "--format", "json", "--variants-only"])
        assert result.exit_code == 0
        _TABLES[folder] = json.loads(result.output)["languages"][0]
    return _TABLES[folder]


def test_a_variant_is_told_by_its_value_not_by_the_object(monkeypatch):
    """A term's variants may be copies of its renderings (decoded apart, built anew): same role."""
    from dlc_lint.analysis import terms
    from dlc_lint.analysis.terms.model import FolderTerms, Rendering, Term
    from dlc_lint.cli import terms as command

    usual = Rendering("数据", frozenset({"数据"}), 8, ("a.md",))
    variant = Rendering("资料", frozenset({"资料"}), 3, ("b.md",))
    other = Rendering("资料集", frozenset({"资料集"}), 1, ("b.md",))
    copy = Rendering("资料", frozenset({"资料"}), 3, ("b.md",))
    assert copy == variant and copy is not variant
    term = Term("data", "data", 12, ("a.md", "b.md"), (usual, variant, other), (copy,))
    found = FolderTerms("zh", ("a.md", "b.md"), 12, {"data": term})
    monkeypatch.setattr(terms, "folder_terms", lambda site, lang: found)
    monkeypatch.setattr(command, "glossary_table", lambda *args: None)
    (row,) = command.table(None, "zh", {"a.md", "b.md"}, None, 1, False, str)["terms"]
    assert [(r["text"], r["role"]) for r in row["renderings"]] == [
        ("数据", "usual"),
        ("资料", "variant"),
        ("资料集", "other"),
    ]
