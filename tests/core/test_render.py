from dlc_lint.parse.render import plain_text


def test_link_targets_images_and_tags_are_not_text():
    fragment = '## [Course plan](https://youtu.be/x?t=1)\n\n<img src="2-layer-net.png"/> A **layer** of `code`'
    assert plain_text(fragment) == "Course plan A layer of"


def test_math_and_liquid_are_dropped():
    assert plain_text("The loss $\\ell(y)$ and $$a=b$$ at {{site.baseurl}} end") == "The loss and at end"


def test_lists_and_tables_keep_their_words():
    assert plain_text("- one\n- two\n\n| a | b |\n|---|---|\n| c | d |") == "one two a b c d"


def test_math_at_the_start_of_a_line_does_not_make_a_code_block():
    assert plain_text("$\\Phi_{long}$ is defined below") == "is defined below"
