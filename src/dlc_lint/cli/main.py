"""The ``dlc-lint`` command line: a thin shell around the engine and reporters.

``dlc-lint PATH...`` is short for ``dlc-lint check PATH...``. Exit status:
0 nothing at or above ``--fail-on``, 1 findings, 2 usage or configuration error.
"""

from __future__ import annotations

import gc
import importlib
import sys

import click

from dlc_lint import __version__

# name -> "module:attribute"; imported only when the command runs, to keep start-up fast.
COMMANDS = {
    "check": "dlc_lint.cli.check:check",
    "rules": "dlc_lint.cli.rules:rules",
    "explain": "dlc_lint.cli.rules:explain",
    "pr": "dlc_lint.cli.pr:pr",
    "report-pr": "dlc_lint.cli.report_pr:report_pr",
    "terms": "dlc_lint.cli.terms:terms",
    "status": "dlc_lint.cli.status:status",
    "server": "dlc_lint.cli.server:server",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on use, and whose default command is ``check``."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)

    def parse_args(self, ctx, args):
        if not args or (args[0] not in COMMANDS and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx, formatter):
        formatter.write_usage("dlc-lint", "[OPTIONS] PATH... | COMMAND [ARGS]...")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="dlc-lint")
def cli():
    """Check translated pages of a Jekyll course site against their English pages.

    \b
    dlc-lint docs/ko                  lint a language folder (the whole site is context)
    dlc-lint docs/ko/week01/01-1.md   lint one page
    dlc-lint docs --format json       the whole site, as JSON
    dlc-lint pr --base origin/main    what a pull request changes: findings, labels, title
    dlc-lint report-pr ARTIFACT       put a pull request check's results on it (workflow_run)
    dlc-lint rules                    list every rule
    dlc-lint explain DLC105           a rule's documentation
    dlc-lint server                   the Language Server for editors (LSP over stdio)

    Run `dlc-lint check --help` for every option of the lint command.
    """


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and return its exit status (never a traceback for bad input)."""
    # A run builds millions of small objects and keeps caches of hundreds of thousands: with the
    # default thresholds the cyclic collector walks them again and again (15 % of a whole-site run,
    # 28 % at three times its size). Collecting rarely leaves the peak memory the same (measured).
    gc.set_threshold(100_000, 50, 100)
    missing = _missing_libraries()
    if missing:
        click.echo(
            f"Error: dlc-lint needs the Python package{'s' if len(missing) > 1 else ''} {', '.join(missing)}, "
            "which this Python cannot import; install dlc-lint with pip (`pip install .` in its checkout) so that its "
            "dependencies come with it.",
            err=True,
        )
        if argv is None:
            sys.exit(2)
        return 2
    try:
        result = cli.main(args=argv, prog_name="dlc-lint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        result = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        result = 2 if isinstance(exc, click.UsageError) else exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        result = 2
    except BrokenPipeError:
        result = 1
    code = result if isinstance(result, int) else 0
    if argv is None:
        if not sys.stdout.closed:  # the language server's client may have closed it
            sys.stdout.flush()
        sys.exit(code)
    return code


# module -> the package that provides it (pyproject.toml's dependencies); the rules import them lazily,
# so without this check a broken install shows up as one internal error per page
_LIBRARIES = {"click": "click", "yaml": "pyyaml", "mistune": "mistune", "bs4": "beautifulsoup4"}


def _missing_libraries() -> list[str]:
    import importlib.util

    missing = []
    for module, package in _LIBRARIES.items():
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):  # a module set to None, or a broken spec
            found = False
        if not found:
            missing.append(package)
    return missing
