"""The findings cache: a page is replayed only while nothing its checks read has changed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dlc_lint.config import Settings, is_enabled
from dlc_lint.engine import run as engine
from dlc_lint.engine.run import lint
from tests.conftest import CONFIG, ENGLISH, WEEK, write_site
from tests.conftest import JAPANESE as JA
from tests.conftest import KOREAN as KO

CONFIG_JA = (
    CONFIG
    + """\
ja:
  title: 'ディープラーニング'
  chapters:
    - path: ja/week01/01.md
      sections:
        - path: ja/week01/01-1.md
"""
)


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    root = write_site(
        tmp_path / "docs",
        {
            "en/week01/01-1.md": ENGLISH,
            "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n",
            "ko/week01/01.md": WEEK.format(lang="ko"),
            "ko/week01/01-1.md": KO,
            "ja/week01/01.md": WEEK.format(lang="ja"),
            "ja/week01/01-1.md": JA,
            "index.md": "---\nlayout: default\nlang-ref: home\ntitle: Home\n---\n",
        },
        CONFIG_JA,
    )
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    return root


@pytest.fixture
def linted(monkeypatch):
    """The site paths whose checks ran (not replayed), per lint call."""
    calls: list[str] = []
    original = engine._lint_page

    def spy(target, *args, **kwargs):
        calls.append(target.site_path)
        return original(target, *args, **kwargs)

    monkeypatch.setattr(engine, "_lint_page", spy)
    return calls


def run(paths=("docs",), **settings):
    findings = lint([Path(p) for p in paths], Settings(**settings)).findings
    assert not [f for f in findings if f.code == "DLC001"], "a rule crashed"
    return findings


def pages(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def test_a_second_run_replays_every_page_with_the_same_findings(site, linted):
    first = run()
    assert sorted(linted) == pages(site) and any(f.code == "DLC401" for f in first)  # /ko/week09/ is a 404
    linted.clear()
    assert run() == first
    assert linted == []


def test_editing_a_korean_page_relints_that_page_while_its_folder_statistics_hold(site, linted):
    run()
    linted.clear()
    page = site / "ko/week01/01-1.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("[링크](/ko/week09/)", "[링크](/ko/week01/01/)"), encoding="utf-8"
    )
    after = run()
    assert sorted(linted) == ["ko/week01/01-1.md"]  # the folder's glossary usage is the same
    assert not any(f.code == "DLC401" and f.path.startswith("docs/ko") for f in after)  # the fix is seen
    assert any(f.code == "DLC401" and f.path.startswith("docs/ja") for f in after)  # replayed, still there
    assert after == lint([Path("docs")], Settings(), use_cache=False).findings


def test_an_edit_that_changes_the_folder_statistics_relints_the_folder(site, linted):
    run()
    linted.clear()
    page = site / "ko/week01/01-1.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n<!--\nThe output layer.\n-->\n출력 레이어.\n", encoding="utf-8"
    )
    after = run()
    assert sorted(linted) == ["ko/week01/01-1.md", "ko/week01/01.md"]  # a glossary term: the usage changed
    assert after == lint([Path("docs")], Settings(), use_cache=False).findings


def test_a_page_that_reads_another_page_of_its_folder_is_keyed_on_the_folder(site, linted, monkeypatch):
    original = engine._lint_page

    def reads_a_sibling(target, site_, *args, **kwargs):
        if target.site_path == "ko/week01/01.md":
            site_.source("ko/week01/01-1.md")
        return original(target, site_, *args, **kwargs)

    monkeypatch.setattr(engine, "_lint_page", reads_a_sibling)
    run(["docs/ko"])
    monkeypatch.setattr(engine, "_lint_page", original)
    linted.clear()
    page = site / "ko/week01/01-1.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n한 문장 더.\n", encoding="utf-8")
    run(["docs/ko"])
    assert sorted(linted) == ["ko/week01/01-1.md", "ko/week01/01.md"]


def test_editing_the_english_page_relints_every_translation(site, linted):
    run()
    linted.clear()
    (site / "en/week01/01-1.md").write_text(ENGLISH.replace("is fun", "is great fun"), encoding="utf-8")
    run()
    assert sorted(linted) == pages(site)


def test_front_matter_is_site_wide_the_rest_of_a_page_is_not(site, linted):
    run()
    linted.clear()
    ja = site / "ja/week01/01-1.md"
    ja.write_text(ja.read_text(encoding="utf-8") + "\n더 많은 텍스트.\n", encoding="utf-8")  # body only
    run(["docs/ko"])
    assert linted == []
    ja.write_text(ja.read_text(encoding="utf-8").replace("lang-ref: ch.01-1", "lang-ref: ch.01-2"), encoding="utf-8")
    run(["docs/ko"])
    assert sorted(linted) == ["ko/week01/01-1.md", "ko/week01/01.md"]


def test_settings_the_working_folder_and_the_file_list_are_part_of_the_key(site, linted):
    run()
    linted.clear()
    only_links = run(select=("DLC4",))
    assert linted and {f.code[:4] for f in only_links} <= {"DLC4", "DLC0"}
    linted.clear()
    os.chdir(site)
    from_inside = run(["."])
    assert linted and all(not f.path.startswith("docs/") for f in from_inside)
    linted.clear()
    (site / "ko/week09").mkdir()
    (site / "ko/week09/index.md").write_text(WEEK.format(lang="ko"), encoding="utf-8")
    after = run(["ko/week01/01-1.md"])
    assert linted == ["ko/week01/01-1.md"]  # a new file: every key changed
    assert not any(f.code == "DLC401" for f in after)  # /ko/week09/ exists now


def test_a_page_whose_checks_read_another_language_is_not_stored(site, linted, monkeypatch):
    original = engine._lint_page

    def reads_japanese(target, site_, *args, **kwargs):
        found = original(target, site_, *args, **kwargs)
        if target.site_path == "ko/week01/01-1.md":
            site_.page("ja/week01/01-1.md")  # a check that reads outside the page's key
        return found

    monkeypatch.setattr(engine, "_lint_page", reads_japanese)
    run(["docs/ko"])
    monkeypatch.setattr(engine, "_lint_page", original)
    linted.clear()
    run(["docs/ko"])
    assert linted == ["ko/week01/01-1.md"]


def test_a_page_checked_against_git_history_is_not_stored(site, linted, monkeypatch):
    original = engine._lint_page

    def asks_git(target, site_, *args, **kwargs):
        site_.used_git_history()
        return original(target, site_, *args, **kwargs)

    monkeypatch.setattr(engine, "_lint_page", asks_git)
    run(["docs/ko"])
    monkeypatch.setattr(engine, "_lint_page", original)
    linted.clear()
    run(["docs/ko"])
    assert sorted(linted) == ["ko/week01/01-1.md", "ko/week01/01.md"]


def test_broken_entries_and_no_cache_mean_linting_again(site, linted, monkeypatch, tmp_path):
    first = run()
    for entry in (tmp_path / "cache" / "findings").iterdir():
        entry.write_bytes(b"not an entry")
    linted.clear()
    assert run() == first and sorted(linted) == pages(site)
    monkeypatch.setenv("DLC_LINT_NO_CACHE", "1")
    linted.clear()
    assert run() == first and sorted(linted) == pages(site)


def test_replayed_pages_can_be_fixed(site):
    page = site / "ko/week01/01-1.md"
    page.write_text(KO.replace("translation-date", "translation date"), encoding="utf-8")
    first = run(["docs/ko"])
    assert any(f.code == "DLC114" for f in first)
    result = lint([Path("docs/ko")], Settings())  # replayed
    display = "docs/ko/week01/01-1.md"
    assert result.sources[display].text == page.read_text(encoding="utf-8")
    from dlc_lint.cli.check import apply_fixes

    result, fixed = apply_fixes(result, [Path("docs/ko")], Settings())
    assert fixed >= 1 and "translation-date:" in page.read_text(encoding="utf-8")
    assert not any(f.code == "DLC114" for f in result.findings)


def git(folder: Path, *args: str, date: str = "2020-01-01T12:00:00Z") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)


def commit_history(folder: Path, english_edits: list[str]) -> None:
    """``folder`` as a git repository: everything committed, then each English page of
    ``english_edits`` changed in a later commit (its translations are now older)."""
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "site")
    for n, path in enumerate(english_edits):
        page = folder / path
        page.write_text(page.read_text(encoding="utf-8") + f"\nLater sentence {n}.\n", encoding="utf-8")
        git(folder, "commit", "-q", "-am", f"edit {path}", date=f"2020-02-0{n + 1}T12:00:00Z")


def test_every_page_of_the_corpus_is_cacheable(corpus, tmp_path, monkeypatch):
    """No check of any real page reads a page outside its key (else it would be linted every time),
    in a git checkout with a history too: pages checked against git history (DLC723) are stored."""
    checkout = tmp_path / "site"
    shutil.copytree(corpus, checkout / "docs")
    commit_history(checkout, ["docs/en/week01/01-1.md", "docs/en/week02/02-1.md"])
    cache = tmp_path / "cache"
    monkeypatch.setenv("DLC_LINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("DLC_LINT_NO_CACHE", raising=False)
    monkeypatch.chdir(checkout)
    monkeypatch.setenv("DLC_LINT_JOBS", "2")
    result = lint([Path("docs/ko"), Path("docs/tr")], Settings())
    assert any(f.code == "DLC723" for f in result.findings)
    pages_linted = [t for t in result.targets if t.site_path.endswith(".md")]
    assert len(pages_linted) > 100
    assert len(list((cache / "findings").glob("*.json"))) == len(pages_linted) + 1  # and _config.yml's
    again = lint([Path("docs/ko"), Path("docs/tr")], Settings())
    assert again.findings == result.findings
    assert all(is_enabled(f.code, Settings()) for f in again.findings)


DLC723_KO = KO.replace("<!--\n## Course plan\n-->\n", "").replace("<!--\nDeep learning is fun.\n-->\n", "")


def test_a_page_checked_against_git_history_is_replayed_until_a_commit_touches_it(site, linted, tmp_path):
    (site / "ko/week01/01-1.md").write_text(DLC723_KO, encoding="utf-8")
    commit_history(tmp_path, ["docs/en/week01/01-1.md"])
    first = run(["docs/ko"])
    assert [f.path for f in first if f.code == "DLC723"] == ["docs/ko/week01/01-1.md"]
    linted.clear()
    assert run(["docs/ko"]) == first and linted == []  # replayed, git facts and all
    (site / "ja/week01/01-1.md").write_text(JA + "\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "another language", date="2020-03-01T12:00:00Z")
    linted.clear()
    assert run(["docs/ko"]) == first and linted == []  # a commit to other pages changes no key
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "nothing", date="2020-03-02T12:00:00Z")
    (site / "en/week01/01-1.md").write_text(ENGLISH + "\nAnd more.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "English again", date="2020-03-03T12:00:00Z")
    linted.clear()
    again = run(["docs/ko"])
    assert "ko/week01/01-1.md" in linted
    message = next(f.message for f in again if f.code == "DLC723")
    assert "2 commits" in message and "English again" in message


def test_a_cache_filled_before_the_folder_became_a_git_repository_is_not_stale(site, tmp_path, monkeypatch):
    (site / "ko/week01/01-1.md").write_text(DLC723_KO, encoding="utf-8")
    before = run(["docs"])
    assert not [f for f in before if f.code == "DLC723"]  # no history yet
    # the same bytes, now with a history in which the English page was committed after the translation
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "reset", "-q", "--", "docs/en/week01/01-1.md")
    git(tmp_path, "commit", "-q", "-m", "the translation")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "the English page", date="2020-02-01T12:00:00Z")
    cached = run(["docs"])
    fresh = lint([Path("docs")], Settings(), use_cache=False).findings
    assert cached == fresh and [f.path for f in cached if f.code == "DLC723"] == ["docs/ko/week01/01-1.md"]


def test_debug_and_no_cache_neither_read_nor_write_the_store(site, linted, tmp_path):
    lint([Path("docs")], Settings(), debug=True)
    lint([Path("docs")], Settings(), use_cache=False)
    assert not (tmp_path / "cache").exists()
    run()
    linted.clear()
    lint([Path("docs")], Settings(), debug=True)
    assert sorted(linted) == pages(site)  # linted, not replayed, under --debug
    linted.clear()
    lint([Path("docs")], Settings(), use_cache=False)
    assert sorted(linted) == pages(site)


def test_a_page_whose_rule_crashed_is_never_stored(site, linted, monkeypatch):
    import dataclasses

    from dlc_lint import rules

    rule = rules.all_rules()["DLC401"]

    def crash(context):
        raise RuntimeError("boom")

    monkeypatch.setitem(rules._REGISTRY, "DLC401", dataclasses.replace(rule, check=crash))
    first = lint([Path("docs/ko")], Settings()).findings
    assert {f.path for f in first if f.code == "DLC001"} == {"docs/ko/week01/01-1.md", "docs/ko/week01/01.md"}
    rules._REGISTRY["DLC401"] = rule  # fixed
    linted.clear()
    second = lint([Path("docs/ko")], Settings()).findings
    assert sorted(linted) == ["ko/week01/01-1.md", "ko/week01/01.md"]  # linted again, not replayed
    assert not [f for f in second if f.code == "DLC001"] and any(f.code == "DLC401" for f in second)
