"""DLC601 unknown-html-tag: a tag whose name is not HTML (`<centro>`, `</centre>`, `</spu>`).

## What it does
Finds tags whose name is not an HTML element (current or obsolete), nor an SVG
or MathML element, nor a custom element (`<my-widget>`). When the unknown tag
is paired with a real one one typo away (`<centro>` … `</center>`,
`<sup>` … `</spu>`), the message names the tag that was meant. On a
translated page, a tag the English page has too is left alone (it is not the
translation's doing). Code, math and the English source comments are skipped.

## Why is this bad?
Machine translation translates tag names (`<center>` becomes `<centro>` or
`<centrer>`), and typos happen. Browsers ignore the unknown element, so the
figure is no longer centred; and when the opening and closing tags no longer
match, kramdown leaves the element open: after an unclosed `<centro>` at the
start of a line, the rest of the page is not rendered as Markdown (error).

## Example
```
<centro>
<img src="{{site.baseurl}}/images/week13/13-2/fig1.png"/>
</center>
```

## Use instead
```
<center>
<img src="{{site.baseurl}}/images/week13/13-2/fig1.png"/>
</center>
```

## Fix safety
Safe when the unknown tag is paired with a known one a typo away: it is
renamed to match. Otherwise no fix is offered.
"""

from dlc_lint.finding import Edit, Fix, Severity
from dlc_lint.parse.html_balance import analyse, is_known
from dlc_lint.rules import rule


@rule(
    "DLC601",
    "unknown-html-tag",
    "warning",
    "A tag whose name is not HTML (`<centro>`, `</centre>`, `</spu>`)",
    fixable=True,
)
def check(context):
    page = context.page
    if not page.front_matter.present:
        return  # a README for GitHub, not a page of the site
    tags = [t for t in page.tags if not is_known(t.name)]
    if not tags:
        return
    english = None
    if context.is_translation:
        counterpart = context.counterpart
        if counterpart is not None:
            english = {t.name.lower() for t in counterpart.tags if not is_known(t.name)}
    pairs = {}
    for issue in analyse(page):
        if issue.kind == "mismatched":
            pairs[issue.tag.start] = (issue.partner, issue)
            pairs[issue.partner.start] = (issue.tag, issue)
    for tag in tags:
        shown = page.text[tag.start : tag.end]
        partner, issue = pairs.get(tag.start, (None, None))
        if partner is not None and is_known(partner.name):
            meant = partner.name.lower()
            line, column = page.source.position(partner.start)
            other = page.text[partner.start : partner.end]
            name_start = tag.start + (2 if tag.closing else 1)
            consequence = (
                "kramdown leaves the element open and does not render the rest of the page as Markdown"
                if issue.raw
                else "the element stays open to the end of the paragraph"
            )
            yield context.report(
                tag.start,
                tag.end,
                f"`{shown[:40]}` is not an HTML tag, so it does not pair with `{other[:40]}` at {line}:{column}: "
                f"{consequence}; write `{'</' if tag.closing else '<'}{meant}>`",
                fix=Fix(f"rename `{tag.name}` to `{meant}`", (Edit(name_start, name_start + len(tag.name), meant),)),
                severity=Severity.ERROR if issue.raw else None,
            )
            continue
        if english is not None and tag.name.lower() in english:
            continue
        yield context.report(
            tag.start,
            tag.end,
            f"`{shown[:40]}` is not an HTML element: browsers ignore it (if it is meant as text, write "
            f"`&lt;{tag.name}&gt;`)",
        )
