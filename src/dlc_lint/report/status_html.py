"""The translation status report as one self-contained HTML page.

No external file, font, script or network request: coordinators open it from
disk or a CI artifact. A language x week heat map (cell colour = share of the
week's English pages that are translated; a dot marks weeks with outdated
pages), the per-language summary, and one collapsible page list per language.
"""

from __future__ import annotations

from html import escape

from dlc_lint.report.status import FAMILIES

_STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
p.meta { color: var(--muted); margin: 0 0 16px; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
table.heat td.cell { width: 44px; height: 30px; text-align: center; font-variant-numeric: tabular-nums; }
table.heat td.cell.none { background: #f6f8fa; color: var(--muted); }
table.heat td.cell.outdated::after { content: " \\2022"; color: #9a6700; }
.legend span { display: inline-block; width: 28px; height: 12px; margin-right: 4px; vertical-align: middle; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
td.state-missing { color: #cf222e; }
td.state-outdated { color: #9a6700; }
td.state-translated { color: #1a7f37; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
"""


def _color(share: float) -> str:
    """Red (0%) through yellow to green (100%)."""
    hue = int(120 * share)
    return f"hsl({hue}, 70%, {85 - 25 * share:.0f}%)"


def render_status_html(report) -> str:
    families = sorted({family for lang in report.languages for family in lang.findings})
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Translation status</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>Translation status</h1>",
        f'<p class="meta">{report.english_pages} English pages, {len(report.languages)} translations '
        f"(<code>{escape(report.root)}</code>). A cell is the share of the week's English pages that are "
        "translated; a dot marks a week with outdated pages.</p>",
    ]
    out.append(
        '<p class="legend">'
        + "".join(f'<span style="background:{_color(s / 4)}"></span>{s * 25}% ' for s in range(5))
        + "</p>"
    )
    # heat map
    out.append('<table class="heat" id="heatmap"><thead><tr><th>Language</th>')
    out += [f'<th scope="col">{"other" if w == "other" else "W" + w}</th>' for w in report.weeks]
    out.append("<th>All</th></tr></thead><tbody>")
    for lang in report.languages:
        weeks = lang.weeks()
        out.append(f'<tr><th scope="row">{escape(lang.lang)}</th>')
        for week in report.weeks:
            done, total = weeks.get(week, (0, 0))
            stale = any(p.week == week and p.state == "outdated" for p in lang.pages)
            title = f"{lang.lang}, week {week}: {done} of {total} pages translated"
            if stale:
                title += ", some outdated"
            if done == 0:
                out.append(f'<td class="cell none" title="{escape(title)}">-</td>')
            else:
                share = done / total if total else 0.0
                classes = "cell outdated" if stale else "cell"
                out.append(
                    f'<td class="{classes}" style="background:{_color(share)}" title="{escape(title)}">'
                    f"{100 * done // total}</td>"
                )
        out.append(f'<td style="background:{_color(lang.coverage)}">{lang.coverage * 100:.0f}%</td></tr>')
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
            f"<tr><td>{escape(lang.lang)}</td><td>{lang.translated}/{lang.total}</td>"
            f"<td>{lang.coverage * 100:.0f}%</td><td>{lang.outdated}</td><td>{lang.drifted}</td>"
            f"<td>{lang.missing}</td>" + "".join(f"<td>{lang.findings.get(f, 0)}</td>" for f in families) + "</tr>"
        )
    out.append("</tbody></table>")
    # pages
    out.append("<h2>Pages</h2>")
    for lang in report.languages:
        out.append(
            f"<details><summary>{escape(lang.lang)}: {lang.translated} translated, {lang.outdated} "
            f"outdated, {lang.missing} missing</summary>"
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
