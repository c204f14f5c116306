from conftest import check_page, findings_of

FM = "---\nlang-ref: ch.01-1\ntitle: 동기\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n\n"


def test_broken_tags(tmp_path):
    page = FM + ('<b>그림 9:</ b> 예시\n\nb>Fig. 10</b>: 설명\n\n<bŞekil 6:</b>\n\n| <a href="x">이론/a> |\n')
    assert check_page(tmp_path, page, select=["DLC604", "DLC602", "DLC603"]) == [
        ("DLC604", 9, 9),
        ("DLC604", 11, 1),
        ("DLC604", 13, 1),
        ("DLC604", 15, 17),
    ]


def test_fix_puts_back_the_missing_bracket(tmp_path):
    page = FM + "<b>그림 9:</ b> 예시 b>Fig</b>\n"
    first, second = findings_of(tmp_path, page, select=["DLC604"])
    text = page
    for edit in sorted(first.fix.edits + second.fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.new_text + text[edit.end :]
    assert text == FM + "<b>그림 9:</b> 예시 <b>Fig</b>\n"


def test_addresses_and_paths_are_not_tags(tmp_path):
    page = FM + "<https://example.com/a> and see x/td/b> in `a/b>` and `</ b>`\n"
    assert check_page(tmp_path, page, select=["DLC604"]) == []


def test_an_opening_tag_without_bracket_starts_a_word(tmp_path):
    # after a space, "(" or at the start of a line it lost its "<"; glued to a word it is text
    page = FM + "(b>그림</b>) 예시 sup>2</sup> 그림b>3</b> 1b>4</b>\nb>5</b>\n"
    assert check_page(tmp_path, page, select=["DLC604"]) == [("DLC604", 9, 2), ("DLC604", 9, 15), ("DLC604", 10, 1)]
