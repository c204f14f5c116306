"""The real renderer, once per test session: the corpus and every fixture site built with Jekyll.

(Not a conftest.py: the suite's helpers are imported as `conftest` from tests/, and a second module of
that name would shadow them. The one test module of this folder imports these fixtures.)

Builds run with the GitHub Pages plugins (what the site's readers get) and, for the claims that
depend on them, once more with plain Jekyll. Without `jekyll` on PATH the tests skip, except in CI
(`CI` set), where they fail: CI installs Jekyll (`.ci/run`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import render_build  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "pytorch-Deep-Learning" / "docs"  # as in tests/conftest.py

# Every site of the repository that a reader could build: (name, site root).
FIXTURE_SITES = {
    "sample-site": REPO / "fixtures" / "sample-site" / "docs",
    "precision": REPO / "tests" / "fixtures" / "precision" / "site",
    "renderer": REPO / "fixtures" / "renderer",
}


def _need_jekyll() -> None:
    render_build.jekyll()  # skips without it, fails in CI


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> render_build.Build:
    """The whole corpus as GitHub Pages builds it."""
    _need_jekyll()
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the corpus is missing at {CORPUS}; CI must have ../shared")
        pytest.skip(f"the real corpus is not at {CORPUS}")
    return render_build.build(CORPUS, tmp_path_factory.mktemp("corpus-build"))


@pytest.fixture(scope="session")
def fixture_builds(tmp_path_factory) -> dict[str, render_build.Build]:
    """Every fixture site, built with the GitHub Pages plugins."""
    _need_jekyll()
    return {
        name: render_build.build(root, tmp_path_factory.mktemp(f"build-{name}"))
        for name, root in FIXTURE_SITES.items()
        if root.is_dir()
    }


@pytest.fixture(scope="session")
def plain_renderer_build(tmp_path_factory) -> render_build.Build:
    """The renderer fixtures built by plain Jekyll: no plugins."""
    _need_jekyll()
    return render_build.build(FIXTURE_SITES["renderer"], tmp_path_factory.mktemp("plain-renderer"), plugins=False)
