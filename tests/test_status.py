"""``dlc-lint status``: text, JSON and Markdown reports, on a small site and on the real corpus."""

import json

from status_site import make_status_site, run_status


def test_json_report_counts_translated_missing_and_outdated(tmp_path):
    site = make_status_site(tmp_path / "site")
    result = run_status(site, ".", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["english_pages"] == 4 and data["weeks"] == ["01", "02", "other"]
    by_lang = {lang["language"]: lang for lang in data["languages"]}
    assert sorted(by_lang) == ["fr", "ko"]
    ko = by_lang["ko"]
    assert (ko["translated"], ko["missing"], ko["outdated"], ko["drifted_paragraphs"]) == (3, 1, 1, 1)
    assert ko["weeks"]["01"] == {"translated": 2, "english_pages": 2, "outdated": 1, "missing": 0}
    assert ko["weeks"]["02"] == {"translated": 0, "english_pages": 1, "outdated": 0, "missing": 1}
    states = {page["english"]: (page["state"], page["drift"], page["drift_basis"]) for page in ko["pages"]}
    assert states["en/week01/01-1.md"] == ("outdated", 1, "comments")
    assert states["en/week01/01.md"] == ("translated", 0, "comments")
    assert states["en/week02/02.md"][0] == "missing"
    assert states["index.md"] == ("translated", 0, "none")
    fr = by_lang["fr"]
    assert (fr["translated"], fr["missing"], fr["outdated"], round(fr["coverage"], 2)) == (1, 3, 0, 0.25)


def test_a_language_folder_selects_that_language(tmp_path):
    site = make_status_site(tmp_path / "site")
    data = json.loads(run_status(site, "ko", "--format", "json").output)
    assert [lang["language"] for lang in data["languages"]] == ["ko"]


def test_text_table_and_page_list(tmp_path):
    site = make_status_site(tmp_path / "site")
    output = run_status(site, ".").output
    lines = output.splitlines()
    header = next(line for line in lines if line.startswith("lang "))
    assert header.split() == ["lang", "translated", "coverage", "outdated", "drifted", "missing"]
    ko_row = next(line for line in lines if line.startswith("ko "))
    assert ko_row.split() == ["ko", "3/4", "75%", "1", "1", "1"]
    assert "Coverage per week" in output
    pages = run_status(site, "ko").output  # one language: pages listed
    rows = {line.split()[0]: line.split()[1:] for line in pages.splitlines() if line.startswith(("ko/", "(m"))}
    assert rows["ko/week01/01-1.md"] == ["outdated", "1", "paragraph"]
    assert rows["(missing:"] == ["en/week02/02.md)", "missing"]


def test_findings_by_family_with_lint_and_from_a_json_report(tmp_path):
    site = make_status_site(tmp_path / "site")
    data = json.loads(run_status(site, "ko", "--format", "json", "--lint").output)
    assert data["findings_source"] == "lint"
    ko = data["languages"][0]
    assert ko["findings_by_family"].get("7", 0) >= 1  # the drifted paragraph (DLC720)
    report = tmp_path / "report.json"
    report.write_text(
        json.dumps(
            {
                "findings": [
                    {"path": "ko/week01/01.md", "code": "DLC401"},
                    {"path": "ko/week01/01.md", "code": "DLC402"},
                    {"path": "ko/week01/01-1.md", "code": "DLC720"},
                ]
            }
        ),
        encoding="utf-8",
    )
    data = json.loads(run_status(site, "ko", "--format", "json", "--findings", str(report)).output)
    pages = {p["english"]: p["findings_by_family"] for p in data["languages"][0]["pages"]}
    assert pages["en/week01/01.md"] == {"4": 2} and pages["en/week01/01-1.md"] == {"7": 1}


def test_markdown_for_a_pull_request_comment(tmp_path):
    site = make_status_site(tmp_path / "site")
    output = run_status(site, ".", "--format", "markdown").output
    assert output.startswith("### Translation status")
    assert "| **ko** | 3/4 | 75% | 1 | 1 | 1 |" in output
    assert "<details><summary>ko: 1 outdated, 1 missing</summary>" in output
    assert "| `ko/week01/01-1.md` | outdated | 1 paragraph |" in output


def test_output_file(tmp_path):
    site = make_status_site(tmp_path / "site")
    target = tmp_path / "status.json"
    result = run_status(site, ".", "--format", "json", "--output", str(target))
    assert result.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["english_pages"] == 4


def test_the_real_corpus_has_a_row_for_every_translation(corpus):
    result = run_status(corpus, ".")
    assert result.exit_code == 0
    rows = [
        line.split()[0]
        for line in result.output.splitlines()
        if line[:2].isalpha() and len(line.split()) == 6 and "/" in line.split()[1]
    ]
    assert rows == ["ar", "bn", "es", "fa", "fr", "hu", "it", "ja", "ko", "pt", "ru", "sr", "tr", "vi", "zh"]
    data = json.loads(run_status(corpus, "ko", "--format", "json").output)
    ko = data["languages"][0]
    assert ko["translated"] == 55 and ko["outdated"] > 0


def test_outdated_pages_are_counted_per_week_in_every_format(tmp_path):
    site = make_status_site(tmp_path / "site")
    text = run_status(site, ".").output
    table = text.split("Outdated pages per week", 1)[1].splitlines()
    assert next(line for line in table if line.startswith("ko ")).split() == ["ko", "1", "-", "-"]
    markdown = run_status(site, ".", "--format", "markdown").output
    assert "| ko | 2/2 (1 outdated) | 0/1 | 1/1 |" in markdown
