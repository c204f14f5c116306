"""The translation status report as one self-contained HTML page.

No external file, font, script or network request: coordinators open it from
disk or a CI artifact. A language x week table where every cell shows, as
numbers and as a bar, how many of the week's English pages are translated and
up to date, translated but outdated (the English changed since), and missing;
the per-language summary; one collapsible page list per language.

The three states have one colour each, defined once (``STATES``): the legend,
the bars, the numbers and the page lists all use the same CSS classes, so the
legend cannot disagree with the cells. Counts are printed, never only hovered.
"""

from __future__ import annotations

from html import escape

from dlc_lint.report.status import FAMILIES

# state -> (label in the legend, background colour, text colour on it)
STATES = {
    "translated": ("translated, up to date", "#2da44e", "#ffffff"),
    "outdated": ("translated, outdated: the English changed since", "#bf8700", "#ffffff"),
    "missing": ("missing: not translated yet", "#d1d9e0", "#1f2328"),
}

_STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
p.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
table.heat td.cell { min-width: 58px; padding: 3px 4px; text-align: center; vertical-align: top; }
table.heat td.cell.empty { color: var(--muted); }
.bar { display: flex; height: 10px; border-radius: 2px; overflow: hidden; margin-bottom: 3px; }
.bar span { display: block; height: 100%; }
.counts { display: flex; gap: 2px; justify-content: center; font-variant-numeric: tabular-nums; }
.n { display: inline-block; min-width: 18px; padding: 0 3px; border-radius: 3px; font-size: 12px; font-weight: 600;
     line-height: 17px; }
.legend { display: flex; gap: 16px; flex-wrap: wrap; margin: 0 0 12px; }
.legend .key { display: inline-flex; align-items: center; gap: 6px; }
.legend .swatch { display: inline-block; width: 28px; height: 14px; border-radius: 2px; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
"""


def _state_css() -> str:
    rules = []
    for state, (_, background, ink) in STATES.items():
        rules.append(f".s-{state} {{ background: {background}; color: {ink}; }}")
        rules.append(f"td.state-{state} {{ box-shadow: inset 4px 0 0 {background}; }}")
    return "\n".join(rules) + "\n"


def _counts(up_to_date: int, outdated: int, missing: int) -> dict[str, int]:
    return {"translated": up_to_date, "outdated": outdated, "missing": missing}


def _cell(counts: dict[str, int], title: str, extra: str = "") -> str:
    total = sum(counts.values())
    classes = f"cell {extra}".strip()
    data = " ".join(f'data-{state}="{count}"' for state, count in counts.items())
    if total == 0:
        return f'<td class="{classes} empty" {data} title="{escape(title)}">–</td>'
    bar = "".join(
        f'<span class="s-{state}" style="width:{100 * count / total:.4g}%"></span>'
        for state, count in counts.items()
        if count
    )
    numbers = "".join(
        f'<span class="n s-{state}" title="{escape(STATES[state][0])}">{count}</span>'
        for state, count in counts.items()
        if count
    )
    return (
        f'<td class="{classes}" {data} title="{escape(title)}"><div class="bar">{bar}</div>'
        f'<div class="counts">{numbers}</div></td>'
    )


def _describe(counts: dict[str, int]) -> str:
    up, old, missing = counts["translated"], counts["outdated"], counts["missing"]
    return f"{up} up to date, {old} outdated, {missing} missing"


def render_status_html(report) -> str:
    families = sorted({family for lang in report.languages for family in lang.findings})
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Translation status</title>",
        f"<style>{_STYLE}{_state_css()}</style>",
        "</head>",
        "<body>",
        "<h1>Translation status</h1>",
        f'<p class="meta">{report.english_pages} English pages, {len(report.languages)} translations '
        f"(<code>{escape(report.root)}</code>). Each cell counts the week's English pages by their state in "
        "that language, left to right as in the legend; the bar shows the same shares.</p>",
        '<p class="legend" id="legend">'
        + "".join(
            f'<span class="key" data-state="{state}"><span class="swatch s-{state}"></span>{escape(label)}</span>'
            for state, (label, _, _) in STATES.items()
        )
        + "</p>",
    ]
    # heat map
    out.append('<table class="heat" id="heatmap"><thead><tr><th>Language</th>')
    out += [f'<th scope="col">{"other" if w == "other" else "W" + w}</th>' for w in report.weeks]
    out.append('<th scope="col">All pages</th></tr></thead><tbody>')
    for lang in report.languages:
        out.append(f'<tr data-lang="{escape(lang.lang)}"><th scope="row">{escape(lang.lang)}</th>')
        states = lang.week_states()
        for week in report.weeks:
            counts = dict(states.get(week, _counts(0, 0, 0)))
            label = "other pages" if week == "other" else f"week {week}"
            out.append(_cell(counts, f"{lang.lang}, {label}: {_describe(counts)}"))
        counts = _counts(lang.translated - lang.outdated, lang.outdated, lang.missing)
        out.append(_cell(counts, f"{lang.lang}, all pages: {_describe(counts)}", "all"))
        out.append("</tr>")
    out.append("</tbody></table>")
    # summary
    out.append("<h2>Per language</h2>")
    out.append(
        '<table id="summary"><thead><tr><th>Language</th><th>Translated</th><th>Coverage</th>'
        "<th>Outdated</th><th>Drifted paragraphs</th><th>Missing</th>"
        + "".join(f"<th>{f}xx {escape(FAMILIES.get(f, ''))}</th>" for f in families)
        + "</tr></thead><tbody>"
    )
    for lang in report.languages:
        out.append(
            f'<tr data-lang="{escape(lang.lang)}"><td>{escape(lang.lang)}</td><td>{lang.translated}/{lang.total}</td>'
            f'<td>{lang.coverage * 100:.0f}%</td><td class="outdated">{lang.outdated} of {lang.translated}</td>'
            f"<td>{lang.drifted}</td><td>{lang.missing}</td>"
            + "".join(f"<td>{lang.findings.get(f, 0)}</td>" for f in families)
            + "</tr>"
        )
    out.append("</tbody></table>")
    # pages
    out.append("<h2>Pages</h2>")
    for lang in report.languages:
        out.append(
            f"<details><summary>{escape(lang.lang)}: {lang.translated} translated ({lang.outdated} of them "
            f"outdated), {lang.missing} missing</summary>"
        )
        out.append(
            "<table><thead><tr><th>Page</th><th>State</th><th>Drift</th>"
            + "".join(f"<th>{f}xx</th>" for f in families)
            + "</tr></thead><tbody>"
        )
        for page in lang.pages:
            name = page.display or f"({page.english})"
            drift = "" if page.path is None else f"{page.drift} ({page.basis})" if page.basis != "none" else "unknown"
            out.append(
                f'<tr><td><code>{escape(name)}</code></td><td class="state-{page.state}">{page.state}</td>'
                f"<td>{escape(drift)}</td>" + "".join(f"<td>{page.findings.get(f, 0)}</td>" for f in families) + "</tr>"
            )
        out.append("</tbody></table></details>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
