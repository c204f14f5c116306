"""Options and helpers shared by the lint-running subcommands (check, pr)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from dlc_lint.config import ConfigError, Settings, find_config_file, load_settings, resolve_selector
from dlc_lint.finding import Severity


class OutputFile(click.Path):
    """A file dlc-lint writes: its folder must exist (dlc-lint never creates folders), and it is not a folder."""

    name = "output file"

    def __init__(self) -> None:
        super().__init__(dir_okay=False)

    def convert(self, value, param, ctx):
        value = super().convert(value, param, ctx)
        folder = Path(os.fsdecode(value)).parent
        if not folder.is_dir():
            self.fail(f"the folder {os.fsdecode(folder)!r} does not exist (dlc-lint creates no folders)", param, ctx)
        return value


def selection_options(function):
    """--select/--ignore/--severity/--exclude/--fail-on/--config/--site-root, in that order in --help."""
    options = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False),
            help="Settings file (default: the nearest dlc-lint.toml or pyproject.toml with [tool.dlc-lint]).",
        ),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option(
            "--site-root",
            type=click.Path(file_okay=False),
            help="The site's root folder (default: the nearest folder above the paths holding _config.yml).",
        ),
        click.option(
            "--select",
            multiple=True,
            metavar="RULE",
            help="Only these rules (codes, names or prefixes such as DLC4; repeatable or comma-separated).",
        ),
        click.option("--extend-select", multiple=True, metavar="RULE", help="Add rules to the selection."),
        click.option("--ignore", multiple=True, metavar="RULE", help="Leave these rules out."),
        click.option(
            "--severity",
            "severities",
            multiple=True,
            metavar="RULE=LEVEL",
            help="Change a rule's severity, e.g. --severity DLC401=warning.",
        ),
        click.option(
            "--exclude",
            multiple=True,
            metavar="GLOB",
            help="Skip site paths matching this glob (e.g. 'zh/*'); repeatable.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(["error", "warning", "info", "never"]),
            default=None,
            help="Exit 1 when there is a finding at or above this severity [default: warning].",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _split(values) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        out.extend(v for v in value.replace(" ", ",").split(",") if v)
    return tuple(out)


def build_settings(
    config_file, isolated, site_root, select, extend_select, ignore, severities, exclude, fail_on
) -> Settings:
    """Settings from the config file, overridden by the command line. Raises ConfigError."""
    if isolated:
        settings = Settings()
    else:
        path = Path(config_file) if config_file else find_config_file(Path.cwd())
        if config_file and not Path(config_file).is_file():
            raise ConfigError(f"--config {config_file}: no such file")
        settings = load_settings(path)
    severity = dict(settings.severity)
    for item in severities:
        if "=" not in item:
            raise ConfigError(f"--severity {item}: expected RULE=LEVEL, e.g. DLC401=warning")
        key, level = item.split("=", 1)
        code = resolve_selector(key)
        try:
            severity[code] = Severity.parse(level)
        except ValueError as exc:
            raise ConfigError(f"--severity {item}: {exc}") from None
    return settings.with_overrides(
        select=tuple(resolve_selector(s) for s in _split(select)) or None,
        extend_select=(settings.extend_select + tuple(resolve_selector(s) for s in _split(extend_select))) or None,
        ignore=(settings.ignore + tuple(resolve_selector(s) for s in _split(ignore))) or None,
        severity=severity,
        exclude=settings.exclude + tuple(exclude),
        fail_on=fail_on,
        site_root=Path(site_root) if site_root else None,
    )


def use_color(option: bool | None) -> bool:
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()
