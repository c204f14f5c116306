"""Fuzzing what a pull request controls: front matter, `_config.yml`, a glossary, Markdown with HTML
and comments, and file names.

For every generated input:
- no traceback: the linter runs with ``debug=True``, so a rule that raises fails the example;
  a glossary parse raises nothing but ``GlossaryError``;
- every output is valid: text, JSON, GitHub annotations and SARIF encode as strict UTF-8, JSON and
  SARIF parse, SARIF validates against the SARIF 2.1.0 schema, the text output has one line per
  finding (plus the summary) and the job summary holds no control character;
- bounded time, stated as: linting a page or a `_config.yml` of 4n bytes takes at most 8 times
  as long as one of n bytes, plus 50 ms (linear: a ratio of 4, with slack for a shared CI machine;
  a quadratic step shows as a ratio near 16; best of three, sizes interleaved). Each generated
  input is also capped: one example may take at most :data:`SECONDS_PER_EXAMPLE`.

The budget is fixed (see ``examples``): well under 60 s on a 2-core CI machine, derandomised there.
``DLC_FUZZ_EXAMPLES=500 pytest tests/security/test_fuzz.py`` is a longer, random pass.
"""

from __future__ import annotations

import gc
import json
import os
import re
import time
from pathlib import Path

import jsonschema
import pytest
from conftest import SARIF_SCHEMA, write_site
from hostile import CONFIG, EN, FILES, KO
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from dlc_lint.config import Settings
from dlc_lint.engine.run import lint
from dlc_lint.report import FORMATS, render
from dlc_lint.report.step_summary import render_step_summary

EXAMPLES = int(os.environ.get("DLC_FUZZ_EXAMPLES", "0")) or None
SECONDS_PER_EXAMPLE = 5.0


def examples(default: int) -> settings:
    return settings(
        max_examples=EXAMPLES or default,
        deadline=None,
        derandomize=EXAMPLES is None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


# -- generators ---------------------------------------------------------------------------------

ODD = ["\t", "\r", "\r\n", "\ufeff", "\u200b", "\u2028", "\x00", "\x1b[2J", "\x85", "：", "\udcff", "\\", "'", '"']
KEYS = ["lang-ref", "title", "lang", "translator", "translation-date", "lecturer", "authors", "layout", "permalink"]
VALUES = [
    "ch.01-1",
    "'quoted",
    '"x"',
    "&a [1, 2]",
    "*a",
    "[1, 2",
    "{a: b}",
    "|",
    ">",
    "- x",
    "!!python/object/apply:os.system ['echo hi']",
    "!!binary aGk=",
    "2020-01-01",
    "1 Jan 2020",
    "## Heading",
    "[link](x)",
    "<b>x</b>",
    "",
]
MARKDOWN = [
    "\n",
    "\n\n",
    "<!--",
    "-->",
    "<!-- Deep learning is fun. -->\n",
    "<!--\n## Course plan\n-->\n",
    "<div>",
    "</div>",
    '<div markdown="1">',
    "<b>",
    "</b>",
    "<a href='x'>",
    "<img src=x>",
    "<br/>",
    "<script>alert(1)</script>",
    "$$",
    "$x^2$",
    "`",
    "```\n",
    "[a](../01-2/)",
    "![i](x.png)",
    "{{ site.baseurl }}",
    "{% raw %}",
    "{% endraw %}",
    "| a | b |\n|---|---|\n",
    "## ",
    "- item\n",
    "    code\n",
    "> quote\n",
    "딥러닝",
    "Deep learning is fun.",
    "---\n",
]
CONFIG_LINES = [
    "baseurl: ''",
    "chapters:",
    "  - path: en/week01/01-1.md",
    "    sections:",
    "      - path: en/week01/01-2.md",
    "ko:",
    "  title: '딥러닝'",
    "  chapters:",
    "    - path: ko/week01/01-1.md",
    "  - path:",
    "\t- path: x.md",
    "-path: y.md",
    "x: &a [1, 2, 3]",
    "y: *a",
    "<<: *a",
    "loop: &l [*l]",
    "z: !!python/name:os.system",
    "%YAML 1.1",
    "---",
    "...",
    "- a",
    '"just a string"',
    "exclude: [a, b",
    "ko:",
    "  chapters: x",
]
GLOSSARY_LINES = [
    "language: ko",
    "entries:",
    "  - id: model",
    "    english: model",
    "    preferred: 모델",
    "    avoid: [모형]",
    "    match: '(?P<x>a)'",
    "    match: '.*'",
    "    disabled: true",
    "sources:",
    "  a: &s {name: x}",
    "  b: *s",
    "  - english: [",
    "x: &a [*a]",
    "!!python/object/apply:os.system ['id']",
]

odd_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(ODD)


def lines_of(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces) | odd_text, max_size=25).map("\n".join)


front_matter = st.lists(
    st.tuples(
        st.sampled_from(KEYS) | odd_text,
        st.sampled_from([": ", ":", "： ", " : ", ":\t"]),
        st.sampled_from(VALUES) | odd_text,
    ),
    max_size=10,
).map(lambda items: "".join(f"{k}{sep}{v}\n" for k, sep, v in items))
markdown = st.lists(st.sampled_from(MARKDOWN) | odd_text, max_size=40).map("".join)


def clean(text: str) -> str:
    """Lone surrogates cannot be written as UTF-8: as the bytes Python would have read them from."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# -- the checks every example passes ---------------------------------------------------------


@pytest.fixture(scope="module")
def validator():
    if not SARIF_SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"no SARIF schema at {SARIF_SCHEMA}; CI must have ../shared")
        pytest.skip(f"no SARIF schema at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    if "Root" in schema.get("definitions", {}) and "properties" not in schema:
        schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz-site")
    return write_site(root, FILES, CONFIG)


def lint_checked(root: Path, targets: list[str], validator, **options) -> list:
    old = Path.cwd()
    os.chdir(root)
    try:
        start = time.perf_counter()
        result = lint([Path(t) for t in targets], Settings(**options), debug=True, use_cache=False)
        assert time.perf_counter() - start < SECONDS_PER_EXAMPLE
    finally:
        os.chdir(old)
    findings, files = result.findings, len(result.targets)
    outputs = {fmt: render(fmt, findings, files, tool_version="0.0") for fmt in FORMATS}
    for text in outputs.values():
        text.encode("utf-8")  # strict: a lone surrogate raises
    assert len(outputs["text"].splitlines()) == len(findings) + 1
    assert all(line.startswith("::") for line in outputs["github"].splitlines())
    assert len(json.loads(outputs["json"])["findings"]) == len(findings)
    log = json.loads(outputs["sarif"])
    errors = [e.message for e in validator.iter_errors(log)]
    assert not errors, errors[:3]
    summary = render_step_summary(findings, files)
    summary.encode("utf-8")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", summary)
    return findings


# -- what a pull request controls --------------------------------------------------------------


@examples(60)
@given(head=front_matter, body=markdown)
def test_any_page(site, validator, head, body):
    page = site / "ko" / "week01" / "01-1.md"
    page.write_bytes(clean(f"---\n{head}---\n{body}").encode("utf-8", "surrogateescape"))
    lint_checked(site, ["ko/week01/01-1.md"], validator)


@examples(40)
@given(text=lines_of(CONFIG_LINES))
def test_any_config(tmp_path_factory, validator, text):
    root = write_site(tmp_path_factory.mktemp("config"), FILES, clean(text))
    lint_checked(root, ["."], validator)


@examples(40)
@given(text=lines_of(GLOSSARY_LINES))
def test_any_glossary(tmp_path_factory, validator, text):
    from dlc_lint.glossary import GlossaryError
    from dlc_lint.glossary.load import parse_glossary

    try:
        parse_glossary(clean(text), "glossary.yml")
    except GlossaryError:
        pass
    root = write_site(tmp_path_factory.mktemp("glossary"), FILES, CONFIG)
    (root / "glossary.yml").write_text(clean(text), encoding="utf-8")
    lint_checked(root, ["ko/week01/01-1.md"], validator, glossaries=(root / "glossary.yml",))


names = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",))
    | st.sampled_from([c for c in ODD if len(c) == 1 and c not in "\x00\udcff"]),
    min_size=1,
    max_size=30,
)


@examples(40)
@given(name=names, raw=st.binary(min_size=1, max_size=4), suffix=st.sampled_from([".md", ".md.dlc-lint-tmp-1", ""]))
def test_any_file_name(tmp_path_factory, validator, name, raw, suffix):
    root = write_site(tmp_path_factory.mktemp("names"), FILES, CONFIG)
    folder = root / "ko" / "week01"
    for candidate in (name, name + os.fsdecode(raw.replace(b"/", b"_").replace(b"\0", b"_"))):
        if candidate in (".", "..") or len(os.fsencode(candidate + suffix)) > 255:
            continue
        (folder / (candidate + suffix)).write_text(KO.replace("ch.01-1", "ch.01-2"), encoding="utf-8")
    lint_checked(root, ["."], validator)


# -- time: linear in the size of the input ------------------------------------------------------


def timings(root: Path, target: str, write) -> tuple[float, float]:
    """Best of three timings of linting ``target`` after ``write(1)`` and after ``write(4)``, interleaved
    so that a machine that slows down for a while slows both sizes alike."""
    old = Path.cwd()
    os.chdir(root)
    best = {1: float("inf"), 4: float("inf")}
    try:
        for _ in range(3):
            for factor in (1, 4):
                write(factor)
                gc.collect()
                gc.disable()  # a collection scans the whole heap of the test process: the algorithm is measured
                start = time.perf_counter()
                lint([Path(target)], Settings(), debug=True, use_cache=False)
                best[factor] = min(best[factor], time.perf_counter() - start)
                gc.enable()
    finally:
        gc.enable()
        os.chdir(old)
    return best[1], best[4]


def assert_linear(small: float, large: float) -> None:
    # linear: a ratio of 4; quadratic: 16. 8 leaves room for a loaded CI machine and for a larger
    # heap being slower per object (measured: 4.2 to 6.7 for `_config.yml`).
    assert large <= 8 * small + 0.05, f"4n bytes: {large:.3f} s, n bytes: {small:.3f} s"


@settings(
    max_examples=EXAMPLES or 4,
    deadline=None,
    derandomize=EXAMPLES is None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking timings only measures noise
)
@given(block=st.lists(st.sampled_from(MARKDOWN), min_size=3, max_size=12).map("".join))
# found by this test: DLC709 and DLC402 looked at every link of the page for each Liquid tag or broken image
@example(block="{% raw %}`{% endraw %}---\n`![i](x.png)> quote\n{{ site.baseurl }}")
def test_a_page_lints_in_linear_time(tmp_path_factory, block):
    root = write_site(tmp_path_factory.mktemp("linear"), FILES, CONFIG)
    page = root / "ko" / "week01" / "01-1.md"
    copies = max(1, 30_000 // max(1, len(block.encode())))  # about 30 KB, then 120 KB

    def write(factor: int) -> None:
        page.write_text(KO + block * copies * factor, encoding="utf-8")
        (root / "en" / "week01" / "01-1.md").write_text(EN + block.replace("딥러닝", "") * copies * factor)

    assert_linear(*timings(root, "ko/week01/01-1.md", write))


@pytest.mark.parametrize("entry", ["  - path: ko/week01/{n}.md\n", "  - path: ko/week01/{n}.md\n    sections: *s\n"])
def test_a_config_lints_in_linear_time(tmp_path_factory, entry):
    root = write_site(tmp_path_factory.mktemp("linear-config"), FILES, CONFIG)

    def write(factor: int) -> None:
        entries = "".join(entry.format(n=n) for n in range(750 * factor))
        (root / "_config.yml").write_text(
            CONFIG + "s: &s\n  - path: ko/week01/01-1.md\nzz:\n  chapters:\n" + entries, encoding="utf-8"
        )

    assert_linear(*timings(root, "_config.yml", write))
