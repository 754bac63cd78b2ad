"""What building a result needs of one catalog, indexed once for as long as the catalog lives.

A result names every pattern, orders the rules that fired by weight, lists what requires
each pattern and tests the conditions under which a platform provides one: all of it
depends on the catalog alone. The rule reasons a result shows depend on the catalog and
on the evidence of the clause that fired (:mod:`advisor.core.evidence`), so they are made
once per distinct evidence and shared by the results that show them (the models are frozen).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advisor.catalog.conditions import Clause, to_dnf
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Verdict
from advisor.catalog.per_catalog import per_catalog
from advisor.core.compiled import Compiled, compile_condition
from advisor.core.recommendation import Match, Reason

#: Rule reasons kept per catalog: beyond them the cache starts afresh.
_MAX_REASONS = 4096


@dataclass
class ResultIndex:
    """The parts of a result that depend on the catalog alone, by pattern or rule id."""

    #: pattern → its English name
    names: dict[str, str]
    #: rule → its sort key in a list of reasons: the heaviest first, then by id
    rule_order: dict[str, tuple[int, str]]
    #: pattern → the patterns with a requirement it meets, sorted
    requirers: dict[str, tuple[str, ...]]
    #: pattern → the condition under which the deployment platform provides it, compiled
    provided_when: dict[str, Compiled]
    #: (pattern, issue) → the clauses of the condition under which the pattern raises the issue
    raised_when: dict[tuple[str, str], tuple[Clause, ...]]
    #: the rules recommending a pattern from an earlier plan stage: (rule, pattern, stage)
    needed_from: tuple[tuple[str, str, str], ...]
    #: (rule, id of its evidence) → the evidence (kept, so the id is not reused) and the reason
    _reasons: dict[tuple[str, int], tuple[tuple[Match, ...], Reason]] = field(default_factory=dict)

    @classmethod
    def of(cls, catalog: Catalog) -> ResultIndex:
        """Index ``catalog``."""
        patterns = catalog.patterns
        requirers: dict[str, list[str]] = {}
        for other in sorted(patterns):
            for option in {o for r in patterns[other].requires for o in r.any_of}:
                requirers.setdefault(option, []).append(other)
        return cls(
            names={p: pattern.name.en for p, pattern in patterns.items()},
            rule_order={r: (-rule.weight, r) for r, rule in catalog.rules.items()},
            requirers={p: tuple(others) for p, others in requirers.items()},
            provided_when={
                p: compile_condition(pattern.provided_when)
                for p, pattern in patterns.items()
                if pattern.provided_when is not None
            },
            raised_when=_raised_when(catalog),
            needed_from=tuple(
                (r, rule.pattern, rule.needed_from.value)
                for r, rule in catalog.rules.items()
                if rule.needed_from is not None and rule.verdict is Verdict.RECOMMEND
            ),
        )

    def rule_reason(self, catalog: Catalog, rule_id: str, matched: tuple[Match, ...]) -> Reason:
        """The reason a fired rule gives, with the evidence of the clause that fired."""
        key = (rule_id, id(matched))
        known = self._reasons.get(key)
        if known is None or known[0] is not matched:
            if len(self._reasons) >= _MAX_REASONS:
                self._reasons.clear()
            rule = catalog.rules[rule_id]
            reason = Reason(
                kind="rule", rule=rule_id, verdict=rule.verdict.value, weight=rule.weight, matched=matched
            )
            known = self._reasons[key] = (matched, reason)
        return known[1]

    def clear_shared(self) -> None:
        """Forget the reasons shared between results (for tests that build every part afresh)."""
        self._reasons.clear()


def _raised_when(catalog: Catalog) -> dict[tuple[str, str], tuple[Clause, ...]]:
    """(pattern, issue) → the clauses of :meth:`~advisor.catalog.models.Pattern.condition`."""
    found = {}
    for pattern_id, pattern in catalog.patterns.items():
        for issue_id in {raised.issue for raised in pattern.raises}:
            condition = pattern.condition(issue_id)
            if condition is not None:
                found[(pattern_id, issue_id)] = tuple(to_dnf(condition))
    return found


@per_catalog
def result_index(catalog: Catalog) -> ResultIndex:
    """The result index of ``catalog``, made once for as long as the catalog lives."""
    return ResultIndex.of(catalog)


def clear_shared() -> None:
    """Forget every rule reason shared between results, for every catalog."""
    for index in result_index.made():
        index.clear_shared()
