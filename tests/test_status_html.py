"""The HTML status report, rendered in a real headless Chromium: a screenshot and no console message."""

from __future__ import annotations

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
    rows = heat.split("<tbody>", 1)[1].count("<tr>")
    assert rows == 2  # fr and ko
    assert heat.count('class="cell') == 2 * 3  # weeks 01, 02 and the other pages
    assert 'title="ko, week 01: 2 of 2 pages translated, some outdated"' in heat
