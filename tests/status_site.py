"""A small site for ``dlc-lint status``: English weeks 1 and 2, a Korean translation with one outdated page
and one missing, a French one with a single page."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import write_site

CONFIG = """\
permalink: pretty
baseurl: '/site'
default_lang: 'en'
"""

EN = {
    "index.md": "---\nlayout: default\nlang-ref: home\ntitle: Home\n---\n\nWelcome.\n",
    "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n\n## Lecture part A\n\nWe discuss motivation.\n",
    "en/week01/01-1.md": "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\nDeep learning uses the standard deviation.\n",
    "en/week02/02.md": "---\nlang-ref: ch.02\ntitle: Week 2\n---\n\n## Lecture part A\n\nWe discuss gradients.\n",
}


def ko(ref: str, body: str) -> str:
    return f"---\nlang-ref: {ref}\ntitle: 제목\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n{body}"


TRANSLATIONS = {
    "ko/index.md": "---\nlayout: default\nlang-ref: home\nlang: ko\ntitle: 홈\n---\n\n환영합니다.\n",
    "ko/week01/01.md": ko(
        "ch.01", "<!-- ## Lecture part A -->\n## 강의 A\n\n<!-- We discuss motivation. -->\n동기를 논의한다.\n"
    ),
    "ko/week01/01-1.md": ko("ch.01-1", "<!-- Deep learning uses the variance. -->\n딥러닝은 분산을 쓴다.\n"),
    "fr/week01/01-1.md": ko("ch.01-1", "<!-- Deep learning uses the standard deviation. -->\nL'écart type.\n").replace(
        "lang: ko", "lang: fr"
    ),
}


def make_status_site(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    return write_site(root, {**EN, **TRANSLATIONS}, CONFIG)


def run_status(root: Path, *args: str):
    from click.testing import CliRunner

    from dlc_lint.cli.main import cli

    old = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, ["status", *args], catch_exceptions=False)
    finally:
        os.chdir(old)
