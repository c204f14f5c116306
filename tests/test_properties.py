"""Properties that hold for any input: odd Markdown, YAML, HTML or bytes never break dlc-lint.

- reading: any bytes are read; valid UTF-8 is written back byte for byte (BOM, CRLF, CR, mixed);
- parsing: the page model never raises, its views keep every offset and line of the text;
- linting: no exception and no internal-error finding (DLC001), every finding inside its file,
  and the same input gives the same bytes out;
- fixing: ``--fix`` changes only the lines its fixes name, and fixing twice equals fixing once.

Examples are drawn from fragments of the constructs these pages use (front matter, comments,
tags, links, math, Liquid, code) glued at random, plus raw bytes. The number of examples stays
small for CI; ``DLC_FUZZ_EXAMPLES=2000 pytest tests/test_properties.py`` is the long fuzz pass.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from conftest import ENGLISH, write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlc_lint.config import Settings
from dlc_lint.engine.run import INTERNAL_ERROR, lint
from dlc_lint.parse.page import page_from_source
from dlc_lint.parse.source import SourceText
from dlc_lint.report import render

EXAMPLES = int(os.environ.get("DLC_FUZZ_EXAMPLES", "0")) or None


def examples(default: int) -> settings:
    return settings(
        max_examples=EXAMPLES or default,
        deadline=None,
        derandomize=EXAMPLES is None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- input generators ---------------------------------------------------------------------

MARKDOWN = [
    "\n",
    "\n\n",
    "# ",
    "## Heading\n",
    "Text ",
    "한국어 문장 ",
    "word",
    " ",
    "  ",
    "\t",
    "    code\n",
    "```\n",
    "```python\n",
    "~~~\n",
    "`",
    "``",
    "$",
    "$$",
    "\\$",
    "\\",
    "$x^2$",
    "$$\n\\sum_i x_i\n$$\n",
    "<!--",
    "-->",
    "<!-- English source. -->\n",
    "<!--->",
    "<!-->",
    "<!-le",
    "<!—",
    "<!-- dlc-lint-disable-next-line -->\n",
    "<div>",
    "</div>",
    "<center>",
    "<centrer>",
    "</td>",
    "이론/td>",
    "<b>",
    "</ b>",
    "<br>",
    "<br/>",
    '<a href="../week02/02-1.md">',
    "</a>",
    "<img src='img.png'/>",
    '<img src="{{site.baseurl}}/images/x.png">',
    "[link](../week01/01-1.md)",
    "[l](ko/week01/01)",
    "![alt](/images/x.png)",
    "[r]: https://x.org\n",
    "<https://example.com>",
    "https://example.com/a_b",
    "www.example.org",
    "{{ site.baseurl }}",
    "{{site.baseurl}}}",
    "{% raw %}",
    "{%",
    "%}",
    "}}",
    "- item\n",
    "1. item\n",
    "> quote\n",
    "| a | b |\n|---|---|\n",
    "***\n",
    "===\n",
    "---\n",
    "(",
    ")",
    "[",
    "]",
    '"',
    "'",
    "<",
    ">",
    "=",
    "&amp;",
    "：",
    "é",
    "\u200b",
    "\ufeff",
    "\x00",
    "\r",
]
YAML = [
    "lang: ko\n",
    "lang-ref: ch.01-1\n",
    "title: 제목\n",
    "title: a: b\n",
    'title: "unclosed\n',
    "translator: A\n",
    "translation-date: 14 Apr 2020\n",
    "translate-date: 1 Jan 2020\n",
    "translation date: x\n",
    "lang:ko\n",
    "lang：ko\n",
    "# title: hidden\n",
    "## Heading\n",
    "- item\n",
    "  indented: x\n",
    "key: [a, b\n",
    "&a x: *a\n",
    "lang: turkish\n",
    "lang-ref:\n",
    "title: |\n  block\n",
    "yes: no\n",
    "\t: tab\n",
    "\n",
    "...\n",
    ":\n",
]
OUTLINE = [
    "ko:\n",
    "  chapters:\n",
    "    - path: ko/week01/01.md\n",
    "      sections:\n",
    "        - path: ko/week01/01-1.md\n",
    "        - path: en/week01/01-1.md\n",
    "      section:\n",
    "       -path: x.md\n",
    "  - path: ko/week02/02.md\n",
    "ko:\n  title: '딥러닝'\n",
    "\u200b",
    "chapters:\n",
    "  - path: en/week01/01.md\n",
    "[",
    "{",
    "'",
    "\t",
    "baseurl: '/site'\n",
    "exclude:\n  - vendor\n",
    "default_lang: 'en'\n",
]


def pieces(atoms: list[str], max_size: int):
    return st.lists(st.one_of(st.sampled_from(atoms), st.text(max_size=8)), max_size=max_size).map("".join)


@st.composite
def page_bytes(draw) -> bytes:
    """A page: maybe a BOM or blank lines, maybe front matter, a Markdown body; any newline style."""
    front = draw(pieces(YAML, 8))
    body = draw(pieces(MARKDOWN, 40))
    opening = draw(st.sampled_from(["---\n", "---\n", "\n---\n", "--- \n", ""]))
    closing = draw(st.sampled_from(["---\n", "---\n", "...\n", ""]))
    text = opening + front + closing + body
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    if newline == "mixed":
        text = "".join(line + draw(st.sampled_from(["\n", "\r\n"])) for line in text.split("\n"))
    elif newline != "\n":
        text = text.replace("\n", newline)
    data = text.encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()) and draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 9)) == 0:
        data += draw(st.sampled_from([b"\xe9t\xe9", b"\xff\xfe", b"\x80"]))  # Latin-1 / broken UTF-8
    return data


any_page = st.one_of(page_bytes(), st.binary(max_size=300))


def in_site(files: dict[str, bytes | str], config: str | None, targets: list[str], **options):
    """Lint ``targets`` of a throw-away site; returns the LintResult (rules re-raise: debug)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_site(root, files, config)
        old = Path.cwd()
        os.chdir(root)
        try:
            return lint([Path(t) for t in targets], Settings(**options), debug=True)
        finally:
            os.chdir(old)


SITE_FILES = {
    "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n",
    "ko/week01/01.md": "---\nlang-ref: ch.01\ntitle: 1주차\nlang: ko\ntranslator: A\ntranslation-date: 1 Jan 2020\n---\n",
    "index.md": "---\nlayout: default\nlang-ref: home\ntitle: Home\n---\n",
}
CONFIG = """\
baseurl: '/site'
default_lang: 'en'
chapters:
  - path: en/week01/01.md
    sections:
      - path: en/week01/01-1.md
ko:
  chapters:
    - path: ko/week01/01.md
      sections:
        - path: ko/week01/01-1.md
"""


def assert_sane(result, files: dict[str, bytes | str]) -> None:
    internal = [f for f in result.findings if f.code == INTERNAL_ERROR]
    assert not internal, internal[0].message
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column), finding
        assert finding.severity.value in ("error", "warning", "info")
        assert finding.message.strip()


# -- reading and parsing ---------------------------------------------------------------------


@examples(300)
@given(any_page)
def test_any_bytes_are_read_and_valid_utf8_is_written_back_unchanged(data):
    source = SourceText.from_bytes(data)
    assert "\r" not in source.text
    assert source.line_count == source.text.count("\n") + 1
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert source.decode_problem is not None
        return
    assert source.decode_problem is None
    assert source.encode() == data
    assert source.apply_edits(()) == data


@examples(200)
@given(any_page, st.data())
def test_positions_and_offsets_are_inverse(data, draw):
    source = SourceText.from_bytes(data)
    offset = draw.draw(st.integers(0, len(source.text)))
    line, column = source.position(offset)
    assert source.offset(line, column) == offset
    assert 1 <= line <= source.line_count


@examples(200)
@given(any_page)
def test_the_page_model_keeps_every_offset(data):
    source = SourceText.from_bytes(data)
    page = page_from_source("ko/week01/01-1.md", "ko/week01/01-1.md", source)
    text = page.text
    for view in (page.content_text, page.prose_text):
        assert len(view) == len(text)
        assert [i for i, c in enumerate(view) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    previous_end = page.body_start
    for block in page.blocks:
        assert previous_end <= block.start <= block.end <= len(text), block
        previous_end = block.end
    for comment in page.comments:
        assert comment.start <= comment.inner_start <= comment.inner_end <= comment.end <= len(text)
        assert text.startswith("<!--", comment.start)
    for tag in page.tags:
        assert text[tag.start] == "<" and text[tag.end - 1] == ">", tag
    for link in page.links:
        assert 0 <= link.start <= link.target_start <= link.target_end <= len(text), link
        assert text[link.target_start : link.target_end] == link.target or link.kind == "reference"
    for pair in page.pairs:
        assert pair.english(text) == text[pair.comment.inner_start : pair.comment.inner_end]
    page.directives  # noqa: B018 - computed without raising


# -- linting -------------------------------------------------------------------------------------


@examples(60)
@given(page=any_page, english=st.one_of(st.just(ENGLISH.encode()), page_bytes()))
def test_linting_any_page_never_fails(page, english):
    files = {**SITE_FILES, "ko/week01/01-1.md": page, "en/week01/01-1.md": english}
    result = in_site(files, CONFIG, ["ko/week01/01-1.md", "en/week01/01-1.md"])
    assert_sane(result, files)


@examples(40)
@given(config=pieces(OUTLINE, 30), page=page_bytes())
def test_any_config_yml_is_reported_not_raised(config, page):
    files = {**SITE_FILES, "ko/week01/01-1.md": page, "en/week01/01-1.md": ENGLISH}
    result = in_site(files, CONFIG + config, ["."])
    assert_sane(result, files)


@examples(25)
@given(page=page_bytes())
def test_same_input_same_bytes_out(page):
    files = {**SITE_FILES, "ko/week01/01-1.md": page, "en/week01/01-1.md": ENGLISH}
    outputs = set()
    for _ in range(2):
        result = in_site(files, CONFIG, ["."])
        outputs.add(render("json", result.findings, len(result.targets)))
    assert len(outputs) == 1
    payload = json.loads(outputs.pop())
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in payload["findings"]]
    assert keys == sorted(keys)


# -- fixing ------------------------------------------------------------------------------------

FIXABLE = [
    "translate-date: 1 Jan 2020\n",
    "translation date: 1 Jan 2020\n",
    "Translator: A\n",
    "lang:ko\n",
    "title：제목\n",
    "lang: korean\n",
    "tranlation-date: 2 Feb 2020\n",
]
BODY = [
    "text {{site.baseurl}}}/x ",
    "[a](/ko/week01/01-1/)",
    "<!-- English. -->\n",
    "한국어\n",
    "\n",
    "\n\n",
    "<b>굵게</b> ",
    "$x$ ",
    "```\ncode\n```\n",
    "<!-- glued -->",
    "문단.\n<!-- Source. -->\n번역.\n",
]


@st.composite
def fixable_page(draw) -> bytes:
    keys = draw(st.lists(st.sampled_from(FIXABLE), max_size=4))
    head = "---\nlang-ref: ch.01-1\ntitle: 동기\n" + "".join(keys) + "---\n"
    text = draw(st.sampled_from(["", "\n"])) + head + draw(pieces(BODY, 12))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r\n"]))
    data = text.replace("\n", newline).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if draw(st.booleans()) else data


@examples(25)
@given(page=fixable_page(), unsafe=st.booleans())
def test_fix_changes_only_named_lines_and_twice_equals_once(page, unsafe):
    from dlc_lint.cli.check import apply_fixes

    files = {**SITE_FILES, "ko/week01/01-1.md": page, "en/week01/01-1.md": ENGLISH}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_site(root, files, CONFIG)
        old = Path.cwd()
        os.chdir(root)
        try:
            targets, options = [Path("ko/week01/01-1.md")], Settings()
            before = lint(targets, options, debug=True)
            rounds = []
            after, applied = apply_fixes(
                before,
                targets,
                options,
                unsafe=unsafe,
                debug=True,
                on_round=lambda changes: rounds.append((root.joinpath("ko/week01/01-1.md").read_bytes(), changes)),
            )
            once = root.joinpath("ko/week01/01-1.md").read_bytes()
            _, again = apply_fixes(after, targets, options, unsafe=unsafe, debug=True)
            assert again == 0 and root.joinpath("ko/week01/01-1.md").read_bytes() == once
        finally:
            os.chdir(old)
    assert_sane(after, files)
    # Each round changed only the lines its edits name; every other line kept its bytes and ending.
    states = [data for data, _ in rounds] + [once]
    for (data, changes), new in zip(rounds, states[1:]):
        named: set[int] = set()
        for change in changes:
            if change.display != "ko/week01/01-1.md":
                continue
            for fix in change.fixes:
                for edit in fix.edits:
                    if edit.start < 0:
                        named.add(0)  # the BOM, on the first line
                        continue
                    first = change.source.position(edit.start)[0] - 1
                    last = change.source.position(max(edit.start, edit.end - 1))[0] - 1
                    named.update(range(first - (edit.start == edit.end), last + 1))
        # Every line no edit names is still there, byte for byte (ending included), in order.
        kept = iter(new.splitlines(keepends=True))
        for number, line in enumerate(data.splitlines(keepends=True)):
            if number not in named:
                assert any(line == candidate for candidate in kept), (number, line, sorted(named), new)
