from parity_site import KO_BODY_LINE, pair, pair_findings

EN = (
    "## Patches of an image versus patches of other images\n\n"
    "The maps shown in Figure 3 indicate the scores of face detectors.\n\n## LSTM (Long Short-Term Memory)\n"
)


def test_an_english_paragraph_left_above_its_translation(tmp_path):
    ko = (
        "## 이미지 패치 대 다른 이미지의 패치\n\n"
        "The maps shown in Figure 3 indicate the scores of face detectors.\n"
        "그림 3에서 보여지는 그림들은 안면 인식기의 점수를 나타낸다.\n\n## LSTM (Long Short-Term Memory)\n"
    )
    # the paragraph above is glued to its translation: they are one block, not the English block
    assert pair(tmp_path, EN, ko, ["DLC712"]) == []
    ko = (
        "## 이미지 패치 대 다른 이미지의 패치\n\n"
        "The maps shown in Figure 3 indicate the scores of face detectors.\n\n"
        "그림 3에서 보여지는 그림들은 안면 인식기의 점수를 나타낸다.\n\n## LSTM (Long Short-Term Memory)\n"
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC712"])
    assert (finding.code, finding.line, finding.column) == ("DLC712", KO_BODY_LINE + 2, 1)
    assert "inside `<!-- -->`" in finding.message and finding.related[0].line == 7


def test_an_untranslated_copy_under_its_comment(tmp_path):
    ko = (
        "<!-- ## Patches of an image versus patches of other images -->\n"
        "## Patches of an image versus patches of other images\n\n그림.\n\n## LSTM (Long Short-Term Memory)\n"
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC712"])
    assert (finding.line, finding.column) == (KO_BODY_LINE + 1, 1) and "already kept in a comment" in finding.message


def test_names_and_short_blocks_are_left_alone(tmp_path):
    ko = "## 이미지 패치\n\n그림.\n\n## LSTM (Long Short-Term Memory)\n"
    assert pair(tmp_path, EN, ko, ["DLC712"]) == []


def test_lists_of_names_and_references_are_left_alone(tmp_path):
    # English prose always has function words (the, of, is, ...); names, terms and references need none
    english = (
        "## Patches of an image versus patches of other images\n\n"
        "- LASSO: Least Absolute Shrinkage Selector Operator\n- Laplacian prior\n- Sparsity prior\n\n"
        "Spectral graph theory, Fan Chung, (harmonic analysis, graph theory, combinatorial problems)\n\n"
        "The maps shown in Figure 3 indicate the scores of face detectors.\n"
    )
    ko = (
        "## 이미지 패치 대 다른 이미지의 패치\n\n"
        "- LASSO: Least Absolute Shrinkage Selector Operator\n- Laplacian prior\n- Sparsity prior\n\n"
        "Spectral graph theory, Fan Chung, (harmonic analysis, graph theory, combinatorial problems)\n\n"
        "The maps shown in Figure 3 indicate the scores of face detectors.\n"
    )
    found = pair_findings(tmp_path, english, ko, ["DLC712"])
    assert [f.line for f in found] == [KO_BODY_LINE + 8]
