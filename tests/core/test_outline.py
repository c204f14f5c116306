from dlc_lint.parse.source import SourceText
from dlc_lint.site.outline import parse_outline

CONFIG = """\
baseurl: '/x'
chapters:
  - path: en/week01/01.md
    sections:
      - path: en/week01/01-1.md
ko:
  title: '딥러닝'
  chapters:
    - path: ko/week01/01.md
      sections:
        - path: ko/week01/01-1.md
zh:
  title: '深度学习'
  chapters:
    - path: zh/week01/01.md
"""


def line_of(text, offset):
    return SourceText.from_text(text).position(offset)


def test_languages_and_entry_positions():
    outline = parse_outline(CONFIG)
    assert sorted(outline.languages) == ["en", "ko", "zh"]
    ko = outline.languages["ko"]
    assert [e.path for e in ko.entries] == ["ko/week01/01.md", "ko/week01/01-1.md"]
    section = ko.entries[1]
    assert section.kind == "section" and section.chapter == "ko/week01/01.md"
    assert line_of(CONFIG, section.span.start) == (11, 17)
    assert outline.settings["baseurl"] == "/x"


def test_duplicate_language_key_is_found():
    text = CONFIG + "ko:\n  title: again\n  chapters:\n    - path: ko/week02/02.md\n"
    problems = [p for p in parse_outline(text).problems if p.kind == "duplicate-key"]
    assert len(problems) == 1 and "first at line 6" in problems[0].message
    assert line_of(text, problems[0].span.start) == (16, 1)


def test_broken_section_is_located_and_others_still_parse():
    broken = CONFIG.replace("        - path: ko/week01/01-1.md", "     - path: ko/week01/01-1.md")
    outline = parse_outline(broken)
    assert not outline.parsed
    syntax = [p for p in outline.problems if p.kind == "syntax"]
    assert syntax and line_of(broken, syntax[0].span.start)[0] in (10, 11)
    assert "zh" in outline.languages and "en" in outline.languages and "ko" not in outline.languages


def test_malformed_entries():
    text = CONFIG.replace("      sections:\n        - path: ko", "      section:\n        - path: ko").replace(
        "    - path: zh/week01/01.md", "    -path: zh/week01/01.md"
    )
    problems = [p for p in parse_outline(text).problems if p.kind == "malformed-entry"]
    assert any("unknown outline key `section`" in p.message and "`sections`" in p.message for p in problems)
    assert any(line_of(text, p.span.start)[0] == 15 for p in problems)  # the `-path:` line


def test_invisible_character():
    text = CONFIG.replace("ko/week01/01-1.md", "ko/week01/01-1\u200b.md")
    (problem,) = [p for p in parse_outline(text).problems if p.kind == "invisible-character"]
    assert "U+200B" in problem.message
