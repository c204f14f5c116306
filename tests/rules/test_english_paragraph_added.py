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


def test_a_paragraph_kept_in_a_comment_before_a_typo_fix_is_not_new(tmp_path):
    # tr/week14/14-2.md: one comment keeps a section's paragraphs glued together, one of them as
    # "In a similar fasion ... discused"; the English page fixed both typos since
    from parity_site import pair_findings

    first = "Graph composition allows us to combine two graphs with a language model and a recognition graph."
    fixed = "In a similar fashion, graph composition also allows us to combine two knowledge bases that we discussed."
    typo = fixed.replace("fashion", "fasion").replace("discussed", "discused")
    english = f"## Graph composition\n\n{first}\n\n{fixed}\n\n## The end\n"
    head, tail = "<!-- ## Graph composition -->\n## 그래프 합성\n\n", "<!-- ## The end -->\n## 끝\n"
    korean = f"{head}<!-- {first}\n{typo} -->\n그래프 합성은 두 그래프를 결합한다. 비슷하게 두 지식 베이스를 결합한다.\n\n{tail}"
    assert pair_findings(tmp_path, english, korean, ["DLC721"]) == []
    # a paragraph of the English page that no comment holds, even with edits, is still reported
    other = f"{head}<!-- {first} -->\n그래프 합성은 두 그래프를 결합한다.\n\n{tail}"
    (finding,) = pair_findings(tmp_path, english, other, ["DLC721"])
    assert "In a similar fashion" in finding.message
