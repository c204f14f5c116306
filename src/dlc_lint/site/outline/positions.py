"""Offsets of YAML marks and nodes in the normalised text of ``_config.yml``."""

from __future__ import annotations

import yaml

from dlc_lint.site.outline.model import Span


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
