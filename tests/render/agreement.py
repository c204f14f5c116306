"""dlc-lint's claims about a built page, set against the page Jekyll built.

Each ``*_claims`` function walks one kind of claim over every page of a linted site and returns
``Claim`` rows: what dlc-lint says, what the HTML shows, and whether they agree. The tests assert
that none disagrees; ``python tests/render/agreement.py`` prints the agreement per kind.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

from built_html import Seen, contains, tokens
from render_build import Build

from dlc_lint.finding import Finding, Severity
from dlc_lint.parse.html_blocks import raw_element_ranges

# Findings that say an English comment is shown on the page, and the one that says it stays hidden.
SHOWN_CODES = frozenset({"DLC606", "DLC608"})
HIDDEN_WORDS = "stays hidden"


@dataclass(frozen=True)
class Claim:
    kind: str  # comments, pages, links, structure
    where: str  # page:line
    claimed: str
    seen: str

    @property
    def agrees(self) -> bool:
        return self.claimed == self.seen

    def __str__(self) -> str:
        return f"{self.where}: dlc-lint says {self.claimed}, the built HTML shows {self.seen}"


def findings_by_line(findings: list[Finding]) -> dict[tuple[str, int], list[Finding]]:
    found: dict[tuple[str, int], list[Finding]] = {}
    for finding in findings:
        found.setdefault((finding.path, finding.line), []).append(finding)
    return found


def translated_pages(site, build: Build):
    source = site.source_lang
    for path in site.page_paths:
        if path.split("/", 1)[0] == source or "/" not in path:
            continue
        built = build.pages.get(path)
        page = site.page(path)
        if built is not None and page is not None:
            yield path, page, built


def comment_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """Every English source comment of a translated page: shown or hidden, by the findings and by the HTML.

    dlc-lint claims "shown" with an error of a comment rule at the comment's line, "hidden" otherwise
    (and says so outright in DLC608's "stays hidden"). The page model's own answer
    (``Page.comment_shown``) is a second claim, checked the same way.
    """
    by_line = findings_by_line(findings)
    claims = []
    for path, page, built in translated_pages(site, build):
        seen = Seen(built.body)
        for comment in page.comments:
            if not page.is_source_comment(comment):
                continue
            line = page.source.position(comment.start)[0]
            verdict = seen.comment_verdict(page.text[comment.inner_start : comment.inner_end])
            if verdict == "absent":
                verdict = "shown"  # neither hidden nor text: its HTML is rendered (an image, a table)
            here = by_line.get((display(path), line), [])
            shown = any(f.code in SHOWN_CODES and f.severity == Severity.ERROR for f in here)
            claimed = "shown" if shown else "hidden"
            if shown and any(HIDDEN_WORDS in f.message for f in here if f.code in SHOWN_CODES):
                claimed = "shown and hidden"
            where = f"{display(path)}:{line}"
            claims.append(Claim("comments", where, claimed, verdict))
            model = getattr(page, "comment_shown", None)
            if model is not None:
                claims.append(Claim("comment model", where, "shown" if model(comment) else "hidden", verdict))
    return claims


def nested_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """DLC607 says the text between the first and the second `-->` is shown on the page: is it?"""
    claims = []
    errors = {
        (f.path, f.line, f.column)
        for f in findings
        if f.code == "DLC607" and f.severity == Severity.ERROR and "shown on the page" in f.message
    }
    for path, page, built in translated_pages(site, build):
        seen = Seen(built.body)
        for comment in page.comments:
            for opener in comment.nested_openers:
                line, column = page.source.position(opener)
                after = page.text.find("-->", comment.end)
                leaked = page.text[comment.end : after] if after >= 0 and comment.closed else ""
                words = tokens(leaked)
                shown = "shown" if words and contains(seen.text_tokens, words) else "nothing shown"
                if not words and after >= 0 and "<!--" not in leaked and "–&gt;" in built.body:
                    shown = "shown"  # only the second `-->`, as `–>`
                claimed = "shown" if (display(path), line, column) in errors else "nothing shown"
                claims.append(Claim("nested comments", f"{display(path)}:{line}", claimed, shown))
    return claims


_HIDES = re.compile(r"hides the translation inside it \(line (\d+):")


def hidden_translation_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """DLC607 says a comment that runs on hides translated text, naming its first line: is that line hidden?"""
    claims = []
    pages = {display(path): (page, built) for path, page, built in translated_pages(site, build)}
    for finding in findings:
        said = _HIDES.search(finding.message) if finding.code == "DLC607" else None
        if said is None or finding.path not in pages:
            continue
        page, built = pages[finding.path]
        line = page.source.text.split("\n")[int(said.group(1)) - 1]
        words = tokens(line.strip().removeprefix("<!--"))
        seen = "shown" if words and contains(Seen(built.body).text_tokens, words) else "hidden"
        claims.append(Claim("hidden translations", f"{finding.path}:{said.group(1)}", "hidden", seen))
    return claims


def page_claims(site, build: Build, display, renderer: str = "github-pages") -> list[Claim]:
    """Every Markdown file: a page or not (so its URL works or 404s), and its front matter read or not."""
    from dlc_lint.parse.renderer import front_matter_read, is_page

    claims = []
    for path in site.page_paths:
        page = site.page(path)
        if page is None:
            continue
        built = build.pages.get(path)
        fm = page.front_matter
        where = f"{display(path)}:1"
        claimed = "a page" if is_page(path, fm, renderer) else "not a page"
        claims.append(Claim("pages", where, claimed, "a page" if built is not None else "not a page"))
        ref = fm.entry("lang-ref") if fm.present else None
        if built is None or ref is None:
            continue
        claimed = "front matter read" if front_matter_read(fm, renderer) else "no front matter read"
        seen = "front matter read" if built.lang_ref else "no front matter read"
        claims.append(Claim("front matter", where, claimed, seen))
    return claims


_HREF = re.compile(r"""<(?:a|img)\b[^>]*?\b(?:href|src)=["']([^"']*)["']""", re.I)


def link_claims(site, build: Build, display) -> list[Claim]:
    """Every internal link and image of a page: the targets dlc-lint calls broken, and those that 404."""
    from dlc_lint.site.urls.links import page_links

    baseurl = site.baseurl.rstrip("/")
    claims = []
    for path in site.page_paths:
        page = site.page(path)
        built = build.pages.get(path)
        if page is None or built is None:
            continue
        claimed = set()
        for item in page_links(page, site):
            internal = item.resolution.kind not in ("external", "liquid", "anchor")
            if (
                item.problem in ("broken", "no-baseurl", "space", "malformed-liquid")
                and internal
                and item.resolution.url
            ):
                claimed.add(_normal(item.resolution.url, baseurl))
        seen = set()
        page_url = baseurl + built.url
        for match in _HREF.finditer(re.sub(r"<!--.*?-->", "", built.body, flags=re.S)):
            target = match.group(1).strip()
            if not target or re.match(r"[a-z][a-z0-9+.-]*:|//|#", target, re.I):
                continue
            url = unquote(urljoin(page_url, target.replace("&amp;", "&")))
            if baseurl and not url.startswith(baseurl + "/"):
                seen.add(_normal(url, baseurl))  # leaves the site: a 404 on GitHub Pages
                continue
            if not build.serves(url[len(baseurl) :]):
                seen.add(_normal(url, baseurl))
        for url in sorted(claimed | seen):
            claims.append(
                Claim(
                    "links",
                    f"{display(path)} -> {url}",
                    "404" if url in claimed else "resolves",
                    "404" if url in seen else "resolves",
                )
            )
    return claims


def _normal(url: str, baseurl: str) -> str:
    url = unquote(url.split("#", 1)[0].split("?", 1)[0])
    url = posixpath.normpath(url) + ("/" if url.endswith("/") else "")
    return url.replace("//", "/")


RAW_FROM_HERE = ("rest of the page (", "the rest of the page as Markdown")


def _structure_pages(site, build: Build, findings: list[Finding], display):
    """Pages whose structure the block model claims, with the blocks the reader gets as Markdown.

    Pages with a shown comment are left out (a shown comment renders its English Markdown, headings and
    formulas included, and DLC608 reports it at its line). Blocks after a finding that says "kramdown
    treats the rest of the page as raw HTML" (DLC601, DLC602) are the finding's claim: they must not be
    rendered, so they are left out of the model's count, and the HTML must not have them either. So are
    blocks inside a closed block HTML element without `markdown="1"` (DLC610: kramdown copies them raw).
    """
    raw_lines: dict[str, int] = {}
    for f in findings:
        if f.code in ("DLC601", "DLC602") and any(words in f.message for words in RAW_FROM_HERE):
            raw_lines[f.path] = min(raw_lines.get(f.path, f.line), f.line)
    for path in site.page_paths:
        page = site.page(path)
        built = build.pages.get(path)
        if page is None or built is None or any(page.comment_shown(c) for c in page.comments):
            continue
        line = raw_lines.get(display(path))
        raw_from = page.source.offset(line, 1) if line is not None else len(page.text)
        raw = raw_element_ranges(page, site)  # DLC610's claim: Markdown in these elements is shown as typed
        blocks = [b for b in page.blocks if b.start < min(raw_from, page.raw_html_from)]
        yield path, page, built, [b for b in blocks if not any(a <= b.start < z for a, z in raw)]


def heading_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """Headings: the levels of dlc-lint's top-level heading blocks, and the top-level `<h1>`..`<h6>` kramdown made."""
    claims = []
    for path, _page, built, blocks in _structure_pages(site, build, findings, display):
        model = [b.level for b in blocks if b.kind == "heading" and not b.text]
        seen = Seen(built.body).top_headings
        claims.append(Claim("headings", f"{display(path)}:1", " ".join(map(str, model)), " ".join(map(str, seen))))
    return claims


def math_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """`$$` blocks: how many top-level blocks dlc-lint reads as display math, and how many kramdown made."""
    claims = []
    for path, _page, built, blocks in _structure_pages(site, build, findings, display):
        model = sum(1 for b in blocks if b.kind == "math" and b.display)
        seen = Seen(built.body).top_math
        claims.append(Claim("math blocks", f"{display(path)}:1", str(model), str(seen)))
    return claims


def delimiter_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """DLC711 says a `$$` has no partner, so `$$` shows raw or text is typeset: the page shows a raw `$$`."""
    claims = []
    for f in findings:
        if f.code != "DLC711" or "`$$`" not in f.message:
            continue
        path = f.path.split("/", 1)[1] if "/" in f.path else f.path
        built = build.pages.get(path)
        if built is None:
            continue
        seen = Seen(built.body)
        for math in seen.soup.select(".kdmath"):
            math.decompose()
        raw = "$$" in seen.soup.get_text()
        claims.append(
            Claim("math delimiters", f"{f.path}:{f.line}", "raw `$$` shown", "raw `$$` shown" if raw else "none")
        )
    return claims


def html_block_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """DLC610 says the Markdown at its line is printed as typed: the page's text holds it character for character."""
    claims = []
    for f in findings:
        if f.code != "DLC610":
            continue
        path = f.path.split("/", 1)[1] if "/" in f.path else f.path
        built, page = build.pages.get(path), site.page(path)
        if built is None or page is None:
            continue
        start = page.source.offset(f.line, f.column)
        end = page.source.offset(f.end_line, f.end_column)
        typed = " ".join(page.text[start:end].split())[:30]
        shown = typed in " ".join(Seen(built.body).text.split())
        claims.append(
            Claim("html blocks", f"{f.path}:{f.line}", "shown as typed", "shown as typed" if shown else typed)
        )
    return claims


def table_claims(site, build: Build, findings: list[Finding], display) -> list[Claim]:
    """Lines with a `|` inside a formula: DLC710 says "table row" where it reports one, and the HTML is the judge.

    The blocks are those kramdown parses inside each block of the model (a list item, a quote's paragraph),
    and the `$$` display blocks (a `|` there is never a table);
    DLC710 reports the first table of a model block, so the blocks after it in the same model block are left out.
    A line is a table row when its words are in a `<table>` of the page, not one when they are in the rest.
    """
    from dlc_lint.analysis import parity
    from dlc_lint.rules.pipe_in_math_table_line import _PIPE, _kramdown_blocks

    flagged = {(f.path, f.line) for f in findings if f.code == "DLC710"}
    claims = []
    for path in site.page_paths:
        page, built = site.page(path), build.pages.get(path)
        if page is None or built is None or "|" not in page.text or "$" not in page.text:
            continue
        text = page.content_text
        math = parity.page_math(site, page)
        seen = None
        for block in page.blocks:
            if block.kind not in ("paragraph", "list", "blockquote", "table", "math"):
                continue
            groups = [[(block.start, block.end)]] if block.kind == "math" else _kramdown_blocks(text, block)
            for lines in groups:
                numbers = {page.source.position(a)[0] for a, _ in lines}
                pipes = [
                    m.start()
                    for a, b in lines
                    for m in _PIPE.finditer(text, a, b)
                    if block.kind == "math" or any(s.inner_start <= m.start() < s.inner_end for s in math)
                ]
                if not pipes:
                    continue
                seen = seen or Seen(built.body)
                claimed = any((display(path), n) in flagged for n in numbers)
                first = page.source.position(pipes[0])[0]
                line_start = page.source.offset(first, 1)
                words = tokens(text[line_start : text.find("\n", line_start) % (len(text) + 1)])[:12]
                claims.append(
                    Claim(
                        "tables",
                        f"{display(path)}:{first}",
                        "table row" if claimed else "not a table row",
                        _row_verdict(seen, words),
                    )
                )
                if claimed:
                    break  # DLC710 reports one table per model block
    return claims


def _row_verdict(seen: Seen, words: tuple[str, ...]) -> str:
    tables = seen.soup.find_all("table")
    if any(contains(tokens(t.get_text(" ")), words) for t in tables):
        return "table row"
    rest = Seen(seen.body)
    for table in rest.soup.find_all("table"):
        table.decompose()
    return "not a table row" if contains(tokens(rest.soup.get_text(" ")), words) else "line not found"


def summary(claims: list[Claim]) -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {}
    for claim in claims:
        agree, total = totals.get(claim.kind, (0, 0))
        totals[claim.kind] = (agree + claim.agrees, total + 1)
    return totals


def main() -> None:  # pragma: no cover - a measuring tool
    import os
    import sys
    import tempfile
    from pathlib import Path

    import render_build

    from dlc_lint.config import Settings
    from dlc_lint.engine.run import lint

    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/pytorch-Deep-Learning/docs").resolve()
    build = render_build.build(root, Path(tempfile.mkdtemp()))
    os.chdir(root.parent)
    result = lint([Path(root.name)], Settings(), use_cache=False)

    def display(path: str) -> str:
        return f"{root.name}/{path}"

    claims = [
        *comment_claims(result.site, build, result.findings, display),
        *nested_claims(result.site, build, result.findings, display),
        *hidden_translation_claims(result.site, build, result.findings, display),
        *page_claims(result.site, build, display),
        *link_claims(result.site, build, display),
        *delimiter_claims(result.site, build, result.findings, display),
        *html_block_claims(result.site, build, result.findings, display),
        *table_claims(result.site, build, result.findings, display),
        *heading_claims(result.site, build, result.findings, display),
        *math_claims(result.site, build, result.findings, display),
    ]
    print(f"built in {build.seconds:.1f} s")
    for kind, (agree, total) in summary(claims).items():
        print(f"{kind}: {agree}/{total} agree")
    shown = [c for c in claims if c.kind == "comments" and c.seen == "shown"]
    print(f"comments shown on the page: {len(shown)}, reported as shown: {sum(c.agrees for c in shown)}")
    for claim in claims:
        if not claim.agrees and (len(sys.argv) < 3 or claim.kind in sys.argv[2:]):
            print("  ", claim.kind, claim)


if __name__ == "__main__":  # pragma: no cover
    main()
