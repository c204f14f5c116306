"""Rules load lazily: a run imports the modules of the rules it runs, and nothing when it replays."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from dlc_lint.rules import _catalog, all_rules


def test_the_catalog_names_every_rule_and_its_module():
    expected = {code: (r.name, r.module.rsplit(".", 1)[1]) for code, r in all_rules().items()}
    table = "\n".join(f'    "{code}": ("{name}", "{module}"),' for code, (name, module) in expected.items())
    assert _catalog.CATALOG == expected, f"update src/dlc_lint/rules/_catalog.py:\n{table}"


def imported_rule_modules(code: str) -> set[str]:
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import sys
        print(" ".join(m for m in sys.modules if m.startswith("dlc_lint.rules.") and m != "dlc_lint.rules._catalog"))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_selecting_one_rule_imports_its_module_only(tmp_path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "_config.yml").write_text("default_lang: en\n", encoding="utf-8")
    (tmp_path / "docs" / "en" / "a.md").write_text("---\ntitle: A\n---\n\n[x](b.md)\n", encoding="utf-8")
    found = imported_rule_modules(
        f"""
        from pathlib import Path
        from dlc_lint.config import Settings, settings_from_table
        from dlc_lint.engine.run import lint
        settings = settings_from_table({{"select": ["broken-link"]}})
        result = lint([Path({str(tmp_path / "docs")!r})], settings, use_cache=False)
        assert [f.code for f in result.findings] == ["DLC401"], result.findings
        """
    )
    # the one selected, and the engine's own (unreadable, undecodable, binary file, crash)
    assert found == {
        "dlc_lint.rules.broken_link",
        "dlc_lint.rules.internal_error",
        "dlc_lint.rules.unreadable_file",
        "dlc_lint.rules.undecodable_bytes",
        "dlc_lint.rules.binary_file",
    }


def test_a_replayed_run_imports_no_rule(tmp_path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "_config.yml").write_text("default_lang: en\n", encoding="utf-8")
    (tmp_path / "docs" / "en" / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    code = f"""
        import os
        os.environ["DLC_LINT_CACHE_DIR"] = {str(tmp_path / "cache")!r}
        from pathlib import Path
        from dlc_lint.config import Settings
        from dlc_lint.engine.run import lint
        lint([Path({str(tmp_path / "docs")!r})], Settings())
        """
    assert len(imported_rule_modules(code)) > 50  # the first run lints: every rule
    assert imported_rule_modules(code) == set()  # the second replays
