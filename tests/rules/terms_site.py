"""A small Chinese site for the rules and the command that learn renderings from (English, translation) pairs.

Sixty-six paragraphs, each pairing two of twelve terms ("The data and the model matter." /
"数据和模型很重要。"), spread over four pages. *data* is written 数据, except in three paragraphs:
one on page 1 (which then mixes 数据 and 资料) and both of page 4's (which writes only 资料).
"""

from __future__ import annotations

from itertools import combinations

from conftest import write_site

VOCABULARY = [
    ("data", "数据"),
    ("model", "模型"),
    ("network", "网络"),
    ("image", "图像"),
    ("loss", "损失"),
    ("weight", "权重"),
    ("layer", "层"),
    ("vector", "向量"),
    ("matrix", "矩阵"),
    ("input", "输入"),
    ("output", "输出"),
    ("gradient", "梯度"),
]
PAGES = 4
VARIANT_AT = {8, 3, 7}  # paragraphs writing 资料 for data: #8 is on page 1, #3 and #7 are page 4's

CONFIG = """\
permalink: pretty
baseurl: '/site'
default_lang: 'en'
chapters:
  - path: en/week01/01.md
zh:
  title: '深度学习'
  chapters:
    - path: zh/week01/01.md
"""


def paragraphs():
    """(page index, English, Chinese) for each of the 66 paragraphs."""
    for i, ((en_a, zh_a), (en_b, zh_b)) in enumerate(combinations(VOCABULARY, 2)):
        if i in VARIANT_AT:
            zh_a = zh_a.replace("数据", "资料")
        chinese = f"{zh_a}和{zh_b}很重要。" if i % 2 == 0 else f"关于{zh_b}，{zh_a}也很重要。"
        yield i % PAGES, f"The {en_a} and the {en_b} matter.", chinese


def page_text(index: int) -> str:
    lines = [f"---\nlang-ref: ch.01-{index + 1}\ntitle: 第{index + 1}节\nlang: zh\n---\n"]
    for page, english, chinese in paragraphs():
        if page == index:
            lines.append(f"<!-- {english} -->\n{chinese}\n")
    return "\n".join(lines)


def files() -> dict[str, str]:
    out = {
        "en/week01/01.md": "---\nlang-ref: ch.01\ntitle: Week 1\n---\n",
        "zh/week01/01.md": "---\nlang-ref: ch.01\ntitle: 第1周\nlang: zh\n---\n",
    }
    for index in range(PAGES):
        out[f"en/week01/01-{index + 1}.md"] = f"---\nlang-ref: ch.01-{index + 1}\ntitle: Part {index + 1}\n---\n"
        out[f"zh/week01/01-{index + 1}.md"] = page_text(index)
    return out


def make(root):
    return write_site(root, files(), CONFIG)


def position(index: int, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the ``occurrence``-th ``needle`` on page ``index``."""
    text = page_text(index)
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1
