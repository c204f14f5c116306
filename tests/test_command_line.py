"""The command line as a translator meets it: stdin, --quiet, --show-fixes, per-file-ignores,
suppressions that do nothing, progress, and the summary line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENGLISH, write_site

from dlc_lint.cli.main import main

KOREAN = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--## Course plan-->\n## 강의 계획\n\n<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n"
)
BROKEN = "\n[다음](../week09/09-1)\n"  # a 404 from /site/ko/week01/01-1/ (line 15)
CLEAN_ENGLISH_INDEX = "---\nlang-ref: ch.01\ntitle: Week 1\n---\n"
KOREAN_INDEX = "---\nlang-ref: ch.01\ntitle: 1주차\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    write_site(
        tmp_path,
        {
            "en/week01/01.md": CLEAN_ENGLISH_INDEX,
            "en/week01/01-1.md": ENGLISH,
            "ko/week01/01.md": KOREAN_INDEX,
            "ko/week01/01-1.md": KOREAN + BROKEN,
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-color", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- the summary line ------------------------------------------------------------------------------


def test_the_summary_counts_the_files_with_findings_of_the_files_checked(site, capsys):
    code, out, _ = run(capsys, "ko", "--select", "DLC401")
    assert code == 1
    assert out.splitlines()[-1] == "Found 1 finding in 1 of 2 files checked (1 error)."
    code, out, _ = run(capsys, "ko", "--select", "DLC401", "--format", "json")
    assert json.loads(out)["summary"]["files"] == 2


def test_the_job_summary_counts_the_files_with_findings_too(site, capsys, tmp_path):
    summary = tmp_path / "summary.md"
    run(capsys, "ko", "--select", "DLC401", "--summary-file", str(summary))
    assert "**1 finding** in 1 of 2 files checked: 1 error." in summary.read_text(encoding="utf-8")


# -- configuration errors ----------------------------------------------------------------------------


def test_an_error_in_dlc_lint_toml_names_that_file_not_pyproject_tables(site, capsys):
    (site / "dlc-lint.toml").write_text("ignor = ['DLC101']\n", encoding="utf-8")
    code, _, err = run(capsys, "ko")
    assert code == 2
    assert "unknown setting `ignor` in dlc-lint.toml (did you mean `ignore`?)" in err
    assert "[tool.dlc-lint]" not in err
    (site / "dlc-lint.toml").unlink()
    (site / "pyproject.toml").write_text("[tool.dlc-lint]\nignor = ['DLC101']\n", encoding="utf-8")
    code, _, err = run(capsys, "ko")
    assert code == 2 and "unknown setting `ignor` in [tool.dlc-lint]" in err


# -- a page from stdin -----------------------------------------------------------------------------


def lint_stdin(site: Path, text: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dlc_lint", "-", "--no-color", *args],
        input=text.encode(),
        capture_output=True,
        cwd=site,
        env={**os.environ, "DLC_LINT_NO_CACHE": "1"},
    )


def test_a_page_from_stdin_is_checked_in_its_site(site):
    # the unsaved text, not the file on disk: the broken link is gone, a new one is added
    text = KOREAN + "\n[이전](../week08/08-1)\n"
    done = lint_stdin(site, text, "--stdin-filename", "ko/week01/01-1.md", "--select", "DLC401,DLC2")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.decode().splitlines()
    assert lines[0].startswith("ko/week01/01-1.md:15:6: DLC401 broken-link `../week08/08-1`")
    assert lines[-1] == "Found 1 finding in 1 of 1 file checked (1 error)."
    # the site is the context: a lang-ref that no English page has is found against the real site
    done = lint_stdin(
        site, text.replace("ch.01-1", "ch.01-9"), "--stdin-filename", "ko/week01/01-1.md", "--select", "DLC2"
    )
    assert "DLC20" in done.stdout.decode() and "ch.01-9" in done.stdout.decode()


def test_a_page_from_stdin_may_be_a_new_file(site):
    done = lint_stdin(site, KOREAN + BROKEN, "--stdin-filename", "ko/week01/new.md", "--select", "DLC401")
    assert done.stdout.decode().startswith("ko/week01/new.md:15:6: DLC401 ")
    assert not (site / "ko/week01/new.md").exists()


def test_stdin_with_diff_prints_the_fixes_and_writes_nothing(site):
    text = KOREAN.replace("lang: ko\n", "")
    done = lint_stdin(site, text, "--stdin-filename", "ko/week01/01-1.md", "--select", "DLC110", "--diff")
    assert "+lang: ko" in done.stdout.decode()
    assert (site / "ko/week01/01-1.md").read_text(encoding="utf-8") == KOREAN + BROKEN


def test_diff_of_a_fix_that_only_removes_the_bom_says_so_and_shows_it(site, capsys):
    page = site / "ko/week01/01-1.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    before = page.read_bytes()
    _, out, err = run(capsys, "ko/week01/01-1.md", "--select", "DLC101", "--fix", "--diff")
    lines = out.splitlines()
    assert lines[:3] == [
        "# ko/week01/01-1.md: the UTF-8 byte order mark (bytes EF BB BF) at its start is removed",
        "--- a/ko/week01/01-1.md",
        "+++ b/ko/week01/01-1.md",
    ]
    # the one changed line: the first, with the mark (U+FEFF) before `---` on the old side only
    assert [line for line in lines[3:] if line[:1] in "+-"] == ["-\ufeff---", "+---"]
    assert "1 fix would be applied to 1 file(s)." in err
    assert page.read_bytes() == before  # --diff changes nothing


@pytest.mark.parametrize(
    "args, message",
    [
        (["-"], "--stdin-filename PATH"),
        (["-", "ko", "--stdin-filename", "ko/a.md"], "cannot be combined"),
        (["ko", "--stdin-filename", "ko/a.md"], "give `-` as the path"),
        (["-", "--stdin-filename", "ko/week01/01-1.md", "--fix"], "use --diff"),
    ],
)
def test_stdin_usage_errors(site, args, message):
    done = lint_stdin(site, KOREAN, *args[1:]) if args[0] == "-" else None
    if done is None:
        done = subprocess.run([sys.executable, "-m", "dlc_lint", *args], capture_output=True, cwd=site)
    assert done.returncode == 2 and message in done.stderr.decode(), done.stderr


# -- --quiet and --show-fixes ----------------------------------------------------------------------------


def test_quiet_prints_the_findings_only(site, capsys):
    (site / "ko/week01/01-1.md").write_text(KOREAN.replace("lang: ko\n", "") + BROKEN, encoding="utf-8")
    code, out, err = run(capsys, "ko", "--select", "DLC401,DLC110", "--quiet")
    assert code == 1
    assert [line.split(" ")[1] for line in out.splitlines()] == ["DLC110", "DLC401"]
    assert err == ""
    code, out, err = run(capsys, "ko", "--select", "DLC110", "--quiet", "--fix")
    assert (code, out, err) == (0, "", "")
    assert "lang: ko" in (site / "ko/week01/01-1.md").read_text(encoding="utf-8")


def test_show_fixes_names_each_fix_and_its_safety(site, capsys):
    (site / "ko/week01/01-1.md").write_text(KOREAN.replace("lang: ko\n", "") + "\n[x](../../week1/01)\n")
    code, out, _ = run(capsys, "ko", "--select", "DLC401,DLC110", "--show-fixes")
    lines = out.splitlines()
    assert lines[1] == "    fix (safe, applied by --fix): insert `lang: ko` after `lang-ref`", lines
    assert lines[3] == "    fix (needs review, applied by --fix --unsafe-fixes): write `../../week01/01`", lines
    code, out, err = run(capsys, "ko", "--select", "DLC401,DLC110", "--show-fixes", "--fix")
    assert err.splitlines() == ["Fixed 1 finding:", "  ko/week01/01-1.md: insert `lang: ko` after `lang-ref`"]
    _, plain, _ = run(capsys, "ko", "--select", "DLC401,DLC110")
    assert "    fix (" not in plain


# -- per-file-ignores ----------------------------------------------------------------------------------


def test_per_file_ignores_leave_rules_out_for_matching_files(site, capsys):
    (site / "ko/week01/01.md").write_text(KOREAN_INDEX + "\n[x](nowhere)\n", encoding="utf-8")
    code, out, _ = run(capsys, "ko", "--select", "DLC401")
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["ko/week01/01-1.md", "ko/week01/01.md"]
    (site / "dlc-lint.toml").write_text('[per-file-ignores]\n"ko/week01/01-*.md" = ["broken-link"]\n')
    code, out, _ = run(capsys, "ko", "--select", "DLC401")
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["ko/week01/01.md"]
    (site / "dlc-lint.toml").write_text('[per-file-ignores]\n"ko/*" = "DLC4"\n')
    code, out, err = run(capsys, "ko", "--select", "DLC401")
    assert code == 0 and out.startswith("All clear") and "per-file-ignores" not in err
    # a pattern that matches no file silences nothing: a note says so
    (site / "dlc-lint.toml").write_text('[per-file-ignores]\n"docs/ko/*" = "DLC4"\n')
    code, out, err = run(capsys, "ko", "--select", "DLC401")
    assert code == 1
    assert 'note: per-file-ignores: "docs/ko/*" matches no file of the site (patterns are site paths)' in err


@pytest.mark.parametrize(
    "table, message",
    [
        ('per-file-ignores = { "ko/*" = ["DLC3O1"] }', "`per-file-ignores.ko/*`: unknown rule `DLC3O1`"),
        ('per-file-ignores = { "ko/*" = [1] }', "must be a list of rule codes or names"),
        ("per-file-ignores = 3", "must be a table"),
        ('ignore = ["DLC3O1"]', "unknown rule `DLC3O1`"),
    ],
)
def test_a_config_suppression_with_an_unknown_code_is_an_error(site, capsys, table, message):
    (site / "dlc-lint.toml").write_text(table + "\n", encoding="utf-8")
    code, _, err = run(capsys, "ko")
    assert code == 2 and message in err, err


# -- suppressions that name no rule or silence nothing (DLC005, DLC006) ------------------------------------


def test_dlc005_a_directive_with_an_unknown_code(site, capsys):
    page = KOREAN + "\n<!-- dlc-lint-disable-next-line DLC3O1 -->\n[다음](../week09/09-1)\n"
    (site / "ko/week01/01-1.md").write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, "ko", "--select", "DLC0,DLC401")
    lines = out.splitlines()
    assert lines[0] == (
        "ko/week01/01-1.md:15:33: DLC005 unknown-suppression-code `DLC3O1` in `dlc-lint-disable-next-line` is not "
        "a rule code or name, so it silences nothing; did you mean `DLC301`? (`dlc-lint rules` lists them)"
    )
    assert lines[1].startswith("ko/week01/01-1.md:16:6: DLC401 broken-link")
    assert len(lines) == 3


def test_dlc006_a_directive_that_silences_nothing(site, capsys):
    working = "[처음]({{site.baseurl}}/ko/week01/01)"
    page = (
        KOREAN + f"\n<!-- dlc-lint-disable-next-line DLC401 -->\n{working}\n\n<!-- dlc-lint-disable-line DLC401 -->\n"
    )
    page += "\n<!-- dlc-lint-disable-next-line broken-link -->\n[다음](../week09/09-1)\n"
    (site / "ko/week01/01-1.md").write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, "ko", "--select", "DLC0,DLC401")
    assert [line.split(": ")[1].split(" ")[0] for line in out.splitlines()[:-1]] == ["DLC006", "DLC006"]
    first, second = out.splitlines()[:2]
    assert first.startswith("ko/week01/01-1.md:15:1: DLC006 unused-suppression `dlc-lint-disable-next-line` for ")
    assert "`DLC401` silences nothing here: no such finding on the next line" in first
    assert second.startswith("ko/week01/01-1.md:18:1: DLC006 ")
    # a rule that did not run says nothing about its directives
    code, out, _ = run(capsys, "ko", "--select", "DLC0")
    assert out.startswith("All clear")
    # the same, replayed from the cache, and silenced by configuration
    code, again, _ = run(capsys, "ko", "--select", "DLC0,DLC401")
    assert again.count("DLC006") == 2
    code, out, _ = run(capsys, "ko", "--select", "DLC0,DLC401", "--ignore", "DLC006")
    assert code == 0


# -- progress: on a terminal only --------------------------------------------------------------------------


def _run_with_stderr_on_a_terminal(args: list[str], cwd: Path, env: dict) -> tuple[int, bytes, bytes]:
    """Run dlc-lint with stderr on a pseudo-terminal (stdout a file); return (status, stdout, what the terminal got)."""
    import pty
    import select as select_
    import tempfile

    main_fd, terminal = pty.openpty()
    stdout = tempfile.TemporaryFile()  # a file, not a pipe: nobody reads the output while the run goes on
    process = subprocess.Popen(
        [sys.executable, "-m", "dlc_lint", *args], cwd=cwd, env=env, stdout=stdout, stderr=terminal
    )
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select_.select([main_fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(main_fd, 4096)
            except OSError:
                break  # the terminal closed: the process is gone
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    process.wait()
    stdout.seek(0)
    out = stdout.read()
    os.close(main_fd)
    return process.returncode, out, seen


@pytest.mark.parametrize(
    "command, what",
    [
        (["docs/ko", "--no-cache"], "linting docs/ko"),
        (["status", "docs/ko", "--lint"], "linting docs/ko"),
    ],
)
def test_progress_is_drawn_on_a_terminal_and_erased(corpus, command, what):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "TERM")} | {"DLC_LINT_NO_CACHE": "1"}
    code, out, terminal = _run_with_stderr_on_a_terminal(command, corpus.parent, env)
    assert f"\r\033[2Kdlc-lint: {what}".encode() in terminal, terminal[-300:]
    assert terminal.endswith(b"\r\033[2K") or b"\r\033[2K" in terminal.rsplit(b" s", 1)[-1]
    assert b"dlc-lint: " not in out  # the results (stdout) never hold it


def test_no_progress_in_ci_in_pipes_or_when_quiet(corpus):
    env = {k: v for k, v in os.environ.items() if k != "TERM"} | {"DLC_LINT_NO_CACHE": "1"}
    args = ["docs/ko", "--no-cache"]
    for extra_env, extra_args in (({"CI": "true"}, []), ({}, ["--quiet"])):
        _, _, terminal = _run_with_stderr_on_a_terminal(args + extra_args, corpus.parent, env | extra_env)
        assert b"dlc-lint: linting" not in terminal
    piped = subprocess.run(
        [sys.executable, "-m", "dlc_lint", *args], cwd=corpus.parent, env=env, capture_output=True, timeout=120
    )
    assert b"dlc-lint: linting" not in piped.stderr and b"\033" not in piped.stderr


def test_server_without_the_lsp_extra_says_how_to_install_it():
    code = (
        "import sys\n"
        "for name in ('pygls', 'pygls.lsp', 'pygls.lsp.server', 'lsprotocol', 'lsprotocol.types'):\n"
        "    sys.modules[name] = None\n"
        "from dlc_lint.cli.main import main\n"
        "sys.exit(main(['server']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "needs pygls and lsprotocol" in done.stderr and "pip install 'dlc-lint[lsp]'" in done.stderr


def test_a_missing_dependency_is_one_clear_error_not_an_internal_error_per_page(tmp_path):
    """An install without beautifulsoup4 (a dependency the rules import lazily) says so and exits 2."""
    import subprocess
    import sys

    site = write_site(tmp_path, {"en/a.md": "---\ntitle: A\n---\n\nText.\n"})
    code = "import sys; sys.modules['bs4'] = None; from dlc_lint.cli.main import main; main()"
    done = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "beautifulsoup4" in done.stderr and "DLC001" not in done.stdout
