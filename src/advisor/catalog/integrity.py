"""Consistency of the pattern language beyond references: relations, sources, issues.

These checks return :class:`~advisor.errors.Problem` findings instead of
raising, so ``advisor rules lint`` can report them all and tests can assert
the bundled catalog has none.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from advisor import errors
from advisor.base.i18n import Text
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Relation
from advisor.catalog.pack_words import said
from advisor.errors import Problem


def _uncited(catalog: Catalog, pattern_id: str, what: Text, at: tuple[str | int, ...]) -> Problem:
    return catalog.source("pattern", pattern_id).problem(what, hint=said("cite_hint"), at=at)


def relation_problems(catalog: Catalog) -> list[Problem]:
    """Each alternative pair and generalization is written once, not to itself, and cites a source."""
    problems = []
    written: dict[tuple[Relation, frozenset[str]], str] = {}
    for pattern in catalog.patterns.values():
        for relation in (Relation.ALTERNATIVE, Relation.GENERALIZATION):
            for index, cited in enumerate(getattr(pattern.declared, relation.value)):
                at = ("related", relation.value, index)
                source = catalog.source("pattern", pattern.id)
                if cited.pattern not in catalog.patterns:
                    continue  # reported by the reference checks
                if cited.pattern == pattern.id:
                    problems.append(
                        source.problem(said("lists_itself", id=pattern.id, relation=relation.value), at=at)
                    )
                    continue
                pair = (relation, frozenset((pattern.id, cited.pattern)))
                if pair in written:
                    problems.append(
                        source.problem(
                            said(
                                "related_twice", id=pattern.id, other=cited.pattern, relation=relation.value
                            ),
                            hint=said("write_once", where=written[pair]),
                            at=at,
                        )
                    )
                    continue
                written[pair] = pattern.id
                if not cited.sources:
                    problems.append(
                        _uncited(
                            catalog,
                            pattern.id,
                            said(
                                "uncited_relation",
                                pattern=pattern.id,
                                other=cited.pattern,
                                relation=relation.value,
                            ),
                            at,
                        )
                    )
    return problems


def issue_problems(catalog: Catalog) -> list[Problem]:
    """Every issue is raised somewhere; a raised issue with resolvers cites its successor links."""
    problems = []
    raised = {i for p in catalog.patterns.values() for i in p.resulting_context.issues}
    for pattern in catalog.patterns.values():
        seen: set[str] = set()
        for index, entry in enumerate(pattern.raises):
            at = ("resulting_context", "issues", index)
            issue = catalog.issues.get(entry.issue)
            if entry.issue in seen:
                problems.append(
                    catalog.source("pattern", pattern.id).problem(
                        said("raises_twice", id=pattern.id, issue=entry.issue),
                        hint=errors.said("remove_one"),
                        at=at,
                    )
                )
            seen.add(entry.issue)
            successors = [r for r in issue.resolved_by if r != pattern.id] if issue else []
            if successors and not entry.sources:
                what = said(
                    "uncited_successor",
                    pattern=pattern.id,
                    issue=entry.issue,
                    successors=", ".join(successors),
                    count=len(successors),
                )
                problems.append(_uncited(catalog, pattern.id, what, at))
    for issue_id in catalog.issues:
        if issue_id not in raised:
            problems.append(
                catalog.source("issue", issue_id).problem(
                    said("raised_by_none", id=issue_id),
                    hint=said("list_under"),
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
    """The loops of the successor graph, for a rule pack that wants none.

    Not part of :func:`integrity_problems`: the language itself has a loop (CQRS needs
    domain events, which event sourcing can publish, whose store needs CQRS to be
    queried), and the agenda adopts every pattern at most once, so loops terminate.
    """
    return [
        catalog.source("pattern", cycle[0]).problem(
            said("loops", chain=" → ".join(cycle)),
            hint=said("break_loop"),
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
                        said("no_korean", kinds={"kind": kind}, id=entry_id, field=field),
                        hint=said("write_both"),
                        at=at,
                    )
                )
    return sorted(problems, key=Problem.key)


def integrity_problems(catalog: Catalog) -> list[Problem]:
    """All consistency findings of a catalog, sorted by file and line."""
    found = relation_problems(catalog) + issue_problems(catalog)
    return sorted(found, key=Problem.key)
