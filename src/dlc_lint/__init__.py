"""dlc-lint: a translation-consistency linter for localized lecture notes."""

__version__ = "0.2.0"
