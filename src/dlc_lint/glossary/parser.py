"""Parsing and validating one glossary file's YAML (the node tree keeps every position for messages).

A site glossary is parsed over a base glossary: an entry with a known ``id``
replaces the fields it names, ``disabled: true`` removes it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import yaml

from dlc_lint.glossary.model import (
    GATES,
    MATCH_MODES,
    Entry,
    Example,
    Form,
    Glossary,
    Kind,
    Source,
    default_en_pattern,
    form_key,
)
from dlc_lint.glossary.problems import Problem
from dlc_lint.parse import bounded_yaml

TOP_KEYS = {"language", "name", "description", "sources", "entries"}
ENTRY_KEYS = {
    "id",
    "en",
    "en_pattern",
    "preferred",
    "accepted",
    "avoid",
    "shared_with",
    "confused_with",
    "sources",
    "note",
    "examples",
    "disabled",
}
FORM_KEYS = {"form", "match", "gate", "unless_en", "why", "note"}
SOURCE_KEYS = {"title", "url", "revision", "licence", "note"}
EXAMPLE_KEYS = {"text", "en"}
WHY_VALUES = {"transliteration", "spelling", "typo", "nonstandard", "mistranslation", "other-standard"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same nodes and marks, 7x faster


class Parser:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def error(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        column = node.start_mark.column + 1 if node is not None else 1
        self.problems.append(Problem(self.path, line, column, message))

    # YAML helpers ----------------------------------------------------------
    def mapping(self, node: yaml.Node, allowed: set[str], what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping")
            return {}
        result: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.error(key_node, f"{what}: keys must be strings")
                continue
            if key in result:
                self.error(key_node, f"{what}: duplicate key `{key}`")
                continue
            if allowed and key not in allowed:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                self.error(
                    key_node,
                    f"{what}: unknown key `{key}`" + (f" (did you mean `{hint[0]}`?)" if hint else ""),
                )
                continue
            result[key] = value_node
        return result

    def string(self, node: yaml.Node | None, what: str, *, required: bool = True) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            if required or not (isinstance(node, yaml.ScalarNode)):
                self.error(node, f"{what} must be a string")
            return None
        value = unicodedata.normalize("NFC", str(node.value)).strip()
        if required and not value:
            self.error(node, f"{what} must not be empty")
            return None
        return value

    def sequence(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if isinstance(node, yaml.ScalarNode):
            return [node]  # a single string stands for a one-item list
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list")
            return []
        return list(node.value)

    def regex(self, node: yaml.Node, what: str) -> re.Pattern[str] | None:
        text = self.string(node, what)
        if text is None:
            return None
        try:
            compiled = re.compile(text, re.IGNORECASE)
        except re.error as exc:
            self.error(node, f"{what} is not a valid regular expression: {exc}")
            return None
        if compiled.groupindex:
            self.error(node, f"{what} must not use named groups")
            return None
        if compiled.search(""):
            self.error(node, f"{what} matches the empty string")
            return None
        return compiled

    # Document --------------------------------------------------------------
    def parse(self, text: str, base: Glossary | None = None) -> Glossary:
        empty = Glossary(
            language=base.language if base else "", entries=base.entries if base else (), paths=(self.path,)
        )
        try:
            root = bounded_yaml.compose(text, _LOADER)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            column = mark.column + 1 if mark else 1
            self.problems.append(
                Problem(self.path, line, column, f"invalid YAML: {getattr(exc, 'problem', None) or exc}")
            )
            return empty
        if root is None:
            self.problems.append(Problem(self.path, 1, 1, "empty glossary file"))
            return empty
        top = self.mapping(root, TOP_KEYS, "glossary")
        language = self.string(top.get("language"), "`language`") if "language" in top else None
        if "language" not in top:
            self.error(root, "glossary: missing key `language`")
        if base is not None and language is not None and language != base.language:
            self.error(
                top["language"], f"glossary: language `{language}` cannot be merged over the `{base.language}` glossary"
            )
        sources = dict(base.sources) if base else {}
        sources.update(self.sources(top.get("sources")))
        base_entries = {e.id: e for e in base.entries} if base else {}
        entries: dict[str, Entry] = dict(base_entries)
        removed: set[str] = set()
        seen: dict[str, int] = {}
        if "entries" not in top:
            self.error(root, "glossary: missing key `entries`")
        for node in self.sequence(top.get("entries"), "`entries`"):
            entry = self.entry(node, sources, base_entries)
            entry_id = _peek_id(node)
            if entry_id is not None:
                if entry_id in seen:
                    self.error(node, f"entry `{entry_id}`: duplicate id (first at line {seen[entry_id]})")
                    continue
                seen[entry_id] = node.start_mark.line + 1
            if entry is None:
                if entry_id in base_entries:
                    removed.add(entry_id)
                continue
            entries[entry.id] = entry
        ordered = tuple(e for i, e in entries.items() if i not in removed)
        paths = (base.paths if base else ()) + (self.path,)
        return Glossary(
            language=language or (base.language if base else ""), entries=ordered, sources=sources, paths=paths
        )

    def sources(self, node: yaml.Node | None) -> dict[str, Source]:
        result: dict[str, Source] = {}
        if node is None:
            return result
        for key, value in self.mapping(node, set(), "`sources`").items():
            fields = self.mapping(value, SOURCE_KEYS, f"source `{key}`")
            title = self.string(fields.get("title"), f"source `{key}`: `title`") if "title" in fields else None
            if title is None:
                self.error(value, f"source `{key}`: missing key `title`")
                title = key
            result[key] = Source(
                id=key,
                title=title,
                url=self.string(fields.get("url"), "`url`", required=False),
                revision=self.string(fields.get("revision"), "`revision`", required=False),
                licence=self.string(fields.get("licence"), "`licence`", required=False),
                note=self.string(fields.get("note"), "`note`", required=False),
            )
        return result

    def entry(self, node: yaml.Node, sources: dict[str, Source], base: dict[str, Entry]) -> Entry | None:
        """One entry; when ``base`` holds an entry with the same id, the fields given here replace its fields."""
        fields = self.mapping(node, ENTRY_KEYS, "entry")
        if not fields:
            return None
        line = node.start_mark.line + 1
        entry_id = self.string(fields.get("id"), "entry `id`") if "id" in fields else None
        if entry_id is None:
            self.error(node, "entry: missing key `id`")
            return None
        where = f"entry `{entry_id}`"
        if not ID_RE.match(entry_id):
            self.error(fields["id"], f"{where}: id must be kebab-case (a-z, 0-9, -)")
        old = base.get(entry_id)
        if "disabled" in fields:
            value = fields["disabled"]
            if old is None:
                self.error(
                    value,
                    f"{where}: `disabled` only removes an entry of the shipped glossary, and there is none with this id",
                )
            if not (isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:bool"):
                self.error(value, f"{where}: `disabled` must be true or false")
            elif value.value.lower() in ("true", "yes", "on"):
                return None

        if "en" in fields:
            en = self.string(fields["en"], f"{where}: `en`") or entry_id
        elif old is not None:
            en = old.en
        else:
            self.error(node, f"{where}: missing key `en`")
            en = entry_id
        # the default pattern is built from the term and compiled on first use (entry.en_regex): compiling
        # thousands of patterns nobody asks for was most of the time a large glossary took to load
        en_pattern: str | None = None
        if "en_pattern" in fields:
            en_regex = self.regex(fields["en_pattern"], f"{where}: `en_pattern`")
            if en_regex is not None and not en_regex.search(en):
                self.error(fields["en_pattern"], f"{where}: `en_pattern` does not match its own term `{en}`")
            en_pattern = en_regex.pattern if en_regex is not None else None
        elif old is not None and "en" not in fields:
            en_pattern = old.en_pattern
        if en_pattern is None:
            en_pattern = default_en_pattern(en)

        def forms(kind: Kind) -> tuple[Form, ...]:
            name = kind.value
            if name in fields:
                return self.forms(fields[name], kind, entry_id)
            return getattr(old, name) if old is not None else ()

        preferred, accepted, avoid = forms(Kind.PREFERRED), forms(Kind.ACCEPTED), forms(Kind.AVOID)
        if not preferred:
            self.error(fields.get("preferred", node), f"{where}: needs at least one `preferred` form")

        shared = self.ids(fields, "shared_with", where, old.shared_with if old is not None else ())
        confused = self.ids(fields, "confused_with", where, old.confused_with if old is not None else ())

        if "sources" in fields:
            entry_sources: list[str] = []
            for source_node in self.sequence(fields["sources"], f"{where}: `sources`"):
                cited = self.string(source_node, f"{where}: source")
                if cited is None:
                    continue
                ident = re.split(r"[\s:(]", cited, maxsplit=1)[0]
                if sources and ident not in sources:
                    hint = difflib.get_close_matches(ident, sorted(sources), n=1)
                    self.error(
                        source_node,
                        f"{where}: unknown source `{ident}`; list it under `sources`"
                        + (f" (did you mean `{hint[0]}`?)" if hint else ""),
                    )
                entry_sources.append(cited)
        else:
            entry_sources = list(old.sources) if old is not None else []
        if not entry_sources:
            self.error(fields.get("sources", node), f"{where}: needs `sources` (the basis for the choice)")

        if "note" in fields:
            note = self.string(fields["note"], f"{where}: `note`", required=False)
        else:
            note = old.note if old is not None else None
        if "examples" in fields or old is None:
            passes, fails = self.examples(fields.get("examples"), where, node)
        else:
            passes, fails = old.examples_pass, old.examples_fail
        if not passes:
            self.error(fields.get("examples", node), f"{where}: needs at least one `pass` example")
        if avoid and not fails:
            self.error(
                fields.get("examples", node), f"{where}: has forms to avoid, so needs at least one `fail` example"
            )
        return Entry(
            id=entry_id,
            en=en,
            en_pattern=en_pattern,
            preferred=preferred,
            accepted=accepted,
            avoid=avoid,
            shared_with=shared,
            confused_with=confused,
            sources=tuple(entry_sources),
            note=note,
            examples_pass=passes,
            examples_fail=fails,
            path=self.path,
            line=line,
        )

    def ids(self, fields: dict, key: str, where: str, default: tuple[str, ...]) -> tuple[str, ...]:
        """A list of entry ids (``shared_with``, ``confused_with``); ``default`` when the key is absent."""
        if key not in fields:
            return default
        found = (self.string(n, f"{where}: `{key}`") for n in self.sequence(fields[key], f"`{key}`"))
        return tuple(s for s in found if s)

    def forms(self, node: yaml.Node | None, kind: Kind, entry_id: str) -> tuple[Form, ...]:
        where = f"entry `{entry_id}`: {kind.value}"
        result: list[Form] = []
        for item in self.sequence(node, f"entry `{entry_id}`: `{kind.value}`"):
            line, column = item.start_mark.line + 1, item.start_mark.column + 1
            if isinstance(item, yaml.ScalarNode):
                text = self.string(item, f"{where} form")
                if text is not None:
                    if not form_key(text):
                        self.error(item, f"{where} form is blank")
                        continue
                    result.append(
                        Form(text=text, kind=kind, entry_id=entry_id, path=self.path, line=line, column=column)
                    )
                continue
            fields = self.mapping(item, FORM_KEYS, f"{where} form")
            if not fields:
                continue
            text = self.string(fields.get("form"), f"{where}: `form`") if "form" in fields else None
            if text is None:
                self.error(item, f"{where}: form mapping needs key `form`")
                continue
            match = self.string(fields.get("match"), "`match`") if "match" in fields else "prefix"
            if match not in MATCH_MODES:
                self.error(fields.get("match"), f"{where} `{text}`: `match` must be one of {', '.join(MATCH_MODES)}")
                match = "prefix"
            gate = self.string(fields.get("gate"), "`gate`") if "gate" in fields else None
            if gate is not None and gate not in GATES:
                self.error(fields["gate"], f"{where} `{text}`: `gate` must be one of {', '.join(GATES)}")
                gate = None
            if gate is not None and kind is Kind.PREFERRED:
                self.error(fields["gate"], f"{where} `{text}`: only accepted forms and forms to avoid can be gated")
            unless = (
                self.regex(fields["unless_en"], f"{where} `{text}`: `unless_en`") if "unless_en" in fields else None
            )
            if unless is not None and gate is None:
                self.error(fields["unless_en"], f"{where} `{text}`: `unless_en` needs `gate: aligned`")
            why = self.string(fields.get("why"), "`why`") if "why" in fields else None
            if why is not None and kind is not Kind.AVOID:
                self.error(fields["why"], f"{where} `{text}`: `why` is for forms to avoid")
            if why is not None and why not in WHY_VALUES:
                self.error(fields["why"], f"{where} `{text}`: `why` must be one of {', '.join(sorted(WHY_VALUES))}")
            result.append(
                Form(
                    text=text,
                    kind=kind,
                    entry_id=entry_id,
                    match=match or "prefix",
                    gate=gate,
                    unless_en=unless,
                    why=why,
                    note=self.string(fields.get("note"), "`note`", required=False),
                    path=self.path,
                    line=line,
                    column=column,
                )
            )
        return tuple(result)

    def examples(
        self, node: yaml.Node | None, where: str, entry_node: yaml.Node
    ) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        if node is None:
            self.error(entry_node, f"{where}: missing key `examples`")
            return (), ()
        fields = self.mapping(node, {"pass", "fail"}, f"{where}: `examples`")
        out = []
        for name in ("pass", "fail"):
            items = []
            for item in self.sequence(fields.get(name), f"{where}: `examples.{name}`"):
                line = item.start_mark.line + 1
                if isinstance(item, yaml.ScalarNode):
                    text = self.string(item, f"{where}: example")
                    if text:
                        items.append(Example(text=text, path=self.path, line=line))
                    continue
                ex = self.mapping(item, EXAMPLE_KEYS, f"{where}: example")
                text = self.string(ex.get("text"), f"{where}: example `text`") if "text" in ex else None
                if text is None:
                    self.error(item, f"{where}: example mapping needs key `text`")
                    continue
                en = self.string(ex.get("en"), f"{where}: example `en`") if "en" in ex else None
                items.append(Example(text=text, en=en, path=self.path, line=line))
            out.append(tuple(items))
        return out[0], out[1]


def _peek_id(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None
