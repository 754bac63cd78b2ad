"""Risks: the risk rules (``rules/risks/*.yaml``) that hold for one assessment.

A risk rule's condition is evaluated over the answers, the force weights, the patterns
recommended or already in place, and the issues those patterns raise: the same
condition language as the applicability rules, evaluated once the agenda is finished.
Since the advice is final by then, a rule may also say what is missing: its ``unless``
condition must not hold, and an ``unresolved`` rule gives one risk for each issue raised
that nothing recommended resolves (an issue listed by a rule is that rule's; ``any``
takes the others). The result lists every risk that holds, high severity first, with the
tests that made it hold.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache

from advisor.catalog.conditions import (
    AnswerTest,
    Clause,
    Condition,
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
def _clauses(condition: Condition) -> tuple[Clause, ...]:
    return tuple(to_dnf(condition))


def _claimed(catalog: Catalog, risk: RiskRule, unresolved: Sequence[str]) -> list[str]:
    """The unresolved issues ``risk`` speaks for: those it lists, or (``any``) those no rule lists."""
    if isinstance(risk.unresolved, tuple):
        return [i for i in unresolved if i in risk.unresolved]
    listed = {i for r in catalog.risks.values() if isinstance(r.unresolved, tuple) for i in r.unresolved}
    return [i for i in unresolved if i not in listed]


def assess_risks(
    catalog: Catalog,
    answers: Answers,
    present: Collection[str],
    raised: Collection[str],
    unresolved: Sequence[str] = (),
) -> tuple[Risk, ...]:
    """The risks that hold, high severity first.

    Args:
        catalog: the catalog with its risk rules.
        answers: the checked answers and force weights.
        present: the patterns recommended or already in place.
        raised: the issues those patterns raise.
        unresolved: the issues raised that nothing recommended resolves and that are no
            drawback to accept, sorted.
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
        clause: Clause = ()
        if risk.when is not None:
            held = next((c for c in _clauses(risk.when) if all(holds(leaf) for leaf in c)), None)
            if held is None:
                continue
            clause = held
        if risk.unless is not None and any(all(holds(leaf) for leaf in c) for c in _clauses(risk.unless)):
            continue
        common = {"id": risk.id, "severity": risk.severity.value, "matched": matches(answers, clause)}
        if risk.unresolved is None:
            found.append(Risk(**common, mitigated_by=risk.mitigated_by, issue=risk.issue))
            continue
        for issue_id in _claimed(catalog, risk, unresolved):
            resolvers = tuple(sorted(catalog.issues[issue_id].resolved_by))
            found.append(Risk(**common, mitigated_by=risk.mitigated_by or resolvers, unresolved=issue_id))
    return tuple(sorted(found, key=lambda r: (SEVERITY_ORDER.index(r.severity), r.id, r.unresolved or "")))
