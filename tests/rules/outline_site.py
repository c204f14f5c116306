"""A small multi-language site with a commented `_config.yml`, for the outline rule tests."""

from __future__ import annotations

from pathlib import Path

from conftest import write_site

CONFIG = """\
permalink: pretty
baseurl: '/site'
default_lang: 'en'

################################### English ####################################
prologues:
  - path: en/about.md
chapters:
  - path: en/week01/01.md
    sections:
      - path: en/week01/01-1.md
      - path: en/week01/01-2.md
      - path: en/week01/01-3.md
  - path: en/week02/02.md
    sections:
      - path: en/week02/02-1.md
  - path: en/week03/03.md

#################################### Korean ####################################
ko:
  title: '딥러닝'
  chapters:
    - path: ko/week01/01.md
      sections:
        - path: ko/week01/01-1.md
        - path: ko/week01/01-3.md
    - path: ko/week03/03.md

################################### Spanish ####################################
es:
  title: 'Aprendizaje Profundo'
"""

ENGLISH_PAGES = [
    "en/about.md",
    "en/week01/01.md",
    "en/week01/01-1.md",
    "en/week01/01-2.md",
    "en/week01/01-3.md",
    "en/week02/02.md",
    "en/week02/02-1.md",
    "en/week03/03.md",
]


def page(path: str) -> str:
    lang = path.split("/", 1)[0]
    ref = "ch." + path.rsplit("/", 1)[1][:-3]
    head = f"lang: {lang}\n" if lang != "en" else ""
    return f"---\n{head}lang-ref: {ref}\ntitle: {path}\n---\n\nText.\n"


def make_site(root: Path, pages: list[str], config: str = CONFIG) -> Path:
    files = {p: page(p) for p in ENGLISH_PAGES + pages}
    files["index.md"] = "---\nlayout: default\nlang-ref: home\ntitle: Home\n---\n"
    return write_site(root, files, config)


KO = ["ko/index.md", "ko/README-KO.md", "ko/week01/01.md", "ko/week01/01-1.md", "ko/week01/01-3.md", "ko/week03/03.md"]
