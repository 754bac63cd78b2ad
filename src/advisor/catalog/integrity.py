"""Consistency of the pattern language beyond references: relations, issues, cycles.

These checks return :class:`~advisor.errors.Problem` findings instead of
raising, so ``advisor rules lint`` can report them all and tests can assert
the bundled catalog has none.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from advisor.base.i18n import Text
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Relation
from advisor.errors import Problem

#: Relations that must be mirrored on the other pattern, and how.
INVERSE: dict[Relation, Relation] = {
    Relation.SUCCESSOR: Relation.PREDECESSOR,
    Relation.PREDECESSOR: Relation.SUCCESSOR,
    Relation.ALTERNATIVE: Relation.ALTERNATIVE,
    Relation.GENERALIZATION: Relation.SPECIALIZATION,
    Relation.SPECIALIZATION: Relation.GENERALIZATION,
}


def relation_problems(catalog: Catalog) -> list[Problem]:
    """Successor/predecessor and generalization/specialization are inverse; alternatives symmetric."""
    problems = []
    for pattern in catalog.patterns.values():
        for relation, inverse in INVERSE.items():
            for index, other_id in enumerate(pattern.related.of(relation)):
                other = catalog.patterns.get(other_id)
                if other is None or other_id == pattern.id:
                    if other_id == pattern.id:
                        problems.append(
                            catalog.source("pattern", pattern.id).problem(
                                f"pattern '{pattern.id}' lists itself as {relation.value}",
                                at=("related", relation.value, index),
                            )
                        )
                    continue
                if pattern.id not in other.related.of(inverse):
                    problems.append(
                        catalog.source("pattern", pattern.id).problem(
                            f"'{pattern.id}' lists '{other_id}' as {relation.value}, but "
                            f"'{other_id}' does not list '{pattern.id}' as {inverse.value}",
                            hint=f"add '{pattern.id}' to related.{inverse.value} of '{other_id}'",
                            at=("related", relation.value, index),
                        )
                    )
    return problems


def issue_problems(catalog: Catalog) -> list[Problem]:
    """Issues raised by a pattern are resolved by its successors; every issue is raised somewhere."""
    problems = []
    raised = {i for p in catalog.patterns.values() for i in p.resulting_context.issues}
    for pattern in catalog.patterns.values():
        successors = set(pattern.related.successor)
        for index, issue_id in enumerate(pattern.resulting_context.issues):
            issue = catalog.issues.get(issue_id)
            if issue is None:
                continue
            missing = [r for r in issue.resolved_by if r not in successors]
            if missing:
                problems.append(
                    catalog.source("pattern", pattern.id).problem(
                        f"'{pattern.id}' raises '{issue_id}', resolved by {', '.join(missing)}, "
                        f"which {'is' if len(missing) == 1 else 'are'} not among its successors",
                        hint="add them to related.successor",
                        at=("resulting_context", "issues", index),
                    )
                )
    for issue_id in catalog.issues:
        if issue_id not in raised:
            problems.append(
                catalog.source("issue", issue_id).problem(
                    f"issue '{issue_id}' is raised by no pattern",
                    hint="list it under resulting_context.issues of the pattern that causes it",
                )
            )
    return problems


def successor_cycles(catalog: Catalog) -> list[list[str]]:
    """Every elementary cycle found in the successor graph (each reported once)."""
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in catalog.patterns[node].related.successor:
            if nxt not in catalog.patterns:
                continue
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :]
                if frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    cycles.append([*cycle, nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for pattern_id in catalog.patterns:
        if pattern_id not in state:
            visit(pattern_id)
    return cycles


def cycle_problems(catalog: Catalog) -> list[Problem]:
    """Successor chains terminate: the successor graph has no cycle."""
    return [
        catalog.source("pattern", cycle[0]).problem(
            "successor chain loops: " + " → ".join(cycle),
            hint="a successor resolves an issue of its predecessor; remove one link of the loop",
        )
        for cycle in successor_cycles(catalog)
    ]


def untranslated(value: object, at: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Key paths of every :class:`~advisor.base.i18n.Text` inside ``value`` that has no Korean text."""
    if isinstance(value, Text):
        if not value.ko:
            yield at
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from untranslated(getattr(value, name), (*at, name))
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from untranslated(item, (*at, index))


def translation_problems(catalog: Catalog) -> list[Problem]:
    """Every name, title and text of the catalog has its Korean translation.

    Not part of :func:`integrity_problems`: a rule pack may be written in English only.
    """
    tables: dict[str, dict[str, BaseModel]] = {
        "layer": dict(catalog.layers),
        "group": dict(catalog.groups),
        "force": dict(catalog.forces),
        "issue": dict(catalog.issues),
        "pattern": dict(catalog.patterns),
        "rule": dict(catalog.rules),
    }
    problems = []
    for kind, entries in tables.items():
        for entry_id, entry in entries.items():
            for at in untranslated(entry):
                field = ".".join(str(part) for part in at)
                problems.append(
                    catalog.source(kind, entry_id).problem(
                        f"{kind} '{entry_id}' has no Korean text for {field}",
                        hint="write the text as {en: ..., ko: ...}",
                        at=at,
                    )
                )
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.message))


def integrity_problems(catalog: Catalog) -> list[Problem]:
    """All consistency findings of a catalog, sorted by file and line."""
    found = relation_problems(catalog) + issue_problems(catalog) + cycle_problems(catalog)
    return sorted(found, key=lambda p: (p.path, p.line or 0, p.column or 0, p.message))
