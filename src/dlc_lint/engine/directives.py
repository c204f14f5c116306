"""Suppression comments: ``<!-- dlc-lint-disable... -->`` in a page silences its findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dlc_lint.finding import Finding
from dlc_lint.site.model import Site

if TYPE_CHECKING:
    from dlc_lint.engine.run import Target
    from dlc_lint.parse.page import Page

INTERNAL_ERROR = "DLC001"  # a crash is never silenced


def apply_directives(findings: list[Finding], site: Site, targets: list[Target]) -> list[Finding]:
    """Drop findings silenced by ``<!-- dlc-lint-disable... -->`` comments in their page."""
    pages: dict[str, Page] = {}
    for target in targets:
        page = site.parsed_page(target.site_path)
        if page is not None and page.directives:
            pages[target.display] = page
    if not pages:
        return findings
    from dlc_lint.rules import find_rule

    kept = []
    for finding in findings:
        page = pages.get(finding.path)
        if page is None or finding.code == INTERNAL_ERROR or not _silenced(finding, page, find_rule):
            kept.append(finding)
    return kept


def _silenced(finding: Finding, page: Page, find_rule) -> bool:
    def matches(codes: tuple[str, ...]) -> bool:
        if not codes:
            return True
        for code in codes:
            found = find_rule(code)
            if (found and found.code == finding.code) or finding.code.startswith(code.upper()):
                return True
        return False

    active: tuple[str, ...] | None = None
    for directive in page.directives:
        end_line = page.source.position(directive.comment.end)[0]
        if directive.action == "disable-file" and matches(directive.codes):
            return True
        if (
            directive.action == "disable-next-line"
            and finding.line == _next_content_line(page, end_line)
            and matches(directive.codes)
        ):
            return True
        if (
            directive.action == "disable-line"
            and directive.line <= finding.line <= end_line
            and matches(directive.codes)
        ):
            return True
        if directive.line < finding.line:
            if directive.action == "disable":
                active = directive.codes if matches(directive.codes) else active
            elif (
                directive.action == "enable"
                and active is not None
                and (not directive.codes or matches(directive.codes))
            ):
                active = None
    return active is not None


def _next_content_line(page: Page, line: int) -> int:
    """The first non-blank line after ``line``."""
    for number in range(line + 1, page.source.line_count + 1):
        if page.source.line_text(number).strip():
            return number
    return line + 1
