"""A hostile cache folder: planted files must never run code, lose findings or crash a rule.

dlc-lint keeps findings and folder statistics in a cache folder that may be shared (a CI cache
restored from another job, a home folder on a shared machine). Someone who can write there could
plant a pickle (reading one runs the code it names) or an entry of the wrong shape (on main: 19
findings silently lost, or a DLC001 crash). Entries are plain JSON with a checksum, checked against
their declared shape; anything else is a miss and the page is linted again.
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from dlc_lint.config import Settings
from dlc_lint.engine import store, workers
from dlc_lint.engine.run import lint
from tests.conftest import CONFIG, ENGLISH, KOREAN, write_site

KO = KOREAN.replace("(/ko/week09/)\n", "(/ko/week09/) [둘](/ko/week08/)\n")


class Planted:
    """Unpickling this creates the marker file: proof that planted code ran."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    root = write_site(
        tmp_path / "docs",
        {
            "en/week01/01-1.md": ENGLISH,
            "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n",
            "ko/week01/01.md": "---\nlang-ref: ch.01\ntitle: W\nlang: ko\n---\n",
            "ko/week01/01-1.md": KO,
        },
        CONFIG,
    )
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    return root


def findings():
    return lint([Path("docs")], Settings()).findings


def entries(tmp_path: Path) -> list[Path]:
    found = sorted((tmp_path / "cache").rglob("*.json"))
    assert found, "the first run stores entries"
    return found


def test_a_planted_pickle_runs_no_code(site, tmp_path):
    fresh = findings()
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Planted(marker))
    for path in entries(tmp_path):
        path.write_bytes(payload)  # in place of every entry
        path.with_suffix(".pickle").write_bytes(payload)  # and under the names of the old format
    header = store.MAGIC + f" {store.FORMAT} ".encode()
    for path in entries(tmp_path):  # a pickle behind a header of the right format
        path.write_bytes(header + store._checksum(payload).encode() + b"\n" + payload)
    again = findings()
    assert not marker.exists()
    assert again == fresh and not [f for f in again if f.code == "DLC001"]


@pytest.mark.parametrize(
    "value",
    [
        {"findings": [{"path": "x"}], "has_directives": False},  # findings without their fields
        {"findings": [], "has_directives": "no"},
        {"findings": "DLC401", "has_directives": False},
        [1, 2, 3],
        None,
    ],
)
def test_an_entry_of_the_wrong_shape_is_a_miss(site, tmp_path, value):
    fresh = findings()
    assert any(f.code == "DLC401" for f in fresh)
    for path in entries(tmp_path):
        document = json.loads(path.read_bytes().partition(b"\n")[2])
        document["value"] = value  # a sound header and checksum around a value of another shape
        body = json.dumps(document).encode()
        path.write_bytes(store.MAGIC + f" {store.FORMAT} {store._checksum(body)}\n".encode() + body)
    again = findings()
    assert again == fresh  # nothing lost, no crash
    assert not [f for f in again if f.code == "DLC001"]


def test_an_entry_copied_under_another_key_is_a_miss(site, tmp_path):
    fresh = findings()
    found = [p for p in entries(tmp_path) if p.parent.name == "findings"]
    empty = min(found, key=lambda p: p.stat().st_size)  # a page without findings
    for path in found:
        if path != empty:
            path.write_bytes(empty.read_bytes())
    assert findings() == fresh


def test_dlc_lint_jobs_is_capped_at_the_cpu_count(monkeypatch):
    monkeypatch.setenv("DLC_LINT_JOBS", "99999")
    assert workers.jobs_wanted() == workers.usable_cpus() <= (os.cpu_count() or 1)
    monkeypatch.setenv("DLC_LINT_JOBS", "-5")
    assert workers.jobs_wanted() == 1
