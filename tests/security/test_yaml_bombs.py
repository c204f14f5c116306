"""YAML alias bombs: a few hundred bytes of YAML that stand for billions of values.

A pull request controls `_config.yml`, the front matter of its pages and a site
glossary. The "billion laughs" bomb (nine levels of `&aN [*aN-1, *aN-1, ...]`)
held CI until it timed out when it was in `_config.yml`; an alias inside its own
anchor is a tree without end. Each must become a positioned finding, fast.
"""

from __future__ import annotations

import time

import pytest
import yaml
from conftest import CONFIG, lint_site, write_site
from hostile import FILES, KO, json_findings, run


def bomb(levels: int = 9, key: str = "lol") -> str:
    """YAML lines ``lolN: &lolN [*lolN-1 x 9]``: 9**levels values from a few hundred bytes."""
    lines = [f"{key}0: &{key}0 [" + ", ".join(['"lol"'] * 9) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"{key}{level}: &{key}{level} [" + ", ".join([f"*{key}{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def timed_lint(root, targets):
    start = time.perf_counter()
    findings = lint_site(root, targets)
    return findings, time.perf_counter() - start


@pytest.mark.parametrize("target", [".", "ko/week01/01-1.md"])
def test_a_bomb_in_config_is_a_config_syntax_error_within_a_second(tmp_path, target):
    write_site(tmp_path, FILES, CONFIG + bomb())
    bomb_line = CONFIG.count("\n") + 1
    start = time.perf_counter()
    done = run(["--format", "json", target], tmp_path, timeout=30)
    assert time.perf_counter() - start < 5  # start-up plus well under a second of work; slack for CI
    found = [f for f in json_findings(done) if f["code"] == "DLC506"]
    assert found and done.returncode == 1, done.stdout
    assert found[0]["path"] == "_config.yml"
    assert bomb_line < found[0]["line"] <= bomb_line + 9  # at the alias where the budget ran out
    assert "alias" in found[0]["message"]
    _, seconds = timed_lint(tmp_path, [target])  # now that it cannot hang: the work itself
    assert seconds < 1.5, f"{seconds:.2f} s"


def test_an_alias_inside_its_own_anchor_in_config(tmp_path):
    write_site(tmp_path, FILES, CONFIG + "loop: &loop\n  - *loop\n")
    found = [f for f in json_findings(run(["--format", "json", "."], tmp_path, timeout=30)) if f["code"] == "DLC506"]
    assert found and found[0]["line"] == CONFIG.count("\n") + 2


def test_a_bomb_in_front_matter_is_an_invalid_front_matter_finding(tmp_path):
    page = KO.replace("lang: ko\n", "lang: ko\n" + bomb(key="x"))
    write_site(tmp_path, {**FILES, "ko/week01/01-1.md": page})
    findings, seconds = timed_lint(tmp_path, ["ko/week01/01-1.md"])
    assert seconds < 3
    assert any(f.code.startswith("DLC1") and "alias" in f.message for f in findings), [
        (f.code, f.message) for f in findings
    ]


def test_a_bomb_in_a_site_glossary_is_a_glossary_finding(tmp_path):
    from dlc_lint.glossary import GlossaryError
    from dlc_lint.glossary.load import load_glossary

    path = tmp_path / "glossary.yml"
    path.write_text("language: ko\n" + bomb(key="g") + "entries: []\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert time.perf_counter() - start < 1
    assert any("alias" in p.message for p in caught.value.problems)


def test_the_budget_counts_nested_aliases_in_linear_time():
    from dlc_lint.parse import bounded_yaml

    start = time.perf_counter()
    with pytest.raises(bounded_yaml.AliasBudgetError) as caught:
        bounded_yaml.compose(bomb(levels=40))
    assert time.perf_counter() - start < 0.5
    assert caught.value.problem_mark is not None


def test_ordinary_anchors_and_merge_keys_still_read():
    from dlc_lint.parse import bounded_yaml

    text = "base: &base {layout: page, lang: ko}\none:\n  <<: *base\n  title: A\ntwo: *base\n"
    assert bounded_yaml.load(text) == yaml.safe_load(text)
    many = "x: &x [1, 2, 3]\n" + "".join(f"k{i}: *x\n" for i in range(1000))  # 3000 values: fine
    assert bounded_yaml.load(many)["k999"] == [1, 2, 3]
