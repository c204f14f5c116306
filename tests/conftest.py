"""Shared test helpers: tiny sites on disk, a one-call linter, the real corpus."""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "pytorch-Deep-Learning" / "docs"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

# The tests never read or fill the user's cache: the session has one of its own (subprocesses inherit it).
os.environ["DLC_LINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="dlc-lint-test-cache-")
atexit.register(shutil.rmtree, os.environ["DLC_LINT_CACHE_DIR"], ignore_errors=True)

CONFIG = """\
permalink: pretty
baseurl: '/site'
default_lang: 'en'
chapters:
  - path: en/week01/01.md
    sections:
      - path: en/week01/01-1.md
ko:
  title: '딥러닝'
  chapters:
    - path: ko/week01/01.md
      sections:
        - path: ko/week01/01-1.md
"""

ENGLISH = """\
---
lang-ref: ch.01-1
title: Motivation
lecturer: Yann LeCun
---

## Course plan

Deep learning is fun.
"""

# A Korean translation of ENGLISH, and the same in Japanese, for tests of the cache (several folders).
KOREAN = """\
---
lang-ref: ch.01-1
title: 동기
lang: ko
translator: A
translation-date: 1 Jan 2020
---

<!--
## Course plan
-->
## 강의 계획

<!--
Deep learning is fun.
-->
딥러닝은 재미있다. [링크](/ko/week09/)
"""
JAPANESE = (
    KOREAN.replace("lang: ko", "lang: ja").replace("강의 계획", "コース計画").replace("딥러닝은 재미있다.", "楽しい。")
)
WEEK = "---\nlang-ref: ch.01\ntitle: W\nlang: {lang}\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"


def corpus_or_skip() -> Path:
    """The real corpus; a test may skip without it, but never in CI."""
    if CORPUS.is_dir():
        return CORPUS
    if os.environ.get("CI"):
        pytest.fail(f"the corpus is missing at {CORPUS}; CI must have ../shared")
    pytest.skip(f"the real corpus is not at {CORPUS}")


@pytest.fixture
def corpus() -> Path:
    return corpus_or_skip()


def write_site(root: Path, files: dict[str, str | bytes], config: str | None = CONFIG) -> Path:
    """Write a small site under ``root``; ``config=None`` leaves out ``_config.yml``."""
    if config is not None:
        (root / "_config.yml").write_text(config, encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8")
    return root


def lint_site(root: Path, targets: list[str] | None = None, select: tuple[str, ...] = (), **settings):
    """Lint ``targets`` (site paths, default: the whole site) and return the findings."""
    from dlc_lint.config import Settings
    from dlc_lint.engine.run import lint

    old = Path.cwd()
    os.chdir(root)
    try:
        paths = [Path(t) for t in (targets or ["."])]
        result = lint(paths, Settings(select=select, **settings), debug=True)
    finally:
        os.chdir(old)
    return result.findings


def check_page(
    tmp_path: Path,
    text: str | bytes,
    *,
    path: str = "ko/week01/01-1.md",
    select=(),
    english: str = ENGLISH,
    extra: dict | None = None,
    config: str | None = CONFIG,
):
    """Lint one translated page in a minimal site with its English counterpart.

    Returns ``[(code, line, column)]`` for quick assertions; see ``findings_of`` for full findings.
    """
    files = {
        "en/week01/01-1.md": english,
        "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n",
        "ko/week01/01.md": "---\nlang-ref: ch.01\ntitle: 1주차\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n",
        "index.md": "---\nlayout: default\nlang-ref: home\ntitle: Home\n---\n",
        path: text,
    }
    files.update(extra or {})
    write_site(tmp_path, files, config)
    findings = lint_site(tmp_path, [path], select=tuple(select))
    return [(f.code, f.line, f.column) for f in findings]


def findings_of(tmp_path: Path, text, **kwargs):
    """Like ``check_page`` but returns the Finding objects."""
    path = kwargs.get("path", "ko/week01/01-1.md")
    check_page(tmp_path, text, **kwargs)
    return lint_site(tmp_path, [path], select=tuple(kwargs.get("select", ())))


@pytest.fixture
def recorded_git(tmp_path) -> tuple[dict[str, str], Path]:
    """A PATH whose `git` logs its arguments (one call a line, NUL-separated) and runs the real git."""
    real = shutil.which("git")
    assert real is not None
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "git-calls.log"
    script = folder / "git"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        f"with open({str(log)!r}, 'a') as handle:\n"
        "    handle.write('\\0'.join(sys.argv[1:]) + '\\n')\n"
        f"os.execv({real!r}, [{real!r}, *sys.argv[1:]])\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, log
