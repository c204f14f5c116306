"""``dlc-lint pr`` against real git repositories made in the tests."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from github_runner import read_outputs

from dlc_lint.cli.main import main
from dlc_lint.engine.pullrequest import _parse_patch, config_line_languages, parse_title_tags

CONFIG = """\
baseurl: '/site'
chapters:
  - path: en/week01/01-1.md
ko:
  title: '딥러닝'
  chapters:
    - path: ko/week01/01-1.md
zh:
  title: '深度学习'
  chapters:
    - path: zh/week01/01-1.md
"""


def page(lang: str, title: str, body: str) -> str:
    head = "---\nlang-ref: ch.01-1\ntitle: " + title + "\n"
    if lang != "en":
        head += f"lang: {lang}\ntranslator: A\ntranslation-date: 1 Jan 2020\n"
    return head + "---\n\n" + body


EN = page("en", "Motivation", "## Plan\n\nDeep learning is fun.\n")
KO = page("ko", "동기", "<!--## Plan-->\n## 계획\n\n<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n")
ZH = page("zh", "动机", "<!--## Plan-->\n## 计划\n\n<!--Deep learning is fun.-->\n深度学习很有趣。\n")
BROKEN = "\n[다음](../week09/09-1)\n"  # a 404 from /site/ko/week01/01-1/


class Repo:
    def __init__(self, root: Path):
        self.root = root

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def write(self, path: str, text: str | bytes) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def commit(self, message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Repo:
    repo = Repo(tmp_path)
    repo.git("init", "-q")
    for path, text in {
        "docs/_config.yml": CONFIG,
        "docs/en/week01/01-1.md": EN,
        "docs/ko/week01/01-1.md": KO,
        "docs/zh/week01/01-1.md": ZH,
        "README.md": "# Notes\n",
    }.items():
        repo.write(path, text)
    repo.commit("site")
    repo.git("checkout", "-q", "-b", "feature")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return repo


def pr(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["pr", "--base", "main", "--no-color", *args])
    out, err = capsys.readouterr()
    return code, out, err


def pr_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, err = pr(capsys, "--format", "json", *args)
    return code, json.loads(out)


def where(data: dict) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["code"]) for f in data["findings"]]


# -- changed lines ----------------------------------------------------------------------------


def test_only_findings_on_changed_lines_are_reported(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", KO + BROKEN)
    repo.commit("an old broken link")
    repo.git("branch", "-f", "main", "HEAD")  # it is on main now: an old defect
    repo.write("docs/ko/week01/01-1.md", repo.read("docs/ko/week01/01-1.md") + "\n[이전](../week08/08-1)\n")
    repo.commit("[KR] a new broken link")

    code, data = pr_json(capsys)
    assert code == 1
    assert where(data) == [("docs/ko/week01/01-1.md", 17, "DLC401")]
    assert "../week08/08-1" in data["findings"][0]["message"]

    code, data = pr_json(capsys, "--all-lines")
    assert where(data) == [("docs/ko/week01/01-1.md", 15, "DLC401"), ("docs/ko/week01/01-1.md", 17, "DLC401")]


def test_unchanged_files_are_context_not_targets(repo, capsys):
    repo.write("docs/zh/week01/01-1.md", ZH + "\n[坏](../week09/09-1)\n")
    repo.commit("zh defect")
    repo.git("branch", "-f", "main", "HEAD")
    repo.write("docs/ko/week01/01-1.md", KO.replace("딥러닝은 재미있다.", "딥러닝은 정말 재미있다."))
    code, data = pr_json(capsys, "--all-lines")  # uncommitted changes count without --head
    assert code == 0 and data["findings"] == []
    assert data["summary"]["files"] == 1
    assert data["pull_request"]["files"] == [
        {"path": "docs/ko/week01/01-1.md", "status": "M", "old_path": None, "languages": ["ko"]}
    ]


def test_a_finding_caused_by_a_deleted_line_is_on_a_changed_line(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", KO.replace("lang: ko\n", "lang: kr\n"))
    repo.commit("wrong lang")
    code, data = pr_json(capsys)
    assert [(f["line"], f["code"]) for f in data["findings"]] == [(4, "DLC111")]


def test_a_finding_the_change_causes_away_from_its_lines_is_reported_but_old_ones_are_not(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", KO + BROKEN)
    repo.commit("an old broken link")
    repo.git("branch", "-f", "main", "HEAD")
    repo.write("docs/ko/week01/01-1.md", (KO + BROKEN).replace("translator: A\n", ""))
    repo.commit("[KR] the translator line removed")
    code, data = pr_json(capsys)
    # the missing credit is reported on line 1 (the change touched line 5); the old link stays out
    assert where(data) == [("docs/ko/week01/01-1.md", 1, "DLC113")]


def test_a_renamed_page_keeps_its_old_findings_out(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", KO + BROKEN)
    repo.commit("an old broken link")
    repo.git("branch", "-f", "main", "HEAD")
    repo.git("mv", "docs/ko/week01/01-1.md", "docs/ko/week01/01-1b.md")
    repo.write("docs/ko/week01/01-1b.md", (KO + BROKEN).replace("재미있다.", "정말 재미있다."))
    repo.commit("[KR] renamed, one line changed")
    code, data = pr_json(capsys)
    assert data["pull_request"]["files"][0]["status"] == "R"
    assert ("docs/ko/week01/01-1b.md", 15, "DLC401") not in where(data)
    code, data = pr_json(capsys, "--all-lines")
    assert ("docs/ko/week01/01-1b.md", 15, "DLC401") in where(data)


def test_head_ref_is_linted_from_its_own_tree(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", "\n" + KO + BROKEN)
    repo.commit("[KR] blank line before the front matter and a broken link")
    repo.git("checkout", "-q", "main")
    code, data = pr_json(capsys, "--head", "feature")
    assert code == 1
    assert where(data) == [("docs/ko/week01/01-1.md", 2, "DLC101"), ("docs/ko/week01/01-1.md", 16, "DLC401")]
    assert data["pull_request"]["head"] == repo.git("rev-parse", "feature").strip()
    assert repo.read("docs/ko/week01/01-1.md") == KO  # the working tree was not touched


def test_output_paths_are_relative_to_the_repository_root(repo, capsys, monkeypatch):
    repo.write("docs/ko/week01/01-1.md", KO + BROKEN)
    monkeypatch.chdir(repo.root / "docs" / "ko")
    code, out, _ = pr(capsys, "--title", "[KR] link")
    assert code == 1
    assert out.splitlines()[0].startswith("docs/ko/week01/01-1.md:15:6: DLC401 broken-link ")
    assert Path.cwd() == repo.root / "docs" / "ko"


def test_untracked_new_pages_are_linted_whole(repo, capsys):
    repo.write("docs/ko/week01/01-2.md", KO.replace("ch.01-1", "ch.01-2") + BROKEN)
    code, data = pr_json(capsys)
    assert ("docs/ko/week01/01-2.md", 15, "DLC401") in where(data)
    assert data["pull_request"]["languages"] == ["ko"]


# -- languages and labels ---------------------------------------------------------------------


def test_labels_come_from_the_changed_paths(repo, capsys, tmp_path):
    repo.write("docs/ko/week01/01-1.md", KO.replace("재미있다", "즐겁다"))
    repo.write("README.md", "# Course notes\n")  # outside the site: no language
    repo.commit()
    output = tmp_path / "github-output"
    labels = tmp_path / "labels.json"
    code, data = pr_json(
        capsys, "--title", "[KR] wording", "--github-output", str(output), "--labels-file", str(labels)
    )
    assert code == 0
    assert data["pull_request"]["languages"] == ["ko"] and data["pull_request"]["labels"] == ["KR"]
    assert data["pull_request"]["problems"] == []
    assert {f["path"]: f["languages"] for f in data["pull_request"]["files"]} == {
        "README.md": [],
        "docs/ko/week01/01-1.md": ["ko"],
    }
    assert read_outputs(output.read_text()) == [
        ("labels", "KR"),
        ("labels-json", '["KR"]'),
        ("languages", "ko"),
        ("findings", "0"),
        ("problems", "0"),
    ]
    assert json.loads(labels.read_text()) == {"labels": ["KR"], "languages": ["ko"], "problems": []}


def test_text_output_names_languages_and_labels(repo, capsys):
    repo.write("docs/zh/week01/01-1.md", ZH.replace("很有趣", "非常有趣"))
    code, out, _ = pr(capsys, "--title", "[ZH] wording")
    assert code == 0
    assert out.splitlines() == ["Languages: zh (1 file)", "Labels: ZH", "All clear: 1 file checked, no findings."]


def test_config_lines_belong_to_their_language_section(repo, capsys):
    repo.write("docs/_config.yml", CONFIG.replace("'深度学习'", "'深度学习笔记'"))
    code, data = pr_json(capsys)
    assert data["pull_request"]["languages"] == ["zh"] and data["pull_request"]["labels"] == ["ZH"]
    repo.write("docs/_config.yml", CONFIG.replace("baseurl: '/site'", "baseurl: '/notes'"))
    code, data = pr_json(capsys)
    assert data["pull_request"]["languages"] == []  # a site setting belongs to no language
    repo.write(
        "docs/_config.yml",
        CONFIG.replace("  - path: en/week01/01-1.md\n", "  - path: en/week01/01-1.md\n  - path: en/week01/01-2.md\n"),
    )
    code, data = pr_json(capsys)
    assert data["pull_request"]["languages"] == ["en"]  # the top-level outline is the source language's


def test_deleted_and_renamed_pages_count_for_their_languages(repo, capsys):
    repo.git("rm", "-q", "docs/zh/week01/01-1.md")
    repo.git("mv", "docs/ko/week01/01-1.md", "docs/ko/week01/01-3.md")
    repo.commit()
    code, data = pr_json(capsys)
    files = {f["path"]: (f["status"], f["old_path"], f["languages"]) for f in data["pull_request"]["files"]}
    assert files["docs/zh/week01/01-1.md"] == ("D", None, ["zh"])
    assert files["docs/ko/week01/01-3.md"] == ("R", "docs/ko/week01/01-1.md", ["ko"])
    assert data["pull_request"]["labels"] == ["KR", "ZH"]


def test_the_label_mapping_is_configuration(repo, capsys):
    repo.write("dlc-lint.toml", 'labels = { ko = "Korean" }\n')
    repo.write("docs/ko/week01/01-1.md", KO.replace("재미있다", "즐겁다"))
    code, data = pr_json(capsys, "--title", "[Korean] wording")
    assert data["pull_request"]["labels"] == ["Korean"] and data["pull_request"]["problems"] == []
    code, data = pr_json(capsys, "--title", "[KR] wording")
    assert [p["code"] for p in data["pull_request"]["problems"]] == ["DLC010"]


# -- the title and mixed languages ------------------------------------------------------------


@pytest.mark.parametrize(
    "title, codes",
    [
        ("[KR] Translate week 1", []),
        ("[kr] translate week 1", []),
        ("[WIP][KR] Translate week 1", []),
        ("Translate week 1", ["DLC010"]),
        ("[WIP] Translate week 1", ["DLC010"]),
        ("[ZH] Translate week 1", ["DLC011"]),
        ("[KR][ZH] Translate week 1", ["DLC011"]),
    ],
)
def test_the_title_tag_is_checked_against_the_changed_languages(repo, capsys, title, codes):
    repo.write("docs/ko/week01/01-1.md", KO.replace("재미있다", "즐겁다"))
    code, data = pr_json(capsys, "--title", title)
    problems = data["pull_request"]["problems"]
    assert [p["code"] for p in problems] == codes
    assert code == (1 if codes else 0)
    if codes == ["DLC011"]:
        assert "`[ZH]`" in problems[0]["message"] and "expected `[KR]`" in problems[0]["message"]
    if codes == ["DLC010"]:
        assert problems[0]["message"].endswith("so start the title with `[KR]`")


def test_a_title_problem_alone_is_not_all_clear(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", KO.replace("재미있다", "즐겁다"))
    code, out, _ = pr(capsys, "--title", "Translate week 1")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("pull request: DLC010 pr-title-tag-missing ")
    assert lines[-1] == "No findings in the 1 file checked. 1 pull request problem (1 warning)."
    assert "All clear" not in out


def test_a_pull_request_mixing_languages_is_reported_once(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", KO.replace("재미있다", "즐겁다"))
    repo.write("docs/en/week01/01-1.md", EN.replace("fun", "great fun"))
    code, data = pr_json(capsys, "--title", "[KR] wording")
    problems = data["pull_request"]["problems"]
    assert [p["code"] for p in problems] == ["DLC012"] and code == 1
    assert problems[0]["message"].startswith("this pull request changes pages of 2 languages: en (1 file), ko (1 file)")
    assert data["pull_request"]["labels"] == ["EN", "KR"]
    code, data = pr_json(capsys, "--title", "[ZH] wording")
    assert [p["code"] for p in data["pull_request"]["problems"]] == ["DLC012", "DLC011"]
    code, data = pr_json(capsys, "--title", "[KR] wording", "--ignore", "DLC012")
    assert data["pull_request"]["problems"] == [] and code == 0


def test_pull_request_problems_become_annotations_and_a_summary(repo, capsys, tmp_path):
    repo.write("docs/ko/week01/01-1.md", KO + BROKEN)
    summary = tmp_path / "summary.md"
    sarif = tmp_path / "out.sarif"
    code, out, _ = pr(
        capsys, "--title", "Translate", "--format", "github", "--summary-file", str(summary), "--sarif-file", str(sarif)
    )
    assert code == 1
    first, second = out.splitlines()
    assert first.startswith(
        "::error file=docs/ko/week01/01-1.md,line=15,col=6,endLine=15,endColumn=20,"
        "title=DLC401 broken-link::`../week09/09-1` "
    )
    assert second == (
        "::warning title=DLC010 pr-title-tag-missing::the title `Translate` has no language tag; "
        "this pull request changes ko (1 file), so start the title with `[KR]`"
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## dlc-lint: pull request\n")
    assert "| ko (1) | `KR` | `Translate` |" in text and "**DLC010 pr-title-tag-missing** (warning)" in text
    assert "| error | `docs/ko/week01/01-1.md` | 15 | DLC401 broken-link |" in text
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["DLC401"]


def test_the_step_summary_file_defaults_to_github_step_summary(repo, capsys, tmp_path, monkeypatch):
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    repo.write("docs/ko/week01/01-1.md", KO.replace("재미있다", "즐겁다"))
    assert pr(capsys, "--title", "[KR] x")[0] == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## dlc-lint: pull request\n") and "No findings in 1 file." in text


def test_no_pages_changed(repo, capsys):
    repo.write("README.md", "# Notes, again\n")
    code, out, _ = pr(capsys, "--title", "Update the README")
    assert code == 0
    assert out.splitlines() == [
        "Languages: none (no pages changed)",
        "Labels: none",
        "All clear: 0 files checked, no findings.",
    ]


# -- usage errors -----------------------------------------------------------------------------


def test_an_unknown_base_is_a_usage_error(repo, capsys):
    code = main(["pr", "--base", "origin/nope"])
    err = capsys.readouterr().err
    assert code == 2 and "--base origin/nope: no such commit in this clone" in err and "fetch-depth: 0" in err


def test_outside_a_git_repository_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code = main(["pr", "--base", "main"])
    assert code == 2 and "is not inside a git repository" in capsys.readouterr().err


# -- the pieces -------------------------------------------------------------------------------


def test_patch_parsing_marks_added_lines_and_the_place_of_removed_ones():
    patch = "\n".join(
        [
            "diff --git a/docs/a.md b/docs/a.md",
            "--- a/docs/a.md",
            "+++ b/docs/a.md",
            "@@ -3 +3 @@",
            "-x",
            "+y",
            "@@ -10,2 +9,0 @@",
            "-gone",
            "-gone too",
            "@@ -20,0 +19,3 @@",
            "+a",
            "+b",
            "+c",
            'diff --git "a/docs/\\354\\225\\210.md" "b/docs/\\354\\225\\210.md"',
            '--- "a/docs/\\354\\225\\210.md"',
            '+++ "b/docs/\\354\\225\\210.md"',
            "@@ -1 +1 @@",
            "-a",
            "+b",
            "diff --git a/docs/old.md b/docs/old.md",
            "--- a/docs/old.md",
            "+++ /dev/null",
            "@@ -1 +0,0 @@",
            "-a",
        ]
    )
    assert _parse_patch(patch) == {"docs/a.md": {3, 10, 19, 20, 21}, "docs/안.md": {1}}


def test_title_tags():
    known = {"KR", "ZH", "PT-BR"}
    assert parse_title_tags("[WIP] [kr] [ZH][KR] [ pt-br ] fix", known) == ["KR", "ZH", "PT-BR"]
    assert parse_title_tags("Fix [x] and [KRW]", known) == []


def test_config_line_languages():
    per_line = config_line_languages(CONFIG, {"ko", "zh", "en"}, "en")
    assert per_line[0] is None  # baseurl
    assert per_line[1:3] == ["en", "en"]
    assert per_line[3:6] == ["ko", "ko", "ko"] and per_line[7] == "zh"


def test_the_json_output_is_deterministic(repo, capsys):
    repo.write("docs/ko/week01/01-1.md", KO + BROKEN)
    first = pr(capsys, "--format", "json", "--title", "[KR] x")[1]
    assert first == pr(capsys, "--format", "json", "--title", "[KR] x")[1]
    assert os.linesep not in first.replace("\n", "") and json.loads(first)["pull_request"]["title"] == "[KR] x"
