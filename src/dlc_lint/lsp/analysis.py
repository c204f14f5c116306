"""What the language server asks of dlc-lint, without any LSP types: lint a buffer, find its English.

``lint_buffer(path, text)`` lints the unsaved text of one page with the site on disk as its
context (the buffer stands for the file, see :meth:`Site.use_text`), exactly as
``dlc-lint - --stdin-filename PATH`` does; the unsaved text of the source-language pages open beside
it stands for theirs too, so a translation is linted against the English page as the editor shows it. ``english_source(...)`` finds the English paragraph a
translated paragraph stands for: the block of the English page the aligner pairs it with, else
the English kept in the source comment above it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dlc_lint.config import ConfigError, Settings, find_config_file, load_settings
from dlc_lint.engine.run import LintResult, lint, make_site
from dlc_lint.engine.targets import UsageError
from dlc_lint.finding import Finding
from dlc_lint.parse.source import SourceText


@dataclass
class BufferResult:
    """The findings of one buffer (those on other files are left out) and the text they index."""

    path: Path
    findings: list[Finding]
    source: SourceText
    result: LintResult | None = None
    error: str | None = None  # a configuration or usage problem, said to the user once
    settings: Settings | None = None


def settings_for(path: Path) -> Settings:
    """The settings of the nearest configuration file above the page (as for `dlc-lint` run there)."""
    return load_settings(find_config_file(path.parent))


def lint_buffer(path: Path, text: str, beside: Mapping[Path, str] | None = None) -> BufferResult:
    """Lint ``text`` as the page at ``path`` (absolute), with the whole site on disk as context.

    ``beside`` holds the text of the other pages open in the editor (absolute path -> text): the
    source-language pages of the site among them stand for their files; the others are ignored."""
    source = SourceText.from_bytes(text.encode("utf-8"))
    try:
        settings = settings_for(path)
        site = make_site([path], settings)
        site_path = path.relative_to(site.root).as_posix()
    except (ConfigError, UsageError) as exc:
        return BufferResult(path, [], source, error=str(exc))
    except ValueError:
        return BufferResult(path, [], source, error=f"{path} is outside its site root")
    site.use_text(site_path, text.encode("utf-8"))
    for other, other_text in (beside or {}).items():
        try:
            other_path = other.relative_to(site.root).as_posix()
        except ValueError:
            continue
        if (
            other_path != site_path
            and other_path in site.page_paths
            and site.folder_lang(other_path) == site.source_lang
        ):
            site.use_text(other_path, other_text.encode("utf-8"))
    old = Path.cwd()
    os.chdir(site.root)  # findings name files relative to the working directory: here, the site root
    try:
        result = lint([Path(site_path)], settings, site=site)
    except (ConfigError, UsageError) as exc:
        return BufferResult(path, [], source, error=str(exc))
    finally:
        os.chdir(old)
    mine = [f for f in result.findings if f.path == site_path]
    return BufferResult(path, mine, result.sources.get(site_path, source), result, settings=settings)


@dataclass(frozen=True)
class EnglishSource:
    """The English paragraph behind a translated one: its text and where it is."""

    text: str
    path: str  # site path of the English page, or of the translated page for a source comment
    line: int
    from_comment: bool


def english_source(buffer: BufferResult, offset: int) -> EnglishSource | None:
    """The English source of the translated block at ``offset`` of the buffer, or None."""
    result = buffer.result
    if result is None or not result.targets:
        return None
    site = result.site
    site_path = result.targets[0].site_path
    page = site.page(site_path)
    if page is None:
        return None
    english = site.counterpart_page(site_path) if site.folder_lang(site_path) != site.source_lang else None
    if english is not None:
        from dlc_lint.analysis.parity import alignment, units

        align = alignment(site, page, english)
        for unit in units(site, page):
            if unit.start <= offset <= unit.end:
                match = align.english_for(unit)
                if match is not None:
                    line = english.source.position(match.start)[0]
                    return EnglishSource(english.text[match.start : match.end], english.path, line, False)
                break
    for pair in page.pairs:
        if any(block.start <= offset <= block.end for block in pair.blocks):
            line = page.source.position(pair.comment.start)[0]
            return EnglishSource(pair.english(page.text).strip(), page.path, line, True)
    return None


def glossary_term(buffer: BufferResult, offset: int) -> str | None:
    """The glossary entry of the term at ``offset``, as Markdown: the English term, the preferred
    form, the accepted ones and those to avoid (with why); None when no glossary term is there."""
    from dlc_lint.glossary.load import glossary_for

    result = buffer.result
    if result is None or not result.targets:
        return None
    site = result.site
    site_path = result.targets[0].site_path
    lang = site.folder_lang(site_path)
    page = site.page(site_path)
    if page is None or lang == site.source_lang:
        return None
    try:
        glossary = glossary_for(lang, buffer.settings.glossaries if buffer.settings else ())
    except Exception:  # noqa: BLE001 - a broken glossary is DLC305's finding, not a hover
        return None
    if glossary is None:
        return None
    for match in glossary.matcher.find(page.prose_text):
        if match.start <= offset < match.tail_end:
            entry, form = match.entry, match.form
            lines = [f"**Glossary** ({lang}): *{entry.en}*", ""]
            lines.append("preferred: " + ", ".join(f"`{f.text}`" for f in entry.preferred))
            if entry.accepted:
                lines.append("accepted: " + ", ".join(f"`{f.text}`" for f in entry.accepted))
            for avoided in entry.avoid:
                lines.append(f"avoid: `{avoided.text}`" + (f" ({avoided.why})" if avoided.why else ""))
            if form.kind.value == "avoid":
                lines.append(f"\n`{match.text}` is a form to avoid here.")
            return "\n\n".join(line for line in lines if line is not None)
        if match.start > offset:
            break
    return None
