"""Block recovery: kinds and exact positions, kramdown's rules where they differ from CommonMark."""

from dlc_lint.parse.markdown import scan_blocks


def kinds(text):
    scan = scan_blocks(text)
    return [(b.kind, text[b.start : b.end]) for b in scan.blocks]


def test_basic_blocks_and_positions():
    text = "## Title\n\nPara one\nstill one\n\n- a\n- b\n\n| x | y |\n\n> quote\n"
    assert kinds(text) == [
        ("heading", "## Title"),
        ("paragraph", "Para one\nstill one"),
        ("list", "- a\n- b"),
        ("table", "| x | y |"),
        ("blockquote", "> quote"),
    ]


def test_fence_keeps_info_and_closes_on_same_marker():
    text = "````python\n```\nprint(1)\n````\nafter\n"
    scan = scan_blocks(text)
    block = scan.blocks[0]
    assert block.kind == "code" and block.info == "python" and block.fence == "````"
    assert text[block.start : block.end] == "````python\n```\nprint(1)\n````"
    assert scan.code_ranges == ((block.start, block.end),)


def test_unclosed_fence_runs_to_end():
    block = scan_blocks("```\ncode\n").blocks[0]
    assert block.kind == "code" and not block.closed


def test_math_block():
    text = "$$\na = b\n$$\n\ntext\n"
    assert kinds(text)[0] == ("math", "$$\na = b\n$$")


def test_block_comment_then_translation():
    text = "<!-- English\n\nsecond paragraph -->\n\n번역\n"
    scan = scan_blocks(text)
    assert [b.kind for b in scan.blocks] == ["comment", "paragraph"]
    (comment,) = scan.comments
    assert comment.block and not comment.glued and comment.closed and comment.spans_blank_line
    assert text[comment.inner_start : comment.inner_end] == " English\n\nsecond paragraph "


def test_comment_glued_to_paragraph_is_not_a_block():
    # kramdown: a comment line right after paragraph text belongs to the paragraph
    text = "번역 문단.\n<!-- English\n\nleaks -->\n"
    scan = scan_blocks(text)
    assert scan.blocks[0].kind == "paragraph"
    (comment,) = scan.comments
    assert comment.glued and not comment.block and comment.spans_blank_line
    assert comment.start == text.index("<!--")


def test_unclosed_and_nested_comments():
    text = "<!-- a <!-- b\n\nrest\n"
    (comment,) = scan_blocks(text).comments
    assert not comment.closed and comment.nested_openers == (text.index("<!-- b"),)


def test_comment_inside_code_is_not_a_comment():
    assert scan_blocks("```\n<!-- not a comment -->\n```\n").comments == ()


def test_setext_heading_and_html_block():
    text = "Title\n=====\n\n<div>\n<p>x</p>\n</div>\n"
    assert kinds(text) == [("heading", "Title\n====="), ("html", "<div>\n<p>x</p>\n</div>")]


def test_span_tag_starts_a_paragraph():
    assert kinds("<b>bold</b> text\n")[0][0] == "paragraph"


def test_list_with_continuation_after_blank_line():
    text = "- a\n\n  more of a\n- b\n\nafter\n"
    assert kinds(text) == [("list", "- a\n\n  more of a\n- b"), ("paragraph", "after")]


def test_start_offset_skips_front_matter():
    text = "---\na: 1\n---\n\nbody\n"
    scan = scan_blocks(text, text.index("\nbody"))
    assert [(b.kind, text[b.start : b.end]) for b in scan.blocks] == [("paragraph", "body")]


def test_comment_after_blank_line_inside_a_list_is_not_glued():
    text = "- item\n\n  <!-- English -->\n  번역\n"
    (comment,) = scan_blocks(text).comments
    assert not comment.glued


def test_gfm_heading_needs_a_space_after_the_hashes_at_the_first_column():
    # fixtures/renderer/ko/structure/heading-without-space.html: kramdown-parser-gfm prints these as text;
    # they stay heading blocks (the translator means a heading) marked as shown as text
    for line in ("##Title\n", "##\u3000Title\n", " ## Title\n"):
        (block,) = scan_blocks(line).blocks
        assert (block.kind, block.text) == ("heading", True), line
    (block,) = scan_blocks("## Title\n").blocks
    assert (block.kind, block.text) == ("heading", False)


def test_setext_heading_is_one_line_of_text():
    # fixtures/renderer/ko/structure/setext-under-two-lines.html
    assert kinds("one\ntwo\n---\n")[0] == ("paragraph", "one\ntwo\n---")
    assert kinds("one\n---\n")[0] == ("heading", "one\n---")


def test_a_math_block_needs_a_blank_line_before_and_after():
    # fixtures/renderer/ko/structure/math-block-needs-blank-lines.html
    blocks = scan_blocks("text\n$$\nx\n$$\n\n$$\ny\n$$\nmore\n\n$$\nz\n$$\n").blocks
    # the first `$$` continues the paragraph above it; the second has text right after its closing `$$`
    assert [(b.kind, b.display) for b in blocks if b.kind == "math"] == [("math", False), ("math", True)]


def test_a_math_block_may_hold_blank_lines():
    # fixtures/renderer/ko/structure/math-block-with-blank-lines.html: kramdown reads it whole (one display
    # block), so its LaTeX is not paragraph text (no English-paragraph or delimiter findings inside it)
    text = "text\n\n$$\n\\begin{aligned}\na &= b \\\\\n\n&= c\n\\end{aligned}\n$$\n\nmore\n"
    blocks = scan_blocks(text).blocks
    assert [b.kind for b in blocks] == ["paragraph", "math", "paragraph"]
    assert blocks[1].display and blocks[1].closed
