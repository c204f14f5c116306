"""Where a link goes: resolving link and image targets the way the published site does.

A page ``ko/week01/01-1.md`` is served at ``{baseurl}/ko/week01/01-1/`` (pretty
permalinks; a language index ``ko/index.md`` at ``{baseurl}/ko/``). Jekyll first
replaces ``{{ site.baseurl }}``; jekyll-relative-links (on by default on GitHub
Pages) turns a Markdown link to an existing ``.md`` page into that page's URL;
then the reader's browser resolves what is left against the page's URL. GitHub
Pages serves ``/a/b/`` also as ``/a/b``, and ``/a/b.html`` as ``/a/b``; it is
case-sensitive. GitHub Pages also enables jekyll-optional-front-matter, so a
Markdown file without (visible) front matter is still published at its pretty
URL (broken, but not a 404).

:func:`resolve` does all of that for one target and says what it found, so
the link rules only decide what to report.
"""

from dlc_lint.site.urls.links import PageLink, kramdown_math_ranges, page_links
from dlc_lint.site.urls.liquid import LiquidProblem, malformed_liquid
from dlc_lint.site.urls.repair import Repair, describe_broken, swap_language
from dlc_lint.site.urls.resolve import (
    INVISIBLE,
    Resolution,
    Resolver,
    has_inside_space,
    remove_inside_space,
    resolver_for,
    visible,
)

__all__ = [
    "INVISIBLE",
    "LiquidProblem",
    "PageLink",
    "Repair",
    "Resolution",
    "Resolver",
    "describe_broken",
    "has_inside_space",
    "kramdown_math_ranges",
    "malformed_liquid",
    "page_links",
    "remove_inside_space",
    "resolver_for",
    "swap_language",
    "visible",
]
