"""The relations between patterns the agenda reasons with, indexed once per catalog.

Alternatives are read from both sides of the relation. Two alternatives exclude each
other unless both belong to a group whose ``choice`` is ``per-interaction`` (remote
procedure invocation and messaging: a system may use each for the interactions the
answers call it for).
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.catalog.conditions import IssueTest, PatternTest, leaves
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Choice
from advisor.catalog.per_catalog import per_catalog


@dataclass(frozen=True)
class Relations:
    """Alternatives, exclusions, predecessors, resolved issues of every pattern, by id, and
    the rules about it that test recommended patterns or raised issues (the only rules
    that can still fire once the answers are in); each pattern's group, and the patterns
    of each required group (a decision every system makes)."""

    alternatives: dict[str, tuple[str, ...]]
    exclusive: dict[str, frozenset[str]]
    exclusive_by_id: dict[str, tuple[str, ...]]  # the same, sorted: the order the agenda walks them in
    predecessors: dict[str, frozenset[str]]
    resolves: dict[str, frozenset[str]]
    resolved_by: dict[str, tuple[str, ...]]  # issue → the patterns that resolve it
    derived_rules: dict[str, tuple[str, ...]]
    group: dict[str, str]
    required_groups: tuple[tuple[str, tuple[str, ...]], ...]  # (group, its patterns), by group id

    @classmethod
    def of(cls, catalog: Catalog) -> Relations:
        """Index the relations of ``catalog``."""
        patterns = catalog.patterns
        alternatives: dict[str, set[str]] = {p: set(patterns[p].related.alternative) for p in patterns}
        for pattern_id, pattern in patterns.items():
            for other in pattern.related.alternative:
                if other in alternatives:
                    alternatives[other].add(pattern_id)

        def excludes(one: str, other: str) -> bool:
            group = patterns[one].group
            if group != patterns[other].group or group not in catalog.groups:
                return True
            return catalog.groups[group].choice is not Choice.PER_INTERACTION

        resolves: dict[str, set[str]] = {p: set() for p in patterns}
        for issue in catalog.issues.values():
            for resolver in issue.resolved_by:
                if resolver in resolves:
                    resolves[resolver].add(issue.id)
        exclusive = {
            p: frozenset(a for a in alts if a != p and excludes(p, a)) for p, alts in alternatives.items()
        }
        return cls(
            alternatives={p: tuple(sorted(alts - {p})) for p, alts in alternatives.items()},
            exclusive=exclusive,
            exclusive_by_id={p: tuple(sorted(alts)) for p, alts in exclusive.items()},
            predecessors={p: frozenset(patterns[p].related.predecessor) for p in patterns},
            resolves={p: frozenset(ids) for p, ids in resolves.items()},
            resolved_by={i: issue.resolved_by for i, issue in catalog.issues.items()},
            derived_rules={
                p: tuple(
                    sorted(
                        rule.id
                        for rule in catalog.rules.values()
                        if rule.pattern == p
                        and any(isinstance(leaf, PatternTest | IssueTest) for leaf in leaves(rule.when))
                    )
                )
                for p in patterns
            },
            group={p: pattern.group for p, pattern in patterns.items()},
            required_groups=tuple(
                (g, tuple(p for p, pattern in patterns.items() if pattern.group == g))
                for g in sorted(catalog.groups)
                if catalog.groups[g].required
            ),
        )


@per_catalog
def relations_of(catalog: Catalog) -> Relations:
    """The relations of ``catalog``, indexed once for as long as the catalog lives."""
    return Relations.of(catalog)
