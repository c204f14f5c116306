"""DLC604 broken-html-tag: a tag that lost its `<` or got a space (`이론/td>`, `b>Fig`, `</ b>`, `<bŞekil`).

## What it does
Finds HTML tags damaged in editing or by machine translation:
- a closing tag without its `<` (`eğitimi/a>`, `이론/td>`);
- an opening tag without its `<` at the start of a word, closed later on the
  line (`b>Fig. 10</b>`);
- a space after `</` (`</ b>`);
- an opening tag glued to the following word (`<bŞekil 6:</b>`).

## Why is this bad?
kramdown prints the damaged tag as text (error: the page shows markup), and
its partner is left unpaired: after `</ b>` the rest of the paragraph stays
bold; a lost `</a>` inside a table makes the link swallow the rest of the page.

## Example
```
<b>Figure 9:</ b> instances
```

## Use instead
```
<b>Figure 9:</b> instances
```

## Fix safety
Safe: the missing `<` is put back, or the space removed (a glued opening tag
gets no fix: the text after it must be separated by hand).
"""

from dlc_lint.finding import Edit, Fix
from dlc_lint.parse.html_balance import broken_tags
from dlc_lint.rules import rule


@rule(
    "DLC604",
    "broken-html-tag",
    "error",
    "A tag that lost its `<` or got a space (`이론/td>`, `b>Fig`, `</ b>`, `<bŞekil`)",
    fixable=True,
)
def check(context):
    page = context.page
    if not page.front_matter.present:
        return  # a README for GitHub, not a page of the site
    text = page.text
    for broken in broken_tags(page):
        shown = text[broken.start : broken.end]
        name = broken.name
        if broken.problem == "no-lt":
            fixed = "<" + shown
            message = (
                f"`{shown}` lost its `<`, so it is shown as text and <{name}> is "
                f"{'left open' if broken.closing else 'never opened'}; write `{fixed}`"
            )
            fix = Fix(f"write `{fixed}`", (Edit(broken.start, broken.start, "<"),))
        elif broken.problem == "space":
            fixed = f"</{name}>"
            message = (
                f"`{shown}` has a space after `</`, so it is shown as text and <{name}> stays open; write `{fixed}`"
            )
            fix = Fix(f"write `{fixed}`", (Edit(broken.start, broken.end, fixed),))
        else:
            line_end = text.find("\n", broken.end)
            word = text[broken.start : line_end if line_end >= 0 else len(text)].split()[0]
            message = (
                f"`<{name}` is glued to the text (`{word[:30]}`), so it is shown as text, not read as <{name}>; "
                f"put `>` after `<{name}`"
            )
            fix = None
        yield context.report(broken.start, broken.end, message, fix=fix)
