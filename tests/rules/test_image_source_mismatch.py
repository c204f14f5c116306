from parity_site import KO_BODY_LINE, pair, pair_findings

IMAGES = {"images/a.png": b"", "images/b.png": b""}
EN = 'Figure A:\n\n![A]({{site.baseurl}}/images/a.png)\n\nFigure B:\n\n<img src="{{site.baseurl}}/images/b.png"/>\n'


def test_same_images_are_fine(tmp_path):
    ko = '그림 A:\n\n![가]({{site.baseurl}}/images/a.png)\n\n그림 B:\n\n<img src="{{site.baseurl}}/images/b.png"/>\n'
    assert pair(tmp_path, EN, ko, ["DLC701"], extra=IMAGES) == []


def test_another_existing_image_at_the_same_place(tmp_path):
    ko = '그림 A:\n\n![가]({{site.baseurl}}/images/a.png)\n\n그림 B:\n\n<img src="{{site.baseurl}}/images/a.png"/>\n'
    (finding,) = pair_findings(tmp_path, EN, ko, ["DLC701"], extra=IMAGES)
    assert (finding.code, finding.line, finding.column) == ("DLC701", KO_BODY_LINE + 6, 11)
    assert "images/b.png" in finding.message and finding.related[0].line == 11


def test_a_broken_image_is_left_to_the_link_rules(tmp_path):
    ko = '그림 A:\n\n![가]({{site.baseurl}}/images/a.png)\n\n그림 B:\n\n<img src="{{site.baseurl}}/images/그림.png"/>\n'
    assert pair(tmp_path, EN, ko, ["DLC701"], extra=IMAGES) == []
