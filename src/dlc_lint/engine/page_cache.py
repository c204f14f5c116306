"""Findings of pages linted before, replayed while nothing they depend on has changed.

ruff and ESLint keep each file's findings keyed by the file's content. A page
of a translated site depends on more than itself, so here the key of a page's
findings is a hash of everything its checks may read:

* dlc-lint's own code and data, the Python and library versions, the
  settings (and the bytes of the site's glossary files) and the working folder
  (findings name files relative to it);
* the site's file list, ``_config.yml``, and the front matter of every page
  (lang-refs, titles and permalinks are site-wide facts);
* the full text of the pages in the source language's folder and at the root
  (its English page, the English side of the folder-wide term statistics), and
  of the page itself;
* checked when an entry is replayed, the git facts about the page and its English page
  (:mod:`dlc_lint.site.git_history`: every commit touching either of them, read once per run),
  so pages checked against git history (DLC723) are replayed too, until a commit touches one
  of the two. The entry names the English page it was computed with: which page that is
  follows from the front matter, which is part of every key;
* checked when an entry is replayed, the other pages of a translated page's own folder: the
  entry holds the digest of their text, and it holds when that is unchanged; else, if the
  page's checks read those pages only through folder-wide results (the folder's term
  statistics, :class:`dlc_lint.engine.cache.Derived`), it holds when this run works out the
  same results (their digests are in the entry). So editing one Korean page relints that
  page, and the other Korean pages only if the edit changed what the folder says about its
  terms. A page whose checks read another page of its folder directly (and, for the rest of
  the process, every page of that folder: what was worked out from that text may be reused)
  is keyed on the folder's text.

A page whose checks read the text of any page outside its language folder, the source
language's folder and the root (or git history the run could not read) is not stored
(:meth:`Site.recorded_reads` lists what a page's checks read): a stale hit cannot happen even
if a check grows a new dependency. Any problem reading or writing an entry means linting the
page again.

The entries live next to the term statistics of :mod:`dlc_lint.engine.cache`, in its
``findings`` subfolder; ``--no-cache`` and ``DLC_LINT_NO_CACHE=1`` turn both off.

The front-matter block of every page, read for the common key, also gives each page a digest: what
the site-wide indexes read of a page (:meth:`Site.front_facts`: lang-ref, permalink) is kept in the
``front-facts`` subfolder by that digest, and handed to the site of the next run for each page whose
front matter is byte for byte the same, so that run parses the front matter of changed pages only.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from dlc_lint.config import Settings
from dlc_lint.engine import store
from dlc_lint.engine.cache import Derived, cache_dir, code_fingerprint, file_inputs, site_inputs
from dlc_lint.engine.directives import INTERNAL_ERROR
from dlc_lint.finding import Finding
from dlc_lint.parse.source import ReadError
from dlc_lint.site import git_history
from dlc_lint.site.git_history import GitFacts
from dlc_lint.site.model import CONFIG_NAME, GIT_HISTORY, FrontFacts, Site

KIND = "findings"
FACTS = "front-facts"  # its own folder of the store: an entry per site and version of dlc-lint
MAX_FACTS = 16
MAX_ENTRIES = 8192  # a page each: about eight versions of the 538 pages of the course site


@dataclass(frozen=True)
class Entry:
    """What linting one page gave, after its suppression comments were applied."""

    findings: tuple[Finding, ...]
    has_directives: bool  # the page holds dlc-lint-disable comments
    # The git facts the findings were computed with: the files they are about (the page and its
    # English page) and their digest (see :mod:`dlc_lint.site.git_history`); checked when replayed.
    git_paths: tuple[str, ...] = ()
    git: str = ""
    # A translated page's key leaves out the text of the other pages of its folder; the entry holds
    # the digest of that text (``folder``) and, when the checks read the other pages only through
    # folder-wide results, those results' digests (``results``, see engine.cache.Derived): when the
    # folder changed, the entry still holds while those results are the same.
    folder: str = ""
    by_results: bool = False
    results: tuple[tuple[str, str], ...] = ()


class PageCache:
    """Keys, reads and writes of the findings of one site's pages for one run."""

    def __init__(self, folder: Path, site: Site, common: bytes, git: GitFacts | None = None):
        self.folder = folder
        self.site = site
        self.common = common
        self.git = git
        self._groups: dict[str, bytes] = {}
        self._read_folders: set[str] = set()
        self.fronts: dict[str, str] = {}
        self._known_facts: dict[str, FrontFacts] = {}

    @classmethod
    def open(cls, site: Site, settings: Settings, cwd: Path) -> PageCache | None:
        """The cache for this run, or None when it is turned off."""
        folder = cache_dir()
        if folder is None:
            return None
        git_history.start(site)  # git reads the history while the key is worked out
        digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
        for part in (repr(settings), str(cwd), str(site.root), str(site.has_config)):
            _add(digest, part.encode())
        for blob in file_inputs(Path("/"), [str(Path(g).resolve()) for g in settings.glossaries]):
            _add(digest, blob)
        for path in sorted(site.files):
            _add(digest, path.encode())
        for blob in site_inputs(site, [CONFIG_NAME]):
            _add(digest, blob)
        fronts: dict[str, str] = {}  # page -> digest of its front matter's bytes
        for path in site.page_paths:
            _add(digest, path.encode())
            try:
                block = front_matter_block(site.read(path))
            except ReadError:
                _add(digest, b"\0unreadable")
                continue
            _add(digest, block)
            fronts[path] = hashlib.blake2b(block, digest_size=16).hexdigest()
        cache = cls(folder / "findings", site, digest.digest(), git_history.for_site(site))
        cache.fronts = fronts
        cache.use_front_facts()
        return cache

    # -- front-matter facts -----------------------------------------------------
    def _facts_entry(self) -> tuple[Path, str]:
        key = hashlib.blake2b(code_fingerprint(), digest_size=20)
        _add(key, str(self.site.root).encode("utf-8", "surrogatepass"))
        return store.entry_path(self.folder.parent / FACTS, FACTS, key.hexdigest()), key.hexdigest()

    def use_front_facts(self) -> None:
        """Give the site what its indexes read of each page whose front matter is byte for byte the one it
        was worked out from before, by the same code (:meth:`Site.front_facts`: the lang-refs and the
        permalinks): a run parses the front matter of the pages whose front matter changed only."""
        path, key = self._facts_entry()
        known = store.load(path, FACTS, key, dict[str, FrontFacts]) or {}
        self._known_facts = known
        self.site.use_front_facts({page: known[front] for page, front in self.fronts.items() if front in known})

    def keep_front_facts(self) -> None:
        """Remember the facts of this run's pages by their front matter's digest (the site's pages only:
        the entry does not grow)."""
        worked_out = self.site.front_facts_known()
        facts = {front: worked_out[page] for page, front in self.fronts.items() if page in worked_out}
        if facts and facts != self._known_facts:
            path, key = self._facts_entry()
            if store.save(path, FACTS, key, facts, dict[str, FrontFacts]):
                store.prune(path.parent, MAX_FACTS)

    # -- keys -------------------------------------------------------------------
    def scope(self, site_path: str) -> frozenset[str]:
        """The groups whose pages' text the checks of ``site_path`` may read (see the module doc)."""
        return frozenset({_group(site_path), self.site.source_lang, ""})

    def key(self, site_path: str) -> str | None:
        """The key of the page's findings; None when the page cannot be read (it is linted as usual)."""
        try:
            own = self.site.read(site_path)
        except ReadError:
            return None
        digest = hashlib.blake2b(self.common, digest_size=20)
        _add(digest, site_path.encode())
        _add(digest, own)
        folder = self.own_folder(site_path)
        for group in sorted(self.scope(site_path)):
            if group != folder:  # a translated page's own folder: checked when replayed (see load)
                _add(digest, self._group_digest(group))
        return digest.hexdigest()

    def own_folder(self, site_path: str) -> str | None:
        """The language folder of a translated page (``ko``), or None for the source language's and
        the root's pages, whose keys hold their folder's text."""
        group = _group(site_path)
        if not group or group == self.site.source_lang or self.site.folder_lang(site_path) != group:
            return None
        return group

    def _git_digest(self, paths: tuple[str, ...]) -> str:
        return (git_history.NO_FACTS if self.git is None else self.git.digest(paths)).hex()

    def config_key(self, languages: frozenset[str], whole_file: bool) -> str:
        """The key of the ``_config.yml`` checks' findings (its bytes are part of every key)."""
        digest = hashlib.blake2b(self.common, digest_size=20)
        _add(digest, b"\0config")
        _add(digest, "\0".join(sorted(languages)).encode())
        _add(digest, b"whole" if whole_file else b"outlines")
        return digest.hexdigest()

    def _group_digest(self, group: str) -> bytes:
        found = self._groups.get(group)
        if found is None:
            digest = hashlib.blake2b(digest_size=20)
            for part in site_inputs(self.site, [p for p in self.site.page_paths if _group(p) == group]):
                _add(digest, part)
            found = self._groups[group] = digest.digest()
        return found

    def may_store(self, site_path: str, reads: set[str], direct: set[str] | None = None) -> bool:
        """Whether the page's checks read nothing outside the key: no other page's text out of
        its scope, no git history but the facts in the key."""
        scope = self.scope(site_path)
        # a folder whose pages' text some check read directly: from now on in this process, its pages
        # may depend on that text through what was worked out from it, so they are keyed on it
        direct = reads if direct is None else direct
        self._read_folders.update(_group(path) for path in direct if path not in (site_path, GIT_HISTORY))
        if GIT_HISTORY in reads and self.git is None:
            return False
        return all(path in (site_path, GIT_HISTORY) or _group(path) in scope for path in reads)

    # -- entries ----------------------------------------------------------------
    def load(self, key: str, site_path: str | None = None) -> tuple[Entry | None, bool]:
        """The stored findings for ``key`` while the git facts they were computed with still hold, and
        whether they still need :meth:`confirmed` (the page's folder changed since: they hold only if
        the folder-wide results they used are the same in this run)."""
        entry = store.load(store.entry_path(self.folder, KIND, key), KIND, key, Entry)
        if entry is None or entry.git != self._git_digest(entry.git_paths):
            return None, False
        folder = self.own_folder(site_path) if site_path is not None else None
        if folder is None or entry.folder == self._group_digest(folder).hex():
            return entry, False
        return (entry, True) if entry.by_results else (None, False)

    @staticmethod
    def confirmed(entry: Entry, folder: str) -> bool | None:
        """Whether the folder-wide results ``entry`` was computed with are those of this run (None:
        this run has not computed one of them yet)."""
        current = dict(Derived.of(folder))
        for name, digest in entry.results:
            if name not in current:
                return None
            if current[name] != digest:
                return False
        return True

    def store(self, key: str, entry: Entry, site_path: str | None = None) -> None:
        """Keep the page's findings with the git facts about the page and its English page (the
        counterpart is a fact of the front matter, which is part of every key); never when a rule
        crashed on the page (DLC001): a crash is not replayed."""
        if any(f.code == INTERNAL_ERROR for f in entry.findings):
            return
        paths: tuple[str, ...] = ()
        folder = None
        if site_path is not None:
            paths = tuple(sorted({site_path, self.site.counterpart(site_path) or site_path}))
            folder = self.own_folder(site_path)
        entry = replace(entry, git_paths=paths, git=self._git_digest(paths))
        if folder is not None:
            by_results = not Derived.unknown and folder not in self._read_folders
            entry = replace(
                entry,
                folder=self._group_digest(folder).hex(),
                by_results=by_results,
                results=Derived.of(folder) if by_results else (),
            )
        store.save(store.entry_path(self.folder, KIND, key), KIND, key, entry, Entry)

    def prune(self) -> None:
        store.prune(self.folder, MAX_ENTRIES)


def _group(site_path: str) -> str:
    """The top folder of a site path ('' for a file at the root)."""
    return site_path.split("/", 1)[0] if "/" in site_path else ""


_CLOSER = re.compile(rb"^---[ \t]*\r?$", re.M)


def front_matter_block(data: bytes) -> bytes:
    """The bytes that can make up a page's front matter: from the opening ``---`` line to the
    first line that is only ``---``. Anything unusual (a BOM, no opener, no such line) gives
    every byte, so that the key never misses a byte the front-matter parser may read."""
    if not data.startswith(b"---"):
        return data
    first = data.find(b"\n")
    if first < 0 or data[3:first].strip():
        return data
    closer = _CLOSER.search(data, first + 1)
    return data if closer is None else data[: closer.end()]


def _add(digest, data: bytes) -> None:
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)
