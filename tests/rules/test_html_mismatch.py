from parity_site import KO_BODY_LINE, pair, pair_findings

IMAGES = {"images/a.png": b""}
EN = (
    '<center>\n<img src="{{site.baseurl}}/images/a.png" alt="Figure 1" '
    'style="zoom: 40%; background-color:#DCDCDC;"/><br>\n<b>Figure 1:</b> A figure\n</center>\n'
)


def test_translated_alt_text_and_style_spacing_are_fine(tmp_path):
    ko = (
        '<center>\n<img src="{{site.baseurl}}/images/a.png" alt="그림 1" '
        'style="zoom:40% ; background-color: #DCDCDC"/><br>\n<b>그림 1:</b> 그림<sup>figure</sup>\n</center>\n'
    )
    assert pair(tmp_path, EN, ko, ["DLC706"], extra=IMAGES) == []


def test_a_translated_style_property(tmp_path):
    ko = (
        '<center>\n<img src="{{site.baseurl}}/images/a.png" alt="Figure 1" '
        'style="zoom : 40% ; couleur de fond:#DCDCDC ;"/><br>\n<b>Figure 1:</b> Une figure\n</center>\n'
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC706"], extra=IMAGES)
    assert (finding.code, finding.line, finding.column) == ("DLC706", KO_BODY_LINE + 1, 64)
    assert "couleur de fond" in finding.message and finding.severity.value == "warning"


def test_a_resized_figure_is_only_information(tmp_path):
    ko = (
        '<center>\n<img src="{{site.baseurl}}/images/a.png" alt="Figure 1" '
        'style="zoom: 60%; background-color:#DCDCDC;"/><br>\n<b>Figure 1:</b> Une figure\n</center>\n'
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC706"], extra=IMAGES)
    assert finding.severity.value == "info"


def test_a_tag_swapped_for_another_html_tag(tmp_path):
    english = "Text <b>bold</b> here.\n"
    ko = "글 <i>굵게</i> 여기.\n"
    assert pair(tmp_path, english, ko, ["DLC706"]) == []  # <i> is not a damaged <b>: another tag


def test_an_unknown_tag_name_is_left_to_dlc601(tmp_path):
    ko = (
        '<centro>\n<img src="{{site.baseurl}}/images/a.png" alt="Figure 1" '
        'style="zoom: 40%; background-color:#DCDCDC;"/><br>\n<b>Figura 1:</b> Una figura\n</center>\n'
    )
    assert pair(tmp_path, EN, ko, ["DLC706"], extra=IMAGES) == []


def test_rtl_wrappers_do_not_count(tmp_path):
    ko = (
        '<div dir="rtl" markdown="1">\n\n<center>\n<img src="{{site.baseurl}}/images/a.png" alt="الشكل 1" '
        'style="zoom: 40%; background-color:#DCDCDC;"/><br>\n<b>الشكل 1:</b> شكل\n</center>\n\n</div>\n'
    )
    assert pair(tmp_path, EN, ko, ["DLC706"], extra=IMAGES) == []


def test_a_hex_colour_with_an_alpha_channel_or_in_short_form_is_the_same_colour(tmp_path):
    for colour in ("#DCDCDCDC", "#dcdcdc", "#DCDCDCFF"):
        ko = (
            '<center>\n<img src="{{site.baseurl}}/images/a.png" alt="그림 1" '
            f'style="zoom: 40%; background-color:{colour};"/><br>\n<b>그림 1:</b> 그림\n</center>\n'
        )
        (tmp_path / colour.strip("#")).mkdir()
        assert pair(tmp_path / colour.strip("#"), EN, ko, ["DLC706"], extra=IMAGES) == [], colour
    ko = EN.replace("#DCDCDC", "#DCDCDD").replace("Figure 1:", "그림 1:")
    (tmp_path / "other").mkdir()
    assert [code for code, *_ in pair(tmp_path / "other", EN, ko, ["DLC706"], extra=IMAGES)] == ["DLC706"]
