from dlc_lint.parse.source import SourceText


def test_crlf_is_normalised_and_restored():
    source = SourceText.from_bytes(b"a\r\nb\r\nc")
    assert source.text == "a\nb\nc"
    assert source.newline == "\r\n"
    assert source.encode() == b"a\r\nb\r\nc"


def test_mixed_line_endings_survive_a_same_line_count_edit():
    source = SourceText.from_bytes(b"a\r\nb\nc\rd")
    assert source.text == "a\nb\nc\nd"
    assert source.encode("A\nb\nc\nD") == b"A\r\nb\nc\rD"


def test_bom_is_stripped_and_remembered():
    source = SourceText.from_bytes(b"\xef\xbb\xbf---\n")
    assert source.has_bom and source.text == "---\n"
    assert source.encode() == b"\xef\xbb\xbf---\n"


def test_positions_are_one_based_characters():
    source = SourceText.from_text("첫째\n둘째 줄")
    assert source.position(0) == (1, 1)
    assert source.position(3) == (2, 1)
    assert source.position(6) == (2, 4)
    assert source.offset(2, 4) == 6


def test_undecodable_byte_is_located():
    source = SourceText.from_bytes(b"ok\ncaf\xe9\n")
    assert source.decode_problem is not None
    assert source.position(source.decode_problem.offset) == (2, 4)
    assert source.decode_problem.byte == 0xE9


def test_binary_is_detected():
    assert SourceText.from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00").binary
    assert not SourceText.from_bytes(b"").binary


def test_edits_keep_each_lines_own_ending():
    from dlc_lint.finding import Edit

    source = SourceText.from_bytes(b"a\r\nb\nc\r\nd")
    # insert a line after "a" and replace "c": the other lines keep their endings
    edits = [Edit(1, 1, "\nnew"), Edit(4, 5, "C")]
    assert source.apply_edits(edits) == b"a\r\nnew\r\nb\nC\r\nd"
    assert source.apply_edits([]) == b"a\r\nb\nc\r\nd"


def test_edits_keep_the_bom():
    from dlc_lint.finding import Edit

    source = SourceText.from_bytes(b"\xef\xbb\xbfab")
    assert source.apply_edits([Edit(0, 1, "A")]) == b"\xef\xbb\xbfAb"
