"""Build a site with the real Jekyll, as GitHub Pages builds it, and read back what each page became.

GitHub Pages runs Jekyll with kramdown (input GFM) and always enables five plugins; `--safe` is how it
runs, and in safe mode a plugin loads only when the config whitelists it, as GitHub Pages does. The
theme is not part of the site: a layout that prints `{{ content }}` shows what the Markdown becomes,
and a marker element before it names the source file and the front matter Jekyll read, so each
built file can be traced back to its page.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

RENDER_CONFIG = "_render.yml"
GITHUB_PAGES_PLUGINS = (
    "jekyll-optional-front-matter",
    "jekyll-relative-links",
    "jekyll-titles-from-headings",
    "jekyll-default-layout",
    "jekyll-readme-index",
)

LAYOUT = (
    '<dlc-page data-path="{{ page.path | escape }}" data-lang-ref="{{ page.lang-ref | escape }}" '
    'data-lang="{{ page.lang | escape }}" data-title="{{ page.title | escape }}"></dlc-page>\n'
    "<main>\n{{ content }}\n</main>\n"
)
_MARKER = re.compile(
    r'<dlc-page data-path="(?P<path>[^"]*)" data-lang-ref="(?P<ref>[^"]*)" data-lang="(?P<lang>[^"]*)" '
    r'data-title="(?P<title>[^"]*)"></dlc-page>\n<main>\n(?P<body>.*)\n</main>\n?\Z',
    re.S,
)


@dataclass(frozen=True)
class BuiltPage:
    """One page of the built site: where it is served and what Jekyll made of it."""

    source: str  # the Markdown file, relative to the site root
    url: str  # served at, without the baseurl ("/ko/week01/01-1/")
    file: Path  # the built HTML file
    lang_ref: str  # front matter as Jekyll read it ("" when absent)
    lang: str
    title: str
    body: str  # the HTML kramdown made of the Markdown


@dataclass
class Build:
    """A built site: its pages by source path, every file it serves, and how long the build took."""

    source: Path
    destination: Path
    seconds: float
    pages: dict[str, BuiltPage] = field(default_factory=dict)
    served: frozenset[str] = frozenset()  # every URL path with a file behind it ("/images/a.png", "/ko/")

    def serves(self, url: str) -> bool:
        url = url.split("#", 1)[0].split("?", 1)[0]
        if url in self.served:
            return True
        return (url.rstrip("/") + "/") in self.served


def jekyll() -> str:
    """The ``jekyll`` command; without it a test skips, and fails in CI (``.ci/run`` installs it)."""
    found = shutil.which("jekyll")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(
                "jekyll is not on PATH; CI must install it (.ci/run installs jekyll and the GitHub Pages plugins)"
            )
        pytest.skip("jekyll is not on PATH (apt-get install jekyll and the GitHub Pages plugins, see .ci/run)")
    return found


def run_jekyll(src: Path, dest: Path, configs: list[Path], timeout: float = 300) -> subprocess.CompletedProcess:
    """``jekyll build`` of ``src`` into ``dest`` as GitHub Pages runs it: ``--safe`` (a plugin loads only
    when the config whitelists it), the production environment, UTF-8; the configs read in order."""
    env = {**os.environ, "JEKYLL_ENV": "production", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    command = [jekyll(), "build", "--safe", "--quiet", "-s", str(src), "-d", str(dest)]
    if configs:
        command += ["--config", ",".join(str(p) for p in configs)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, check=False)


def prepare(source: Path, work: Path, *, plugins: bool = True) -> Path:
    """Copy the site at ``source`` to ``work`` with the minimal layout and a config that builds it."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(source, work, symlinks=True, ignore=shutil.ignore_patterns("_site", ".jekyll-cache", "_layouts"))
    config_path = work / "_config.yml"
    config: dict = {}
    if config_path.is_file():
        try:
            loaded = yaml.safe_load(config_path.read_text(encoding="utf-8"))
            config = loaded if isinstance(loaded, dict) else {}
        except (yaml.YAMLError, UnicodeDecodeError):
            config_path.unlink()  # Jekyll would stop at it; the pages still show what kramdown does
    # the site's own config stays as written; this one is read after it (`--config a,b`) and adds the plugins
    override = {
        "markdown": "kramdown",
        "kramdown": {"input": "GFM"},
        "plugins": list(GITHUB_PAGES_PLUGINS) if plugins else [],
        "whitelist": list(GITHUB_PAGES_PLUGINS) if plugins else [],
        "theme": None,
        "exclude": [*(config.get("exclude") or []), RENDER_CONFIG],
    }
    if not plugins:  # jekyll-default-layout's job: every page gets the layout that prints the marker
        override["defaults"] = [
            {"scope": {"path": ""}, "values": {"layout": "default"}},
            *(config.get("defaults") or []),
        ]
    (work / RENDER_CONFIG).write_text(yaml.safe_dump(override, sort_keys=False), encoding="utf-8")
    layouts = work / "_layouts"
    layouts.mkdir()
    names = {"default", "page", "home", "post"}
    for value in _layout_names(config):
        names.add(value)
    for name in names:
        (layouts / f"{name}.html").write_text(LAYOUT, encoding="utf-8")
    for page in work.rglob("*.md"):  # layouts a page names in its own front matter
        head = page.read_bytes()[:2000].decode("utf-8", "replace")
        for match in re.finditer(r"(?m)^layout:\s*['\"]?([\w-]+)", head):
            if not (layouts / f"{match.group(1)}.html").exists():
                (layouts / f"{match.group(1)}.html").write_text(LAYOUT, encoding="utf-8")
    return work


def _layout_names(config: dict) -> list[str]:
    found = []
    for default in config.get("defaults") or []:
        if isinstance(default, dict) and isinstance(default.get("values"), dict):
            layout = default["values"].get("layout")
            if isinstance(layout, str):
                found.append(layout)
    return found


def build(source: Path, work: Path, *, plugins: bool = True) -> Build:
    """Build ``source`` (a site folder holding ``_config.yml``) under ``work``; raises when Jekyll fails."""
    src = prepare(source, work / "src", plugins=plugins)
    dest = work / "site"
    configs = [p for p in (src / "_config.yml", src / RENDER_CONFIG) if p.is_file()]
    started = time.perf_counter()
    done = run_jekyll(src, dest, configs)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"jekyll build of {source} failed:\n{done.stdout}\n{done.stderr}")
    result = Build(src, dest, seconds)
    served = set()
    for path in dest.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(dest).as_posix()
        served.add("/" + rel)
        if path.name == "index.html":
            served.add("/" + rel[: -len("index.html")])
        if path.suffix != ".html":
            continue
        match = _MARKER.match(path.read_text(encoding="utf-8", errors="replace"))
        if match is None:
            continue
        url = "/" + rel
        if url.endswith("/index.html"):
            url = url[: -len("index.html")]
        page = BuiltPage(
            source=html.unescape(match.group("path")),
            url=url,
            file=path,
            lang_ref=html.unescape(match.group("ref")),
            lang=html.unescape(match.group("lang")),
            title=html.unescape(match.group("title")),
            body=match.group("body"),
        )
        result.pages[page.source] = page
    result.served = frozenset(served)
    return result
