"""``--write-baseline`` / ``--baseline``: adopt dlc-lint on a site with old findings."""

from __future__ import annotations

import json

import pytest
from conftest import ENGLISH, write_site

from dlc_lint.cli.main import main
from dlc_lint.engine.baseline import fingerprints
from dlc_lint.finding import Finding, Severity

KOREAN = (
    "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
    "<!--## Course plan-->\n## 강의 계획\n\n<!--Deep learning is fun.-->\n딥러닝은 재미있다.\n"
)
OLD = KOREAN + "\n[다음](../week09/09-1)\n\n[이전](../week00/00-1)\n"
SELECT = ("--select", "DLC101,DLC401")


@pytest.fixture
def site(tmp_path, monkeypatch):
    write_site(tmp_path, {"docs/en/week01/01-1.md": ENGLISH, "docs/ko/week01/01-1.md": OLD}, config=None)
    (tmp_path / "docs" / "_config.yml").write_text("baseurl: '/site'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, list[tuple[str, int, str]], str]:
    code = main(["check", *SELECT, "--format", "json", *args])
    out, err = capsys.readouterr()
    data = json.loads(out) if out.strip() else {"findings": []}
    return code, [(f["path"], f["line"], f["code"]) for f in data["findings"]], err


def edit(site, transform) -> None:
    page = site / "docs/ko/week01/01-1.md"
    page.write_text(transform(page.read_text(encoding="utf-8")), encoding="utf-8")


def test_a_baseline_hides_todays_findings(site, capsys):
    assert run(capsys, "docs")[1] == [
        ("docs/ko/week01/01-1.md", 15, "DLC401"),
        ("docs/ko/week01/01-1.md", 17, "DLC401"),
    ]
    code = main(["check", *SELECT, "docs", "--write-baseline", "dlc-lint-baseline.json"])
    assert code == 0
    assert "Wrote 2 findings to the baseline dlc-lint-baseline.json" in capsys.readouterr().err
    code, findings, err = run(capsys, "docs", "--baseline", "dlc-lint-baseline.json")
    assert (code, findings) == (0, [])
    assert "2 findings recorded in the baseline dlc-lint-baseline.json not shown" in err


def test_old_findings_stay_hidden_when_lines_move_and_new_ones_show(site, capsys):
    main(["check", *SELECT, "docs", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    edit(site, lambda t: t.replace("## 강의 계획\n", "## 강의 계획\n\n새 문단이 생겼다.\n\n또 하나.\n"))
    code, findings, _ = run(capsys, "docs", "--baseline", "baseline.json")
    assert (code, findings) == (0, [])
    edit(site, lambda t: t + "\n[새 링크](../week07/07-1)\n")
    code, findings, _ = run(capsys, "docs", "--baseline", "baseline.json")
    assert (code, findings) == (1, [("docs/ko/week01/01-1.md", 23, "DLC401")])


def test_a_second_identical_finding_is_new(site, capsys):
    main(["check", *SELECT, "docs", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    edit(site, lambda t: t + "\n[다음](../week09/09-1)\n")
    code, findings, _ = run(capsys, "docs", "--baseline", "baseline.json")
    assert code == 1 and len(findings) == 1 and findings[0][2] == "DLC401"


def test_editing_the_text_of_an_old_finding_makes_it_new(site, capsys):
    main(["check", *SELECT, "docs", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    edit(site, lambda t: t.replace("../week09/09-1", "../week09/09-2"))
    code, findings, err = run(capsys, "docs", "--baseline", "baseline.json")
    assert (code, findings) == (1, [("docs/ko/week01/01-1.md", 15, "DLC401")])
    assert "1 baseline entry no longer found" in err


def test_fixed_findings_are_counted_so_the_baseline_can_shrink(site, capsys):
    main(["check", *SELECT, "docs", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    edit(site, lambda t: t.replace("[다음](../week09/09-1)", "다음"))
    code, findings, err = run(capsys, "docs", "--baseline", "baseline.json")
    assert (code, findings) == (0, [])
    assert (
        "1 finding recorded in the baseline baseline.json not shown; 1 baseline entry no longer found "
        "(fixed: run --write-baseline baseline.json to drop them)"
    ) in err


def test_only_the_linted_files_count_as_no_longer_found(site, capsys):
    main(["check", *SELECT, "docs", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    code, findings, err = run(capsys, "docs/en", "--baseline", "baseline.json")
    assert (code, findings) == (0, []) and "no longer found" not in err


def test_the_baseline_works_from_another_folder(site, capsys, monkeypatch):
    main(["check", *SELECT, "docs", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    data = json.loads((site / "baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"docs/ko/week01/01-1.md"}  # relative to the baseline file
    monkeypatch.chdir(site / "docs" / "ko")
    code, findings, _ = run(capsys, ".", "--baseline", "../../baseline.json")
    assert (code, findings) == (0, [])


def test_the_baseline_file_is_stable_and_readable(site, capsys):
    main(["check", *SELECT, "docs", "--write-baseline", "a.json"])
    main(["check", *SELECT, "docs", "--write-baseline", "b.json"])
    capsys.readouterr()
    first = (site / "a.json").read_bytes()
    assert first == (site / "b.json").read_bytes()
    data = json.loads(first)
    assert data["version"] == 1 and data["tool"].startswith("dlc-lint ")
    assert [(e["path"], e["line"], e["code"]) for e in data["findings"]] == [
        ("docs/ko/week01/01-1.md", 15, "DLC401"),
        ("docs/ko/week01/01-1.md", 17, "DLC401"),
    ]
    assert all(len(e["fingerprint"]) == 32 and "../week" in e["message"] for e in data["findings"])


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file (create it with --write-baseline"),
        ("{not json", "not a baseline file (invalid JSON"),
        ('{"version": 1}', "not a baseline file (no `findings` list)"),
        ('{"version": 7, "findings": []}', "baseline format version 7 is not supported"),
        ('{"version": 1, "findings": [{"code": "DLC401"}]}', "an entry has no `fingerprint`"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(site, capsys, content, message):
    if content is not None:
        (site / "baseline.json").write_text(content, encoding="utf-8")
    code = main(["check", "docs", "--baseline", "baseline.json"])
    assert code == 2 and message in capsys.readouterr().err


def test_fingerprints_ignore_line_numbers_and_whitespace_but_count_occurrences():
    def finding(line, snippet, code="DLC401", path="docs/ko/a.md"):
        return Finding(
            path, line, 1, line, 5, code, "broken-link", Severity.ERROR, f"message at {line}", snippet=snippet
        )

    first = fingerprints([finding(3, "../a"), finding(9, "../a"), finding(5, "../b")])
    moved = fingerprints([finding(30, "../a"), finding(90, "../a"), finding(50, " ../b\n")])
    assert first == moved and len(set(first)) == 3
    assert fingerprints([finding(3, "../a", path="docs/zh/a.md")])[0] != first[0]
    assert fingerprints([finding(3, "../a", code="DLC402")])[0] != first[0]
    # The occurrence counter follows the file's order, whatever order the findings come in.
    assert fingerprints([finding(9, "../a"), finding(3, "../a")]) == [first[1], first[0]]


def test_fix_leaves_baselined_findings_byte_for_byte(site, capsys):
    # two old findings with fixes: a BOM that hides the front matter (DLC101) on one page, and a
    # `lang` missing (DLC110) on another; both recorded in the baseline
    old_page = "\ufeff" + OLD
    (site / "docs/ko/week01/01-1.md").write_text(old_page, encoding="utf-8")
    other = site / "docs/ko/week01/01-2.md"
    other.write_text(KOREAN.replace("ch.01-1", "ch.01-2").replace("lang: ko\n", ""), encoding="utf-8")
    (site / "docs/en/week01/01-2.md").write_text(ENGLISH.replace("ch.01-1", "ch.01-2"), encoding="utf-8")
    select = ["--select", "DLC101,DLC110"]
    assert main(["check", *select, "docs", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    before = {p: p.read_bytes() for p in (site / "docs/ko/week01/01-1.md", other)}
    # a new page with the same defect as the old one: only that one is fixed
    new = site / "docs/ko/week01/01-3.md"
    new.write_text("\ufeff" + KOREAN.replace("ch.01-1", "ch.01-3"), encoding="utf-8")
    (site / "docs/en/week01/01-3.md").write_text(ENGLISH.replace("ch.01-1", "ch.01-3"), encoding="utf-8")
    code = main(["check", *select, "docs", "--baseline", "baseline.json", "--fix", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["findings"] == [], out
    assert "Fixed 1 finding." in err and "2 findings recorded in the baseline baseline.json not shown" in err
    assert not new.read_bytes().startswith("\ufeff".encode())
    assert {p: p.read_bytes() for p in before} == before
    # --diff with a baseline shows only the fixes of new findings too
    new.write_text(KOREAN.replace("ch.01-1", "ch.01-3").replace("lang: ko\n", ""), encoding="utf-8")
    main(["check", *select, "docs", "--baseline", "baseline.json", "--diff"])
    out, _ = capsys.readouterr()
    assert "+++ b/docs/ko/week01/01-3.md" in out and "+lang: ko" in out
    assert "01-1.md" not in out and "01-2.md" not in out
