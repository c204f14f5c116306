"""DLC308 traditional-character: traditional Chinese characters on a simplified-Chinese page.

## What it does
On the pages of a simplified-Chinese folder (`zh/`, `zh-cn/`, `zh-hans/`,
`zh-sg/`), finds characters that only traditional Chinese uses (`們`, `這`,
`網絡`, `學習`), in the rendered prose: code, math, URLs and the English
source comments are not read. One finding per paragraph, at its first such
character, listing each with its simplified form (`們` → `们`).

The characters are those that OpenCC, the usual converter, turns into
another character and that no simplified text uses (3,198 of them): a
character that both scripts write (`于`, `著`, `乾`) is never reported.

## Why is this bad?
A reader of simplified Chinese can read traditional characters with some
effort, but a page that switches script, or a whole page in the other
script, looks unfinished, and search on the site misses its terms
(`神經網絡` is not found by `神经网络`). It usually comes from a translator
who writes traditional Chinese, or from text pasted from a Taiwanese or
Hong Kong source.

## Example
```
我們用這個網絡來學習。
```

## Use instead
```
我们用这个网络来学习。
```

## Fix safety
The fix writes the simplified form of each character of the paragraph; it
needs review (`--unsafe-fixes`): converting character by character is right
for nearly every character, but a few traditional characters have two
simplified forms depending on the word.
"""

from __future__ import annotations

from dlc_lint.analysis.traditional_chinese import SIMPLIFIED
from dlc_lint.finding import Edit, Fix, Safety
from dlc_lint.rules import rule

SIMPLIFIED_FOLDERS = frozenset({"zh", "zh-cn", "zh-hans", "zh-sg", "zh_cn", "zh_hans"})
_SHOWN = 6


@rule(
    "DLC308",
    "traditional-character",
    "warning",
    "Traditional Chinese characters on a simplified-Chinese page (們 for 们)",
    fixable=True,
)
def check(context):
    if context.lang.lower() not in SIMPLIFIED_FOLDERS:
        return
    prose = context.page.prose_text
    found = [i for i, ch in enumerate(prose) if ch in SIMPLIFIED]
    if not found:
        return
    for group in _by_paragraph(prose, found):
        chars = list(dict.fromkeys(prose[i] for i in group))
        listed = ", ".join(f"`{c}` → `{SIMPLIFIED[c]}`" for c in chars[:_SHOWN])
        more = f" and {len(chars) - _SHOWN} more" if len(chars) > _SHOWN else ""
        count = len(group)
        yield context.report(
            group[0],
            group[0] + 1,
            f"{count} traditional character{'s' if count != 1 else ''} on this simplified-Chinese page "
            f"({listed}{more}); write the simplified form{'s' if len(chars) != 1 else ''}",
            fix=Fix(
                "write the simplified characters",
                tuple(Edit(i, i + 1, SIMPLIFIED[prose[i]]) for i in group),
                Safety.UNSAFE,
            ),
        )


def _by_paragraph(prose: str, found: list[int]) -> list[list[int]]:
    """The offsets grouped by paragraph (text between blank lines)."""
    groups: list[list[int]] = []
    last = -1
    for index in found:
        if groups and "\n\n" not in prose[last:index].replace(" ", "").replace("\t", ""):
            groups[-1].append(index)
        else:
            groups.append([index])
        last = index
    return groups
