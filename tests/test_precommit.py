"""The pre-commit hooks, run by the real ``pre-commit`` tool against a small site in a git repository.

The hooks are ``language: python``: pre-commit makes a virtualenv and runs
``pip install .`` on this repository, as it will on a translator's machine.
To run offline (CI has no network at test time), pip is pointed at a local
folder of wheels built from the distributions installed in this test
environment (``PIP_NO_INDEX``/``PIP_FIND_LINKS``), and builds the package with
the setuptools that virtualenv seeds into the new environment
(``PIP_NO_BUILD_ISOLATION``). The hook repository is a snapshot of this
working tree committed to a temporary git repository, so the test sees the
code as it is on disk, committed or not.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from conftest import REPO
from packaging.requirements import Requirement

pytest.importorskip("pre_commit")

RUNTIME = ("click", "mistune", "beautifulsoup4", "pyyaml")  # dlc-lint's dependencies (pyproject.toml)
SNAPSHOT = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src")
IDENTITY = {
    "GIT_AUTHOR_NAME": "Translator",
    "GIT_AUTHOR_EMAIL": "translator@example.invalid",
    "GIT_COMMITTER_NAME": "Translator",
    "GIT_COMMITTER_EMAIL": "translator@example.invalid",
}

CONFIG = """\
baseurl: '/site'
chapters:
  - path: en/week01/01.md
    sections:
      - path: en/week01/01-1.md
ko:
  chapters:
    - path: ko/week01/01.md
      sections:
        - path: ko/week01/01-1.md
"""
ENGLISH = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\n## Plan\n\nDeep learning is fun. See [week 1](../01).\n"
KOREAN = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--## Plan-->\n## 계획\n\n<!--Deep learning is fun. See [week 1](../01).-->\n"
    "딥러닝은 재미있다. [1주차](../01)를 보라.\n"
)
SITE = {
    "docs/_config.yml": CONFIG,
    "docs/en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n\n## Week 1\n",
    "docs/en/week01/01-1.md": ENGLISH,
    "docs/ko/week01/01.md": (
        "---\nlang-ref: ch.01\ntitle: 1주차\nlang: ko\ntranslator: A\n"
        "translation-date: 1 Jan 2020\n---\n\n<!--## Week 1-->\n## 1주차\n"
    ),
    "docs/ko/week01/01-1.md": KOREAN,
    "docs/index.md": "---\nlayout: default\nlang-ref: home\ntitle: Home\n---\n\nWelcome.\n",
    # Not a page of the site: the hooks must leave it alone, BOM and all.
    "README.md": "\ufeff# Course notes\n",
}


# -- an offline package index ---------------------------------------------------------------


def _closure(names) -> dict[str, metadata.Distribution]:
    found: dict[str, metadata.Distribution] = {}
    stack = list(names)
    while stack:
        name = stack.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        dist = metadata.distribution(name)
        found[key] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                stack.append(requirement.name)
    return found


def _wheel_from_installed(dist: metadata.Distribution, folder: Path) -> Path:
    """Pack an installed distribution back into a wheel (its files as installed, tagged for this interpreter)."""
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    info = f"{name}-{dist.version}.dist-info"
    target = folder / f"{name}-{dist.version}-py3-none-any.whl"
    base = Path(dist.locate_file(""))
    records = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in dist.files or []:
            rel = file.as_posix()
            parts = rel.split("/")
            if rel.startswith("..") or "__pycache__" in parts:
                continue
            if parts[0].endswith(".dist-info"):
                if parts[-1] in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json", "WHEEL"):
                    continue
                rel = "/".join([info, *parts[1:]])
            data = (base / file).read_bytes()
            archive.writestr(rel, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            records.append(f"{rel},sha256={digest},{len(data)}")
        archive.writestr(
            f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: dlc-lint tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        records += [f"{info}/WHEEL,,", f"{info}/RECORD,,"]
        archive.writestr(f"{info}/RECORD", "\n".join(records) + "\n")
    return target


def git(cwd: Path, *args: str, env=None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env)
    assert done.returncode == 0, f"git {' '.join(args)} failed: {done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> dict:
    """Environment for pre-commit: no network, a local wheel folder, a private pre-commit cache."""
    root = tmp_path_factory.mktemp("pre-commit")
    wheels = root / "wheels"
    wheels.mkdir()
    for dist in _closure(RUNTIME).values():
        _wheel_from_installed(dist, wheels)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PRE_COMMIT", "GIT_", "VIRTUALENV_"))}
    env.update(IDENTITY)
    env.update(
        {
            "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(wheels),
            "PIP_NO_BUILD_ISOLATION": "0",  # "0" turns isolation off: build with the seeded setuptools
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
            "PRE_COMMIT_HOME": str(root / "cache"),
            "PRE_COMMIT_COLOR": "never",
            # pre-commit and dlc-lint from this test environment on PATH, as after `pip install pre-commit`
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        }
    )
    return env


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, offline) -> tuple[Path, str]:
    """This working tree's package, committed to a temporary repository (pre-commit needs a commit)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in SNAPSHOT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "dlc-lint", env=offline)
    return repo, git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def site_repo(tmp_path, offline) -> Path:
    """A documentation repository with a clean two-language site in docs/."""
    for path, text in SITE.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "site", env=offline)
    return tmp_path


def run(cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_hooks_file_declares_both_hooks():
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(REPO / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"dlc-lint", "dlc-lint-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"]
        pattern = re.compile(hook["files"])
        assert pattern.search("docs/ko/week01/01-1.md") and pattern.search("docs/_config.yml")
        assert not pattern.search("docs/_config.yml.bak") and not pattern.search("docs/images/a.png")
    assert "--fix" in hooks["dlc-lint-fix"]["entry"] and "--fix" not in hooks["dlc-lint"]["entry"]
    assert all("--changed" in hook["entry"].split() for hook in hooks.values())


def test_try_repo_refuses_a_staged_defect_with_a_readable_message(site_repo, hook_repo, offline):
    repo, _ = hook_repo
    page = site_repo / "docs/ko/week01/01-1.md"
    page.write_bytes(b"\n" + page.read_bytes())  # a blank line slipped in above the front matter
    git(site_repo, "add", "docs/ko/week01/01-1.md")

    done = run(site_repo, offline, "pre-commit", "try-repo", str(repo), "dlc-lint")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "dlc-lint (translated pages)" in output and "Failed" in output
    assert re.search(
        r"^docs/ko/week01/01-1\.md:2:1: DLC101 front-matter-hidden the file starts with 1 blank line\(s\) "
        r"before `---`, so Jekyll does not see the front matter",
        output,
        re.M,
    ), output
    assert "README.md:" not in output  # not a page of the site: skipped, though it has a BOM


def test_commit_is_refused_then_fixed_by_the_fixing_hook_then_passes(site_repo, hook_repo, offline):
    repo, rev = hook_repo
    (site_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: dlc-lint-fix\n",
        encoding="utf-8",
    )
    git(site_repo, "add", ".pre-commit-config.yaml")
    done = run(site_repo, offline, "pre-commit", "install")
    assert done.returncode == 0, done.stdout + done.stderr

    # A page that is not UTF-8: no fix exists, the commit is refused with the reason.
    broken = site_repo / "docs/ko/week01/01.md"
    original = broken.read_bytes()
    broken.write_bytes(original.replace("1주차".encode(), "1주차".encode("euc-kr"), 1))
    git(site_repo, "add", "-A")
    done = run(site_repo, offline, "git", "commit", "-m", "[KR] week 1")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert re.search(
        r"^docs/ko/week01/01\.md:\d+:\d+: DLC003 undecodable-bytes byte 0x[0-9A-F]{2} is not "
        r"UTF-8; the page must be saved as UTF-8",
        output,
        re.M,
    ), output
    assert broken.read_bytes() == original.replace("1주차".encode(), "1주차".encode("euc-kr"), 1)
    broken.write_bytes(original)
    git(site_repo, "add", "-A")

    # A fixable defect: the fixing hook repairs the page and refuses this commit (files changed) ...
    page = site_repo / "docs/ko/week01/01-1.md"
    page.write_bytes(b"\r\n\r\n" + page.read_bytes().replace(b"\n", b"\r\n"))  # blank lines, Windows newlines
    git(site_repo, "add", "-A")
    done = run(site_repo, offline, "git", "commit", "-m", "[KR] week 1")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "files were modified by this hook" in output and "Fixed 1 finding" in output, output
    assert page.read_bytes() == KOREAN.replace("\n", "\r\n").encode()  # only the blank lines went

    # ... and once the translator stages the fix, the commit goes through.
    git(site_repo, "add", "-A")
    done = run(site_repo, offline, "git", "commit", "-m", "[KR] week 1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "dlc-lint --fix (translated pages)" in done.stdout + done.stderr
    assert git(site_repo, "log", "-1", "--format=%s").strip() == "[KR] week 1"
    assert git(site_repo, "status", "--porcelain") == ""


# An old page: four findings nobody staged today.
OLD_DEFECTS = "\n[2주차](../week02/02-1)\n\n[3주차](../week03/03-1)\n\n<centrer>그림</centrer>\n"


@pytest.mark.parametrize("hook", ["dlc-lint", "dlc-lint-fix"])
def test_on_an_old_page_only_the_commits_own_findings_count(site_repo, hook_repo, offline, hook):
    repo, rev = hook_repo
    page = site_repo / "docs/ko/week01/01-1.md"
    page.write_text(KOREAN + OLD_DEFECTS + "\n[4주차](../week04/04-1)\n", encoding="utf-8")
    git(site_repo, "commit", "-q", "-am", "years of translation", env=offline)  # before the hook existed
    done = run(site_repo, offline, "dlc-lint", "check", "--no-color", "docs/ko/week01/01-1.md")
    assert done.returncode == 1 and "Found 5 findings" in done.stdout, done.stdout + done.stderr

    (site_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n", encoding="utf-8"
    )
    git(site_repo, "add", ".pre-commit-config.yaml")
    assert run(site_repo, offline, "pre-commit", "install").returncode == 0

    # Fixing one line of the old page: the four findings left on it are not this commit's.
    page.write_text(KOREAN + OLD_DEFECTS + "\n[1주차](../01)\n", encoding="utf-8")
    git(site_repo, "add", "-A")
    done = run(site_repo, offline, "git", "commit", "-m", "[KR] fix the week 4 link")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output and "DLC401" not in output and "DLC601" not in output, output

    # Adding a defect: refused, with that finding and only that one.
    page.write_text(page.read_text(encoding="utf-8") + "\n[5주차](../week05/05-1)\n", encoding="utf-8")
    git(site_repo, "add", "-A")
    done = run(site_repo, offline, "git", "commit", "-m", "[KR] a link to week 5")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    findings = re.findall(r"^docs/\S+:\d+:\d+: DLC\d+ .*$", output, re.M)
    assert len(findings) == 1, output
    assert re.match(r"docs/ko/week01/01-1\.md:23:7: DLC401 broken-link `\.\./week05/05-1` leads to ", findings[0])
    assert git(site_repo, "log", "-1", "--format=%s").strip() == "[KR] fix the week 4 link"
