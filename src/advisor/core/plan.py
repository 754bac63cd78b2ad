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
from collections.abc import Callable, Collection, Iterable, Mapping

from advisor.catalog.loader import Catalog
from advisor.catalog.models import STAGES, Effort, Stage
from advisor.core.recommendation import Phase, PhaseEffort

#: Story points of one pattern of each effort: the sums are rough sizes, not estimates.
EFFORT_POINTS: Mapping[str, int] = {Effort.SMALL: 1, Effort.MEDIUM: 3, Effort.LARGE: 8}

_IN_PLACE = 0


def _effort(catalog: Catalog, patterns: Iterable[str]) -> PhaseEffort:
    counts: dict[str, int] = defaultdict(int)
    for pattern_id in patterns:
        effort = catalog.patterns[pattern_id].effort
        counts[effort.value if effort else "unestimated"] += 1
    return PhaseEffort(
        small=counts["small"],
        medium=counts["medium"],
        large=counts["large"],
        unestimated=counts["unestimated"],
        points=sum(EFFORT_POINTS[size] * counts[size] for size in ("small", "medium", "large")),
    )


class _Planner:
    def __init__(
        self,
        catalog: Catalog,
        parents: Mapping[str, str | None],
        resolves: Mapping[str, Collection[str]],
        in_place: Collection[str],
        needed: Mapping[str, str],
    ) -> None:
        self.catalog = catalog
        self.needed = needed
        self.present = set(parents) | set(in_place)
        self.in_place = set(in_place)
        self.new = sorted(p for p in parents if p not in self.in_place)
        self.all_of: dict[str, list[str]] = {}
        self.one_of: dict[str, list[str]] = {}
        for pattern_id in self.new:
            pattern = catalog.patterns[pattern_id]
            requires = {option for requirement in pattern.requires for option in requirement.any_of}
            self.all_of[pattern_id] = sorted(r for r in requires if r in self.present and r != pattern_id)
            parent = parents[pattern_id]
            after = {*pattern.related.predecessor, *resolves.get(pattern_id, ())}
            after |= {parent} if parent else set()
            self.one_of[pattern_id] = sorted(a for a in after if a in self.present and a != pattern_id)

    def stage(self, pattern_id: str) -> int:
        """The pattern's level: its catalog stage, or the earlier stage the answers need it from."""
        stage = self.catalog.patterns[pattern_id].stage
        level = STAGES.index(stage) + 1 if stage else 1
        need = self.needed.get(pattern_id)
        return min(level, STAGES.index(Stage(need)) + 1) if need else level

    def levels(self) -> dict[str, int]:
        """Each pattern's stage level (0 in place, 1.. by stage), raised until dependencies hold."""
        level = dict.fromkeys(self.in_place, _IN_PLACE) | {p: self.stage(p) for p in self.new}
        changed = True
        while changed:  # levels only grow and are bounded by the last stage: this ends
            changed = False
            for pattern_id in self.new:
                wanted = max(
                    [level[pattern_id]]
                    + [level[r] for r in self.all_of[pattern_id]]
                    + ([min(level[a] for a in self.one_of[pattern_id])] if self.one_of[pattern_id] else [])
                )
                if wanted != level[pattern_id]:
                    level[pattern_id], changed = wanted, True
        return level

    def order(
        self, members: list[str], level: Mapping[str, int], rank: Callable[[str], tuple[object, ...]]
    ) -> list[str]:
        """``members`` (one phase) in dependency order; ties and cycles broken by ``rank``."""
        inside = set(members)
        needs: dict[str, set[str]] = {}
        for pattern_id in members:
            deps = {r for r in self.all_of.get(pattern_id, ()) if r in inside}
            earliest = [a for a in self.one_of.get(pattern_id, ()) if level[a] <= level[pattern_id]]
            if earliest and not any(level[a] < level[pattern_id] for a in earliest):
                deps.add(min(earliest, key=rank))
            needs[pattern_id] = deps
        ordered: list[str] = []
        left = set(members)
        while left:
            ready = [p for p in left if not (needs[p] & left)] or list(left)
            chosen = min(ready, key=rank)
            ordered.append(chosen)
            left.discard(chosen)
        return ordered


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
    planner = _Planner(catalog, parents, resolves, {*in_place, *provided}, needed or {})
    level = planner.levels()
    groups = list(catalog.groups)

    def rank(pattern_id: str) -> tuple[object, ...]:
        group = catalog.patterns[pattern_id].group
        # A migration starts with its strangler and anti-corruption layer, before other platform work.
        first = 0 if group == "refactoring" else 1
        return (first, groups.index(group) if group in groups else len(groups), pattern_id)

    by_level: dict[int, list[str]] = defaultdict(list)
    for pattern_id, value in level.items():
        by_level[value].append(pattern_id)
    phases = []
    number = 0
    for value in sorted(by_level):
        members = planner.order(by_level[value], level, rank)
        if value == _IN_PLACE:
            stage, phase_number = "in-place", 0
        else:
            number += 1
            stage, phase_number = STAGES[value - 1], number
        # A migration starts where a refactoring pattern that follows nothing (the strangler) is
        # planned; an anti-corruption layer alone guards a new system's integration, no migration.
        migration = stage == "foundation" and any(
            catalog.patterns[p].group == "refactoring" and not catalog.patterns[p].related.predecessor
            for p in members
        )
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
                effort=_effort(catalog, [] if value == _IN_PLACE else members),
            )
        )
    return tuple(phases)
