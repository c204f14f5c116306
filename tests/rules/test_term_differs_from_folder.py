"""DLC303 term-differs-from-folder: a page renders a term unlike most pages of its folder."""

from __future__ import annotations

import terms_site
from conftest import lint_site, write_site

SELECT = ("DLC303",)
HEAD = "---\nlang-ref: ch.01-{n}\ntitle: 제목\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"
CONFIG = """\
permalink: pretty
chapters:
  - path: en/week01/01.md
ko:
  chapters:
    - path: ko/week01/01.md
"""


def korean_site(root, bodies: list[str]):
    files = {}
    for n, body in enumerate(bodies, start=1):
        files[f"en/week01/01-{n}.md"] = f"---\nlang-ref: ch.01-{n}\ntitle: Part {n}\n---\n"
        files[f"ko/week01/01-{n}.md"] = HEAD.format(n=n) + body
    return write_site(root, files, CONFIG)


QUERY = "<!-- The query and the keys. -->\n{} 키와 비교된다.\n"


def test_page_using_an_accepted_form_where_the_folder_uses_the_preferred_one(tmp_path):
    korean_site(
        tmp_path,
        [
            QUERY.format("쿼리는"),
            QUERY.format("쿼리는"),
            QUERY.format("쿼리는"),
            QUERY.format("질의는") + "\n" + QUERY.format("질의가"),
        ],
    )
    findings = lint_site(tmp_path, ["ko"], select=SELECT)
    assert [(f.path, f.line, f.column) for f in findings] == [("ko/week01/01-4.md", 10, 1)]
    assert "`질의`" in findings[0].message and "`쿼리`" in findings[0].message
    assert "3 other pages" in findings[0].message
    assert findings[0].severity.value == "info"


def test_a_page_using_the_preferred_form_is_never_reported(tmp_path):
    korean_site(
        tmp_path, [QUERY.format("질의는"), QUERY.format("질의는"), QUERY.format("질의는"), QUERY.format("쿼리는")]
    )
    assert lint_site(tmp_path, ["ko"], select=SELECT) == []


def test_no_finding_when_the_folder_is_not_clear(tmp_path):
    korean_site(tmp_path, [QUERY.format("쿼리는"), QUERY.format("질의는"), QUERY.format("질의는")])
    assert lint_site(tmp_path, ["ko"], select=SELECT) == []


def test_learnt_renderings_are_off_by_default(tmp_path):
    terms_site.make(tmp_path)
    assert lint_site(tmp_path, ["zh"], select=SELECT) == []


def test_learnt_renderings_without_a_glossary(tmp_path):
    terms_site.make(tmp_path)
    findings = lint_site(tmp_path, ["zh"], select=SELECT, rule_options={"DLC303": {"learn": True}})
    assert {f.severity.value for f in findings} == {"info"}
    # page 4 writes only 资料; pages 1-3 write 数据 (page 1 also mixes: that is DLC302's finding)
    assert [(f.path, f.line, f.column) for f in findings] == [
        ("zh/week01/01-4.md", *terms_site.position(3, "资料")),
    ]
