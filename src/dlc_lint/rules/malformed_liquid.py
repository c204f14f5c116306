"""DLC405 malformed-liquid: `{{ site.baseurl }}` written wrongly (`{{site.baseurl}}}`, `{{site.baseURL}}`).

## What it does
Finds Liquid output tags for the site's baseurl that Jekyll will not turn into
`/pytorch-Deep-Learning`: a brace too many or too few, a space inside a word of
the name (`site.base url`) or an invisible character, `{%` instead of `{{`, a
misspelled or miscased name (`site.baseURL`, `site.base_url`). Spaces around
the dot are fine: Liquid reads `{{site. baseurl}}` as `{{site.baseurl}}`
(proven by tests/render: `fixtures/renderer/ko/links/liquid-space.md`). Only
the rendered text is checked: the English source comments and code are left
alone.

## Why is this bad?
`{{site.baseurl}}}` leaves a stray `}` in the address; `{{site.baseURL}}`
renders as nothing; an unclosed `{{` can
stop Jekyll from building the page. Every link or image using it is broken.
Machine translation and editors that "fix" spacing often cause this.

## Example
```
![Figure 1]({{site.baseurl}}}/images/week01/01-3/figure1.png)
```

## Use instead
```
![Figure 1]({{site.baseurl}}/images/week01/01-3/figure1.png)
```

## Fix safety
Safe when the tag is part of a link or image address that resolves after the
repair; otherwise unsafe (the tag is rewritten as `{{site.baseurl}}`).
"""

from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.parse.inline import mask
from dlc_lint.rules import rule
from dlc_lint.site.urls import kramdown_math_ranges, malformed_liquid, page_links, resolver_for


@rule(
    "DLC405",
    "malformed-liquid",
    "error",
    "`{{ site.baseurl }}` written wrongly (`{{site.baseurl}}}`, `{{site.baseURL}}`)",
    fixable=True,
)
def check(context):
    page = context.page
    text = page.content_text
    if "baseurl" not in text and "base_url" not in text:  # (most pages have it as it is: no lower-cased copy)
        lower = text.lower()
        if "baseurl" not in lower and "base_url" not in lower:
            return
    text = mask(text, kramdown_math_ranges(page))
    resolver = resolver_for(context.site)
    links = [item.link for item in page_links(page, context.site)]
    for problem in malformed_liquid(text):
        safety = Safety.UNSAFE
        consequence = ""
        for link in links:
            if link.target_start <= problem.start and problem.end <= link.target_end:
                inner_start = problem.start - link.target_start
                fixed = (
                    link.target[:inner_start]
                    + "{{site.baseurl}}"
                    + link.target[inner_start + problem.end - problem.start :]
                )
                if resolver.resolve(page.path, fixed, link.kind).ok:
                    safety = Safety.SAFE
                consequence = f", so the {'image' if link.is_image else 'link'} `{link.target}` is broken"
                break
        yield context.report(
            problem.start,
            problem.end,
            f"malformed Liquid `{problem.text}` ({problem.problem}): Jekyll does not replace it by the site's "
            f"address{consequence}; write `{{{{site.baseurl}}}}`",
            fix=Fix("write `{{site.baseurl}}`", (Edit(problem.start, problem.end, "{{site.baseurl}}"),), safety),
        )
