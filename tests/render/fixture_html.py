"""The HTML kramdown gives for each page of fixtures/renderer, checked in next to it (`case.md` + `case.html`).

`python tests/render/fixture_html.py` rebuilds the fixtures and rewrites the `.html` files; the
differential test rebuilds them and fails when one differs, so each file is a proof, not a note.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import render_build

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "renderer"


def cases() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.md") if p.parent != ROOT)


def fragment(body: str) -> str:
    """The body as compared: trailing spaces and blank edges dropped, one final newline."""
    return "\n".join(line.rstrip() for line in body.strip("\n").split("\n")) + "\n"


def expected(case: Path) -> Path:
    return case.with_suffix(".html")


def main() -> None:  # pragma: no cover - a maintenance tool
    build = render_build.build(ROOT, Path(tempfile.mkdtemp()))
    for case in cases():
        rel = case.relative_to(ROOT).as_posix()
        page = build.pages.get(rel)
        target = expected(case)
        if page is None:
            target.write_text("<!-- not a page: Jekyll with the GitHub Pages plugins does not build it -->\n")
        else:
            target.write_text(fragment(page.body), encoding="utf-8")
        print(rel, "->", target.relative_to(ROOT))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
