"""Allow ``python -m dlc_lint``."""

from dlc_lint.cli.main import main

if __name__ == "__main__":
    main()
