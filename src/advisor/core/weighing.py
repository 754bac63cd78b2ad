"""How one decision of the agenda is weighed: a candidate against its rivals.

The rivals of a candidate are its exclusive alternatives that something speaks for and,
for a successor, the other resolvers of its issue; each must be admissible (not adopted,
not excluded, not set aside for a better alternative, its requirements met or adoptable)
and able to enter now. The option with the highest total wins. The decision waits while
a better rival still waits for a predecessor that may yet be adopted, or while rules not
fired yet may still lift a rival above the winner (:mod:`advisor.core.agenda`, step 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from advisor.catalog.models import Rule, Verdict
from advisor.core.standing import IssueKey, Standing


class Decision(NamedTuple):
    """One choice: a candidate, the issue it would resolve, its options (best first)
    and the better rivals still waiting for a predecessor."""

    candidate: str
    issue: IssueKey | None
    options: tuple[str, ...]
    waiting: tuple[str, ...]


@dataclass
class Weighing(Standing):
    """The decisions of one assessment, weighed with where each pattern stands."""

    set_aside: dict[str, str] = field(default_factory=dict)  # pattern → the better rival it yields to
    _admissible_: dict[str, bool] = field(default_factory=dict)
    _may_fire_: dict[str, bool] = field(default_factory=dict)

    def _changed(self) -> None:
        super()._changed()
        self._admissible_.clear()
        self._may_fire_.clear()

    def _admissible(self, pattern_id: str) -> bool:
        known = self._admissible_.get(pattern_id)
        if known is None:
            known = self._admissible_[pattern_id] = (
                pattern_id not in self.adopted
                and self.blocked_by(pattern_id) is None
                and not self._kept_for(pattern_id)
                and self.satisfiable(pattern_id)
            )
        return known

    def _kept_for(self, pattern_id: str) -> bool:
        """Whether ``pattern_id`` is set aside for a better alternative that is still possible.

        The alternative may be advised against for now and favoured later, once the patterns
        its rules test are adopted (CQRS, advised against for strict consistency, is called
        for when event sourcing comes): the pattern waits while those rules may still fire.
        """
        better = self.set_aside.get(pattern_id)
        if better is None or self.blocked_by(better) is not None:
            return False
        score = self.rule_score(better)
        return score >= 0 or score + self._swing(better, Verdict.RECOMMEND) >= 0

    def _may_fire(self, rule: Rule) -> bool:
        """Whether a rule that has not fired still may, as patterns are adopted and issues raised."""
        if rule.id in self.fired:
            return False
        known = self._may_fire_.get(rule.id)
        if known is None:
            known = self._may_fire_[rule.id] = any(
                all(self.blocked_by(p) is None for p in patterns)
                for patterns, _ in self.open_clauses(rule.when)
            )
        return known

    def _swing(self, pattern_id: str, verdict: Verdict) -> int:
        """How much the rule score of ``pattern_id`` may still move with ``verdict``."""
        rules = (self.catalog.rules[r] for r in self.relations.derived_rules[pattern_id])
        return sum(r.weight for r in rules if r.verdict is verdict and self._may_fire(r))

    def has_reason(self, pattern_id: str) -> bool:
        """Whether something speaks for ``pattern_id``: a rule, or an issue raised that it resolves."""
        return (
            self.rule_score(pattern_id) > 0
            or self.favoured(pattern_id)
            or any(i in self.issue_facts for i in self.relations.resolves[pattern_id])
        )

    def _rival(self, rival: str, co_resolvers: set[str]) -> bool:
        """Whether ``rival`` is weighed in a decision: co-resolvers the rules do not advise
        against; alternatives something speaks for (a rule that favours it, even when others
        lean against it, or an issue raised that it resolves)."""
        if rival in co_resolvers:
            return self.rule_score(rival) >= 0 and self._admissible(rival)
        score_ok = self.rule_score(rival) >= 0 or self.favoured(rival)
        return score_ok and self.has_reason(rival) and self._admissible(rival)

    def decide(self, candidate: str, issue: IssueKey | None) -> Decision:
        """Weigh ``candidate`` against its rivals: the options that can enter now, and those waiting."""
        co_resolvers = set(self.relations.resolved_by[issue[1]]) if issue else set()
        rivals = (self.relations.exclusive[candidate] | co_resolvers) - {candidate}
        options = [candidate]
        options += [r for r in rivals if self._rival(r, co_resolvers) and self.enterable(r)]
        options.sort(key=self.rank)  # the ranks differ (ties are broken by id): any order sorts the same
        best = options[0]
        # The winner's alternatives still waiting for a predecessor that may yet come.
        later = (self.relations.exclusive[best] | co_resolvers) - {best, *options}
        waiting = [
            w
            for w in later
            if self.total(w) > self.total(best)
            and (self.rule_score(w) >= 0 or self.favoured(w))
            and self._admissible(w)
            and not self.enterable(w)
            and self._may_still_enter(w, frozenset({w}))
        ]
        # A rival whose rules may still fire (they test patterns or issues not settled yet)
        # could overtake the best option later: wait for those facts too.
        if len(options) > 1:
            lowest = self.total(best) - self._swing(best, Verdict.ADVISE_AGAINST)
            waiting += [o for o in options[1:] if self.total(o) + self._swing(o, Verdict.RECOMMEND) > lowest]
        return Decision(candidate, issue, tuple(options), tuple(sorted(waiting)))
