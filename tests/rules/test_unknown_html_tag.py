from conftest import check_page, findings_of

from dlc_lint.finding import Severity

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_translated_tag_name_paired_with_real_closer(tmp_path):
    page = FM + '<centro>\n<img src="a.png"/>\n</center>\n\n## 제목\n'
    (finding,) = findings_of(tmp_path, page, select=["DLC601"])
    assert (finding.line, finding.column, finding.severity) == (9, 1, Severity.ERROR)
    assert "write `<center>`" in finding.message
    (edit,) = finding.fix.edits
    fixed = page[: edit.start] + edit.new_text + page[edit.end :]
    assert fixed == FM + '<center>\n<img src="a.png"/>\n</center>\n\n## 제목\n'


def test_typo_in_closing_tag_in_a_paragraph(tmp_path):
    page = FM + "잠재 공간<sup>latent space</spu>이다.\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC601"])
    assert (finding.line, finding.column, finding.severity) == (9, 23, Severity.WARNING)


def test_known_svg_custom_code_math_and_english_tags_are_fine(tmp_path):
    page = FM + '<svg><circle r="1"/></svg> <my-widget></my-widget> `<foo>` $a <bar> b$ x <EOS>\n'
    english = "---\nlang-ref: ch.01-1\ntitle: M\n---\n\ntoken <EOS> ends it\n"
    assert check_page(tmp_path, page, select=["DLC601"], english=english) == []
    assert check_page(tmp_path, FM + "text <centrer>x</centrer>\n", select=["DLC601"]) == [
        ("DLC601", 9, 6),
        ("DLC601", 9, 16),
    ]
