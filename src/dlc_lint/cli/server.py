"""``dlc-lint server``: run the Language Server on stdin/stdout (for editors)."""

from __future__ import annotations

import click


@click.command()
@click.option("--stdio", is_flag=True, help="Talk LSP over stdin and stdout (the default and only transport).")
def server(stdio):
    """Run the Language Server for editors: diagnostics as you type, fixes as code actions, the
    English paragraph on hover. Needs the `lsp` extra: pip install 'dlc-lint[lsp]'."""
    try:
        from dlc_lint.lsp.server import main
    except ImportError as exc:
        raise click.ClickException(
            f"the language server needs pygls and lsprotocol ({exc.name} is missing): pip install 'dlc-lint[lsp]'"
        ) from None
    main()
    return 0
