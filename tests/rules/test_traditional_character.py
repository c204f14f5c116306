"""DLC308 traditional-character: traditional characters on simplified-Chinese pages."""

from __future__ import annotations

from conftest import check_page, findings_of, lint_site
from front_matter_fixing import assert_fixes

FM = "---\nlang-ref: ch.01-1\ntitle: 动机\nlang: zh\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
SELECT = ["DLC308"]
ZH = "zh/week01/01-1.md"


def test_one_finding_per_paragraph_at_its_first_traditional_character(tmp_path):
    body = "我們用这个網絡来学习。\n第二行也有們。\n\n这一段是简体。\n\n最後一段。\n"
    findings = findings_of(tmp_path, FM + body, path=ZH, select=SELECT)
    assert [(f.line, f.column) for f in findings] == [(9, 2), (14, 2)]
    assert "4 traditional characters" in findings[0].message  # 們 twice
    assert "`們` → `们`" in findings[0].message and "`網` → `网`" in findings[0].message
    assert findings[0].severity.value == "warning"


def test_shared_characters_code_comments_math_and_other_languages_are_not_read(tmp_path):
    body = "位于著名的乾坤。\n\n`這個` <!-- 這是註釋 --> $\\text{們}$\n\n```\n# 這個\n```\n"
    assert check_page(tmp_path, FM + body, path=ZH, select=SELECT) == []
    ja = FM.replace("lang: zh", "lang: ja")
    assert check_page(tmp_path, ja + "這個\n", path="ja/week01/01-1.md", select=SELECT) == []


def test_fix_needs_unsafe_fixes(tmp_path):
    assert_fixes(tmp_path, FM + "我們用網絡。\n", FM + "我们用网络。\n", SELECT, unsafe=True, path=ZH)


def test_corpus_pages_in_traditional_characters(corpus):
    findings = lint_site(corpus, ["zh/week13/13-2.md", "zh/week12/12-2.md"], select=tuple(SELECT))
    assert {f.path for f in findings} == {"zh/week13/13-2.md"}
