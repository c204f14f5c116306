"""Package layout that pyproject.toml cannot say alone.

The shipped glossaries live in the repository's top-level ``glossary/`` folder
(data, next to ``src/``, ``fixtures/`` and ``tests/``); the wheel carries them as
the data package ``dlc_lint.glossaries``. ``packages.find`` cannot list a package
outside ``src/``, hence this file.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "dlc_lint.glossaries"],
    package_dir={"": "src", "dlc_lint.glossaries": "glossary"},
)
