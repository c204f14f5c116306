"""The site model: which files exist, what URL each page is served at, which
pages pair with which, and the outline of every language.

Everything is loaded lazily and once: a run over one page (the pre-commit
case) reads the English counterpart and the front matter of the pages it
needs for site-wide facts, not the whole site.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from stat import S_ISLNK
from typing import TYPE_CHECKING

from dlc_lint.atomic import is_temporary
from dlc_lint.parse.source import MAX_PAGE_BYTES, MAX_SETTINGS_BYTES, ReadError, SourceText, read_bytes
from dlc_lint.site.language import LANGUAGE_KEY
from dlc_lint.site.names import undecodable

if TYPE_CHECKING:  # parsing is imported when first needed: a run served from the cache parses nothing
    from dlc_lint.parse.frontmatter import FrontMatter
    from dlc_lint.parse.page import Page
    from dlc_lint.site.outline import Outline

CONFIG_NAME = "_config.yml"
_SKIP_DIRS = {".git", "_site", "node_modules", "vendor", ".jekyll-cache", ".sass-cache", "__pycache__"}
GIT_HISTORY = "\0git"  # in Site.recorded_reads()
FrontFacts = tuple[str | None, str | None]  # (lang-ref, permalink Jekyll uses): see Site.front_facts


@dataclass(frozen=True)
class Layout:
    """Where things are. The defaults fit the course site; all of it is configuration."""

    source_lang: str | None = None  # None: the site's ``default_lang``, else "en"
    page_suffix: str = ".md"
    index_name: str = "index.md"
    renderer: str = "github-pages"  # the build (``renderer`` setting): "github-pages" or plain "jekyll"


def find_site_root(paths: list[Path]) -> tuple[Path, bool]:
    """The nearest ancestor of the first target holding ``_config.yml``.

    Returns (root, has_config). Without a ``_config.yml`` the root is the
    folder whose subfolders are the languages: the parent of the target's
    language folder.
    """
    # abspath, not resolve: a page that is a link to a file elsewhere belongs to the site it is linked into
    first = Path(os.path.abspath(paths[0])) if paths else Path.cwd().resolve()
    start = first if first.is_dir() else first.parent
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder, True
    # No config: find the folder whose children look like language folders.
    for folder in (start, *start.parents):
        children = _language_dirs(folder)
        if len(children) >= 2:
            return folder, False
    return start, False


def _language_dirs(folder: Path) -> list[str]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [e.name for e in entries if e.is_dir() and LANGUAGE_KEY.match(e.name)]


@dataclass
class Site:
    root: Path
    has_config: bool = True
    layout: Layout = field(default_factory=Layout)
    _pages: dict[str, Page] = field(default_factory=dict, repr=False)
    _front_matters: dict[str, FrontMatter] = field(default_factory=dict, repr=False)
    _read_errors: dict[str, str] = field(default_factory=dict, repr=False)
    # Bytes read once for the whole run (see :meth:`read`), and the pages whose text the page being
    # linted asked for (see :mod:`dlc_lint.engine.page_cache`): None when nobody is listening.
    _bytes: dict[str, bytes | ReadError] = field(default_factory=dict, repr=False)
    _reads: set[str] | None = field(default=None, repr=False)
    _bad_names: list[str] = field(default_factory=list, repr=False)  # see :mod:`dlc_lint.site.names`
    _given: set[str] = field(default_factory=set, repr=False)  # paths whose bytes use_text gave
    _real_folders: dict[str, str] = field(default_factory=dict, repr=False)  # see :meth:`_inside_site`
    _front_facts: dict[str, FrontFacts] = field(default_factory=dict, repr=False)  # see :meth:`front_facts`

    # -- files ------------------------------------------------------------------
    @cached_property
    def files(self) -> frozenset[str]:
        """Every file of the site, as ``/``-separated paths relative to the root."""
        found: list[str] = []
        root = str(self.root)
        prefix = root.rstrip(os.sep) + os.sep

        def relative(path: str) -> str:  # os.path.relpath, without its work: every path is below the root
            rel = path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, root)
            return rel.replace(os.sep, "/")

        seen_dirs: set[tuple[int, int]] = set()
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                stat = os.stat(folder)
                if (stat.st_dev, stat.st_ino) in seen_dirs:
                    continue  # a symlink loop
                seen_dirs.add((stat.st_dev, stat.st_ino))
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_dir():
                        if undecodable(entry.name):
                            self._bad_names.append(relative(entry.path))
                        elif entry.name not in _SKIP_DIRS and not entry.name.startswith("."):
                            stack.append(entry.path)
                    elif undecodable(entry.name):
                        self._bad_names.append(relative(entry.path))
                    elif not is_temporary(entry.name):  # a fix being written, or left by a killed run
                        found.append(relative(entry.path))
                except OSError:
                    continue
        return frozenset(found)

    @property
    def bad_names(self) -> tuple[str, ...]:
        """Files and folders whose names are not valid UTF-8 (left out of :attr:`files`)."""
        _ = self.files
        return tuple(sorted(set(self._bad_names)))

    @cached_property
    def page_paths(self) -> tuple[str, ...]:
        """Markdown pages Jekyll renders: not in ``_``-folders, not excluded."""
        excluded = set(self.config_list("exclude"))
        pages = []
        for path in self.files:
            if not path.endswith(self.layout.page_suffix):
                continue
            if any(part.startswith(("_", ".")) for part in path.split("/")[:-1]):
                continue
            if path in excluded or path.split("/")[0] in excluded:
                continue
            pages.append(path)
        return tuple(sorted(pages))

    # -- config and outline -----------------------------------------------------
    @cached_property
    def config_source(self) -> SourceText | None:
        if not self.has_config:
            return None
        try:
            return SourceText.from_bytes(self.read(CONFIG_NAME))
        except ReadError as exc:
            self._read_errors[CONFIG_NAME] = str(exc)
            return None

    @cached_property
    def outline(self) -> Outline | None:
        source = self.config_source
        if source is None:
            return None
        from dlc_lint.site.outline import parse_outline

        return parse_outline(source.text, self.source_lang_from_config(source.text))

    @staticmethod
    def source_lang_from_config(text: str) -> str:
        match = re.search(r"^default_lang:[ \t]*['\"]?([A-Za-z_-]+)", text, re.M)
        return match.group(1) if match else "en"

    def config_value(self, key: str, default: str = "") -> str:
        outline = self.outline
        if outline is None:
            return default
        return str(outline.settings.get(key, default))

    def config_list(self, key: str) -> list[str]:
        source = self.config_source
        if source is None:
            return []
        match = re.search(rf"^{re.escape(key)}:[ \t]*\n((?:[ \t]+-[^\n]*\n?)+)", source.text, re.M)
        if not match:
            return []
        return [line.strip()[1:].strip().strip("'\"") for line in match.group(1).splitlines() if line.strip()]

    @cached_property
    def source_lang(self) -> str:
        if self.layout.source_lang:
            return self.layout.source_lang
        source = self.config_source
        return self.source_lang_from_config(source.text) if source is not None else "en"

    @cached_property
    def baseurl(self) -> str:
        return self.config_value("baseurl", "").rstrip("/")

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """Language folders: top-level folders named like a language code that hold pages."""
        langs = {path.split("/", 1)[0] for path in self.page_paths if "/" in path}
        langs = {lang for lang in langs if LANGUAGE_KEY.match(lang)}
        langs.add(self.source_lang)
        return tuple(sorted(langs))

    def folder_lang(self, path: str) -> str:
        """The language a page's location gives it: its top folder, else the source language."""
        head = path.split("/", 1)[0] if "/" in path else ""
        return head if head in self.languages else self.source_lang

    # -- pages ------------------------------------------------------------------
    def read_error(self, path: str) -> str | None:
        return self._read_errors.get(path)

    def read(self, path: str) -> bytes:
        """The file's bytes, read from disk once per run: every check of a run sees the same bytes,
        even when the file changes meanwhile. Raises :class:`ReadError`."""
        data = self._bytes.get(path)
        if data is None:
            try:
                if not self._inside_site(path):
                    # a link a pull request planted to ~/.ssh/... or /proc/self/environ: its text would be quoted
                    raise ReadError("is a symbolic link to a file outside the site; dlc-lint reads nothing outside it")
                where = os.path.join(self.root, path)  # a str: no pathlib object for each read
                data = read_bytes(where, MAX_SETTINGS_BYTES if path == CONFIG_NAME else MAX_PAGE_BYTES)
            except ReadError as exc:
                data = exc
            self._bytes[path] = data
        if isinstance(data, ReadError):
            raise data
        return data

    def _inside_site(self, path: str) -> bool:
        """Whether the file at ``path``, its links followed, is inside the site: as :func:`_inside`, with
        the real path of each folder worked out once per run (a page costs one ``lstat``, not one
        per component of its path)."""
        folder, _, name = path.rpartition("/")
        if not name or any(part in ("", ".", "..") for part in path.split("/")):
            return _inside(self.root, self.root / path)
        real_folder = self._real_folder(folder)
        real = os.path.join(real_folder, name)
        try:
            if S_ISLNK(os.lstat(real).st_mode):
                real = os.path.realpath(real)
        except OSError:
            pass  # missing: realpath would keep the name as it is; reading it fails with its own reason
        top = self._real_folder("")
        return real == top or real.startswith(top.rstrip(os.sep) + os.sep)

    def _real_folder(self, folder: str) -> str:
        """``os.path.realpath`` of the folder, from its parent's (one ``lstat`` a folder)."""
        real = self._real_folders.get(folder)
        if real is None:
            parent, _, name = folder.rpartition("/")
            if not folder:
                real = os.path.realpath(self.root)
            else:
                real = os.path.join(self._real_folder(parent), name)
                try:
                    if S_ISLNK(os.lstat(real).st_mode):
                        real = os.path.realpath(real)
                except OSError:
                    pass  # missing: realpath keeps the name as it is
            self._real_folders[folder] = real
        return real

    def use_text(self, path: str, data: bytes) -> None:
        """Let ``data`` stand for the file at ``path`` (a page read from stdin, an editor's unsaved buffer),
        before anything of it was read or parsed; the file need not exist on disk."""
        self._bytes[path] = data
        self._given.add(path)
        self._pages.pop(path, None)
        self._front_matters.pop(path, None)
        self._front_facts.pop(path, None)
        if path not in self.files:
            self.__dict__["files"] = self.files | {path}
            self.__dict__.pop("page_paths", None)

    def has_text(self, path: str) -> bool:
        """Whether :meth:`use_text` gave the file at ``path`` its bytes."""
        return path in self._given

    def record_reads(self, on: bool = True) -> None:
        """Start noting which pages (and whether git history) the checks read, from now on; ``on=False``
        notes nothing. :meth:`recorded_reads` ends it."""
        self._reads = set() if on else None

    def recorded_reads(self) -> set[str] | None:
        """What was read since :meth:`record_reads` (None when nothing was recorded), and stop recording."""
        reads, self._reads = self._reads, None
        return reads

    def used_git_history(self) -> None:
        """Say that the page being linted was checked against git history, which no cache key holds."""
        if self._reads is not None:
            self._reads.add(GIT_HISTORY)

    def source(self, path: str) -> SourceText | None:
        if self._reads is not None:
            self._reads.add(path)
        try:
            data = self.read(path)
        except ReadError as exc:
            self._read_errors[path] = str(exc)
            return None
        return SourceText.from_bytes(data)

    def page(self, path: str, file: str | None = None) -> Page | None:
        """The parsed page at ``path`` (cached), or None when it cannot be read."""
        page = self._pages.get(path)
        if self._reads is not None:
            self._reads.add(path)
        if page is None:
            source = self.source(path)
            if source is None:
                return None
            from dlc_lint.parse.page import page_from_source

            page = page_from_source(path, file or path, source)
            self._pages[path] = page
        return page

    def add_page(self, page: Page) -> None:
        self._pages[page.path] = page

    def parsed_page(self, path: str) -> Page | None:
        """The page at ``path`` if it is already parsed (nothing is read, nothing is recorded)."""
        return self._pages.get(path)

    def forget_page(self, path: str) -> None:
        """Drop the parsed page at ``path`` (memory stays flat over a large run)."""
        self._pages.pop(path, None)

    def front_matter(self, path: str) -> FrontMatter | None:
        """Front matter only, for site-wide facts; reuses a full parse when there is one."""
        page = self._pages.get(path)
        if page is not None:
            return page.front_matter
        front = self._front_matters.get(path)
        if front is None:
            try:
                data = self.read(path)
            except ReadError:
                return None
            head = front_matter_head(data)
            source = SourceText.from_bytes(head)
            from dlc_lint.parse.frontmatter import parse_front_matter

            front = parse_front_matter(source.text, has_bom=source.has_bom)
            self._front_matters[path] = front
        return front

    def lang_ref(self, path: str) -> str | None:
        facts = self.front_facts(path)
        return None if facts is None else facts[0]

    def front_facts(self, path: str) -> FrontFacts | None:
        """What the site-wide indexes read of a page's front matter: its ``lang-ref`` and the ``permalink``
        Jekyll serves it at (None when Jekyll does not see the front matter); None when the page cannot
        be read. Worked out once per run, or given by :meth:`use_front_facts`."""
        facts = self._front_facts.get(path)
        if facts is None:
            front = self.front_matter(path)
            if front is None:
                return None
            facts = self._front_facts[path] = (
                front.get("lang-ref"),
                front.get("permalink") if front.hidden_by is None else None,
            )
        return facts

    def use_front_facts(self, facts: dict[str, FrontFacts]) -> None:
        """Let ``facts`` stand for :meth:`front_facts` of these pages (the engine remembers them by the bytes
        of the front matter: the indexes of a run parse only the pages whose front matter changed)."""
        for path, known in facts.items():
            if path not in self._given:
                self._front_facts[path] = known

    def front_facts_known(self) -> dict[str, FrontFacts]:
        """:meth:`front_facts` of each page worked out (or given) so far in this run."""
        return dict(self._front_facts)

    @cached_property
    def _lang_ref_index(self) -> dict[tuple[str, str], tuple[str, ...]]:
        index: dict[tuple[str, str], list[str]] = {}
        for path in self.page_paths:
            ref = self.lang_ref(path)
            if ref:
                index.setdefault((self.folder_lang(path), ref.strip()), []).append(path)
        return {key: tuple(paths) for key, paths in index.items()}

    def pages_with_lang_ref(self, lang: str, ref: str) -> tuple[str, ...]:
        """Pages in ``lang``'s folder whose ``lang-ref`` is ``ref``."""
        return self._lang_ref_index.get((lang, ref.strip()), ())

    def lang_refs(self, lang: str) -> frozenset[str]:
        """Every ``lang-ref`` used by the pages in ``lang``'s folder."""
        return frozenset(ref for (folder, ref) in self._lang_ref_index if folder == lang)

    def is_index(self, path: str) -> bool:
        return path == self.layout.index_name or (
            path.count("/") == 1
            and path.endswith("/" + self.layout.index_name)
            and self.folder_lang(path) != self.source_lang
        )

    def counterpart(self, path: str) -> str | None:
        """The source-language page a translated page pairs with.

        As the site's language switcher does: the source-language page with
        the same ``lang-ref``; else the same relative path under the source
        language's folder; a language's index pairs with the root ``index.md``.
        """
        lang = self.folder_lang(path)
        if lang == self.source_lang:
            return None
        if path == f"{lang}/{self.layout.index_name}":
            return self.layout.index_name if self.layout.index_name in self.files else None
        return self._partner(path, self.source_lang)

    def translation(self, source_path: str, lang: str) -> str | None:
        """The page of ``lang`` that translates the source-language page ``source_path``: the same
        pairing as :meth:`counterpart`, seen from the other side (the root ``index.md`` pairs with
        the language's index)."""
        if source_path == self.layout.index_name:
            candidate = f"{lang}/{self.layout.index_name}"
            return candidate if candidate in self.files else None
        return self._partner(source_path, lang)

    def _partner(self, path: str, lang: str) -> str | None:
        """The page of ``lang``'s folder with ``path``'s ``lang-ref`` (the one at the same place when
        several have it), else the page at the same place."""
        ref = self.lang_ref(path)
        same = f"{lang}/{path.split('/', 1)[1]}" if "/" in path else None
        if ref:
            matches = self.pages_with_lang_ref(lang, ref)
            if len(matches) == 1:
                return matches[0]
            if matches:
                return same if same in matches else matches[0]
        return same if same is not None and same in self.files else None

    def same_path_counterpart(self, path: str) -> str | None:
        if "/" not in path:
            return None
        candidate = f"{self.source_lang}/{path.split('/', 1)[1]}"
        return candidate if candidate in self.files else None

    def counterpart_page(self, path: str) -> Page | None:
        other = self.counterpart(path)
        return self.page(other) if other else None

    # -- URLs -------------------------------------------------------------------
    def url_of(self, path: str) -> str:
        """The pretty URL a page is served at, without the baseurl: ``/ko/week01/01-1/``."""
        facts = self.front_facts(path)
        permalink = None if facts is None else facts[1]
        if permalink and permalink.startswith("/"):
            return permalink
        stem = path[: -len(self.layout.page_suffix)] if path.endswith(self.layout.page_suffix) else path
        if stem == "index":
            return "/"
        if stem.endswith("/index"):
            return "/" + stem[: -len("index")]
        return "/" + stem + "/"


def _inside(root: Path, path: Path) -> bool:
    """True when ``path``, its links followed, is ``root`` or inside it."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def front_matter_head(data: bytes) -> bytes:
    """The first bytes of a file, enough for its front matter."""
    if len(data) < 4096:
        return data
    end = data.find(b"\n---", 3, 65536)
    if end < 0:
        end = data.find(b"\n...", 3, 65536)
    return data if end < 0 else data[: end + 5 + data[end + 4 : end + 6].count(b"\r") + 1]
