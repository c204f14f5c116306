from parity_site import KO_BODY_LINE, pair, pair_findings

IMAGES = {"images/a.png": b"", "images/b.png": b""}
EN = 'Intro.\n\n<center><img src="{{site.baseurl}}/images/a.png"/></center>\n\nMiddle.\n\n![B]({{site.baseurl}}/images/b.png)\n'


def test_all_images_shown(tmp_path):
    ko = '소개.\n\n<center><img src="{{site.baseurl}}/images/a.png"/></center>\n\n중간.\n\n![나]({{site.baseurl}}/images/b.png)\n'
    assert pair(tmp_path, EN, ko, ["DLC702"], extra=IMAGES) == []


def test_an_image_only_inside_a_comment(tmp_path):
    ko = (
        '<!-- Intro. -->\n소개.\n\n<!-- <center><img src="{{site.baseurl}}/images/a.png"/></center> -->\n\n'
        "<!-- Middle. -->\n중간.\n\n![나]({{site.baseurl}}/images/b.png)\n"
    )
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC702"], extra=IMAGES)
    assert (finding.code, finding.line, finding.column) == ("DLC702", KO_BODY_LINE + 6, 1)
    assert "only inside an HTML comment" in finding.message and finding.related[0].line == 7


def test_an_image_the_translation_never_had(tmp_path):
    ko = '소개.\n\n<center><img src="{{site.baseurl}}/images/a.png"/></center>\n\n중간.\n'
    assert pair(tmp_path, EN, ko, ["DLC702"], extra=IMAGES) == [("DLC702", KO_BODY_LINE + 4, 4)]


def test_a_damaged_copy_is_not_reported_twice(tmp_path):
    ko = '소개.\n\n<center><img src="{{site.baseurl}}/images/a.png"/></center>\n\n중간.\n\n![나]({{site.baseurl}}/images/b .png)\n'
    assert pair(tmp_path, EN, ko, ["DLC702"], extra=IMAGES) == []
