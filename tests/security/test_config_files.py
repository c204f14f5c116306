"""Hostile settings and site files: a pull request may change `_config.yml`, `pyproject.toml` and glossaries.

Defends against: a `_config.yml` that is a list or a single value (silently no outline
checks at all); settings of the wrong type (`exclude = 3`, `glossary = [true]`,
`site-root = 3`, `source-lang = ["en"]`) and a `pyproject.toml` that is not UTF-8, which
crashed with a traceback and exit 1 instead of a usage error (exit 2) naming the key;
`glossary = "/dev/zero"`, a FIFO or a huge file, read without limit (24 GB, then killed): now
an invalid-glossary finding (DLC305); a page or `_config.yml` like it is an unreadable file (DLC002).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest
from conftest import CONFIG, write_site
from hostile import FILES, json_findings, run


@pytest.mark.parametrize(
    ("config", "what"), [("- a\n- b\n", "a list"), ('"just a string"\n', "just a string"), ("42\n", "`42`")]
)
def test_a_config_that_is_not_settings_is_a_config_syntax_error(tmp_path, config, what):
    write_site(tmp_path, FILES, config)
    done = run(["--format", "json", "."], tmp_path)
    found = [f for f in json_findings(done) if f["code"] == "DLC506"]
    assert done.returncode == 1 and len(found) == 1, done.stdout
    assert (found[0]["path"], found[0]["line"], found[0]["column"]) == ("_config.yml", 1, 1)
    assert what in found[0]["message"] and "INVALID" in found[0]["message"]


def test_an_empty_config_is_fine(tmp_path):
    write_site(tmp_path, FILES, "")
    assert not [f for f in json_findings(run(["--format", "json", "."], tmp_path)) if f["code"] == "DLC506"]


@pytest.mark.skipif(shutil.which("jekyll") is None and not os.environ.get("CI"), reason="jekyll is not installed")
def test_jekyll_builds_a_list_config_with_its_defaults(tmp_path):
    """What the DLC506 message above says, seen from Jekyll itself."""
    (tmp_path / "_config.yml").write_text("- baseurl: /site\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("---\n---\n[x]({{ site.baseurl }}/a)\n", encoding="utf-8")
    done = subprocess.run(["jekyll", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert "Configuration file: (INVALID)" in done.stdout + done.stderr
    assert 'href="/a"' in (tmp_path / "_site" / "index.html").read_text(encoding="utf-8")  # no baseurl


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ("exclude = 3", "exclude"),
        ("exclude = [1, 2]", "exclude"),
        ("glossary = 3", "glossary"),
        ("glossary = [true]", "glossary"),
        ("site-root = 3", "site-root"),
        ('site-root = ["docs"]', "site-root"),
        ("source-lang = 3", "source-lang"),
        ('source-lang = ["en"]', "source-lang"),
        ('source-lang = "../en"', "source-lang"),
    ],
)
def test_a_setting_of_the_wrong_type_is_a_usage_error_naming_the_key(tmp_path, setting, key):
    write_site(tmp_path, FILES)
    (tmp_path / "pyproject.toml").write_text(f"[tool.dlc-lint]\n{setting}\n", encoding="utf-8")
    done = run(["."], tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"`{key}`" in done.stderr.decode()


@pytest.mark.parametrize("content", [b"# \xff dlc-lint\n[tool.dlc-lint]\n", b'[tool.dlc-lint]\nexclude = ["\xff"]\n'])
def test_a_settings_file_that_is_not_utf8_is_a_usage_error(tmp_path, content):
    write_site(tmp_path, FILES)
    (tmp_path / "pyproject.toml").write_bytes(content)
    done = run(["."], tmp_path)
    assert done.returncode == 2
    assert "pyproject.toml" in done.stderr.decode() and "UTF-8" in done.stderr.decode()


@pytest.mark.parametrize("glossary", ["/dev/zero", "fifo.yml", "huge.yml"])
def test_a_glossary_that_never_ends_is_refused_quickly(tmp_path, glossary):
    write_site(tmp_path, FILES)
    if glossary == "fifo.yml":
        os.mkfifo(tmp_path / glossary)  # nobody writes to it: an open() without care blocks forever
    elif glossary == "huge.yml":
        with open(tmp_path / glossary, "wb") as handle:
            handle.truncate(1 << 40)  # a sparse terabyte: reading it whole would never end
    (tmp_path / "pyproject.toml").write_text(f'[tool.dlc-lint]\nglossary = "{glossary}"\n', encoding="utf-8")
    start = time.perf_counter()
    for cache in ("1", ""):  # the cache key reads the glossary too
        done = run(["--format", "json", "."], tmp_path, timeout=30, DLC_LINT_NO_CACHE=cache)
        found = [f for f in json_findings(done) if f["code"] == "DLC305"]
        assert len(found) == 1 and found[0]["path"].endswith(glossary.lstrip("/")), done.stdout
        assert "regular file" in found[0]["message"] or "larger than" in found[0]["message"]
    assert time.perf_counter() - start < 10


def test_a_config_that_is_a_device_or_huge_is_a_finding(tmp_path):
    write_site(tmp_path, FILES, None)
    with open(tmp_path / "_config.yml", "wb") as handle:
        handle.truncate(1 << 40)
    start = time.perf_counter()
    found = [f for f in json_findings(run(["--format", "json", "."], tmp_path, timeout=30)) if f["code"] == "DLC002"]
    assert time.perf_counter() - start < 10
    assert [f["path"] for f in found] == ["_config.yml"] and "larger" in found[0]["message"]


def test_a_page_that_is_a_fifo_is_an_unreadable_file(tmp_path):
    write_site(tmp_path, FILES, CONFIG)
    os.mkfifo(tmp_path / "ko" / "week01" / "01-2.md")
    found = json_findings(run(["--format", "json", "ko/week01/01-2.md"], tmp_path, timeout=30))
    assert [(f["code"], f["path"]) for f in found if f["code"] == "DLC002"] == [("DLC002", "ko/week01/01-2.md")]


def test_a_findings_report_that_never_ends_is_refused(tmp_path):
    write_site(tmp_path, FILES)
    done = run(["status", "--findings", "/dev/zero", "."], tmp_path, timeout=30)
    assert done.returncode == 2 and b"regular file" in done.stderr
