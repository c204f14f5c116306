from parity_site import KO_BODY_LINE, pair, pair_findings

EN = (
    "Backpropagation computes the gradient of the loss.\n\nIt uses the chain rule of calculus.\n\n"
    "$$\ny = f(x)\n$$\n\nThe end of the lecture is here.\n"
)


def test_every_comment_translated(tmp_path):
    ko = (
        "<!-- Backpropagation computes the gradient of the loss. -->\n역전파는 손실의 기울기를 계산한다.\n\n"
        "<!-- It uses the chain rule of calculus. -->\n연쇄 법칙을 사용한다.\n\n$$\ny = f(x)\n$$\n\n"
        "<!-- The end of the lecture is here. -->\n강의의 끝이다.\n"
    )
    assert pair(tmp_path, EN, ko, ["DLC713"]) == []


def test_a_comment_followed_by_the_next_comment(tmp_path):
    ko = (
        "<!-- Backpropagation computes the gradient of the loss. -->\n역전파는 손실의 기울기를 계산한다.\n\n"
        "<!-- It uses the chain rule of calculus. -->\n\n$$\ny = f(x)\n$$\n\n"
        "<!-- The end of the lecture is here. -->\n강의의 끝이다.\n"
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC713"])
    assert (finding.code, finding.line, finding.column) == ("DLC713", KO_BODY_LINE + 3, 1)
    assert "`It uses the chain rule of calculus.`" in finding.message


def test_a_comment_at_the_end_of_the_page(tmp_path):
    ko = (
        "<!-- Backpropagation computes the gradient of the loss. -->\n역전파는 손실의 기울기를 계산한다.\n\n"
        "<!-- It uses the chain rule of calculus. -->\n연쇄 법칙을 사용한다.\n\n$$\ny = f(x)\n$$\n\n"
        "<!-- The end of the lecture is here. -->\n"
    )
    assert pair(tmp_path, EN, ko, ["DLC713"]) == [("DLC713", KO_BODY_LINE + 10, 1)]


def test_comments_kept_below_their_translations(tmp_path):
    ko = (
        "역전파는 손실의 기울기를 계산한다.\n<!-- Backpropagation computes the gradient of the loss. -->\n\n"
        "연쇄 법칙을 사용한다.\n<!-- It uses the chain rule of calculus. -->\n\n$$\ny = f(x)\n$$\n\n"
        "강의의 끝이다.\n\n<!-- The end of the lecture is here. -->\n"
    )
    assert pair(tmp_path, EN, ko, ["DLC713"]) == []


def test_two_comments_translated_together_and_notes(tmp_path):
    ko = (
        "<!-- Backpropagation computes the gradient of the loss. -->\n\n"
        "<!-- It uses the chain rule of calculus. -->\n역전파는 손실의 기울기를 연쇄 법칙으로 계산한다.\n\n"
        "$$\ny = f(x)\n$$\n\n<!-- 역자 주: 번역 검토 중 -->\n\n<!-- The end of the lecture is here. -->\n강의의 끝이다.\n"
    )
    assert pair(tmp_path, EN, ko, ["DLC713"]) == []


def test_a_sentence_kept_in_two_comments_around_its_formula_is_translated_after_both(tmp_path):
    english = "The first equation applies a function to\n\n$$\nW x + b\n$$\n\nwhich is the stacked input.\n"
    ko = (
        "<!-- The first equation applies a function to -->\n\n$$\nW x + b\n$$\n\n"
        "<!-- which is the stacked input. -->\n첫 번째 식은 쌓인 입력에 함수를 적용한다.\n"
    )
    assert pair(tmp_path, english, ko, ["DLC713"]) == []
    # with no translation after the second comment either, the first is reported
    (tmp_path / "missing").mkdir()
    bare = (
        "<!-- The first equation applies a function to -->\n\n$$\nW x + b\n$$\n\n<!-- which is the stacked input. -->\n"
    )
    assert [code for code, *_ in pair(tmp_path / "missing", english, bare, ["DLC713"])] == ["DLC713", "DLC713"]
