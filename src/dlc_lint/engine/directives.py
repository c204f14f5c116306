"""Inline suppressions: ``<!-- dlc-lint-disable... -->`` comments silence findings of their page.

:func:`apply_directives` drops the findings a directive silences. :func:`suppression_findings`
reports the directives themselves when they cannot be right: a code that names no rule
(DLC005, ``DLC3O1`` with the letter O), or a directive that silenced nothing in a run where
every rule it names ran (DLC006): the problem was fixed, or the directive is on the wrong line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dlc_lint.config import Settings, is_enabled
from dlc_lint.finding import Finding

if TYPE_CHECKING:
    from dlc_lint.parse.page import Directive, Page
    from dlc_lint.site.model import Site

INTERNAL_ERROR = "DLC001"
UNKNOWN_CODE = "DLC005"
UNUSED = "DLC006"
# Findings no directive silences: a crash, and the findings about directives themselves.
NEVER_SILENCED = frozenset({INTERNAL_ERROR, UNKNOWN_CODE, UNUSED})


def apply_directives(findings: list[Finding], site: Site, targets) -> list[Finding]:
    """Drop findings silenced by ``<!-- dlc-lint-disable... -->`` comments in their page."""
    pages: dict[str, Page] = {}
    for target in targets:
        page = site.parsed_page(target.site_path)
        if page is not None and page.directives:
            pages[target.display] = page
    if not pages:
        return findings
    kept = []
    for finding in findings:
        page = pages.get(finding.path)
        if page is None or finding.code in NEVER_SILENCED or silenced_by(finding, page) is None:
            kept.append(finding)
    return kept


def _matches(codes: tuple[str, ...], code: str) -> bool:
    from dlc_lint.rules import find_rule

    if not codes:
        return True
    for selector in codes:
        found = find_rule(selector)
        if (found and found.code == code) or code.startswith(selector.upper()):
            return True
    return False


def silenced_by(finding: Finding, page: Page) -> Directive | None:
    """The directive of ``page`` that silences ``finding``, or None."""
    active: Directive | None = None
    for directive in page.directives:
        end_line = page.source.position(directive.comment.end)[0]
        matches = _matches(directive.codes, finding.code)
        if directive.action == "disable-file" and matches:
            return directive
        if directive.action == "disable-next-line" and matches and finding.line == _next_content_line(page, end_line):
            return directive
        if directive.action == "disable-line" and matches and directive.line <= finding.line <= end_line:
            return directive
        if directive.line < finding.line:
            if directive.action == "disable" and matches:
                active = directive
            elif directive.action == "enable" and active is not None and (not directive.codes or matches):
                active = None
    return active


def _next_content_line(page: Page, line: int) -> int:
    """The first non-blank line after ``line``."""
    for number in range(line + 1, page.source.line_count + 1):
        if page.source.line_text(number).strip():
            return number
    return line + 1


def suppression_findings(findings: list[Finding], page: Page, display: str, settings: Settings) -> list[Finding]:
    """DLC005 for each code of a directive that names no rule, DLC006 for each directive that
    silenced none of ``findings`` (the page's findings before directives) although every rule it
    names ran in this run: nothing is said about a rule that was not selected."""
    from dlc_lint.rules import all_rules, find_rule

    if not page.directives:
        return []
    rules = all_rules()

    def enabled(code: str) -> bool:
        return is_enabled(code, settings)

    def finding(code: str, start: int, end: int, message: str) -> Finding:
        rule = rules[code]
        line, column = page.source.position(start)
        end_line, end_column = page.source.position(end)
        severity = settings.severity.get(code, rule.severity)
        return Finding(display, line, column, end_line, end_column, code, rule.name, severity, message)

    ran_all = all(enabled(code) for code, rule in rules.items() if not rule.engine)
    used = {id(d) for d in (silenced_by(f, page) for f in findings if f.code not in NEVER_SILENCED) if d is not None}
    out: list[Finding] = []
    for directive in page.directives:
        known: list[str] = []
        for selector in directive.codes:
            if find_rule(selector) is not None or any(c.startswith(selector.upper()) for c in rules if selector):
                known.append(selector)
                continue
            start, end = _code_span(page, directive, selector)
            hint = _closest(selector, rules)
            if enabled(UNKNOWN_CODE):
                out.append(
                    finding(
                        UNKNOWN_CODE,
                        start,
                        end,
                        f"`{selector}` in `dlc-lint-{directive.action}` is not a rule code or name, so it silences "
                        f"nothing{f'; did you mean `{hint}`?' if hint else ''} (`dlc-lint rules` lists them)",
                    )
                )
        if directive.action == "enable" or id(directive) in used or not enabled(UNUSED):
            continue
        if directive.codes and not known:
            continue  # said above: no rule at all
        ran = all(any(enabled(c) for c in rules if _matches((s,), c)) for s in known) if known else ran_all
        if not ran:
            continue
        what = ", ".join(f"`{s}`" for s in known) if known else "any rule"
        out.append(
            finding(
                UNUSED,
                directive.comment.start,
                directive.comment.end,
                f"`dlc-lint-{directive.action}` for {what} silences nothing here: no such finding "
                f"{_where(directive.action)}; remove the comment (or move it to the line it is meant for)",
            )
        )
    return out


def _where(action: str) -> str:
    return {
        "disable-next-line": "on the next line",
        "disable-line": "on this line",
        "disable-file": "in this file",
        "disable": "until the next `dlc-lint-enable`",
    }.get(action, "")


def _code_span(page: Page, directive: Directive, selector: str) -> tuple[int, int]:
    comment = directive.comment
    match = re.compile(r"(?<![\w-])" + re.escape(selector) + r"(?![\w-])").search(
        page.text, comment.inner_start, comment.inner_end
    )
    return (match.start(), match.end()) if match else (comment.start, comment.end)


def _closest(selector: str, rules) -> str | None:
    import difflib

    names = list(rules) + [r.name for r in rules.values()]
    upper = selector.upper().replace("O", "0") if selector.upper().startswith("DLC") else selector
    if upper in rules:
        return upper
    hint = difflib.get_close_matches(selector, names, n=1)
    return hint[0] if hint else None
