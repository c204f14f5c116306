from conftest import check_page, findings_of

SELECT = ["DLC104"]


def test_unclosed_quote(tmp_path):
    text = '---\nlang-ref: ch.02-1\ntitle: "경사 하강법\nlang: ko\n---\n'
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert (finding.code, finding.line) == ("DLC104", 3)
    assert "never closed" in finding.message and "경사 하강법" in finding.message


def test_stray_line_of_text(tmp_path):
    text = "---\nlang-ref: ch.01-1\nYann LeCun\ntitle: 동기\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC104", 3, 1)]


def test_tab_indentation_points_at_the_tab(tmp_path):
    text = "---\nlang-ref: ch.01-1\nauthors:\n\t- A\ntitle: 동기\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == [("DLC104", 4, 1)]


def test_specific_rules_take_precedence(tmp_path):
    # `lang:ko` is DLC105's; the value rules wait until the front matter parses
    text = "---\nlang-ref: ch.01-1\nlang:ko\ntitle: 동기\n---\n"
    assert check_page(tmp_path, text, select=["DLC1"]) == [("DLC105", 3, 5)]


def test_value_rules_wait_for_valid_yaml(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: 동기\nYann LeCun\n---\n"  # no lang, no translator: not reported yet
    assert check_page(tmp_path, text, select=["DLC1"]) == [("DLC104", 4, 1)]


def test_valid_front_matter(tmp_path):
    text = "---\nlang-ref: ch.01-1\ntitle: '동기: 소개'\nauthors:\n  - A\n  - B\nlang: ko\n---\n"
    assert check_page(tmp_path, text, select=SELECT) == []


def test_tab_message(tmp_path):
    text = "---\nlang-ref: ch.01-1\nauthors:\n\t- A\n---\n"
    (finding,) = findings_of(tmp_path, text, select=SELECT)
    assert "tab" in finding.message and "`- A`" in finding.message
