"""Small English/translation page pairs for the parity rules (DLC7xx)."""

from __future__ import annotations

from conftest import check_page, findings_of

KO_HEAD = "---\nlang-ref: ch.01-1\ntitle: 제목\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n"
EN_HEAD = "---\nlang-ref: ch.01-1\ntitle: Motivation\n---\n"
KO_BODY_LINE = KO_HEAD.count("\n") + 1  # the first body line of a Korean page (8)
EN_BODY_LINE = EN_HEAD.count("\n") + 1  # the first body line of the English page (5)


def pair(tmp_path, english: str, translated: str, select, **kwargs):
    """``[(code, line, column)]`` for the Korean page ``translated`` against the English ``english``."""
    return check_page(tmp_path, KO_HEAD + translated, english=EN_HEAD + english, select=select, **kwargs)


def pair_findings(tmp_path, english: str, translated: str, select, **kwargs):
    return findings_of(tmp_path, KO_HEAD + translated, english=EN_HEAD + english, select=select, **kwargs)


def drift(
    tmp_path, english: str, kept: str, translated: str = "번역된 문단이다.", select=("DLC720", "DLC722"), **kwargs
):
    """DLC720/722 findings for a Korean page keeping ``kept`` (the English as translated) against ``english`` now,
    after a heading and a first paragraph that both pages share."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    head = "## Part\n\nThe first paragraph stays the same.\n\n"
    page = f"<!-- ## Part -->\n## 부분\n\n<!-- The first paragraph stays the same. -->\n첫 문단.\n\n<!-- {kept} -->\n{translated}\n"
    return pair_findings(tmp_path, head + english, page, list(select), **kwargs)
