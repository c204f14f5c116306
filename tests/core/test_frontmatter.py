from dlc_lint.parse.frontmatter import parse_front_matter

TEXT = "---\nlang-ref: ch.01-1\ntitle: '제목'\ntranslator : Jieun\ntranslation date: 30 Mar 2020\n---\n\nbody\n"


def test_entries_have_key_and_value_offsets():
    front = parse_front_matter(TEXT)
    assert front.present and front.closed and front.hidden_by is None
    title = front.entry("title")
    assert TEXT[title.key_start : title.key_end] == "title"
    assert TEXT[title.value_start : title.value_end] == "'제목'"
    assert title.value_text == "제목" and title.line == 2
    assert front.entry("translator").key == "translator"
    assert front.get("translation date") == "30 Mar 2020"
    assert TEXT[front.end :] == "\nbody\n"


def test_yaml_problem_is_positioned():
    text = "---\ntitle: a: b\n---\n"
    front = parse_front_matter(text)
    assert front.problem is not None
    assert text[: front.problem.offset].count("\n") == 1  # on the title line


def test_no_space_after_colon_and_fullwidth_colon_are_odd_lines():
    text = "---\nlang:ko\ntitle：제목\n[link](x)\n## title: 제목\n# a plain comment\n---\n"
    kinds = [o.kind for o in parse_front_matter(text).odd_lines]
    assert kinds == ["no-space-after-colon", "fullwidth-colon", "not-a-key", "commented-key"]


def test_hidden_by_blank_lines_and_bom():
    assert parse_front_matter("\n\n---\na: 1\n---\n").hidden_by == "blank-lines"
    assert parse_front_matter("---\na: 1\n---\n", has_bom=True).hidden_by == "bom"


def test_unclosed_and_absent():
    front = parse_front_matter("---\na: 1\nno end\n")
    assert front.present and not front.closed and front.data is None
    assert not parse_front_matter("# Title\n").present
    assert not parse_front_matter("").present


def test_duplicates():
    front = parse_front_matter("---\nlang: tr\ntitle: x\nlang: turkish\n---\n")
    ((first, again),) = front.duplicates
    assert first.line == 1 and again.line == 3
