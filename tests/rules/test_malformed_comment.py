from conftest import check_page, findings_of, lint_site

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_malformed_openers(tmp_path):
    page = FM + "<!-le English -->\n\n<!—## Heading -->\n\n텍스트 <! -- x -->\n\n<--! ### Heading -->\n\n<!--- ok -->\n"
    assert check_page(tmp_path, page, select=["DLC605"]) == [
        ("DLC605", 9, 1),
        ("DLC605", 11, 1),
        ("DLC605", 13, 5),
        ("DLC605", 15, 1),
    ]


def test_bang_closer_and_fix(tmp_path):
    page = FM + "<!-- ### What is it? --!>\n\n번역\n\n<!-- x -->\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC605"])
    assert (finding.line, finding.column) == (9, 22)
    (edit,) = finding.fix.edits
    assert (
        page[: edit.start] + edit.new_text + page[edit.end :] == FM + "<!-- ### What is it? -->\n\n번역\n\n<!-- x -->\n"
    )


def test_arrows_in_text_are_fine(tmp_path):
    assert check_page(tmp_path, FM + "a --> b and x <-- y\n", select=["DLC605"]) == []


def _apply(text, fix):
    for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.new_text + text[edit.end :]
    return text


def test_damaged_closer_is_fixed_with_the_opener(tmp_path):
    # tr/week03/03-2.md:220: machine translation turned `<!-- ... -->` into `<! - ... ->`
    page = FM + "번역 4 (2x2) <! - the overall subsampling is 4 (2x2) ->. 다음 문장.\n\n다음 문단\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC605"])
    assert (finding.line, finding.column) == (9, 12)
    assert "damaged closer `->` at 9:52" in finding.message
    fixed = _apply(page, finding.fix)
    assert fixed == FM + "번역 4 (2x2) <!-- the overall subsampling is 4 (2x2) -->. 다음 문장.\n\n다음 문단\n"
    (tmp_path / "ko/week01/01-1.md").write_text(fixed, encoding="utf-8")
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC605", "DLC606")) == []


def test_no_fix_when_no_closer_follows(tmp_path):
    # `<!--` alone would hide the rest of the page (DLC606), so the fix must not be offered
    page = FM + "<!—## Heading\n\n## 제목\n\n본문\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC605"])
    assert finding.fix is None
    assert "no `-->` follows it" in finding.message


def test_an_arrow_does_not_stand_for_the_closer_when_a_real_one_follows(tmp_path):
    page = FM + "<!—a -> b -->\n\n번역\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC605"])
    assert _apply(page, finding.fix) == FM + "<!--a -> b -->\n\n번역\n"


def test_fix_of_an_opener_after_text_needs_review(tmp_path):
    from dlc_lint.finding import Safety

    page = FM + "텍스트 <! -- x -->\n\n<!-le English -->\n"
    first, second = findings_of(tmp_path, page, select=["DLC605"])
    assert (first.line, first.fix.safety) == (9, Safety.UNSAFE)  # the repaired comment would be glued
    assert (second.line, second.fix.safety) == (11, Safety.SAFE)
