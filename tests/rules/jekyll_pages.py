"""Build a tiny site with the real Jekyll (kramdown GFM and the plugins GitHub Pages always enables)
and return the HTML of its pages: the ground truth for findings that say what the reader sees.

One-page builds keep the site's own layouts (a test may ask which layout a page got); Jekyll runs
as for the differential build of the corpus (``tests/render/render_build.py``, which swaps the
layouts for one that marks each page): the same plugins, the same command.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))

from render_build import GITHUB_PAGES_PLUGINS, jekyll, run_jekyll  # noqa: E402

__all__ = ["CONFIG", "LAYOUT", "build", "jekyll"]

_PLUGINS = "".join(f"  - {name}\n" for name in GITHUB_PAGES_PLUGINS)
CONFIG = f"markdown: kramdown\nkramdown:\n  input: GFM\npermalink: pretty\nplugins:\n{_PLUGINS}whitelist:\n{_PLUGINS}"
LAYOUT = "<html><body><nav>SITE-LAYOUT</nav>{{ content }}</body></html>\n"


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
    done = run_jekyll(root, root / "_site", [root / "_config.yml"], timeout=120)
    assert done.returncode == 0, f"jekyll build failed:\n{done.stdout}\n{done.stderr}"
    built = {}
    for rel in pages:
        stem = rel[:-3] if rel.endswith(".md") else rel
        html = root / "_site" / stem / "index.html"
        built[rel] = html.read_text(encoding="utf-8") if html.is_file() else ""
    return built
