"""The real corpus end to end through the installed command: no crash, no internal error, the JSON contract.

Two runs over the whole ``docs/`` tree, one split over worker processes with an empty on-disk
cache and one in a single process with another hash seed reading that cache, must print the same
bytes. Then every file of the tree (images,
HTML and all) is named on the command line, as a careless ``dlc-lint docs/**/*`` would.
"""

from __future__ import annotations

import json

from test_bad_input import command, run  # noqa: F401 - the same runner: fails on any traceback

REQUIRED = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message"}


def check_contract(stdout: str) -> list[dict]:
    payload = json.loads(stdout)
    assert set(payload) >= {"findings", "summary"}
    found = payload["findings"]
    for finding in found:
        assert set(finding) >= REQUIRED, finding
        assert finding["code"] != "DLC001", finding["message"]  # internal error: a rule crashed
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert (finding["end_line"], finding["end_column"]) >= (finding["line"], finding["column"])
        assert finding["severity"] in ("error", "warning", "info")
        assert "\\" not in finding["path"] and not finding["path"].startswith("/")
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in found]
    assert keys == sorted(keys)
    return found


def test_whole_tree_json_contract_and_same_bytes_twice(corpus, tmp_path):
    site = corpus.parent
    cache = str(tmp_path / "cache")  # the first run computes and stores, the second reads the stored results
    first = run(["--isolated", "--format", "json", corpus.name], site, timeout=600, DLC_LINT_CACHE_DIR=cache)
    second = run(
        ["--isolated", "--format", "json", corpus.name],
        site,
        timeout=600,
        DLC_LINT_CACHE_DIR=cache,
        DLC_LINT_JOBS="1",
        PYTHONHASHSEED="12345",
    )
    assert first.returncode == 1  # the corpus has real defects
    assert first.stdout == second.stdout
    found = check_contract(first.stdout)
    assert {f["path"].split("/")[1] for f in found} >= {"ko", "tr", "ru"}
    assert any(f["path"] == "docs/ko/week11/11.md" and f["code"] == "DLC101" for f in found)  # the BOM


def test_every_file_of_the_tree_named_one_by_one(corpus):
    site = corpus.parent
    files = sorted(p.relative_to(site).as_posix() for p in corpus.rglob("*") if p.is_file() or p.is_symlink())
    assert len(files) > 538
    done = run(["--isolated", "--format", "json", *files], site, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    check_contract(done.stdout)
