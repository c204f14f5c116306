"""The HTML status report, rendered in a real headless Chromium: a screenshot and no console message."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from status_site import make_status_site, run_status

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("Chromium is not installed; .ci/run installs it (apt-get install chromium)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--enable-logging=stderr",
    "--v=0",
    "--window-size=1280,900",
]


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    """Run Chromium on a local file with a fresh profile; nothing is fetched from the network."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )


def console_messages(stderr: str) -> list[str]:
    """Console output of the page (console.log/error, uncaught exceptions) as Chromium logs it."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the raw (filtered) pixel bytes of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, width, height, chunks = 8, 0, 0, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    return width, height, zlib.decompress(chunks)


def html_report(tmp_path: Path) -> Path:
    site = make_status_site(tmp_path / "site")
    target = tmp_path / "status.html"
    result = run_status(site, ".", "--format", "html", "--output", str(target))
    assert result.exit_code == 0, result.output
    return target


def test_the_console_check_sees_console_errors(tmp_path):
    page = tmp_path / "control.html"
    page.write_text("<!DOCTYPE html><title>x</title><script>console.error('boom')</script>", encoding="utf-8")
    done = chromium(tmp_path, page, "--dump-dom")
    assert any('"boom"' in line for line in console_messages(done.stderr))


def test_report_is_self_contained(tmp_path):
    text = html_report(tmp_path).read_text(encoding="utf-8")
    for external in ("http://", "https://", "<link ", "<script", "@import", "url("):
        assert external not in text


def test_report_renders_the_heat_map_without_console_messages(tmp_path):
    page = html_report(tmp_path)
    shot = tmp_path / "status.png"
    done = chromium(tmp_path, page, f"--screenshot={shot}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_messages(done.stderr) == []
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (1280, 900)
    assert len(set(pixels)) > 20  # not a blank page: text and the heat-map colours
    dom = chromium(tmp_path, page, "--dump-dom")
    assert console_messages(dom.stderr) == []
    heat = dom.stdout.split('id="heatmap"', 1)[1].split("</table>", 1)[0]
    rows = heat.split("<tbody>", 1)[1].count("<tr ")
    assert rows == 2  # fr and ko
    assert heat.count('class="cell') == 2 * 4  # weeks 01, 02, the other pages and all pages
    assert 'title="ko, week 01: 1 up to date, 1 outdated, 0 missing"' in heat


# -- colours and counts, as Chromium lays them out ------------------------------------------------------

PROBE = """<pre id="probe"></pre><script>
const state = (el) => [...el.classList].find((c) => c.startsWith("s-")).slice(2);
const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
const out = { legend: {}, cells: [] };
for (const key of document.querySelectorAll("#legend .key")) {
  out.legend[key.dataset.state] = getComputedStyle(key.querySelector(".swatch")).backgroundColor;
}
for (const td of document.querySelectorAll("#heatmap td.cell")) {
  out.cells.push({
    lang: td.parentElement.dataset.lang,
    column: document.querySelector("#heatmap thead tr").children[td.cellIndex].textContent,
    data: { translated: +td.dataset.translated, outdated: +td.dataset.outdated, missing: +td.dataset.missing },
    numbers: [...td.querySelectorAll(".n")].map((n) => ({
      state: state(n), text: n.textContent, background: getComputedStyle(n).backgroundColor,
      color: getComputedStyle(n).color, fontSize: parseFloat(getComputedStyle(n).fontSize), box: box(n),
    })),
    bar: [...td.querySelectorAll(".bar span")].map((s) => ({
      state: state(s), background: getComputedStyle(s).backgroundColor, box: box(s),
    })),
  });
}
document.getElementById("probe").textContent = JSON.stringify(out);
</script>"""


def probe(tmp_path: Path, report: Path) -> dict:
    """What Chromium computes for the legend and every heat-map cell (colours, sizes, texts)."""
    import html
    import json

    page = tmp_path / "probed.html"
    page.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = chromium(tmp_path, page, "--dump-dom")
    assert console_messages(done.stderr) == [], done.stderr[-2000:]
    text = done.stdout.split('<pre id="probe">', 1)[1].split("</pre>", 1)[0]
    return json.loads(html.unescape(text))


def rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(value[i : i + 2], 16) for i in (0, 2, 4)))


def decoded_pixels(path: Path) -> tuple[int, int, list[tuple[int, int, int]]]:
    """The screenshot's pixels as RGB triples (PNG filters undone; 8-bit RGB or RGBA)."""
    data = path.read_bytes()
    width, height, raw = png_pixels(path)
    colour_type = data[25]
    step = 4 if colour_type == 6 else 3
    stride = width * step
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1 : pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    pixels = [tuple(row[i : i + 3]) for row in rows for i in range(0, stride, step)]
    return width, height, pixels  # type: ignore[return-value]


def test_the_legend_has_the_colours_of_the_cells_and_the_counts_are_printed(tmp_path):
    from dlc_lint.report.status_html import STATES

    found = probe(tmp_path, html_report(tmp_path))
    legend = found["legend"]
    assert legend == {state: rgb(background) for state, (_, background, _) in STATES.items()}
    assert len(set(legend.values())) == 3
    for cell in found["cells"]:
        shown = {n["state"]: int(n["text"]) for n in cell["numbers"]}
        assert shown == {state: count for state, count in cell["data"].items() if count}, cell
        for number in cell["numbers"]:
            assert number["background"] == legend[number["state"]]
            assert number["fontSize"] >= 11 and number["box"][0] >= 14 and number["box"][1] >= 14, number
            assert number["color"] != number["background"]
        for segment in cell["bar"]:
            assert segment["background"] == legend[segment["state"]] and segment["box"][0] > 0
    cells = {(c["lang"], c["column"]): c["data"] for c in found["cells"]}
    assert cells[("ko", "W01")] == {"translated": 1, "outdated": 1, "missing": 0}
    assert cells[("ko", "W02")] == {"translated": 0, "outdated": 0, "missing": 1}
    assert cells[("ko", "other")] == {"translated": 1, "outdated": 0, "missing": 0}
    assert cells[("fr", "W01")] == {"translated": 1, "outdated": 0, "missing": 1}
    assert cells[("ko", "All pages")] == {"translated": 2, "outdated": 1, "missing": 1}


def test_korean_outdated_pages_show_on_the_corpus(tmp_path, corpus):
    from dlc_lint.report.status_html import STATES

    report = tmp_path / "corpus-status.html"
    result = run_status(corpus.parent, "docs", "--format", "html", "--output", str(report))
    assert result.exit_code == 0, result.output
    found = probe(tmp_path, report)
    korean = next(c for c in found["cells"] if c["lang"] == "ko" and c["column"] == "All pages")
    # the numbers on the page are those of the status data (JSON) of the same site
    data = json.loads(run_status(corpus.parent, "docs", "--format", "json").output)
    languages = data["languages"]
    ko = next(
        lang for lang in (languages.values() if isinstance(languages, dict) else languages) if lang["language"] == "ko"
    )
    assert ko["outdated"] >= 10  # Korean has many outdated pages: the page must not look all green
    assert [(n["state"], n["text"]) for n in korean["numbers"]] == [
        ("translated", str(ko["translated"] - ko["outdated"])),
        ("outdated", str(ko["outdated"])),
        ("missing", str(ko["missing"])),
    ]
    outdated_weeks = [c for c in found["cells"] if c["lang"] == "ko" and c["data"]["outdated"]]
    assert sum(c["data"]["outdated"] for c in outdated_weeks if c["column"] != "All pages") == ko["outdated"]
    # and the reader sees it: the outdated colour covers a good part of the screenshot
    shot = tmp_path / "corpus.png"
    done = chromium(tmp_path, report, f"--screenshot={shot}", "--window-size=1280,560")  # the heat map's top
    assert done.returncode == 0
    width, height, pixels = decoded_pixels(shot)
    assert (width, height) == (1280, 560)
    colour = tuple(int(STATES["outdated"][1][i : i + 2], 16) for i in (1, 3, 5))
    assert sum(1 for p in pixels if p == colour) > 5000
