"""Offsets, lines and YAML marks in the normalised text of ``_config.yml``."""

from __future__ import annotations

import bisect

import yaml

from dlc_lint.site.outline.model import Span


def line_starts_of(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def line_of(line_starts, offset: int) -> int:
    return bisect.bisect_right(line_starts, offset) - 1


def text_of_line(text, line_starts, line: int) -> str:
    start = line_starts[line]
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def mark_offset(line_starts, mark) -> int:
    line = min(mark.line, len(line_starts) - 1)
    return line_starts[line] + mark.column


def span_of(node, line_starts) -> Span:
    start = mark_offset(line_starts, node.start_mark)
    end = mark_offset(line_starts, node.end_mark)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        end = start  # point at the start of a collection, not its whole body
    return Span(start, max(start, end))


def key_value_span(key_node, value_node, line_starts) -> Span:
    return Span(mark_offset(line_starts, key_node.start_mark), mark_offset(line_starts, value_node.end_mark))


def node_text(node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return node.value
    return node.tag.rsplit(":", 1)[-1]
