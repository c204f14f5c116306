"""DLC118 unknown-layout: the front matter's `layout` names a layout the site does not have.

## What it does
Compares a page's `layout:` value with the layouts in the site's
`_layouts/` folder (`default.html` is the layout `default`) and reports a
value that is none of them: `layout: Defaut`, `layout: Default` (names are
case-sensitive). When the site uses a theme (`theme:` or `remote_theme:` in
`_config.yml`), whose layouts dlc-lint cannot see, only a value that is one
or two letters away from a layout of the site is reported. `layout: none`
(or `null`) asks for no layout on purpose and is fine; a site without a
`_layouts/` folder is not checked.

## Why is this bad?
Jekyll does not stop on an unknown layout: it prints a build warning that
nobody reads and builds the page with no layout at all. The published page
is the bare text, without the site's header, sidebar, style or scripts
(MathJax included, so formulas show as TeX).

## Example
```
---
layout: Defaut
title: 동기
---
```

## Use instead
```
---
layout: default
title: 동기
---
```

## Fix safety
When exactly one layout of the site is close to the value, the fix writes
it; it needs review (`--unsafe-fixes`), since the page may have meant
another layout.
"""

from __future__ import annotations

import re

from dlc_lint.analysis.front_matter import yaml_ok
from dlc_lint.distance import edit_distance
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule

_NO_LAYOUT = {"none", "null", "false", "~", ""}
_THEME = re.compile(r"^(?:remote_)?theme:[ \t]*\S", re.M)


@rule(
    "DLC118",
    "unknown-layout",
    "error",
    "The `layout` names a layout the site does not have: Jekyll builds the page bare",
    fixable=True,
)
def check(context):
    front = context.page.front_matter
    if not yaml_ok(front):
        return
    entry = front.entry("layout")
    value = front.data.get("layout")
    if entry is None or not isinstance(value, str) or value.strip().lower() in _NO_LAYOUT:
        return
    value = value.strip()
    layouts = _layouts(context.site)
    if not layouts or value in layouts:
        return
    close = sorted(name for name in layouts if _near(value, name))
    source = context.site.config_source
    if not close and source is not None and _THEME.search(source.text):
        return  # a theme may provide it
    known = ", ".join(f"`{name}`" for name in sorted(layouts))
    message = (
        f"layout `{value}` does not exist (the site's layouts: {known}): Jekyll builds this page with no "
        "layout, so it has no site header, navigation or style"
    )
    fix = None
    if len(close) == 1:
        message += f"; did you mean `{close[0]}`?"
        fix = Fix(f"write `{close[0]}`", (Edit(entry.value_start, entry.value_end, close[0]),), Safety.UNSAFE)
    yield context.report(entry.value_start, entry.value_end, message, fix=fix)


def _near(value: str, name: str) -> bool:
    a, b = value.lower(), name.lower()
    return a == b or edit_distance(a, b, transpositions=True) <= (1 if min(len(a), len(b)) <= 4 else 2)


def _layouts(site) -> frozenset[str]:
    """The names of the site's layouts: the file names in `_layouts/`, without their extension."""
    return frozenset(
        path[len("_layouts/") :].rsplit(".", 1)[0]
        for path in site.files
        if path.startswith("_layouts/") and "/" not in path[len("_layouts/") :]
    )
