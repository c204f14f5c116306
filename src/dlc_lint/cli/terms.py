"""``dlc-lint terms``: which words each language folder uses for each English term.

For every language folder under the given paths, the (English, translation)
pairs of its pages are read (the English source comments; pages without
comments are aligned block by block with their English page) and each English
term is listed with the renderings that follow it, how often, and on which
pages. Terms rendered two ways (variants) come first, with the pages that mix
them. When the language has a glossary, its entries are listed too, with the
forms used (preferred, accepted, to avoid). This is the table a coordinator
needs to write or extend a glossary; no glossary is needed to build it.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import click

from dlc_lint.config import ConfigError, Settings, find_config_file, load_settings
from dlc_lint.engine.run import discover, display_path, make_site
from dlc_lint.engine.targets import UsageError


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="text for people, json or csv for tools and spreadsheets.",
)
@click.option(
    "--min-segments",
    type=int,
    default=3,
    show_default=True,
    metavar="N",
    help="Leave out English terms found in fewer (English, translation) pairs.",
)
@click.option("--variants-only", is_flag=True, help="Only terms rendered in more than one way.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Settings file (for the `glossary` setting; default: the nearest one).",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file (shipped glossaries only).")
@click.option(
    "--site-root",
    type=click.Path(file_okay=False),
    help="The site's root folder (default: the nearest folder above the paths holding _config.yml).",
)
def terms(paths, fmt, min_segments, variants_only, config_file, isolated, site_root):
    """List the English terms of a language folder and the renderings its pages use.

    \b
    dlc-lint terms docs/zh              Chinese: terms, renderings, counts, pages
    dlc-lint terms docs/ja --variants-only
    dlc-lint terms docs/ko --format csv > ko-terms.csv
    """
    try:
        settings = (
            Settings()
            if isolated
            else load_settings(Path(config_file) if config_file else find_config_file(Path.cwd()))
        )
        if site_root:
            settings = settings.with_overrides(site_root=Path(site_root))
        targets = [Path(p) for p in paths] or [Path(".")]
        site = make_site(targets, settings)
        found = discover(targets, site, settings)
    except (ConfigError, UsageError) as exc:
        raise click.UsageError(str(exc)) from None
    pages = [t.site_path for t in found if t.site_path.endswith(site.layout.page_suffix)]
    languages = sorted({site.folder_lang(p) for p in pages} - {site.source_lang})
    if not languages:
        raise click.UsageError("no translated pages under the given paths (give a language folder such as docs/zh)")
    cwd = Path.cwd()

    def show(site_path: str) -> str:
        return display_path(site.root / site_path, cwd)

    from dlc_lint.cli.progress import progress

    with progress(f"learning the terms of {', '.join(languages)}"):
        report = [table(site, lang, set(pages), settings, min_segments, variants_only, show) for lang in languages]
    if fmt == "json":
        sys.stdout.write(json.dumps({"languages": report}, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        sys.stdout.write(to_csv(report))
    else:
        sys.stdout.write(to_text(report))
    raise click.exceptions.Exit(0)


def table(site, lang: str, wanted: set[str], settings: Settings, min_segments: int, variants_only: bool, show) -> dict:
    """One language's table as plain data (the JSON shape)."""
    from dlc_lint.analysis.terms import folder_terms

    found = folder_terms(site, lang)
    rows: list[dict[str, Any]] = []
    for term in found.terms.values():
        if term.segments < min_segments or not (set(term.pages) & wanted):
            continue
        if variants_only and not term.variants:
            continue
        variants = set(term.variants)  # by value: a rendering read back from the cache may be a copy
        renderings = [
            {
                "text": r.text,
                "uses": r.uses,
                "role": "usual" if i == 0 else "variant" if r in variants else "other",
                "pages": [show(p) for p in r.pages],
            }
            for i, r in enumerate(term.renderings)
        ]
        mixed = []
        if term.variants:
            counts = found.page_counts(term)
            for page in sorted({p for per in counts.values() for p in per}):
                used = {r.text: per[page] for r, per in counts.items() if page in per}
                if len(used) > 1 and page in wanted:
                    mixed.append({"page": show(page), "renderings": used})
        rows.append(
            {
                "english": term.text,
                "segments": term.segments,
                "pages": len(term.pages),
                "variants": bool(term.variants),
                "renderings": renderings,
                "mixed_pages": mixed,
            }
        )
    rows.sort(key=lambda r: (not r["variants"], -r["segments"], r["english"]))
    return {
        "lang": lang,
        "pages": len(found.pages),
        "segments": found.segment_count,
        "terms": rows,
        "glossary": glossary_table(site, lang, wanted, settings, show),
    }


def glossary_table(site, lang: str, wanted: set[str], settings: Settings, show) -> list[dict] | None:
    """The glossary entries found on the pages, with every form used and its role."""
    from dlc_lint.analysis.term_hits import page_hits
    from dlc_lint.glossary import GlossaryError, Kind, glossary_for

    try:
        glossary = glossary_for(lang, settings.glossaries)
    except (GlossaryError, OSError) as exc:
        click.echo(f"note: the {lang} glossary is not used: {exc}", err=True)
        return None
    if glossary is None:
        return None
    used: dict[str, dict[tuple[str, str], dict[str, int]]] = {}
    for path in sorted(wanted):
        if site.folder_lang(path) != lang:
            continue
        page = site.page(path)
        if page is None:
            continue
        for hit in page_hits(site, page, glossary):
            for form in hit.match.forms:
                entry = glossary.entry(form.entry_id)
                if form.kind is Kind.AVOID and not entry.gate_passes(form, hit.english):
                    continue
                per_form = used.setdefault(entry.id, {}).setdefault((form.text, form.kind.value), {})
                per_form[path] = per_form.get(path, 0) + 1
    rows: list[dict[str, Any]] = []
    for entry in glossary.entries:
        forms = used.get(entry.id)
        if not forms:
            continue
        rows.append(
            {
                "english": entry.en,
                "id": entry.id,
                "preferred": [f.text for f in entry.preferred],
                "forms": [
                    {
                        "text": text,
                        "role": role,
                        "uses": sum(per.values()),
                        "pages": [show(p) for p in sorted(per, key=lambda p: (-per[p], p))],
                    }
                    for (text, role), per in sorted(forms.items(), key=lambda kv: -sum(kv[1].values()))
                ],
            }
        )
    rows.sort(key=lambda r: (-len({f["role"] for f in r["forms"]} - {"preferred"}), r["english"]))
    return rows


def to_text(report: list[dict]) -> str:
    out = io.StringIO()
    for language in report:
        rows = language["terms"]
        with_variants = sum(1 for r in rows if r["variants"])
        out.write(
            f"{language['lang']}/: {language['pages']} pages, {language['segments']} (English, translation) "
            f"pairs; {len(rows)} English terms listed, {with_variants} rendered more than one way\n\n"
        )
        for row in rows:
            mark = "  [variants]" if row["variants"] else ""
            out.write(f"{row['english']}  ({row['segments']} pairs, {row['pages']} pages){mark}\n")
            for rendering in row["renderings"]:
                if rendering["role"] == "other" and row["variants"]:
                    continue
                pages = ", ".join(rendering["pages"][:3]) + (" ..." if len(rendering["pages"]) > 3 else "")
                role = "" if rendering["role"] == "usual" else f" ({rendering['role']})"
                out.write(
                    f"    {rendering['text']}{role}  {rendering['uses']}  in {len(rendering['pages'])} "
                    f"page{'s' if len(rendering['pages']) != 1 else ''}: {pages}\n"
                )
            for mixed in row["mixed_pages"]:
                used = ", ".join(f"{text} {count}" for text, count in mixed["renderings"].items())
                out.write(f"    mixed on {mixed['page']}: {used}\n")
        glossary = language["glossary"]
        if glossary:
            out.write(f"\nglossary terms used on {language['lang']}/ pages:\n")
            for row in glossary:
                forms = ", ".join(f"{f['text']} ({f['role']}) {f['uses']}" for f in row["forms"])
                out.write(f"  {row['english']}: {forms}\n")
        out.write("\n")
    return out.getvalue()


def to_csv(report: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["lang", "source", "english", "pairs", "rendering", "role", "uses", "pages", "mixed_on"])
    for language in report:
        for row in language["terms"]:
            mixed = " ".join(m["page"] for m in row["mixed_pages"])
            for rendering in row["renderings"]:
                writer.writerow(
                    [
                        language["lang"],
                        "pairs",
                        row["english"],
                        row["segments"],
                        rendering["text"],
                        rendering["role"],
                        rendering["uses"],
                        " ".join(rendering["pages"]),
                        mixed,
                    ]
                )
        for row in language["glossary"] or ():
            for form in row["forms"]:
                writer.writerow(
                    [
                        language["lang"],
                        "glossary",
                        row["english"],
                        "",
                        form["text"],
                        form["role"],
                        form["uses"],
                        " ".join(form["pages"]),
                        "",
                    ]
                )
    return out.getvalue()
