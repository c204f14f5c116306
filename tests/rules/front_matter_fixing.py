"""Helpers for the front-matter rule tests: apply a rule's fixes the way `--fix` does."""

from __future__ import annotations

from conftest import check_page, findings_of

from dlc_lint.fix.plan import plan
from dlc_lint.parse.source import SourceText


def fixed(tmp_path, data, select, *, unsafe=False, **kwargs) -> bytes:
    """The page's bytes after one round of the fixes of ``select``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    findings = findings_of(tmp_path, data, select=select, **kwargs)
    if not findings:
        return data
    changes = plan(findings, {findings[0].path: SourceText.from_bytes(data)}, unsafe)
    return changes[0].new_bytes if changes else data


def assert_fixes(tmp_path, before, after, select, *, unsafe=False, **kwargs) -> None:
    """``before`` fixes to exactly ``after``; fixing again changes nothing; the rule is then silent."""
    once = fixed(tmp_path, before, select, unsafe=unsafe, **kwargs)
    expected = after.encode("utf-8") if isinstance(after, str) else after
    assert once == expected
    assert fixed(tmp_path, once, select, unsafe=unsafe, **kwargs) == once
    assert check_page(tmp_path, once, select=select, **kwargs) == []
