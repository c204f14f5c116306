"""dlc-lint: a translation-consistency linter for localized lecture notes."""

__version__ = "0.1.0"
