"""Subcommands of ``dlc-lint``, one module each, imported only when used."""
