"""Allow ``python -m dlc_lint``."""

from dlc_lint.cli import main

if __name__ == "__main__":
    main()
