"""dlc_lint.analysis.terms: English masking, segments, candidate renderings, and what a folder learns from its pairs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "rules"))

import terms_site  # noqa: E402
from conftest import write_site  # noqa: E402

from dlc_lint.analysis.terms import (  # noqa: E402
    candidates,
    english_terms,
    folder_terms,
    korean_stems,
    mask_english,
    segments,
    transliterates,
)
from dlc_lint.parse.page import parse_page  # noqa: E402
from dlc_lint.site.model import Site  # noqa: E402


def test_english_is_masked_like_prose():
    text = 'A layer <img src="2-layer-inference.png" alt="x"> `layer = 1` $x_{layer}$ https://a.b/layer [l](layer.md)'
    masked = mask_english(text)
    assert len(masked) == len(text)
    assert masked.count("layer") == 1  # only the first word


def test_english_terms_fold_plurals_and_inflections_and_skip_grammar():
    found = english_terms("The hidden layers of the networks were trained; self-supervised CNNs and matrices.")
    assert {"hidden", "layer", "hidden layer", "network", "train", "supervis", "CNN", "matrix"} <= found
    assert not {"the", "of", "were", "and"} & found


def test_candidates_by_script():
    assert {"数据", "数", "据", "资料"} <= candidates("数据和资料")
    assert {"レイヤー", "層"} <= candidates("レイヤーと層")
    assert {"계층", "은닉층", "레이어"} <= candidates("계층에서 은닉층이 레이어를")
    assert {"allenamen", "addestramen"} <= candidates("l'allenamento e gli addestramenti")


def test_korean_stems_cut_particles_only():
    assert korean_stems("계층에서") == ["계층"]
    assert korean_stems("가중치를") == ["가중치"]
    assert korean_stems("층이") == ["층이", "층"]


def test_transliterations():
    assert transliterates("マトリクス", "matrix")
    assert transliterates("レイヤー", "layer")
    assert transliterates("トレーニング", "training")
    assert not transliterates("システム", "layer")
    assert not transliterates("行列", "matrix")


def _page(path, text):
    return parse_page(path, path, text.encode())


def test_comment_segments_above_and_below(tmp_path):
    above = _page("ko/a.md", "<!-- ## Layers -->\n## 계층\n\n본문\n\n<!-- Two\n\nblocks -->\n첫째\n\n둘째\n\n셋째\n")
    found = segments(above)
    assert [above.text[s.start : s.end] for s in found] == ["## 계층", "첫째\n\n둘째"]
    assert [s.english.strip() for s in found] == ["## Layers", "Two\n\nblocks"]
    below = _page("it/a.md", "### Modelli\n<!-- ### Models -->\n\nTesto lungo.\n\n### Dati\n<!-- ### Data -->\n")
    assert [below.text[s.start : s.end] for s in segments(below)] == ["### Modelli", "### Dati"]


def test_pages_without_comments_are_aligned_with_their_english_page(tmp_path):
    write_site(
        tmp_path,
        {
            "en/week01/01-1.md": "---\nlang-ref: ch.01-1\ntitle: Data\n---\n\n## Data\n\nThe data is big.\n\n## Model\n\nA model.\n",
            "zh/week01/01-1.md": "---\nlang-ref: ch.01-1\ntitle: 资料\nlang: zh\n---\n\n## 资料\n\n资料很大。\n\n## 模型\n\n一个模型。\n",
        },
    )
    site = Site(tmp_path.resolve())
    page = site.page("zh/week01/01-1.md")
    found = segments(page, site)
    assert [(s.source, page.text[s.start : s.end], s.english.strip()) for s in found] == [
        ("title", "资料", "Data"),
        ("aligned", "## 资料", "## Data"),
        ("aligned", "资料很大。", "The data is big."),
        ("aligned", "## 模型", "## Model"),
        ("aligned", "一个模型。", "A model."),
    ]


@pytest.fixture(scope="module")
def learnt(tmp_path_factory):
    root = terms_site.make(tmp_path_factory.mktemp("zh"))
    return folder_terms(Site(root.resolve()), "zh")


def test_folder_learns_the_usual_rendering_and_its_variant(learnt):
    data = learnt.terms["data"]
    assert (data.main.text, data.main.uses) == ("数据", 8)
    assert [(v.text, v.uses) for v in data.variants] == [("资料", 3)]
    assert data.variants[0].pages == ("zh/week01/01-4.md", "zh/week01/01-1.md")
    assert learnt.terms["layer"].main.text == "层" and not learnt.terms["layer"].variants


def test_uses_in_page(learnt):
    data = learnt.terms["data"]
    uses = learnt.uses_in_page("zh/week01/01-1.md", data)
    assert [r.text for _, r in uses] == ["数据", "数据", "资料"]
    counts = learnt.page_counts(data)
    assert counts[data.variants[0]] == {"zh/week01/01-1.md": 1, "zh/week01/01-4.md": 2}
