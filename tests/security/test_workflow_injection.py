"""Workflow injection: values a stranger controls must not forge step outputs or Markdown.

Two ways in: a `labels` value in the configuration file (a pull request may
change it) that holds a newline would add lines of its own to
``$GITHUB_OUTPUT`` (``findings=0``: a later step believes the check passed);
a pull request title with a backtick would close the code span it is shown in
and inject Markdown (images that call home, links, mentions) into the job
summary and the pull request comment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from github_runner import read_outputs

from dlc_lint.cli.main import main
from dlc_lint.report.github_output import output_lines
from dlc_lint.report.step_summary import cell, code

CONFIG = "baseurl: ''\nchapters:\n  - path: en/week01/01-1.md\nko:\n  chapters:\n    - path: ko/week01/01-1.md\n"
EN = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n\nDeep learning is fun.\n"
KO = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n"
)
HOSTILE_TITLE = "[KR] `x` ![t](https://evil.example/p.png) [go](https://evil.example) <img src=x> @octocat **b** | c"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    for path, text in {"docs/_config.yml": CONFIG, "docs/en/week01/01-1.md": EN, "docs/ko/week01/01-1.md": KO}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "site")
    (tmp_path / "docs/ko/week01/01-1.md").write_text(KO.replace("재미있다", "즐겁다"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


# -- $GITHUB_OUTPUT ---------------------------------------------------------------------------


def test_a_label_with_a_newline_is_refused_and_forges_no_output(repo, tmp_path, capsys):
    (repo / "dlc-lint.toml").write_text('labels = { ko = "KR\\nfindings=0" }\n', encoding="utf-8")
    output = tmp_path / "github-output"
    assert main(["pr", "--base", "main", "--github-output", str(output)]) == 2
    err = capsys.readouterr().err
    assert "`labels.ko` must be a tag" in err and "'KR\\nfindings=0'" in err
    assert not output.exists()


@pytest.mark.parametrize("label", ["K R", "KR,ZH", "[KR]", "", "KR\r", "x" * 17, "한국어"])
def test_label_names_are_tags(repo, capsys, label):
    (repo / "dlc-lint.toml").write_text(f"labels = {{ ko = {label!r} }}\n".replace("'", '"'), encoding="utf-8")
    assert main(["pr", "--base", "main"]) == 2
    assert "`labels.ko` must be a tag" in capsys.readouterr().err


def test_a_custom_label_reaches_the_outputs_whole(repo, tmp_path, capsys):
    (repo / "dlc-lint.toml").write_text('labels = { ko = "KO-kr" }\n', encoding="utf-8")
    output = tmp_path / "github-output"
    assert main(["pr", "--base", "main", "--title", "[KO-kr] x", "--github-output", str(output)]) == 0
    assert dict(read_outputs(output.read_text(encoding="utf-8")))["labels"] == "KO-kr"


@pytest.mark.parametrize("value", ["KR\nfindings=0", "a\r\nb", "ghadelimiter_x\nEOF\n", "", "=<<\n<<EOF"])
def test_every_output_is_written_in_the_delimiter_form_and_reads_back_whole(value):
    text = output_lines("labels", value) + output_lines("findings", "3")
    assert read_outputs(text) == [("labels", value), ("findings", "3")]


def test_the_delimiter_is_never_in_the_value():
    first = output_lines("x", "v").split("\n")[0].split("<<")[1]
    trap = f"{first}\nfindings=0"  # even a value that guessed an earlier delimiter
    assert read_outputs(output_lines("x", trap)) == [("x", trap)]


# -- Markdown in the job summary --------------------------------------------------------------
# Rendered by cmark-gfm, GitHub's own Markdown renderer (Debian package `cmark-gfm`), with the
# extensions GitHub turns on for comments and job summaries.


def render_gfm(markdown: str) -> BeautifulSoup:
    tool = shutil.which("cmark-gfm")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("cmark-gfm is not installed (.ci/run installs it)")
        pytest.skip("cmark-gfm (GitHub's Markdown renderer) is not installed: apt-get install cmark-gfm")
    done = subprocess.run(
        [tool, "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "--to", "html"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return BeautifulSoup(done.stdout, "html.parser")


ACTIVE = ["a", "img", "strong", "em", "del", "script", "h1", "h2", "code", "pre", "table"]


def test_a_backtick_in_the_title_cannot_inject_markdown_into_the_summary(repo, tmp_path, capsys):
    summary = tmp_path / "summary.md"
    main(["pr", "--base", "main", "--title", HOSTILE_TITLE, "--summary-file", str(summary)])
    html = render_gfm(summary.read_text(encoding="utf-8"))
    row = html.find("table").find("tbody").find("tr")
    cells = row.find_all("td")
    assert len(cells) == 3  # the `|` in the title did not add a cell
    title = cells[2]
    assert [c.name for c in title.children] == ["code"] and title.code.string == HOSTILE_TITLE
    assert html.find("img") is None and html.find("a") is None


@pytest.mark.parametrize(
    "text",
    [HOSTILE_TITLE, "`` ` ``", "a\\`b", "<script>x</script>", "~~s~~ _e_ *x* #1 ![x]", "&lt;b&gt; &amp;", "x\n\n# h"],
)
def test_plain_text_in_markdown_stays_plain_text(text):
    html = render_gfm(f"| h |\n|---|\n| {cell(text)} |\n\n{cell(text)}\n")
    shown = " ".join(text.split()).replace("@", "@\u200b")
    cell_html, paragraph = html.find("td"), html.find("p")
    for element in (cell_html, paragraph):
        assert element.find(ACTIVE) is None, element
        assert element.get_text() == shown
    assert len(html.find_all("td")) == 1


@pytest.mark.parametrize("text", ["`", "a`b", "``x``", " x", "` a `", "|", "a | b", "<b>"])
def test_a_code_span_holds_any_text(text):
    html = render_gfm(f"| h |\n|---|\n| {code(text)} |\n")
    (td,) = html.find_all("td")
    assert [c.name for c in td.children] == ["code"]
    assert td.code.string.strip() == " ".join(text.split()).strip()
