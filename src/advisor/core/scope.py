"""The scope of the advice: the pattern groups a user asked about, and what they need.

Within a scope the advice recommends the patterns of the chosen groups (a group chosen
takes its sub-groups with it). Outside it, it recommends only what an in-scope
recommendation needs: its predecessor in the successor tree (the pattern it follows or
whose issue it resolves) and the patterns that meet its requirements, and, in turn,
what those need. Everything else it would recommend, keep or reconsider is named as not
assessed, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Literal

from advisor.catalog.loader import Catalog
from advisor.core.agenda import Agenda
from advisor.core.recommendation import NotAssessed


def in_scope(catalog: Catalog, pattern_id: str, groups: Collection[str]) -> bool:
    """Whether ``pattern_id`` belongs to one of ``groups`` (or to a sub-group of one)."""
    group = catalog.patterns[pattern_id].group
    parent = catalog.groups[group].parent if group in catalog.groups else None
    return group in groups or (parent is not None and parent in groups)


def _needs(catalog: Catalog, pattern_id: str, parent: str | None, kept: Collection[str]) -> list[str]:
    """The recommended patterns ``pattern_id`` cannot do without: its parent and its requirements."""
    found = []
    if parent is not None and parent in kept:
        found.append(parent)
    else:  # its parent is not recommended (a pattern in place to reconsider): another predecessor
        others = sorted(p for p in catalog.patterns[pattern_id].related.predecessor if p in kept)
        found += others[:1]
    for requirement in catalog.patterns[pattern_id].requires:
        found += sorted(o for o in requirement.any_of if o in kept)
    return found


def scope_closure(
    catalog: Catalog,
    kept: Collection[str],
    parents: Mapping[str, str | None],
    groups: Collection[str],
) -> dict[str, tuple[str, ...]]:
    """The recommended patterns the scoped advice keeps, each with the patterns needing it.

    Args:
        kept: every pattern the whole-architecture advice recommends.
        parents: each adopted pattern's parent in the successor tree.
        groups: the groups of the scope (not empty).

    Returns:
        Pattern → ``()`` within the scope, or the patterns (in the result) that need it.
    """
    needed: dict[str, set[str]] = {}
    todo = sorted(p for p in kept if in_scope(catalog, p, groups))
    reached = set(todo)
    while todo:
        pattern_id = todo.pop()
        for need in _needs(catalog, pattern_id, parents.get(pattern_id), kept):
            if in_scope(catalog, need, groups):
                continue
            needed.setdefault(need, set()).add(pattern_id)
            if need not in reached:
                reached.add(need)
                todo.append(need)
    return {p: tuple(sorted(needed.get(p, ()))) for p in sorted(reached)}


def scoped_advice(
    agenda: Agenda, whole: frozenset[str], scope: tuple[str, ...]
) -> tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[NotAssessed, ...]]:
    """The patterns advice limited to ``scope`` recommends, those among them outside it with
    what needs them, and what it leaves unassessed (all of ``whole`` and nothing else when
    there is no scope)."""
    if not scope:
        return whole, {}, ()
    catalog = agenda.catalog
    parents = {p: a.parent for p, a in agenda.adopted.items()}
    needed_by = scope_closure(catalog, whole, parents, scope)
    left = []
    for pattern_id, adoption in agenda.adopted.items():
        if pattern_id in needed_by:
            continue
        in_place = adoption.origin == "in-place"
        if pattern_id in whole:
            status: Literal["add", "keep", "reconsider"] = "keep" if in_place else "add"
        elif in_place and not in_scope(catalog, pattern_id, scope):  # in place, to reconsider
            status = "reconsider"
        else:
            continue
        pattern = catalog.patterns[pattern_id]
        left.append(NotAssessed(id=pattern_id, name=pattern.name.en, group=pattern.group, status=status))
    return frozenset(needed_by), needed_by, tuple(sorted(left, key=lambda n: (n.group, n.id)))
