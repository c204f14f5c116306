"""The translation status report as a text table (terminal) and as Markdown (a pull-request comment)."""

from __future__ import annotations

FAMILIES = {
    "0": "tool",
    "1": "front matter",
    "2": "lang-ref",
    "3": "glossary",
    "4": "links",
    "5": "outline",
    "6": "HTML",
    "7": "parity",
}


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _families(report) -> list[str]:
    return sorted({family for lang in report.languages for family in lang.findings})


def _week_label(week: str) -> str:
    return "oth" if week == "other" else week


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _drift(page) -> str:
    if page.path is None:
        return ""
    if page.basis == "comments":
        return f"{page.drift} paragraph{'s' if page.drift != 1 else ''}" if page.drift else "up to date"
    if page.basis == "git":
        return (
            f"{page.drift} English commit{'s' if page.drift != 1 else ''} newer" if page.drift else "up to date (git)"
        )
    return "unknown (no English comments, no git)"


def render_status_text(report, pages: bool = False) -> str:
    families = _families(report)
    out = [
        f"Translation status of {report.root}: {report.english_pages} English pages, "
        f"{len(report.languages)} translation{'s' if len(report.languages) != 1 else ''}",
        "",
    ]
    if not report.languages:
        out.append("No translated language in the given paths.")
        return "\n".join(out) + "\n"
    header = ["lang", "translated", "coverage", "outdated", "drifted", "missing"]
    header += [f"{f}xx" for f in families]
    rows = [header]
    for lang in report.languages:
        row = [
            lang.lang,
            f"{lang.translated}/{lang.total}",
            _percent(lang.coverage),
            str(lang.outdated),
            str(lang.drifted),
            str(lang.missing),
        ]
        row += [str(lang.findings.get(f, 0)) for f in families]
        rows.append(row)
    out += _table(rows, set(range(1, len(header))))
    out += [
        "",
        "outdated: pages whose English changed since translation; drifted: changed, added or removed "
        "English paragraphs on them (from the English kept in comments).",
    ]
    if families:
        names = ", ".join(f"{f}xx {FAMILIES.get(f, '')}" for f in families)
        out.append(f"Findings by rule family ({report.findings_source}): {names}.")
    # coverage per week, one column per week
    out += ["", "Coverage per week (% of the English pages translated; '-' none, '.' all)"]
    rows = [["lang"] + [_week_label(w) for w in report.weeks]]
    for lang in report.languages:
        weeks = lang.weeks()
        cells = []
        for week in report.weeks:
            done, total = weeks.get(week, (0, 0))
            cells.append("-" if done == 0 else "." if done == total else f"{100 * done // total}")
        rows.append([lang.lang] + cells)
    out += _table(rows, set(range(1, len(report.weeks) + 1)))
    if any(lang.outdated for lang in report.languages):
        out += ["", "Outdated pages per week (translated, but the English changed since; '-' none)"]
        rows = [["lang"] + [_week_label(w) for w in report.weeks]]
        for lang in report.languages:
            states = lang.week_states()
            rows.append([lang.lang] + [str(states.get(w, {}).get("outdated", 0) or "-") for w in report.weeks])
        out += _table(rows, set(range(1, len(report.weeks) + 1)))
    if pages:
        for lang in report.languages:
            out += ["", f"{lang.lang}: pages"]
            rows = [["page", "state", "drift"] + [f"{f}xx" for f in families]]
            for page in lang.pages:
                shown = page.display or f"(missing: {page.english})"
                rows.append([shown, page.state, _drift(page)] + [str(page.findings.get(f, 0)) for f in families])
            out += _table(rows, set(range(3, 3 + len(families))))
            if lang.extra:
                out.append(f"Pages without an English counterpart: {', '.join(lang.extra)}")
    return "\n".join(out) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def render_status_markdown(report, pages: bool = False) -> str:
    families = _families(report)
    out = [
        "### Translation status",
        "",
        f"{report.english_pages} English pages, {len(report.languages)} translation"
        f"{'s' if len(report.languages) != 1 else ''} (`{report.root}`).",
        "",
    ]
    if not report.languages:
        return "\n".join(out + ["No translated language in the given paths."]) + "\n"
    header = ["Language", "Translated", "Coverage", "Outdated", "Drifted paragraphs", "Missing"]
    header += [f"{f}xx {FAMILIES.get(f, '')}" for f in families]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for lang in report.languages:
        row = [
            f"**{lang.lang}**",
            f"{lang.translated}/{lang.total}",
            _percent(lang.coverage),
            str(lang.outdated),
            str(lang.drifted),
            str(lang.missing),
        ] + [str(lang.findings.get(f, 0)) for f in families]
        out.append("| " + " | ".join(row) + " |")
    out += ["", "<details><summary>Coverage per week</summary>", ""]
    out.append("| Language | " + " | ".join(_week_label(w) for w in report.weeks) + " |")
    out.append("|---|" + "|".join(["---:"] * len(report.weeks)) + "|")
    for lang in report.languages:
        weeks = lang.weeks()
        cells = []
        states = lang.week_states()
        for week in report.weeks:
            done, total = weeks.get(week, (0, 0))
            outdated = states.get(week, {}).get("outdated", 0)
            cells.append(f"{done}/{total}" + (f" ({outdated} outdated)" if outdated else ""))
        out.append(f"| {lang.lang} | " + " | ".join(cells) + " |")
    out += ["", "</details>"]
    for lang in report.languages:
        listed = [p for p in lang.pages if pages or p.state != "translated"]
        if not listed:
            continue
        out += ["", f"<details><summary>{lang.lang}: {lang.outdated} outdated, {lang.missing} missing</summary>", ""]
        out.append("| Page | State | Drift |" + "".join(f" {f}xx |" for f in families))
        out.append("|---|---|---|" + "---:|" * len(families))
        for page in listed:
            shown = f"`{_md_escape(page.display)}`" if page.display else f"missing (`{_md_escape(page.english)}`)"
            out.append(
                f"| {shown} | {page.state} | {_drift(page)} |"
                + "".join(f" {page.findings.get(f, 0)} |" for f in families)
            )
        out += ["", "</details>"]
    return "\n".join(out) + "\n"
