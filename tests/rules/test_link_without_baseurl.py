from conftest import check_page, findings_of, lint_site

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_root_absolute_link_without_baseurl(tmp_path):
    page = FM + '[1주차](/ko/week01/01) and <img src="/images/a.png">\n'
    assert check_page(tmp_path, page, select=["DLC403"], extra={"images/a.png": b""}) == [
        ("DLC403", 9, 7),
        ("DLC403", 9, 36),
    ]


def test_fix_puts_the_baseurl_in_front(tmp_path):
    page = FM + "[1주차](/ko/week01/01)\n"
    (finding,) = findings_of(tmp_path, page, select=["DLC403"])
    (edit,) = finding.fix.edits
    fixed = page[: edit.start] + edit.new_text + page[edit.end :]
    assert fixed == FM + "[1주차]({{site.baseurl}}/ko/week01/01)\n"
    (tmp_path / "ko/week01/01-1.md").write_text(fixed, encoding="utf-8")
    assert lint_site(tmp_path, ["ko/week01/01-1.md"], select=("DLC403", "DLC401")) == []


def test_with_baseurl_or_to_nothing(tmp_path):
    # a root-absolute link to nothing at all is a plain broken link (DLC401), not this rule
    page = FM + "[a]({{site.baseurl}}/ko/week01/01) [b](/ko/week09/09)\n"
    assert check_page(tmp_path, page, select=["DLC403", "DLC401"]) == [("DLC401", 9, 40)]
