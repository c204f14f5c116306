"""The compiled glossary on disk: plain JSON with a format version and a checksum, never pickle.

Parsing and validating a glossary's YAML is most of the time a large glossary costs (libyaml
builds a node for every scalar). The checked result depends only on the bytes of the files merged
into it and on dlc-lint's own code, so it is stored once, under a key made of those, in the cache
folder (``$DLC_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/dlc-lint``; ``DLC_LINT_NO_CACHE=1`` turns
it off). An entry holds only strings, numbers, lists and mappings; on reading, the format, the
version, the key and a BLAKE2b checksum of the payload must match and every field must have its
declared type, else the entry is a miss and the glossary is parsed again. Nothing in an entry is
ever executed or imported.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from dlc_lint.atomic import write_atomic
from dlc_lint.glossary.entry import Entry, Example, Form, Kind, Source
from dlc_lint.glossary.model import Glossary

FORMAT = "dlc-lint-compiled-glossary"
VERSION = 1
MAX_BYTES = 512 * 1024 * 1024  # a cache entry larger than this is not read


def cache_key(language: str, files: list[tuple[str, bytes]]) -> str | None:
    """The key of the glossary merged from ``files`` (path, bytes), or None when there is no cache."""
    from dlc_lint.engine.cache import cache_dir, code_fingerprint

    if cache_dir() is None:
        return None
    digest = hashlib.blake2b(digest_size=20)
    digest.update(code_fingerprint())
    digest.update(f"{FORMAT}/{VERSION}/{language}".encode())
    for path, data in files:
        digest.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.blake2b(data, digest_size=20).digest())
    return digest.hexdigest()


def _file(key: str) -> Path | None:
    from dlc_lint.engine.cache import cache_dir

    folder = cache_dir()
    return None if folder is None else folder / "glossaries" / f"{key}.json"


def read(key: str) -> Glossary | None:
    """The stored glossary, or None (missing, unreadable, tampered with or of another shape)."""
    path = _file(key)
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        envelope = json.loads(path.read_bytes())
        if not isinstance(envelope, dict) or envelope.get("format") != FORMAT or envelope.get("version") != VERSION:
            return None
        payload = envelope.get("payload")
        if envelope.get("key") != key or not isinstance(payload, str):
            return None
        if envelope.get("checksum") != _checksum(payload):
            return None
        return decode(json.loads(payload))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def write(key: str, glossary: Glossary) -> None:
    """Store ``glossary`` with dlc-lint's one atomic writer (:mod:`dlc_lint.atomic`); errors are ignored."""
    path = _file(key)
    if path is None:
        return
    payload = json.dumps(encode(glossary), ensure_ascii=False, separators=(",", ":"))
    envelope = {"format": FORMAT, "version": VERSION, "key": key, "checksum": _checksum(payload), "payload": payload}
    data = json.dumps(envelope, ensure_ascii=False).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, private=True, durable=False)
    except OSError:
        pass


def _checksum(payload: str) -> str:
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=20).hexdigest()


# --- the payload: plain data both ways ---------------------------------------------------------


def encode(glossary: Glossary) -> dict[str, Any]:
    return {
        "language": glossary.language,
        "paths": list(glossary.paths),
        "sources": {sid: [s.title, s.url, s.revision, s.licence, s.note] for sid, s in glossary.sources.items()},
        "entries": [_entry(e) for e in glossary.entries],
    }


def _entry(entry: Entry) -> list:
    return [
        entry.id,
        entry.en,
        entry.en_pattern,
        [[_form(f) for f in forms] for forms in (entry.preferred, entry.accepted, entry.avoid)],
        list(entry.shared_with),
        list(entry.confused_with),
        list(entry.sources),
        entry.note,
        [[x.text, x.en, x.path, x.line] for x in entry.examples_pass],
        [[x.text, x.en, x.path, x.line] for x in entry.examples_fail],
        entry.path,
        entry.line,
    ]


def _form(form: Form) -> list:
    unless = form.unless_en.pattern if form.unless_en is not None else None
    return [form.text, form.match, form.gate, unless, form.why, form.note, form.path, form.line, form.column]


def decode(data: Any) -> Glossary:
    """Rebuild a glossary from :func:`encode`'s data; a field of the wrong type raises TypeError."""
    import re

    _want(data, dict)
    sources = {}
    for sid, fields in _want(data["sources"], dict).items():
        title, url, revision, licence, note = _strings(fields, 5, optional_from=1)
        sources[_want(sid, str)] = Source(sid, title, url, revision, licence, note)  # type: ignore[arg-type]
    entries = []
    kinds = (Kind.PREFERRED, Kind.ACCEPTED, Kind.AVOID)
    for item in _want(data["entries"], list):
        _want(item, list)
        if len(item) != 12:
            raise TypeError("entry")
        entry_id, en, pattern = _want(item[0], str), _want(item[1], str), _want(item[2], str)
        groups = []
        for kind, forms in zip(kinds, _want(item[3], list), strict=True):
            group = []
            for f in _want(forms, list):
                text, match, gate, unless, why, note, path = _strings(f[:7], 7, optional_from=2)
                line, column = _int(f[7]), _int(f[8])
                compiled = re.compile(unless, re.IGNORECASE) if unless is not None else None
                form = Form(
                    str(text), kind, entry_id, match or "prefix", gate, compiled, why, note, path or "", line, column
                )
                group.append(form)
            groups.append(tuple(group))
        entries.append(
            Entry(
                id=entry_id,
                en=en,
                en_pattern=pattern,
                preferred=groups[0],
                accepted=groups[1],
                avoid=groups[2],
                shared_with=tuple(_want(s, str) for s in _want(item[4], list)),
                confused_with=tuple(_want(s, str) for s in _want(item[5], list)),
                sources=tuple(_want(s, str) for s in _want(item[6], list)),
                note=_optional(item[7]),
                examples_pass=tuple(_example(x) for x in _want(item[8], list)),
                examples_fail=tuple(_example(x) for x in _want(item[9], list)),
                path=_want(item[10], str),
                line=_int(item[11]),
            )
        )
    paths = tuple(_want(p, str) for p in _want(data["paths"], list))
    return Glossary(language=_want(data["language"], str), entries=tuple(entries), sources=sources, paths=paths)


def _example(item: Any) -> Example:
    _want(item, list)
    if len(item) != 4:
        raise TypeError("example")
    return Example(_want(item[0], str), _optional(item[1]), _want(item[2], str), _int(item[3]))


def _want(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise TypeError(kind.__name__)
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _want(value, str)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("int")
    return value


def _strings(values: Any, count: int, *, optional_from: int) -> list[str | None]:
    _want(values, list)
    if len(values) != count:
        raise TypeError("fields")
    return [_optional(v) if i >= optional_from else _want(v, str) for i, v in enumerate(values)]
