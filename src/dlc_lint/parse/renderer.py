"""Which build the site gets, and what that build makes of a file's first bytes.

GitHub Pages builds with Jekyll plus plugins it always enables; plain Jekyll (`jekyll build`, a
GitHub Actions workflow without the `github-pages` gem) has none of them. What differs for a page:

- Jekyll reads front matter only when a file's first bytes are `---`. Otherwise (a byte-order mark,
  blank lines, no front matter at all) plain Jekyll copies the Markdown file as it is: it is not a
  page and its pretty URL 404s.
- With GitHub Pages, jekyll-optional-front-matter builds those files as pages anyway (except
  README, LICENSE, CONTRIBUTING and the like, which jekyll-readme-index may make a folder's index).
  It reads the file with the BOM stripped, so front matter after a BOM is read as usual; after
  blank lines it is not front matter but Markdown: a horizontal rule, then `lang-ref: ...` as text.

The config names the build (`renderer = "github-pages"`, the default, or `"jekyll"`). Proven by
tests/render (fixtures/renderer/ko/front-matter/ built both ways).
"""

from __future__ import annotations

import posixpath

GITHUB_PAGES = "github-pages"
JEKYLL = "jekyll"
RENDERERS = (GITHUB_PAGES, JEKYLL)

# jekyll-optional-front-matter leaves these alone (FILENAME_BLACKLIST, compared without the extension)
_NOT_PAGES = frozenset(
    "README LICENSE LICENCE COPYING CODE_OF_CONDUCT CONTRIBUTING ISSUE_TEMPLATE PULL_REQUEST_TEMPLATE".split()
)


def renderer_of(settings) -> str:
    return getattr(settings, "renderer", GITHUB_PAGES) or GITHUB_PAGES


def front_matter_read(front_matter, renderer: str) -> bool:
    """Whether the build reads the page's front matter block (``front_matter.present`` assumed)."""
    if front_matter.hidden_by is None:
        return True
    return renderer == GITHUB_PAGES and front_matter.hidden_by == "bom" and front_matter.start == 0


def is_page(path: str, front_matter, renderer: str) -> bool:
    """Whether the build makes a page of the Markdown file at site path ``path``."""
    if front_matter.present and front_matter.hidden_by is None:
        return True
    if renderer != GITHUB_PAGES:
        return False
    name = posixpath.splitext(posixpath.basename(path))[0].upper()
    return name not in _NOT_PAGES
