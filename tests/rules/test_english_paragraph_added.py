from drift_site import drift_findings
from parity_site import KO_BODY_LINE


def test_a_paragraph_added_to_the_english_page(tmp_path):
    (finding,) = drift_findings(tmp_path, ["DLC721"])
    assert (finding.code, finding.line, finding.column) == ("DLC721", KO_BODY_LINE + 9, 1)
    assert "A new paragraph about momentum" in finding.message and finding.related[0].line == 11


def test_a_caption_moved_out_of_its_figure_that_the_translation_keeps_inside_it(tmp_path):
    # it/week09/09-1.md: the English page took "**Fig 1:** ..." out of its <center> block; the
    # translation keeps its translated caption inside the figure, so nothing is missing
    from parity_site import pair_findings

    english = (
        "The idea is simple.\n\n"
        '<center><img src="{{site.baseurl}}/images/a.png"/></center>\n\n'
        "**Fig 1:** Discriminative Recurrent Sparse Auto-Encoder Network\n\n"
        "The encoder is similar to LISTA.\n"
    )
    figure = (
        '<center>\n<img src="{{site.baseurl}}/images/a.png"/><br>\n<b>그림 1</b>: 판별 순환 희소 오토인코더\n</center>'
    )
    korean = (
        "<!-- The idea is simple. -->\n생각은 간단하다.\n\n" + figure + "\n\n"
        "<!-- The encoder is similar to LISTA. -->\n인코더는 LISTA와 비슷하다.\n"
    )
    assert pair_findings(tmp_path, english, korean, ["DLC721"]) == []
    # a figure without a caption: the English caption is missing from the translation
    bare = korean.replace("<br>\n<b>그림 1</b>: 판별 순환 희소 오토인코더\n", "\n")
    (finding,) = pair_findings(tmp_path, english, bare, ["DLC721"])
    assert "**Fig 1:**" in finding.message or "Fig 1:" in finding.message
