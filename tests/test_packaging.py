"""The wheel carries the shipped glossaries, and an installed (non-editable) dlc-lint finds them.

The glossaries live in the repository's top-level ``glossary/`` folder; the build maps
them into the wheel as ``dlc_lint/glossaries/``. An editable install reads the
top-level folder; these tests check the other case, the one users get from PyPI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.name for p in (REPO / "glossary").glob("*.yml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the checkout (so no ``build/`` folder is left in it)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for name in ("src", "glossary"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if built.returncode != 0 and not os.environ.get("CI") and "No matching distribution" in built.stderr:
        pytest.skip("pip cannot reach a package index to fetch the build backend")
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("dlc_lint-*.whl")
    return found


def test_wheel_contains_every_shipped_glossary(wheel):
    assert SHIPPED, "the repository ships no glossary"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for name in SHIPPED:
        assert f"dlc_lint/glossaries/{name}" in names
        assert archive_bytes(wheel, f"dlc_lint/glossaries/{name}") == (REPO / "glossary" / name).read_bytes()
    assert not any(n.startswith("glossary/") for n in names), "the data folder must not become a top-level package"


def test_installed_package_finds_its_glossaries(wheel, tmp_path):
    target = tmp_path / "site-packages"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    probe = (
        "import json, dlc_lint\n"
        "from dlc_lint.shipped import glossary_folder\n"
        "from dlc_lint.glossary import load_glossary, shipped_languages, shipped_path\n"
        "print(json.dumps({'package': dlc_lint.__file__, 'folder': str(glossary_folder()),\n"
        "  'languages': shipped_languages(), 'ko': len(load_glossary(shipped_path('ko')).entries)}))\n"
    )
    # The wheel's copy comes first on the path; the libraries come from this environment.
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert Path(facts["package"]).is_relative_to(target)
    assert Path(facts["folder"]) == target / "dlc_lint" / "glossaries"
    assert facts["languages"] == [name[:-4] for name in SHIPPED]
    from dlc_lint.glossary import load_glossary

    assert facts["ko"] == len(load_glossary(REPO / "glossary" / "ko.yml").entries) > 0


def archive_bytes(wheel: Path, name: str) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(name)
