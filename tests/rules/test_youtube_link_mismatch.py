from parity_site import KO_BODY_LINE, pair, pair_findings

EN = (
    "## [Course plan](https://www.youtube.com/watch?v=0bMe_vCZo30&t=217s)\n\nText.\n\n"
    "## [History](https://www.youtube.com/watch?v=0bMe_vCZo30&t=1461s)\n\nMore.\n"
)


def test_same_videos_and_times_in_other_spellings(tmp_path):
    ko = (
        "## [강의 계획](https://www.youtube.com/watch?v=0bMe_vCZo30&t=3m37s)\n\n글.\n\n"
        "## [역사](https://youtu.be/0bMe_vCZo30?t=1461)\n\n더.\n"
    )
    assert pair(tmp_path, EN, ko, ["DLC708"]) == []


def test_a_wrong_timestamp(tmp_path):
    ko = (
        "## [강의 계획](https://www.youtube.com/watch?v=0bMe_vCZo30&t=271s)\n\n글.\n\n"
        "## [역사](https://www.youtube.com/watch?v=0bMe_vCZo30&t=1461s)\n\n더.\n"
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC708"])
    assert (finding.code, finding.line, finding.column) == ("DLC708", KO_BODY_LINE, 12)
    assert "t=271s (4:31)" in finding.message and "t=217s (3:37)" in finding.message


def test_a_heading_translated_without_its_link(tmp_path):
    ko = (
        "<!-- ## [Course plan](https://www.youtube.com/watch?v=0bMe_vCZo30&t=217s) -->\n## 강의 계획\n\n글.\n\n"
        "## [역사](https://www.youtube.com/watch?v=0bMe_vCZo30&t=1461s)\n\n더.\n"
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC708"])
    assert (finding.line, finding.column) == (KO_BODY_LINE + 1, 1)
    assert finding.severity.value == "warning" and "does not" in finding.message


def test_a_damaged_address(tmp_path):
    ko = (
        "## [강의 계획](https://www.youtube.com/watch؟v=0bMe_vCZo30&t=217s)\n\n글.\n\n"
        "## [역사](https://www.youtube.com/watch?v=0bMe_vCZo30&t=1461s)\n\n더.\n"
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC708"])
    assert finding.column == 12 and "damaged" in finding.message


def test_video_key():
    from dlc_lint.rules.youtube_link_mismatch import video_key

    assert video_key("https://www.youtube.com/watch?v=abc&t=1h2m3s") == ("abc", 3723)
    assert video_key("https://youtu.be/abc") == ("abc", 0)
    assert video_key("https://example.com/watch?v=abc") is None
