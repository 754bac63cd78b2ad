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
from dataclasses import dataclass

from advisor.catalog.conditions import Clause
from advisor.catalog.loader import Catalog
from advisor.catalog.models import RiskRule, Severity
from advisor.catalog.per_catalog import per_catalog
from advisor.core.compiled import Compiled, compile_condition, holding
from advisor.core.evidence import matches
from advisor.core.recommendation import Risk
from advisor.questionnaire.answers import Answers

#: Severities from the most to the least serious, the order risks are listed in.
SEVERITY_ORDER: tuple[str, ...] = tuple(s.value for s in Severity)


@dataclass(frozen=True)
class _Compiled:
    """A risk rule with its conditions compiled, once per catalog."""

    risk: RiskRule
    when: Compiled | None
    unless: Compiled | None
    listed: frozenset[str]  # the issues some rule lists (``any`` takes the others)


@per_catalog
def _compiled(catalog: Catalog) -> tuple[_Compiled, ...]:
    """The risk rules of ``catalog`` compiled, for as long as the catalog lives."""
    listed = frozenset(
        i for r in catalog.risks.values() if isinstance(r.unresolved, tuple) for i in r.unresolved
    )
    return tuple(
        _Compiled(
            risk,
            None if risk.when is None else compile_condition(risk.when),
            None if risk.unless is None else compile_condition(risk.unless),
            listed,
        )
        for risk in catalog.risks.values()
    )


def _claimed(rule: _Compiled, unresolved: Sequence[str]) -> list[str]:
    """The unresolved issues a rule speaks for: those it lists, or (``any``) those no rule lists."""
    if isinstance(rule.risk.unresolved, tuple):
        return [i for i in unresolved if i in rule.risk.unresolved]
    return [i for i in unresolved if i not in rule.listed]


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
    found = []
    for rule in _compiled(catalog):
        risk = rule.risk
        clause: Clause = ()
        if rule.when is not None:
            held = holding(rule.when, answers, present, raised)
            if held is None:
                continue
            clause = held
        if rule.unless is not None and holding(rule.unless, answers, present, raised) is not None:
            continue
        common = {"id": risk.id, "severity": risk.severity.value, "matched": matches(answers, clause)}
        if risk.unresolved is None:
            found.append(Risk(**common, mitigated_by=risk.mitigated_by, issue=risk.issue))
            continue
        for issue_id in _claimed(rule, unresolved):
            resolvers = tuple(sorted(catalog.issues[issue_id].resolved_by))
            found.append(Risk(**common, mitigated_by=risk.mitigated_by or resolvers, unresolved=issue_id))
    return tuple(sorted(found, key=lambda r: (SEVERITY_ORDER.index(r.severity), r.id, r.unresolved or "")))
