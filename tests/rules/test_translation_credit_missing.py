from conftest import check_page, findings_of

SELECT = ["DLC113"]


def test_translator_and_date_missing(tmp_path):
    text = "---\nlang-ref: ch.02\ntitle: الأسبوع 2\nlang: ar\n---\n"
    assert check_page(tmp_path, text, select=SELECT, path="ar/week02/02.md") == [("DLC113", 1, 1)]
    (finding,) = findings_of(tmp_path, text, select=SELECT, path="ar/week02/02.md")
    assert "`translator` and `translation-date` are missing" in finding.message


def test_translation_date_missing(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: Jieun\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "`translation-date` is missing" in finding.message and "translator`" not in finding.message


def test_empty_translator(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator:\ntranslation-date: 1 Feb 2020\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC113", 5, 1)]


def test_variant_key_is_reported_by_its_own_rule(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation date: Jul 2020\n---\n"
    assert check_page(tmp_path, text, select=["DLC113", "DLC114"]) == [("DLC114", 6, 1)]


def test_index_and_english_pages_are_not_checked(tmp_path):
    index = "---\nlayout: default\nlang-ref: home\ntitle: 딥러닝\nlang: ko\n---\n"
    assert check_page(tmp_path, index, select=SELECT, path="ko/index.md") == []
    english = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n"
    assert check_page(tmp_path, english, select=SELECT, path="en/week01/01-1.md") == []


def test_complete_credit(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Feb 2020\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []


NO_DATE = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\n---\n"
SHOWS_BOTH = {"_layouts/default.html": "{{ content }}\n<i>{{ page.translator }}</i> {{ page['translation-date'] }}\n"}


def test_a_credit_the_layout_shows_is_a_warning(tmp_path):
    (finding,) = findings_of(tmp_path, NO_DATE, select=SELECT, extra=SHOWS_BOTH)
    assert finding.severity.value == "warning" and "`translator` and `translation-date` are missing" in finding.message


def test_a_credit_the_layout_does_not_show_is_information_and_says_so(tmp_path):
    # the site's config gives every page the `custom` layout; it shows the translator, not the date
    config = (
        __import__("conftest").CONFIG + 'defaults:\n  - scope:\n      path: ""\n    values:\n      layout: "custom"\n'
    )
    extra = {
        "_layouts/custom.html": "---\nlayout: base\n---\n{{ content }}\n{% if page.translator %}{{ page.translator }}{% endif %}\n",
        "_layouts/base.html": "<html><body>{{ content }}{% include footer.html %}</body></html>\n",
        "_includes/footer.html": "<footer>{{ site.title }}</footer>\n",
    }
    found = findings_of(tmp_path, NO_DATE, select=SELECT, extra=extra, config=config)
    by_severity = {f.severity.value: f.message for f in found}
    assert "`translator` is missing" in by_severity["warning"]
    assert "`translation-date` is missing" in by_severity["info"]
    assert (
        "the site's layout (`custom`) does not show `translation-date`, so readers miss nothing" in by_severity["info"]
    )


def test_a_theme_layout_outside_the_site_cannot_be_checked(tmp_path):
    # `default` is a symbolic link into a theme checked out as a plain file holding its target
    extra = {"_layouts/default.html": "../theme/_layouts/default.html"}
    (finding,) = findings_of(tmp_path, NO_DATE, select=SELECT, extra=extra)
    assert finding.severity.value == "info" and "cannot be checked" in finding.message
    (tmp_path / "bare").mkdir()
    (finding,) = findings_of(tmp_path / "bare", NO_DATE, select=SELECT)  # no layout file at all
    assert finding.severity.value == "info" and "theme that is not in the site" in finding.message


def test_a_misspelled_credit_key_follows_the_layout(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation date: 1 Jan 2020\n---\n"
    (shown,) = findings_of(tmp_path, text, select=["DLC114"], extra=SHOWS_BOTH)
    assert shown.severity.value == "warning"
    (tmp_path / "hidden").mkdir()
    extra = {"_layouts/default.html": "{{ content }} {{ page.translator }}\n"}
    (hidden,) = findings_of(tmp_path / "hidden", text, select=["DLC114"], extra=extra)
    assert hidden.severity.value == "info" and "does not show `translation-date`" in hidden.message
