import shutil

import pytest
from conftest import lint_site
from outline_site import CONFIG, KO, make_site
from site_fixing import read, run_fix

from dlc_lint.site.outline import parse_outline


def found(findings):
    return [(f.code, f.line, f.column) for f in findings]


@pytest.mark.parametrize(
    "old, new, position, reason",
    [
        (
            "        - path: ko/week01/01-3.md",
            "         - path: ko/week01/01-3.md",
            (26, 10),
            "this item is indented 9 spaces but the item above it 8",
        ),
        (
            "        - path: ko/week01/01-3.md",
            "       - path: ko/week01/01-3.md",
            (26, 8),
            "this item is indented 7 spaces but the item above it 8",
        ),
        (
            "      sections:\n        - path: ko/week01/01-1.md",
            "        - path: ko/week01/01-1.md",
            (24, 9),
            "this item is indented under `- path: ko/week01/01.md`, which has no `sections:` key",
        ),
        (
            "        - path: ko/week01/01-3.md",
            "\t- path: ko/week01/01-3.md",
            (26, 1),
            "a tab is used for indentation; YAML needs spaces",
        ),
        (
            "        - path: ko/week01/01-3.md",
            "        -path: ko/week01/01-3.md",
            (26, 9),
            "`-path:` needs a space after `-`",
        ),
        (
            "        - path: ko/week01/01-3.md",
            "\u200b        - path: ko/week01/01-3.md",
            (26, 1),
            "an invisible character U+200B starts the line",
        ),
        ("\nko:\n", "\n ko:\n", (20, 2), "`ko:` is indented 1 space, which lines up with nothing above it"),
    ],
)
def test_error_is_located_and_explained(tmp_path, old, new, position, reason):
    config = CONFIG.replace(old, new)
    make_site(tmp_path, KO, config=config)
    findings = lint_site(tmp_path, ["ko"], select=("DLC506",))
    assert found(findings) == [("DLC506", *position)]
    assert findings[0].message == (
        f"`_config.yml` is not valid YAML here: {reason}. Jekyll cannot read the file, "
        "so the site is not built and no language gets its sidebar"
    )


def test_reported_whatever_language_is_linted(tmp_path):
    config = CONFIG.replace("        - path: ko/week01/01-3.md", "         - path: ko/week01/01-3.md")
    make_site(tmp_path, KO + ["es/week01/01.md"], config=config)
    assert found(lint_site(tmp_path, ["es"], select=("DLC506",))) == [("DLC506", 26, 10)]
    assert found(lint_site(tmp_path, ["en/week01/01.md"], select=("DLC506",))) == [("DLC506", 26, 10)]


def test_every_broken_section_is_reported(tmp_path):
    config = CONFIG.replace("        - path: ko/week01/01-3.md", "         - path: ko/week01/01-3.md")
    config = config.replace("      - path: en/week01/01-2.md", "       - path: en/week01/01-2.md")
    make_site(tmp_path, KO, config=config)
    assert found(lint_site(tmp_path, ["."], select=("DLC506",))) == [("DLC506", 12, 8), ("DLC506", 26, 10)]


def test_dash_fix_is_applied(tmp_path):
    make_site(
        tmp_path, KO, config=CONFIG.replace("        - path: ko/week01/01-3.md", "        -path: ko/week01/01-3.md")
    )
    run_fix(tmp_path, ["ko"], ["DLC506"])
    assert read(tmp_path, "_config.yml") == CONFIG
    run_fix(tmp_path, ["ko"], ["DLC506"])
    assert read(tmp_path, "_config.yml") == CONFIG
    assert lint_site(tmp_path, ["ko"], select=("DLC506",)) == []


def test_valid_config_is_fine(tmp_path):
    make_site(tmp_path, KO)
    assert lint_site(tmp_path, ["."], select=("DLC506",)) == []


def test_broken_copy_of_the_corpus_config(tmp_path, corpus):
    """Bad indentation, `-path:`, a zero-width space and a second `ko:` in the real config:
    every problem is positioned, and the other languages are still checked."""
    site = tmp_path / "docs"
    site.mkdir()
    for child in corpus.iterdir():
        if child.name == "ko":
            shutil.copytree(child, site / "ko")  # linted on its own below: a real folder
        elif child.is_dir():  # copies: dlc-lint reads nothing that a link takes outside the site
            shutil.copytree(child, site / child.name)
        elif child.name != "_config.yml":
            shutil.copy(child, site / child.name)
    text = (corpus / "_config.yml").read_text(encoding="utf-8")
    lines = text.split("\n")
    es = lines.index("        - path: es/week01/01-2.md")
    it = lines.index("        - path: it/week01/01-2.md")
    ja = lines.index("        - path: ja/week01/01-2.md")
    lines[es] = " " + lines[es]
    lines[it] = lines[it].replace("- path", "-path")
    lines[ja] = lines[ja] + "\u200b"
    broken = "\n".join(lines) + "ko:\n  title: 'again'\n  chapters:\n    - path: ko/week02/02.md\n"
    (site / "_config.yml").write_text(broken, encoding="utf-8")
    duplicate = len(lines)

    outline = parse_outline(broken)
    assert not outline.parsed and outline.broken == {"es", "it"}
    assert {"en", "ko", "ja", "fa", "ar", "tr", "bn", "ru", "pt", "zh"} <= set(outline.languages)

    findings = lint_site(site, ["."], select=("DLC5",))
    config = [(f.code, f.line, f.column) for f in findings if f.path == "_config.yml"]
    assert ("DLC506", es + 1, 10) in config
    assert ("DLC506", it + 1, 9) in config
    assert ("DLC505", ja + 1, 34) in config
    assert ("DLC507", duplicate, 1) in config
    assert ("DLC507", 13, 1) in config  # the real `url` duplicate: a warning about settings
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1 and finding.message
    # the other languages are still checked: the real outline defects are all found
    pages = {(f.code, f.path) for f in findings if f.path != "_config.yml"}
    assert pages == {("DLC501", "ar/week07/07-1.md"), ("DLC501", "tr/week06/06-2.md"), ("DLC501", "bn/week01/01.md")}
    assert ("DLC503", 672, 13) in config and ("DLC504", 674, 17) in config
    # linting only docs/ko: the file-wide breakage and the `ko:` duplicate, nothing of other languages
    ko = lint_site(site, ["ko"], select=("DLC5",))
    assert sorted((f.code, f.line) for f in ko) == sorted(
        [("DLC506", es + 1), ("DLC506", it + 1), ("DLC507", duplicate)]
    )
    # the safe fixes repair `-path:` and the zero-width space, and nothing else changes
    run_fix(site, ["."], ["DLC505", "DLC506"])
    repaired = (site / "_config.yml").read_text(encoding="utf-8")
    assert repaired == broken.replace("-path: it/", "- path: it/").replace("\u200b", "")
    shutil.rmtree(site)
