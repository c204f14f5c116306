from conftest import lint_site, write_site
from outline_site import CONFIG, KO, make_site
from site_fixing import read, run_fix

from dlc_lint.finding import Safety


def codes(findings):
    return [(f.code, f.path, f.line, f.column) for f in findings]


def fix_and_check(root, targets, before_after, *, unsafe=False):
    """Apply the DLC501 fixes, compare _config.yml, fix again (no change), lint clean."""
    before, after = before_after
    assert read(root, "_config.yml") == before
    run_fix(root, targets, ["DLC501"], unsafe=unsafe)
    once = read(root, "_config.yml")
    assert once == after
    run_fix(root, targets, ["DLC501"], unsafe=unsafe)
    assert read(root, "_config.yml") == once
    assert lint_site(root, targets, select=("DLC501",)) == []


def test_section_missing_between_its_siblings(tmp_path):
    make_site(tmp_path, KO + ["ko/week01/01-2.md"])
    findings = lint_site(tmp_path, ["ko"], select=("DLC501",))
    assert codes(findings) == [("DLC501", "ko/week01/01-2.md", 1, 1)]
    finding = findings[0]
    assert "not in the `ko:` outline of _config.yml" in finding.message
    assert "missing from the Korean sidebar" in finding.message
    assert "section of `en/week01/01.md`" in finding.message
    assert finding.fix.path == "_config.yml" and finding.fix.safety is Safety.SAFE
    (related,) = finding.related
    assert (related.path, related.line, related.column) == ("_config.yml", 23, 13)
    after = CONFIG.replace(
        "        - path: ko/week01/01-1.md\n", "        - path: ko/week01/01-1.md\n        - path: ko/week01/01-2.md\n"
    )
    fix_and_check(tmp_path, ["ko"], (CONFIG, after))


def test_chapter_missing_goes_in_week_order(tmp_path):
    make_site(tmp_path, KO + ["ko/week02/02.md"])
    assert codes(lint_site(tmp_path, ["ko"], select=("DLC501",))) == [("DLC501", "ko/week02/02.md", 1, 1)]
    after = CONFIG.replace(
        "    - path: ko/week03/03.md\n", "    - path: ko/week02/02.md\n    - path: ko/week03/03.md\n"
    )
    fix_and_check(tmp_path, ["ko"], (CONFIG, after))


def test_section_of_an_unlisted_chapter_comes_with_its_chapter(tmp_path):
    make_site(tmp_path, KO + ["ko/week02/02.md", "ko/week02/02-1.md"])
    assert codes(lint_site(tmp_path, ["ko"], select=("DLC501",))) == [
        ("DLC501", "ko/week02/02-1.md", 1, 1),
        ("DLC501", "ko/week02/02.md", 1, 1),
    ]
    after = CONFIG.replace(
        "    - path: ko/week03/03.md\n",
        "    - path: ko/week02/02.md\n      sections:\n        - path: ko/week02/02-1.md\n"
        "    - path: ko/week03/03.md\n",
    )
    fix_and_check(tmp_path, ["ko"], (CONFIG, after))


def test_section_without_a_chapter_page_is_listed_as_a_chapter_unsafely(tmp_path):
    make_site(tmp_path, KO + ["ko/week02/02-1.md"])
    (finding,) = lint_site(tmp_path, ["ko/week02/02-1.md"], select=("DLC501",))
    assert finding.fix.safety is Safety.UNSAFE
    run_fix(tmp_path, ["ko"], ["DLC501"])
    assert read(tmp_path, "_config.yml") == CONFIG
    after = CONFIG.replace(
        "    - path: ko/week03/03.md\n", "    - path: ko/week02/02-1.md\n    - path: ko/week03/03.md\n"
    )
    fix_and_check(tmp_path, ["ko"], (CONFIG, after), unsafe=True)


def test_first_section_of_a_chapter_adds_the_sections_key(tmp_path):
    config = CONFIG.replace(
        "  - path: en/week03/03.md\n", "  - path: en/week03/03.md\n    sections:\n      - path: en/week03/03-1.md\n"
    )
    make_site(tmp_path, KO + ["en/week03/03-1.md", "ko/week03/03-1.md"], config=config)
    after = config.replace(
        "    - path: ko/week03/03.md\n",
        "    - path: ko/week03/03.md\n      sections:\n        - path: ko/week03/03-1.md\n",
    )
    fix_and_check(tmp_path, ["ko"], (config, after))


def test_language_with_a_title_only_gets_chapters(tmp_path):
    make_site(tmp_path, ["es/week01/01.md"])
    after = CONFIG + "  chapters:\n    - path: es/week01/01.md\n"
    fix_and_check(tmp_path, ["es"], (CONFIG, after))


def test_prologue(tmp_path):
    make_site(tmp_path, KO + ["ko/about.md"])
    assert codes(lint_site(tmp_path, ["ko"], select=("DLC501",))) == [("DLC501", "ko/about.md", 1, 1)]
    after = CONFIG.replace(
        "  title: '딥러닝'\n  chapters:\n", "  title: '딥러닝'\n  prologues:\n    - path: ko/about.md\n  chapters:\n"
    )
    fix_and_check(tmp_path, ["ko"], (CONFIG, after))


def test_insertion_after_the_last_chapter_stays_above_the_next_banner(tmp_path):
    config = CONFIG.replace("    - path: ko/week03/03.md\n", "")
    make_site(tmp_path, KO, config=config)
    after = config.replace(
        "        - path: ko/week01/01-3.md\n\n", "        - path: ko/week01/01-3.md\n    - path: ko/week03/03.md\n\n"
    )
    assert "#### Spanish" in after.split("ko/week03/03.md", 1)[1]
    fix_and_check(tmp_path, ["ko"], (config, after))


def test_crlf_config_keeps_its_line_endings(tmp_path):
    make_site(tmp_path, KO + ["ko/week01/01-2.md"])
    (tmp_path / "_config.yml").write_bytes(CONFIG.replace("\n", "\r\n").encode())
    run_fix(tmp_path, ["ko"], ["DLC501"])
    data = (tmp_path / "_config.yml").read_bytes()
    assert b"\r\n        - path: ko/week01/01-2.md\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_english_lecture_page_missing_from_the_english_outline(tmp_path):
    make_site(tmp_path, ["en/week02/02-2.md"])
    findings = lint_site(tmp_path, ["en/week02/02-2.md"], select=("DLC501",))
    assert codes(findings) == [("DLC501", "en/week02/02-2.md", 1, 1)]
    assert "top-level English outline" in findings[0].message
    after = CONFIG.replace(
        "      - path: en/week02/02-1.md\n", "      - path: en/week02/02-1.md\n      - path: en/week02/02-2.md\n"
    )
    fix_and_check(tmp_path, ["en/week02/02-2.md"], (CONFIG, after))


def test_pages_the_english_outline_does_not_list_are_not_expected(tmp_path):
    make_site(tmp_path, KO + ["ko/notes.md", "ko/week09/09.md"])
    assert lint_site(tmp_path, ["ko"], select=("DLC501",)) == []


def test_page_in_a_malformed_entry_is_left_to_the_outline_rules(tmp_path):
    config = CONFIG.replace(
        "        - path: ko/week01/01-3.md\n", "        - path: ko/week01/01-3.md\n        - paht: ko/week01/01-2.md\n"
    )
    make_site(tmp_path, KO + ["ko/week01/01-2.md"], config=config)
    assert lint_site(tmp_path, ["ko"], select=("DLC501",)) == []
    zero_width = CONFIG.replace("ko/week01/01-3.md", "ko/week01/01-3.md\u200b")
    (tmp_path / "_config.yml").write_text(zero_width, encoding="utf-8")
    (tmp_path / "ko/week01/01-2.md").unlink()
    assert lint_site(tmp_path, ["ko"], select=("DLC501",)) == []


def test_broken_or_missing_section_is_left_to_other_rules(tmp_path):
    broken = CONFIG.replace("        - path: ko/week01/01-3.md", "         - path: ko/week01/01-3.md")
    make_site(tmp_path, KO + ["ko/week01/01-2.md", "fr/week01/01.md"], config=broken)
    assert lint_site(tmp_path, ["ko", "fr"], select=("DLC501",)) == []


def test_no_config_no_outline_findings(tmp_path):
    root = tmp_path / "content"
    write_site(
        root,
        {"en/week01/01.md": "---\nlang-ref: ch.01\n---\n", "ko/week01/01.md": "---\nlang: ko\nlang-ref: ch.01\n---\n"},
        config=None,
    )
    assert lint_site(root, ["ko"], select=("DLC5",)) == []


def test_broken_english_outline_does_not_flood(tmp_path):
    broken = CONFIG.replace("      - path: en/week01/01-2.md", "       - path: en/week01/01-2.md")
    make_site(tmp_path, KO + ["ko/week01/01-2.md"], config=broken)
    assert lint_site(tmp_path, ["."], select=("DLC501",)) == []
    assert [(f.code, f.line) for f in lint_site(tmp_path, ["."], select=("DLC5",))] == [("DLC506", 12)]
