"""Build a tiny site with the real Jekyll (kramdown GFM and the plugins GitHub Pages always enables)
and return the HTML of its pages: the ground truth for findings that say what the reader sees."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CONFIG = """\
markdown: kramdown
kramdown:
  input: GFM
permalink: pretty
plugins:
  - jekyll-optional-front-matter
  - jekyll-relative-links
  - jekyll-titles-from-headings
  - jekyll-default-layout
  - jekyll-readme-index
"""
LAYOUT = "<html><body><nav>SITE-LAYOUT</nav>{{ content }}</body></html>\n"


def jekyll() -> str:
    found = shutil.which("jekyll")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("jekyll is missing; .ci/run installs it")
        pytest.skip("jekyll is not installed")
    return found


def build(
    root: Path, pages: dict[str, str], layouts: dict[str, str] | None = None, config: str = CONFIG
) -> dict[str, str]:
    """Build ``pages`` (site path -> Markdown) in ``root``; return site path -> the built HTML."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    for name, text in (layouts or {"default": LAYOUT}).items():
        (root / "_layouts").mkdir(exist_ok=True)
        (root / "_layouts" / f"{name}.html").write_text(text, encoding="utf-8")
    for rel, text in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(
        [jekyll(), "build", "--quiet", "-s", str(root), "-d", str(root / "_site")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    built = {}
    for rel in pages:
        stem = rel[:-3] if rel.endswith(".md") else rel
        html = root / "_site" / stem / "index.html"
        built[rel] = html.read_text(encoding="utf-8") if html.is_file() else ""
    return built
