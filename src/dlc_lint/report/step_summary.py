"""A Markdown summary for a CI job page (GitHub's ``$GITHUB_STEP_SUMMARY``).

Counts first, then the findings as a table (the first ``limit``; the full list
is in the annotations and the SARIF upload), then the findings per rule.
Callers may add sections of their own (the pull-request check adds languages,
labels and title problems).
"""

from __future__ import annotations

import re
from collections import Counter

from dlc_lint.finding import Finding, Safety
from dlc_lint.report.escape import printable
from dlc_lint.report.summary import summary

LIMIT = 50


# Characters that can open or close inline Markdown (code, emphasis, links, strike-through, tables),
# and ``:`` and ``.``, which GitHub's autolinks need (``https://``, ``www.``).
_MARKDOWN = re.compile(r"([\\`*_\[\]|~!#:.])")


def cell(text: str) -> str:
    """Text made plain for one Markdown table cell or line: every Markdown character stands for itself.

    The text comes from pages, titles and file names a stranger wrote: a backtick
    or a bracket in it must not open code, a link or an image in the summary, an
    address must not become a link, and an ``@name`` must not notify anyone.
    """
    text = printable(" ".join(str(text).split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", text).replace("@", "@&#8203;")


def code(text: str) -> str:
    """Text as one inline code span, whatever backticks it holds (CommonMark: a longer fence)."""
    text = printable(" ".join(str(text).split())).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`") or not text.strip():
        text = f" {text} "
    return f"{fence}{text}{fence}"


def _counts_line(findings: list[Finding], files: int) -> str:
    s = summary(findings, files)
    noun = "file" if files == 1 else "files"
    if not findings:
        return f"No findings in {files} {noun}."
    parts = [
        f"{s[key]} {word}{'' if s[key] == 1 or word == 'info' else 's'}"
        for key, word in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
        if s[key]
    ]
    with_findings = len({f.path for f in findings})
    line = (
        f"**{s['findings']} finding{'s' if s['findings'] != 1 else ''}** in {with_findings} of {files} {noun} "
        f"checked: {', '.join(parts)}."
    )
    if s["fixable"]:
        line += f" {s['fixable']} can be fixed with `dlc-lint --fix`."
    return line


def render_step_summary(
    findings: list[Finding],
    files: int,
    *,
    title: str = "dlc-lint",
    notes: list[str] | None = None,
    sections: list[str] | None = None,
    limit: int = LIMIT,
) -> str:
    out = [f"## {title}", "", _counts_line(findings, files), ""]
    for note in notes or []:
        out += [f"> {cell(note)}", ""]
    for section in sections or []:
        out += [section.rstrip(), ""]
    if findings:
        out += ["| severity | file | line | rule | message |", "|---|---|---|---|---|"]
        for f in findings[:limit]:
            fix = " (fixable)" if f.fix is not None and f.fix.safety is Safety.SAFE else ""
            out.append(
                f"| {f.severity.value} | {code(f.path)} | {f.line} | {f.code} {f.name} | {cell(f.message)}{fix} |"
            )
        if len(findings) > limit:
            out.append("")
            out.append(f"… and {len(findings) - limit} more (see the annotations or the SARIF upload).")
        out += ["", "<details><summary>Findings per rule</summary>", "", "| rule | findings |", "|---|---|"]
        counts = Counter((f.code, f.name) for f in findings)
        for (rule, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            out.append(f"| {rule} {name} | {count} |")
        out += ["", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"


def append_summary(path, text: str) -> None:
    """Append ``text`` to the summary file (the runner collects several steps' summaries)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)
