from conftest import check_page, findings_of

from dlc_lint.finding import Safety

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_malformed_baseurl_tags(tmp_path):
    page = FM + (
        "[a]({{site.baseurl}}}/ko/week01/01)\n"
        "![b]({{site. baseurl}}/images/a.png)\n"
        "[c]({site.baseurl}}/ko/week01/01) [d]({{ site.baseURL }}/ko/week01/01)\n"
    )
    # `{{site. baseurl}}` is fine: Liquid allows spaces around the dot (fixtures/renderer/ko/links/liquid-space.md)
    assert check_page(tmp_path, page, select=["DLC405"], extra={"images/a.png": b""}) == [
        ("DLC405", 9, 5),
        ("DLC405", 11, 5),
        ("DLC405", 11, 39),
    ]


def test_well_formed_and_hidden_tags_are_fine(tmp_path):
    page = FM + (
        "[a]({{site.baseurl}}/ko/week01/01) [b]({{ site.baseurl }}/ko/week01/01)\n\n"
        "<!-- [c]({{site.baseurl}}}/en/week01/01) -->\n\n"
        "```\n{{site. baseurl}}\n```\n\n`{site.baseurl}}` and prose about site.baseurl\n"
    )
    assert check_page(tmp_path, page, select=["DLC405"]) == []


def test_fix_is_safe_when_the_link_then_resolves(tmp_path):
    page = FM + "[a]({{site.baseurl}}}/ko/week01/01) text {{site.baseurl}\n"
    first, second = findings_of(tmp_path, page, select=["DLC405"])
    assert first.fix.safety is Safety.SAFE and second.fix.safety is Safety.UNSAFE
    (edit,) = first.fix.edits
    assert (
        page[: edit.start] + edit.new_text + page[edit.end :]
        == FM + "[a]({{site.baseurl}}/ko/week01/01) text {{site.baseurl}\n"
    )
    assert "3 closing braces" in first.message


def test_broken_link_is_not_reported_twice(tmp_path):
    page = FM + "[a]({{site.baseurl}}}/ko/week01/01)\n"
    assert check_page(tmp_path, page, select=["DLC401", "DLC405"]) == [("DLC405", 9, 5)]
