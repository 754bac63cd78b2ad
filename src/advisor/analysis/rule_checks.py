"""The rules of one pattern checked, test by test, against the final state of an assessment.

``advisor explain`` shows these checks for a pattern that is not recommended,
and searches for answer changes from them (:mod:`advisor.analysis.suggestions`).
"""

from __future__ import annotations

from typing import Any

from advisor.analysis.results import LeafResult, RuleCheck
from advisor.catalog.conditions import ForceTest, IssueTest, Leaf, PatternTest, evaluate, leaf_message
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.questionnaire.answers import Answers


class FinalState:
    """The final state of one assessment, as rule conditions see it."""

    def __init__(self, answers: Answers, result: Recommendation) -> None:
        self.answers = answers
        self.recommended = set(result.recommended_ids)
        self.raised = {issue for p in result.recommended for issue in p.raises}

    def holds(self, leaf: Leaf) -> bool:
        """Whether one leaf test holds in this state."""
        answers = self.answers
        return evaluate(
            leaf, answers.value, answers.weight, self.recommended.__contains__, self.raised.__contains__
        )

    def actual(self, leaf: Leaf) -> Any:
        """What the leaf tests, as it is in this state: an answer, a weight, recommended or raised."""
        if isinstance(leaf, PatternTest):
            return leaf.pattern in self.recommended
        if isinstance(leaf, IssueTest):
            return leaf.issue in self.raised
        if isinstance(leaf, ForceTest):
            return self.answers.weight(leaf.force)
        return self.answers.value(leaf.answer)


def rule_checks(advisor: Advisor, state: FinalState, pattern_id: str) -> tuple[RuleCheck, ...]:
    """Every rule naming ``pattern_id``, each clause's tests with whether they hold, by rule id."""
    checks = []
    for rule in advisor.catalog.rules_for(pattern_id):
        results = tuple(
            tuple(
                LeafResult(test=leaf_message(leaf), holds=state.holds(leaf), actual=state.actual(leaf))
                for leaf in clause
            )
            for clause in advisor.clauses[rule.id]
        )
        checks.append(
            RuleCheck(
                rule=rule.id,
                verdict=rule.verdict.value,
                weight=rule.weight,
                fired=any(all(t.holds for t in clause) for clause in results),
                clauses=results,
            )
        )
    return tuple(sorted(checks, key=lambda c: c.rule))
