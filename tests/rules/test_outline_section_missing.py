from conftest import lint_site, write_site
from outline_site import CONFIG, KO, make_site
from site_fixing import read, run_fix

from dlc_lint.finding import Safety, Severity

FR = ["fr/index.md", "fr/week01/01.md", "fr/week01/01-2.md", "fr/week02/02-1.md"]


def test_language_folder_without_section(tmp_path):
    make_site(tmp_path, KO + FR)
    (tmp_path / "fr/index.md").write_text("---\nlang: fr\nlang-ref: home\ntitle: L'apprentissage\n---\n")
    findings = lint_site(tmp_path, ["fr"], select=("DLC508",))
    assert [(f.code, f.path, f.line, f.column, f.severity) for f in findings] == [
        ("DLC508", "_config.yml", 32, 1, Severity.ERROR)
    ]  # after the last language section
    assert findings[0].message == (
        "the folder fr/ has 3 page(s) that the English outline lists, but _config.yml "
        "has no `fr:` section, so no French page appears in a sidebar"
    )
    assert findings[0].fix.safety is Safety.UNSAFE
    assert lint_site(tmp_path, ["ko"], select=("DLC508",)) == []
    run_fix(tmp_path, ["fr"], ["DLC508"], unsafe=True)
    once = read(tmp_path, "_config.yml")
    section = (
        "\nfr:\n  title: 'L''apprentissage'\n  chapters:\n    - path: fr/week01/01.md\n      sections:\n"
        "        - path: fr/week01/01-2.md\n    - path: fr/week02/02-1.md\n"
    )
    assert once == CONFIG + section
    run_fix(tmp_path, ["fr"], ["DLC508"], unsafe=True)
    assert read(tmp_path, "_config.yml") == once
    assert lint_site(tmp_path, ["fr"], select=("DLC508",)) == []


def test_only_an_index_page_is_info(tmp_path):
    make_site(tmp_path, KO + ["fr/index.md"])
    findings = lint_site(tmp_path, ["."], select=("DLC508",))
    assert [(f.line, f.column, f.severity) for f in findings] == [(32, 1, Severity.INFO)]
    assert "(the language has no sidebar title)" in findings[0].message


def test_readme_without_front_matter_does_not_count(tmp_path):
    make_site(tmp_path, KO)
    write_site(tmp_path, {"fr/README-FR.md": "# Lisez-moi\n"}, config=None)
    assert lint_site(tmp_path, ["."], select=("DLC508",)) == []


def test_broken_section_is_not_missing(tmp_path):
    config = CONFIG.replace("        - path: ko/week01/01-3.md", "         - path: ko/week01/01-3.md")
    make_site(tmp_path, KO, config=config)
    assert lint_site(tmp_path, ["ko"], select=("DLC508",)) == []


def test_section_in_a_file_that_does_not_parse_is_not_missing(tmp_path):
    make_site(tmp_path, KO, config=CONFIG.replace("\nko:\n", "\n ko:\n"))
    assert [(f.code, f.line) for f in lint_site(tmp_path, ["."], select=("DLC5",))] == [("DLC506", 20)]


def test_language_with_a_section_is_fine(tmp_path):
    make_site(tmp_path, KO + ["es/week01/01.md"])
    assert lint_site(tmp_path, ["."], select=("DLC508",)) == []


def test_no_config_skips_outline_checks_and_lang_ref_checks_still_run(tmp_path):
    root = tmp_path / "content"
    write_site(
        root,
        {
            "en/week01/01-1.md": "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n",
            "en/week02/02.md": "---\nlang-ref: ch.02\ntitle: Week 2\n---\n",
            "ko/week01/01-1.md": "---\nlang: ko\nlang-ref: ch.01-2\ntitle: 동기\n---\n",
            "ko/Week02/02.md": "---\nlang: ko\nlang-ref: ch.02\ntitle: 2\n---\n",
        },
        config=None,
    )
    findings = lint_site(root, ["ko"], select=("DLC2", "DLC5"))
    assert [(f.code, f.path, f.line, f.column) for f in findings] == [
        ("DLC205", "ko/Week02/02.md", 1, 1),
        ("DLC202", "ko/week01/01-1.md", 3, 11),
    ]
    assert "move this page to ko/week02/02.md" in findings[0].message
