"""A line-by-line diagnosis of front matter that YAML cannot read (or reads otherwise than meant)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from dlc_lint.analysis.front_matter.state import keys_readable, line_span, quote_yaml, value_is_heading
from dlc_lint.parse import bounded_yaml
from dlc_lint.parse.frontmatter import Entry, FrontMatter

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the build of PyYAML
    _Loader = yaml.SafeLoader

_HEADING_LINE = re.compile(r"#{2,6}[ \t]+\S")
_HEADING_VALUE = re.compile(r"(#{1,6})[ \t]*(?=\S)")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
_MARKDOWN_IN_KEY = re.compile(r"[*`\[\]]|^[>|!<]")
_MARKDOWN_LINE = re.compile(r"!?\[[^\]\n]*\]|\*\*|__|^[>|]|^[*+][ \t]|^<\w")


@dataclass(frozen=True)
class SyntaxProblem:
    """One broken line. ``kind`` names the rule that reports it."""

    kind: str  # "no-space" | "fullwidth" | "colon-in-value" | "markdown" | "yaml"
    start: int
    end: int
    message: str
    key: str = ""
    entry: Entry | None = None
    breaks_yaml: bool = True  # False: YAML reads it, but not as the author meant


def _load_chunk(chunk: str):
    """Parse one top-level key (with its indented lines); return an error message or None."""
    try:
        data = bounded_yaml.load(chunk, _Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return exc.problem or exc.context or "invalid YAML", mark
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
        return str(exc).splitlines()[0], None
    if data is not None and not isinstance(data, dict):
        return _NOT_A_PAIR, None
    return None


_NOT_A_PAIR = "not a `key: value` line"


def _chunks(text: str, start: int, end: int):
    """Top-level lines of the front matter with the indented lines that belong to them."""
    chunks: list[tuple[int, int]] = []
    pos = start
    current: int | None = None
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        top = bool(line.strip()) and line[0] not in " \t-#"
        if top or line.startswith("#"):
            if current is not None:
                chunks.append((current, pos))
            current = pos if top else None
        pos = line_end + 1
    if current is not None:
        chunks.append((current, end))
    return chunks


def syntax_problems(text: str, front: FrontMatter) -> tuple[SyntaxProblem, ...]:
    """Every line that breaks (or silently empties) the front matter, each named once."""
    if not keys_readable(front):
        return ()
    problems: list[SyntaxProblem] = []
    entries = {e.key_start: e for e in front.entries}
    explained: set[int] = set()

    # Lines that are wrong whatever YAML makes of them.
    for line in front.odd_lines:
        if line.kind == "no-space-after-colon" and not line.text.split(":", 1)[1].startswith("//"):
            colon = line.start + line.text.index(":")
            key = line.text[: line.text.index(":")]
            problems.append(
                SyntaxProblem(
                    "no-space",
                    colon,
                    colon + 1,
                    f"`{line.text.strip()}` has no space after the colon, so YAML does not read `{key}` as a key "
                    "and Jekyll ignores the whole front matter",
                    key=key,
                )
            )
            explained.add(line.start)
        elif line.kind == "fullwidth-colon":
            colon = line.start + line.text.index("：")
            key = line.text[: line.text.index("：")].strip()
            problems.append(
                SyntaxProblem(
                    "fullwidth",
                    colon,
                    colon + 1,
                    f"`{line.text.strip()}` separates the key with a full-width colon `：`; YAML only knows `:` "
                    "followed by a space, so Jekyll ignores the whole front matter",
                    key=key,
                )
            )
            explained.add(line.start)
    for entry in front.entries:
        if value_is_heading(entry):
            problems.append(
                SyntaxProblem(
                    "markdown",
                    entry.value_start,
                    entry.value_end,
                    f"the value of `{entry.key}` starts with a Markdown heading marker `#`; YAML reads it as a "
                    f"comment, so `{entry.key}` is empty on the site",
                    key=entry.key,
                    entry=entry,
                    breaks_yaml=False,
                )
            )
    _heading_lines(text, front, problems)

    if front.problem is None:
        return tuple(sorted(problems, key=lambda p: p.start))

    # YAML fails: find the top-level lines that fail on their own and say why.
    for chunk_start, chunk_end in _chunks(text, front.inner_start, front.inner_end):
        if chunk_start in explained:
            continue
        failure = _load_chunk(text[chunk_start:chunk_end])
        if failure is None:
            continue
        message, mark = failure
        explained.add(chunk_start)
        chunk_entry = entries.get(chunk_start)
        line_end = text.find("\n", chunk_start, chunk_end)
        line_end = chunk_end if line_end < 0 else line_end
        line_text = text[chunk_start:line_end]
        problem = None
        if chunk_entry is not None:
            problem = _diagnose_entry(chunk_entry, text)
        elif _MARKDOWN_LINE.search(line_text):
            problem = SyntaxProblem(
                "markdown",
                chunk_start,
                line_end,
                f"`{line_text.strip()[:60]}` is Markdown, not a `key: value` line; YAML cannot read it, so "
                "Jekyll ignores the whole front matter (does it belong below the closing `---`?)",
            )
        if problem is None:
            offset = chunk_start
            if mark is not None:
                offset = _mark_offset(text, chunk_start, chunk_end, mark)
                if offset >= len(text[chunk_start:chunk_end].rstrip()) + chunk_start:
                    offset = chunk_start  # "unexpected end": the line that opened it is the one to fix
            start, end = line_span(text, offset)
            shown = text[start:end].rstrip("\n")
            if message == _NOT_A_PAIR:
                message = (
                    f"`{shown.strip()[:60]}` is not a `key: value` line, so YAML cannot read the "
                    "front matter and Jekyll ignores all of it"
                )
            else:
                hint = _yaml_hint(message, shown)
                message = (
                    f"YAML cannot read `{shown.strip()[:60]}` ({hint}{message}), so Jekyll ignores the "
                    "whole front matter"
                )
            problem = SyntaxProblem("yaml", offset, max(offset, start + len(shown)), message)
        problems.append(problem)
    if not any(p.breaks_yaml for p in problems):
        # Nothing line by line explains it: report YAML's own position.
        offset = front.problem.offset
        problems.append(
            SyntaxProblem(
                "yaml",
                offset,
                offset + 1,
                f"the front matter is not valid YAML ({front.problem.message}), so Jekyll ignores all of it",
            )
        )
    return tuple(sorted(problems, key=lambda p: p.start))


def _yaml_hint(message: str, line: str) -> str:
    """A plain-words reading of YAML's message, prefixed to it."""
    if "end of stream" in message and ('"' in line or "'" in line):
        return "a quote opened here is never closed: "
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return "a tab is used for indentation, use spaces: "
    return ""


def _diagnose_entry(entry: Entry, text: str) -> SyntaxProblem | None:
    key_text = text[entry.key_start : entry.key_end]
    if _MARKDOWN_IN_KEY.search(key_text):
        return SyntaxProblem(
            "markdown",
            entry.key_start,
            entry.key_end,
            f"the key `{key_text}` contains Markdown; YAML cannot read it, so Jekyll ignores the whole front matter",
            key=entry.key,
            entry=entry,
        )
    value = entry.raw_value
    link = _MARKDOWN_LINK.search(value)
    if link and value[:1] not in "'\"":
        start = entry.value_start + link.start()
        return SyntaxProblem(
            "markdown",
            start,
            entry.value_start + link.end(),
            f"the value of `{entry.key}` holds a Markdown link `{link.group()[:60]}`; YAML cannot read it "
            "(front matter is not Markdown), so Jekyll ignores the whole front matter",
            key=entry.key,
            entry=entry,
        )
    if value[:1] not in ("'", '"', "[", "{", "|", ">", "&", "*", "!"):
        colon = _inner_colon(value)
        if colon is not None:
            start = entry.value_start + colon
            return SyntaxProblem(
                "colon-in-value",
                start,
                start + 1,
                f"the value of `{entry.key}` contains `: `, which YAML reads as the start of another key; "
                f"put the value in quotes, or Jekyll ignores the whole front matter",
                key=entry.key,
                entry=entry,
            )
    return None


def _inner_colon(value: str) -> int | None:
    for match in re.finditer(r":(?=[ \t]|$)", value):
        return match.start()
    return None


def _heading_lines(text: str, front: FrontMatter, problems: list[SyntaxProblem]) -> None:
    pos = front.inner_start
    commented = {o.start for o in front.odd_lines if o.kind == "commented-key"}
    while pos < front.inner_end:
        nl = text.find("\n", pos, front.inner_end)
        line_end = front.inner_end if nl < 0 else nl
        if pos not in commented and _HEADING_LINE.match(text, pos, line_end):
            problems.append(
                SyntaxProblem(
                    "markdown",
                    pos,
                    line_end,
                    f"the Markdown heading `{text[pos:line_end].strip()[:60]}` is inside the front matter: YAML reads it "
                    "as a comment, so it is not shown on the page; move it below the closing `---`",
                    breaks_yaml=False,
                )
            )
        pos = line_end + 1


def _mark_offset(text: str, start: int, end: int, mark) -> int:
    pos = start
    for _ in range(mark.line):
        nl = text.find("\n", pos, end)
        if nl < 0:
            return end
        pos = nl + 1
    line_end = text.find("\n", pos, end)
    line_end = end if line_end < 0 else line_end
    return min(pos + mark.column, line_end)


def heading_fix_text(entry: Entry) -> str | None:
    """``## Motivation`` -> ``Motivation`` (quoted when needed); None when nothing would be left."""
    match = _HEADING_VALUE.match(entry.raw_value)
    if not match:
        return None
    rest = entry.raw_value[match.end() :].strip()
    if not rest:
        return None
    if _inner_colon(rest) is not None or " #" in rest or rest[:1] in "'\"[{|>&*!%@`":
        return quote_yaml(rest)
    return rest
