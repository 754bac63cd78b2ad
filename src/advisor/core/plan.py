"""The recommendation as a plan in phases: what to introduce first, and what after it.

A pattern is introduced at its catalog ``stage`` (foundation, services, edge,
operations), or earlier where the answers make it *needed* earlier (a rule that fired for
it says from which stage on: audit logging from the foundation where a regulator demands
it, tracing with the first services), and never before what it depends on:

* every pattern it *requires* that is part of the plan (all of them), and
* at least one of its *predecessors* that is part of the plan: the pattern language's
  predecessors, the pattern the agenda adopted it after, and the patterns whose issues it
  resolves (a successor makes sense once one of them is there).

Patterns already in place are phase 0, and so are the patterns the deployment platform
provides (a pattern's ``provided_when``: Kubernetes discovers and registers instances):
they are no work to plan. The stages a plan uses become phases 1, 2, ...
in stage order; within a phase patterns come in dependency order. Effort is summed per
phase from the catalog's per-pattern estimate (small, medium, large).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from advisor.catalog.loader import Catalog
from advisor.catalog.models import STAGES, Effort
from advisor.catalog.per_catalog import per_catalog
from advisor.core.recommendation import Phase, PhaseEffort

#: Story points of one pattern of each effort: the sums are rough sizes, not estimates.
EFFORT_POINTS: Mapping[str, int] = {Effort.SMALL: 1, Effort.MEDIUM: 3, Effort.LARGE: 8}

_IN_PLACE = 0

#: Plans kept per catalog: beyond them the cache starts afresh.
_MAX_PLANS = 256

#: A stage's level: 1 for the first stage of a plan, 2 for the next...
_LEVEL: Mapping[str, int] = {stage.value: number for number, stage in enumerate(STAGES, 1)}


@dataclass(frozen=True)
class _Layout:
    """What planning needs of a catalog, by pattern, worked out once per catalog."""

    level: dict[str, int]  # the catalog stage's level (1 without a stage)
    requires: dict[str, frozenset[str]]  # every option of every requirement
    predecessors: dict[str, tuple[str, ...]]
    rank: dict[str, tuple[int, int, str]]  # ties and cycles within a phase are broken by this
    effort: dict[str, str]  # small, medium, large or unestimated
    starts_migration: frozenset[str]  # refactoring patterns that follow nothing: the strangler
    # The plans made, by everything they depend on besides the catalog (see plan_phases).
    plans: dict[tuple[object, ...], tuple[Phase, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, catalog: Catalog) -> _Layout:
        patterns = catalog.patterns
        groups = list(catalog.groups)

        def rank(pattern_id: str) -> tuple[int, int, str]:
            group = patterns[pattern_id].group
            # A migration starts with its strangler and anti-corruption layer, before other platform work.
            first = 0 if group == "refactoring" else 1
            return (first, groups.index(group) if group in groups else len(groups), pattern_id)

        return cls(
            level={p: _LEVEL[pattern.stage.value] if pattern.stage else 1 for p, pattern in patterns.items()},
            requires={
                p: frozenset(o for r in pattern.requires for o in r.any_of) for p, pattern in patterns.items()
            },
            predecessors={p: pattern.related.predecessor for p, pattern in patterns.items()},
            rank={p: rank(p) for p in patterns},
            effort={
                p: pattern.effort.value if pattern.effort else "unestimated"
                for p, pattern in patterns.items()
            },
            starts_migration=frozenset(
                p
                for p, pattern in patterns.items()
                if pattern.group == "refactoring" and not pattern.related.predecessor
            ),
        )


@per_catalog
def _layout(catalog: Catalog) -> _Layout:
    return _Layout.of(catalog)


@lru_cache(maxsize=1024)
def _phase_effort(small: int, medium: int, large: int, unestimated: int) -> PhaseEffort:
    """The effort of a phase: results share a model per distinct value (models are frozen)."""
    return PhaseEffort(
        small=small,
        medium=medium,
        large=large,
        unestimated=unestimated,
        points=sum(
            EFFORT_POINTS[size] * n for size, n in (("small", small), ("medium", medium), ("large", large))
        ),
    )


def _effort(layout: _Layout, patterns: Sequence[str]) -> PhaseEffort:
    counts: dict[str, int] = defaultdict(int)
    for pattern_id in patterns:
        counts[layout.effort[pattern_id]] += 1
    return _phase_effort(counts["small"], counts["medium"], counts["large"], counts["unestimated"])


class _Planner:
    def __init__(
        self,
        layout: _Layout,
        parents: Mapping[str, str | None],
        resolves: Mapping[str, Collection[str]],
        in_place: Collection[str],
        needed: Mapping[str, str],
    ) -> None:
        self.layout = layout
        self.needed = needed
        present = self.present = set(parents) | set(in_place)
        self.in_place = set(in_place)
        self.new = sorted(p for p in parents if p not in self.in_place)
        self.all_of: dict[str, list[str]] = {}
        self.one_of: dict[str, list[str]] = {}
        for pattern_id in self.new:
            requires = layout.requires[pattern_id]
            self.all_of[pattern_id] = sorted(r for r in requires if r in present and r != pattern_id)
            parent = parents[pattern_id]
            after = {*layout.predecessors[pattern_id], *resolves.get(pattern_id, ())}
            if parent:
                after.add(parent)
            self.one_of[pattern_id] = sorted(a for a in after if a in present and a != pattern_id)

    def stage(self, pattern_id: str) -> int:
        """The pattern's level: its catalog stage, or the earlier stage the answers need it from."""
        level = self.layout.level[pattern_id]
        need = self.needed.get(pattern_id)
        return min(level, _LEVEL[need]) if need else level

    def levels(self) -> dict[str, int]:
        """Each pattern's stage level (0 in place, 1.. by stage), raised until dependencies hold."""
        level = dict.fromkeys(self.in_place, _IN_PLACE) | {p: self.stage(p) for p in self.new}
        changed = True
        while changed:  # levels only grow and are bounded by the last stage: this ends
            changed = False
            for pattern_id in self.new:
                wanted = level[pattern_id]
                for required in self.all_of[pattern_id]:
                    wanted = max(wanted, level[required])
                one_of = self.one_of[pattern_id]
                if one_of:
                    wanted = max(wanted, min(level[a] for a in one_of))
                if wanted != level[pattern_id]:
                    level[pattern_id], changed = wanted, True
        return level

    def order(self, members: list[str], level: Mapping[str, int]) -> list[str]:
        """``members`` (one phase) in dependency order; ties and cycles broken by rank."""
        rank = self.layout.rank.__getitem__
        inside = set(members)
        needs: dict[str, set[str]] = {}
        for pattern_id in members:
            deps = {r for r in self.all_of.get(pattern_id, ()) if r in inside}
            earliest = [a for a in self.one_of.get(pattern_id, ()) if level[a] <= level[pattern_id]]
            if earliest and not any(level[a] < level[pattern_id] for a in earliest):
                deps.add(min(earliest, key=rank))
            needs[pattern_id] = deps
        # The best-ranked pattern whose dependencies are placed comes next (with none such, the best).
        ranked = sorted(members, key=rank)
        ordered: list[str] = []
        left = set(members)
        while left:
            chosen = next((p for p in ranked if p in left and not needs[p] & left), None)
            if chosen is None:
                chosen = next(p for p in ranked if p in left)
            ordered.append(chosen)
            left.discard(chosen)
        return ordered


def clear_shared() -> None:
    """Forget the plans and efforts shared between results (for tests that plan afresh)."""
    _phase_effort.cache_clear()
    for layout in _layout.made():
        layout.plans.clear()


def plan_phases(
    catalog: Catalog,
    parents: Mapping[str, str | None],
    resolves: Mapping[str, Collection[str]],
    in_place: Collection[str] = (),
    *,
    needed: Mapping[str, str] | None = None,
    provided: Collection[str] = (),
) -> tuple[Phase, ...]:
    """The phases of a plan: in-place patterns first, then the recommended ones by stage and dependency.

    Args:
        catalog: the pattern language.
        parents: every recommended pattern → the pattern the agenda adopted it after (or None).
        resolves: a recommended pattern → the patterns whose issues it resolves.
        in_place: the patterns the system already uses.
        needed: a recommended pattern → the stage the answers need it from, where that is
            earlier than its catalog stage.
        provided: the recommended patterns the deployment platform provides.
    """
    layout = _layout(catalog)
    # A plan depends on these alone (not on their order): results with the same share it.
    key = (
        tuple(sorted(parents.items())),
        tuple(sorted((p, tuple(sorted(raisers))) for p, raisers in resolves.items())),
        tuple(sorted(set(in_place))),
        tuple(sorted((needed or {}).items())),
        tuple(sorted(set(provided))),
    )
    plan = layout.plans.get(key)
    if plan is None:
        if len(layout.plans) >= _MAX_PLANS:
            layout.plans.clear()
        plan = layout.plans[key] = _plan(
            layout, parents, resolves, in_place, needed=needed or {}, provided=provided
        )
    return plan


def _plan(
    layout: _Layout,
    parents: Mapping[str, str | None],
    resolves: Mapping[str, Collection[str]],
    in_place: Collection[str],
    *,
    needed: Mapping[str, str],
    provided: Collection[str],
) -> tuple[Phase, ...]:
    planner = _Planner(layout, parents, resolves, {*in_place, *provided}, needed)
    level = planner.levels()
    by_level: dict[int, list[str]] = defaultdict(list)
    for pattern_id, value in level.items():
        by_level[value].append(pattern_id)
    phases = []
    number = 0
    for value in sorted(by_level):
        members = planner.order(by_level[value], level)
        if value == _IN_PLACE:
            stage, phase_number = "in-place", 0
        else:
            number += 1
            stage, phase_number = STAGES[value - 1], number
        # A migration starts where a refactoring pattern that follows nothing (the strangler) is
        # planned; an anti-corruption layer alone guards a new system's integration, no migration.
        migration = stage == "foundation" and any(p in layout.starts_migration for p in members)
        goal = stage
        if migration:
            goal = "migration"
        elif stage == "foundation" and set(in_place) & set(by_level.get(_IN_PLACE, ())):
            goal = "foundation-gaps"
        phases.append(
            Phase(
                number=phase_number,
                stage=stage,
                goal=goal,
                migration=migration,
                patterns=tuple(members),
                effort=_effort(layout, [] if value == _IN_PLACE else members),
            )
        )
    return tuple(phases)
