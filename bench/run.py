#!/usr/bin/env python3
"""Benchmark the installed ``dlc-lint`` command against markdownlint-cli2 on a git checkout of the corpus.

The corpus is copied into a temporary git repository with a history (the whole site committed, then
edits to some English pages committed after their translations, so that the git-history check DLC723
has work), and the user's cases are timed there, markdownlint-cli2 on the same files in the same run:
one Korean page after an edit (the pre-commit case), ``docs/ko`` after an edit, the whole tree after
an edit, the whole tree with no cache (time and peak memory), and a synthetic 10x tree (languages
copied under new codes) for linear scaling. Medians of N runs; the ratios are printed.

    python bench/run.py                 # 5 runs per case, peer 3
    python bench/run.py --runs 9 --json bench/results/latest.json
    python bench/run.py --no-peer --no-10x

The peer is installed from npm into bench/.peer (git-ignored) when it is missing.
This script is not a test: it prints a table and exits 0 whether or not the targets are met.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = REPO / "../shared/corpus/pytorch-Deep-Learning/docs"
PEER_DIR = HERE / ".peer"
PEER_PACKAGE = "markdownlint-cli2@0.24"
PEER_BIN = PEER_DIR / "node_modules" / ".bin" / "markdownlint-cli2"
ONE_PAGE = "ko/week01/01-1.md"
COPIES = 10  # translated language folders are copied this many times for the 10x corpus

EDITED_ENGLISH = 6  # English pages edited (and committed) after their translations
# case -> (target seconds, stretch seconds), issue 13
TARGETS = {
    "one ko page, after an edit": (0.15, 0.10),
    "docs/ko, after an edit": (0.35, 0.35),
    "whole tree, after an edit": (0.5, 0.5),
    "whole tree, no cache": (2.0, 2.0),
}
MEMORY_TARGET_MIB = (100, 100)


@dataclass
class Timing:
    tool: str
    scope: str
    runs: int
    median_s: float
    min_s: float
    max_s: float
    peak_mib: float
    exit_status: int
    cpu_s: float = 0.0  # median CPU time (user + system, worker processes included)


def run_once(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int, float]:
    """Wall time (s), peak RSS (MiB), exit status and CPU time (s) of one run of ``argv``."""
    environment = {**os.environ, **(env or {})}
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode, usage.ru_utime + usage.ru_stime


def measure(
    tool: str,
    scope: str,
    argv: list[str],
    cwd: Path,
    runs: int,
    warm_up: bool = True,
    env: dict[str, str] | None = None,
    before_each=None,
) -> Timing:
    if warm_up:
        run_once(argv, cwd, env)  # page cache, byte-code cache, dlc-lint's own on-disk cache
    times, peaks, cpus, status = [], [], [], 0
    for _ in range(runs):
        if before_each is not None:
            before_each()
        elapsed, peak, status, cpu = run_once(argv, cwd, env)
        times.append(elapsed)
        peaks.append(peak)
        cpus.append(cpu)
    timing = Timing(
        tool, scope, runs, statistics.median(times), min(times), max(times), max(peaks), status, statistics.median(cpus)
    )
    print(
        f"  {tool:18s} {scope:14s} median {timing.median_s:7.3f} s  cpu {timing.cpu_s:7.3f} s"
        f"  peak {timing.peak_mib:6.1f} MiB  (min {timing.min_s:.3f}, max {timing.max_s:.3f}, exit {status})",
        file=sys.stderr,
    )
    return timing


def find_dlc_lint(explicit: str | None) -> str:
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "dlc-lint"
    found = str(beside) if beside.exists() else shutil.which("dlc-lint")
    if not found:
        sys.exit("dlc-lint is not installed: run `pip install -e .` first (or pass --dlc-lint PATH)")
    return found


def byte_compile(dlc: str) -> None:
    """Write the package's byte code, as ``pip install`` does for a regular install.

    An editable install (or ``PYTHONDONTWRITEBYTECODE=1``, set on some machines) leaves none,
    and every run then compiles every module again: that is not what users run.
    """
    python = Path(dlc).with_name("python")
    interpreter = str(python) if python.exists() else sys.executable
    subprocess.run(
        [
            interpreter,
            "-c",
            "import compileall, os, dlc_lint; compileall.compile_dir(os.path.dirname(dlc_lint.__file__), quiet=1)",
        ],
        check=False,
    )


def ensure_peer() -> Path | None:
    """Install markdownlint-cli2 into bench/.peer when it is missing; None when npm is unavailable."""
    if PEER_BIN.exists():
        return PEER_BIN
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: the peer is skipped", file=sys.stderr)
        return None
    PEER_DIR.mkdir(exist_ok=True)
    print(f"installing {PEER_PACKAGE} into {PEER_DIR} ...", file=sys.stderr)
    result = subprocess.run(
        [npm, "install", "--prefix", str(PEER_DIR), "--no-audit", "--no-fund", "--loglevel", "error", PEER_PACKAGE]
    )
    if result.returncode != 0 or not PEER_BIN.exists():
        print("could not install the peer: it is skipped", file=sys.stderr)
        return None
    return PEER_BIN


def make_10x(corpus: Path, destination: Path, copies: int = COPIES) -> Path:
    """A copy of the site whose translated language folders are also copied under new codes.

    ``ko`` is copied to ``koa``, ``kob``, ...; each copy's pages get ``lang: koa`` and the
    ``ko:`` outline section of ``_config.yml`` is duplicated as ``koa:`` with its paths
    rewritten, so the copies look to the linter like real languages.
    """
    docs = destination / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(corpus, docs, symlinks=True)
    config = (docs / "_config.yml").read_text(encoding="utf-8")
    default = re.search(r"^default_lang:\s*['\"]?(\w+)", config, re.M)
    source_lang = default.group(1) if default else "en"
    languages = sorted(
        p.name
        for p in corpus.iterdir()
        if p.is_dir() and re.fullmatch(r"[a-z]{2}", p.name) and p.name != source_lang and any(p.rglob("*.md"))
    )
    sections = _top_level_sections(config)
    extra = []
    for lang in languages:
        for index in range(copies):
            code = lang + chr(ord("a") + index)
            _copy_language(corpus / lang, docs / code, lang, code)
            if lang in sections:
                block = sections[lang]
                block = re.sub(rf"^{lang}:", f"{code}:", block, count=1, flags=re.M)
                block = re.sub(rf"(path:\s*['\"]?){lang}/", rf"\g<1>{code}/", block)
                extra.append(block)
    (docs / "_config.yml").write_text(config.rstrip("\n") + "\n\n" + "\n".join(extra), encoding="utf-8")
    return docs


def _top_level_sections(config: str) -> dict[str, str]:
    """Top-level ``key:`` blocks of a YAML file, by key (text up to the next top-level key)."""
    starts = [(m.start(), m.group(1)) for m in re.finditer(r"^([A-Za-z_][\w-]*):", config, re.M)]
    sections = {}
    for (start, key), (end, _) in zip(starts, starts[1:] + [(len(config), "")]):
        sections[key] = config[start:end].rstrip("\n") + "\n"
    return sections


def _copy_language(source: Path, target: Path, lang: str, code: str) -> None:
    lang_line = re.compile(rb"^(lang:[ \t]*['\"]?)" + re.escape(lang.encode()) + rb"(?=['\"]?[ \t]*\r?$)", re.M)
    for path in source.rglob("*"):
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        if path.suffix == ".md":
            head, sep, rest = data.partition(b"\n---")  # front matter only
            data = lang_line.sub(rb"\g<1>" + code.encode(), head, count=1) + sep + rest
        destination.write_bytes(data)


GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


def git(site: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **GIT_ENV}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-C", str(site), *args], check=True, env=env, stdout=subprocess.DEVNULL)


def make_checkout(corpus: Path, site: Path, edited: int = EDITED_ENGLISH) -> list[str]:
    """``site/docs``: a copy of ``corpus`` in a git repository with a history.

    The whole site is committed first; then ``edited`` English lecture pages that have translations
    get a new sentence, committed a month later, so their translations are older than their English
    pages (what DLC723 looks for). Returns the edited English pages.
    """
    docs = site / "docs"
    shutil.copytree(corpus, docs, symlinks=True)
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "the course site", date="2020-01-01T12:00:00Z")
    english = sorted(
        p.relative_to(docs).as_posix()
        for p in (docs / "en").glob("week*/*-*.md")
        if (docs / "ko" / p.relative_to(docs / "en")).exists()
    )
    chosen = english[:: max(1, len(english) // edited)][:edited]
    for index, path in enumerate(chosen):
        page = docs / path
        page.write_bytes(page.read_bytes() + f"\nA sentence added later ({index}).\n".encode())
        git(site, "commit", "-q", "-am", f"English: {path}", date=f"2020-02-{index + 1:02d}T12:00:00Z")
    return chosen


class PageEditor:
    """Changes a page's text before each run, as a translator's edit does: a new sentence at the end
    of the page each time, so that no run finds the page as an earlier run left it."""

    def __init__(self, page: Path):
        self.page = page
        self.original = page.read_bytes()
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        self.page.write_bytes(self.original + f"\n고친 문장 {self.count}.\n".encode())

    def restore(self) -> None:
        self.page.write_bytes(self.original)


def count_pages(docs: Path) -> int:
    return sum(1 for _ in docs.rglob("*.md"))


def fmt_ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}×"


def verdict(value: float, target: float, stretch: float) -> str:
    if value <= stretch:
        return "stretch met" if stretch < target else "met"
    if value <= target:
        return "met"
    return "MISSED"


def table(rows: list[dict]) -> str:
    header = [
        "case",
        "pages",
        "dlc-lint",
        "CPU",
        "peak memory",
        "markdownlint-cli2",
        "peer / dlc-lint",
        "target",
        "verdict",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(str(row.get(key, "")) for key in header) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (the median is reported)")
    parser.add_argument("--peer-runs", type=int, default=3, help="timed runs per case for the peer")
    parser.add_argument("--runs-10x", type=int, default=1, help="timed runs on the 10x tree")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the site's docs/ folder")
    parser.add_argument("--dlc-lint", help="the dlc-lint executable (default: the installed command)")
    parser.add_argument("--no-peer", action="store_true", help="do not run markdownlint-cli2")
    parser.add_argument("--no-10x", action="store_true", help="skip the synthetic 10x tree")
    parser.add_argument("--peer-10x", action="store_true", help="also run the peer on the 10x tree (minutes)")
    parser.add_argument("--json", type=Path, help="also write the raw timings here")
    args = parser.parse_args(argv)

    load_at_start = os.getloadavg()[0]
    corpus = args.corpus.resolve()
    if not (corpus / "_config.yml").is_file():
        sys.exit(f"{corpus}: not a site (no _config.yml); pass --corpus")
    if shutil.which("git") is None:
        sys.exit("git is needed: the benchmark lints a git checkout")
    dlc = find_dlc_lint(args.dlc_lint)
    byte_compile(dlc)
    peer = None if args.no_peer else ensure_peer()
    work = tempfile.TemporaryDirectory(prefix="dlc-lint-bench-")
    site = Path(work.name) / "checkout"
    print("building the git checkout ...", file=sys.stderr)
    edited_english = make_checkout(corpus, site)
    docs = site / "docs"
    editor = PageEditor(docs / ONE_PAGE)
    # dlc-lint's on-disk cache in a folder of this run's own: filled by each case's warm-up run
    cache_env = {"DLC_LINT_CACHE_DIR": str(Path(work.name) / "cache")}
    # --isolated: the settings of whoever runs this must not change what is measured
    dlc_argv = [dlc, "--isolated", "--format", "json"]
    peer_argv = [str(peer)] if peer else None
    cases = [  # name, dlc-lint arguments, peer arguments, pages, with the cache
        ("one ko page, after an edit", [f"docs/{ONE_PAGE}"], [f"docs/{ONE_PAGE}"], 1, True),
        ("docs/ko, after an edit", ["docs/ko"], ["docs/ko/**/*.md"], count_pages(docs / "ko"), True),
        ("whole tree, after an edit", ["docs"], ["docs/**/*.md"], count_pages(docs), True),
        ("whole tree, no cache", ["--no-cache", "docs"], ["docs/**/*.md"], count_pages(docs), False),
    ]
    print(
        f"dlc-lint: {dlc}\ncorpus:   {corpus}\nchecked out in {site} with {len(edited_english)} English pages"
        f" edited after their translations\npeer:     {PEER_PACKAGE if peer else 'skipped'}",
        file=sys.stderr,
    )
    timings: list[Timing] = []
    rows = []
    peer_by_scope: dict[str, Timing] = {}
    no_cache = None
    for name, dlc_args, peer_args, pages, with_cache in cases:
        ours = measure(
            "dlc-lint",
            name,
            dlc_argv + dlc_args,
            site,
            args.runs,
            env=cache_env,
            before_each=editor if with_cache else None,
        )
        timings.append(ours)
        scope = " ".join(peer_args)
        theirs = peer_by_scope.get(scope)
        if theirs is None and peer_argv:
            theirs = measure("markdownlint-cli2", name, peer_argv + peer_args, site, args.peer_runs, before_each=editor)
            peer_by_scope[scope] = theirs
            timings.append(theirs)
        if not with_cache:
            no_cache = ours
        target, stretch = TARGETS[name]
        row_verdict = verdict(ours.median_s, target, stretch)
        if not with_cache:
            row_verdict += "; memory " + verdict(ours.peak_mib, *MEMORY_TARGET_MIB)
        rows.append(
            {
                "case": name,
                "pages": pages,
                "dlc-lint": f"{ours.median_s:.2f} s",
                "CPU": f"{ours.cpu_s:.2f} s",
                "peak memory": f"{ours.peak_mib:.0f} MiB",
                "markdownlint-cli2": f"{theirs.median_s:.2f} s (CPU {theirs.cpu_s:.2f} s)" if theirs else "",
                "peer / dlc-lint": fmt_ratio(theirs.median_s / ours.median_s) if theirs else "",
                "target": f"≤ {target} s"
                + (f" ({stretch} s)" if stretch < target else "")
                + (f", ≤ {MEMORY_TARGET_MIB[0]} MiB" if not with_cache else ""),
                "verdict": row_verdict,
            }
        )
    editor.restore()

    if not args.no_10x and no_cache is not None:
        print("building the 10x tree ...", file=sys.stderr)
        big_site = Path(work.name) / "ten"
        big = make_10x(docs, big_site)
        git(big_site, "init", "-q", "-b", "main")
        git(big_site, "add", "-A")
        git(big_site, "commit", "-q", "-m", "ten times the site", date="2020-01-01T12:00:00Z")
        n = count_pages(big)
        ours = measure(
            "dlc-lint", "10x tree, no cache", dlc_argv + ["--no-cache", "docs"], big_site, args.runs_10x, warm_up=False
        )
        timings.append(ours)
        theirs = None
        if peer_argv and args.peer_10x:
            theirs = measure("markdownlint-cli2", "10x tree", peer_argv + ["docs/**/*.md"], big_site, 1, warm_up=False)
            timings.append(theirs)
        scale = ours.median_s / no_cache.median_s
        page_scale = n / count_pages(docs)
        rows.append(
            {
                "case": "10× tree, no cache",
                "pages": n,
                "dlc-lint": f"{ours.median_s:.2f} s ({scale:.1f}× the 1× time)",
                "CPU": f"{ours.cpu_s:.2f} s ({ours.cpu_s / no_cache.cpu_s:.1f}×)",
                "peak memory": f"{ours.peak_mib:.0f} MiB",
                "markdownlint-cli2": f"{theirs.median_s:.2f} s" if theirs else "(--peer-10x)",
                "peer / dlc-lint": fmt_ratio(theirs.median_s / ours.median_s) if theirs else "",
                "target": f"≤ {page_scale:.1f}× the 1× time (linear)",
                "verdict": "met" if scale <= page_scale else "MISSED",
            }
        )

    print()
    print(table(rows))
    print(
        f"\nmedian of {args.runs} runs (peer: {args.peer_runs}) on a git checkout; wall time of the installed "
        f"command, its CPU time (user + system, workers included: steadier than wall time on a busy machine), "
        f"peak resident memory of the process; {os.cpu_count()} CPUs; python {sys.version.split()[0]}; "
        f"load average (1 min) {load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"rows": rows, "timings": [asdict(t) for t in timings]}, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    work.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
