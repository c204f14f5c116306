"""The texts of the linted files, made when first asked for (fixes, changed-line filters)."""

from __future__ import annotations

from collections.abc import MutableMapping

from dlc_lint.parse.source import SourceText
from dlc_lint.site.model import Site


class SourceTexts(MutableMapping):
    """Display path -> the :class:`SourceText` of each linted file, for fixes and changed-line filters.

    Texts are made from the run's bytes (``Site.read``) when first asked for: a run without
    ``--fix`` keeps none (tens of megabytes on a whole site), a page replayed from the cache
    was never read as text, and worker processes send back paths, not texts.
    """

    def __init__(self, site: Site):
        self._site = site
        self._texts: dict[str, SourceText] = {}
        self._paths: dict[str, str] = {}  # display -> site path

    def add_path(self, display: str, site_path: str) -> None:
        self._paths[display] = site_path

    def add_paths(self, paths: dict[str, str]) -> None:
        self._paths.update(paths)

    def __getitem__(self, display: str) -> SourceText:
        if display not in self._texts and display in self._paths:
            self._make(display)
        return self._texts[display]

    def _make(self, display: str) -> None:
        source = self._site.source(self._paths.pop(display))
        if source is not None:  # deleted since: nothing to fix there
            self._texts[display] = source

    def __setitem__(self, display: str, source: SourceText) -> None:
        self._texts[display] = source

    def __delitem__(self, display: str) -> None:
        self._texts.pop(display, None)
        self._paths.pop(display, None)

    def __iter__(self):
        for display in list(self._paths):
            if display not in self._texts:
                self._make(display)
        return iter(list(self._texts))

    def __len__(self) -> int:
        return sum(1 for _ in self)
