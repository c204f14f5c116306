"""The matcher on the real Korean pages: fast, at word starts only, and finding the known slips."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from dlc_lint.glossary import Kind, load_glossary, shipped_path

CORPUS = Path(__file__).resolve().parents[2] / "../shared/corpus/pytorch-Deep-Learning/docs"

# A crude stand-in for the page model's prose view: enough to keep code, comments,
# math, tags and URLs out of a measurement. Newlines are kept so lines still count.
_HIDDEN = [
    re.compile(r"\A---\n.*?\n---\n", re.S),
    re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M),
    re.compile(r"<!--.*?(?:-->|\Z)", re.S),
    re.compile(r"\$\$.*?\$\$", re.S),
    re.compile(r"\$[^$\n]+\$"),
    re.compile(r"`[^`\n]+`"),
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S),
    re.compile(r"\]\([^)\s]*\)"),
    re.compile(r"https?://\S+"),
    re.compile(r"</?[a-zA-Z][^>]*>"),
]


def prose(text: str) -> str:
    for pattern in _HIDDEN:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


@pytest.fixture(scope="module")
def pages():
    folder = CORPUS / "ko"
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the real corpus is not at {CORPUS}; CI must have ../shared")
        pytest.skip(f"the real corpus is not at {CORPUS}")
    return {
        p.relative_to(CORPUS).as_posix(): prose(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.md"))
    }


@pytest.fixture(scope="module")
def ko():
    glossary = load_glossary(shipped_path("ko"))
    _ = glossary.matcher  # compile outside the timing
    return glossary


def test_whole_korean_folder_is_matched_quickly(pages, ko):
    assert len(pages) == 56
    started = time.perf_counter()
    total = sum(len(ko.matcher.find(text)) for text in pages.values())
    elapsed = time.perf_counter() - started
    assert total > 5000
    assert elapsed < 1.5, f"{elapsed:.2f} s for docs/ko (about 0.1-0.2 s expected)"


@pytest.fixture(scope="module")
def matches(pages, ko):
    return {path: ko.matcher.find(text) for path, text in pages.items()}


def test_matches_start_words_or_continue_a_compound(pages, matches):
    for path, text in pages.items():
        for m in matches[path]:
            before = text[m.start - 1] if m.start else " "
            assert m.glued or not ("\uac00" <= before <= "\ud7a3"), (path, m.start, m.text)
            assert text[m.start : m.end].strip() == m.text.strip()


def test_known_slips_are_found_where_they_are(pages, matches):
    def avoided(path):
        text = pages[path]
        return {(text.count("\n", 0, m.start) + 1, m.text, m.entry_id) for m in matches[path] if m.kind is Kind.AVOID}

    assert (313, "오코인코더", "autoencoder") in avoided("ko/week07/07-2.md")
    assert (189, "인집행렬", "adjacency-matrix") in avoided("ko/week13/13-1.md")
    assert (150, "합성공", "convolution") in avoided("ko/week08/08-2.md")
    assert (266, "트렌스포머", "transformer") in avoided("ko/index.md")
    assert (122, "로드 우도", "log-likelihood") in avoided("ko/week07/07-2.md")


def test_longer_terms_are_never_split(pages, matches):
    for path, text in pages.items():
        for m in matches[path]:
            # 인코더 of 오토인코더, 파라미터 of 하이퍼파라미터 never start inside a longer word
            if m.entry_id in ("encoder", "parameter"):
                assert not text[max(0, m.start - 3) : m.start].endswith(("오토", "하이퍼"))
