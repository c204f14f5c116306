"""Checks across the entries of a glossary: conflicting forms and fix loops, and the examples of each entry."""

from __future__ import annotations

from dlc_lint.glossary.model import (
    Entry,
    Example,
    Form,
    Glossary,
    Kind,
)
from dlc_lint.glossary.problems import Problem


def check_conflicts(glossary: Glossary) -> list[Problem]:
    """Duplicate or conflicting forms, and fix loops.

    * a form (compared without spaces) may appear once per entry;
    * a form appearing in two entries is a conflict unless one of them lists the
      other in ``shared_with`` (정규화 = normalization and regularization);
    * a fix must not produce a form that another entry flags: an entry's single
      preferred form may not be an ungated form to avoid anywhere (a loop).
    """
    problems: list[Problem] = []
    owners: dict[str, list[tuple[Entry, Form]]] = {}
    for entry in glossary.entries:
        seen: dict[str, Form] = {}
        for form in entry.forms:
            key = form.key
            if key in seen:
                first = seen[key]
                problems.append(
                    Problem(
                        form.path,
                        form.line,
                        form.column,
                        f"entry `{entry.id}`: form `{form.text}` ({form.kind}) repeats `{first.text}` "
                        f"({first.kind}, line {first.line}); spacing variants are the same form",
                    )
                )
                continue
            seen[key] = form
            owners.setdefault(key, []).append((entry, form))
    for owned in owners.values():
        for i, (entry_a, form_a) in enumerate(owned):
            for entry_b, form_b in owned[i + 1 :]:
                declared = entry_b.id in entry_a.shared_with or entry_a.id in entry_b.shared_with
                if not declared:
                    problems.append(
                        Problem(
                            form_b.path,
                            form_b.line,
                            form_b.column,
                            f"entry `{entry_b.id}`: form `{form_b.text}` ({form_b.kind}) is also a "
                            f"{form_a.kind} form of entry `{entry_a.id}` (line {form_a.line}); "
                            f"declare `shared_with: [{entry_a.id}]` if both meanings are intended",
                        )
                    )
    for entry in glossary.entries:
        if not entry.fixable:
            continue
        target = entry.preferred[0]
        for other, form in owners.get(target.key, []):
            if form.kind is Kind.AVOID and form.gate is None:
                problems.append(
                    Problem(
                        target.path,
                        target.line,
                        target.column,
                        f"entry `{entry.id}`: fixing to `{target.text}` would loop: entry `{other.id}` "
                        f"avoids `{form.text}` (line {form.line}) without a gate",
                    )
                )
    for entry in glossary.entries:
        for key in ("shared_with", "confused_with"):
            for other_id in getattr(entry, key):
                if other_id not in glossary.by_id or other_id == entry.id:
                    what = "itself" if other_id == entry.id else f"unknown entry `{other_id}`"
                    problems.append(Problem(entry.path, entry.line, 1, f"entry `{entry.id}`: `{key}` names {what}"))
    return problems


def check_examples(glossary: Glossary) -> list[Problem]:
    """Run every entry's own examples through the real matcher.

    ``pass``: nothing in the text is flagged for the entry (gates decided by the
    example's ``en``); at least one pass example of each entry must also contain
    one of its preferred or accepted forms. ``fail``: the text contains a form to
    avoid of the entry that would be flagged.
    """
    problems: list[Problem] = []
    matcher = glossary.matcher

    def flagged(entry: Entry, example: Example) -> list:
        return [
            m
            for m in matcher.find(example.text)
            if m.kind_for(entry.id) is Kind.AVOID and entry.gate_passes(m.form_for(entry.id), example.en)  # type: ignore[arg-type]
        ]

    for entry in glossary.entries:
        shows_good_form = False
        for example in entry.examples_pass:
            if any(m.kind_for(entry.id) in (Kind.PREFERRED, Kind.ACCEPTED) for m in matcher.find(example.text)):
                shows_good_form = True
            bad = flagged(entry, example)
            if bad:
                problems.append(
                    Problem(
                        example.path,
                        example.line,
                        1,
                        f"entry `{entry.id}`: pass example is flagged for `{bad[0].text}`: {example.text!r}",
                    )
                )
        if entry.examples_pass and not shows_good_form:
            first = entry.examples_pass[0]
            problems.append(
                Problem(
                    first.path,
                    first.line,
                    1,
                    f"entry `{entry.id}`: no pass example contains a preferred or accepted form",
                )
            )
        for example in entry.examples_fail:
            if not flagged(entry, example):
                problems.append(
                    Problem(
                        example.path,
                        example.line,
                        1,
                        f"entry `{entry.id}`: fail example is not flagged: {example.text!r}",
                    )
                )
    return problems
