"""The front-matter rules on the real site: the defects the issue names, and nothing else in ko/."""

from conftest import lint_site


def test_korean_pages(corpus):
    findings = lint_site(corpus, ["ko"], select=("DLC1",))
    found = {(f.path, f.line, f.column, f.code) for f in findings}
    variants = {
        ("ko/week03/03-1.md", 9),
        ("ko/week03/03-2.md", 8),  # translate-date
        ("ko/week05/05-3.md", 8),
        ("ko/week09/09.md", 6),
        ("ko/week09/09-1.md", 8),
        ("ko/week09/09-2.md", 8),
        ("ko/week09/09-3.md", 8),
        ("ko/week11/11-2.md", 8),
        ("ko/week11/11-3.md", 8),  # translation date
    }
    expected = {(path, line, 1, "DLC114") for path, line in variants}
    expected.add(("ko/week11/11.md", 1, 1, "DLC101"))  # the BOM
    # titles left in English: worth a look (info), nothing more
    expected |= {
        ("ko/week06/06-2.md", 4, 8, "DLC117"),
        ("ko/week07/07-1.md", 4, 8, "DLC117"),
        ("ko/week10/10-3.md", 3, 8, "DLC117"),
    }
    assert found == expected
    assert all(f.fix is not None for f in findings if f.code in ("DLC101", "DLC114"))
    assert {f.severity.value for f in findings if f.code == "DLC117"} == {"info"}


def test_other_languages(corpus):
    pages = [
        "tr/week07/07-1.md",
        "ru/week10/10-1.md",
        "tr/week09/09.md",
        "tr/week13/13.md",
        "es/week14/14-1.md",
        "pt/week02/02-1.md",
        "zh/week12/12-2.md",
        "zh/week02/02-1.md",
    ]
    findings = lint_site(corpus, pages, select=("DLC1",))
    found = {(f.path, f.line, f.column, f.code) for f in findings}
    assert found == {
        ("tr/week07/07-1.md", 7, 7, "DLC111"),  # lang: turkish
        ("ru/week10/10-1.md", 1, 1, "DLC110"),  # no lang
        ("tr/week09/09.md", 1, 1, "DLC110"),
        ("tr/week09/09.md", 3, 8, "DLC117"),  # `Week 9`
        ("tr/week13/13.md", 2, 1, "DLC102"),  # no opening `---`
        ("es/week14/14-1.md", 9, 1, "DLC109"),  # the translation date under a second `date`
        ("pt/week02/02-1.md", 8, 19, "DLC116"),  # 28 Fev 2021
        ("zh/week12/12-2.md", 8, 1, "DLC114"),
        ("zh/week12/12-2.md", 9, 1, "DLC114"),  # Translation-date, Translator
    }


def test_english_pages_are_clean(corpus):
    assert lint_site(corpus, ["en", "index.md"], select=("DLC1",)) == []
