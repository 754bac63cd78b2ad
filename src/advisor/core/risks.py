"""Risks: the risk rules (``rules/risks/*.yaml``) that hold for one assessment.

A risk rule's condition is evaluated over the answers, the force weights, the patterns
recommended or already in place, and the issues those patterns raise: the same
condition language as the applicability rules, evaluated once the agenda is finished.
The result lists every risk that holds, high severity first, with the tests that made
it hold.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from advisor.catalog.conditions import (
    AnswerTest,
    Clause,
    ForceTest,
    IssueTest,
    Leaf,
    PatternTest,
    leaf_holds,
    to_dnf,
)
from advisor.catalog.loader import Catalog
from advisor.catalog.models import RiskRule, Severity
from advisor.core.evidence import matches
from advisor.core.recommendation import Risk
from advisor.questionnaire.answers import Answers

#: Severities from the most to the least serious, the order risks are listed in.
SEVERITY_ORDER: tuple[str, ...] = tuple(s.value for s in Severity)


@lru_cache(maxsize=1024)
def _clauses(risk: RiskRule) -> tuple[Clause, ...]:
    return tuple(to_dnf(risk.when))


def assess_risks(
    catalog: Catalog, answers: Answers, present: Collection[str], raised: Collection[str]
) -> tuple[Risk, ...]:
    """The risks that hold, high severity first.

    Args:
        catalog: the catalog with its risk rules.
        answers: the checked answers and force weights.
        present: the patterns recommended or already in place.
        raised: the issues those patterns raise.
    """

    def holds(leaf: Leaf) -> bool:
        if isinstance(leaf, PatternTest):
            return leaf.pattern in present
        if isinstance(leaf, IssueTest):
            return leaf.issue in raised
        if isinstance(leaf, AnswerTest):
            return leaf_holds(leaf, answers.value(leaf.answer))
        assert isinstance(leaf, ForceTest)
        return leaf_holds(leaf, answers.weight(leaf.force))

    found = []
    for risk in catalog.risks.values():
        clause = next((c for c in _clauses(risk) if all(holds(leaf) for leaf in c)), None)
        if clause is None:
            continue
        found.append(
            Risk(
                id=risk.id,
                severity=risk.severity.value,
                matched=matches(answers, clause),
                mitigated_by=risk.mitigated_by,
                issue=risk.issue,
            )
        )
    return tuple(sorted(found, key=lambda r: (SEVERITY_ORDER.index(r.severity), r.id)))
