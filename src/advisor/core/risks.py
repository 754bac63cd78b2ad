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
from typing import Any
from weakref import ref

from advisor.catalog.conditions import (
    AnswerTest,
    Clause,
    Condition,
    IssueTest,
    Leaf,
    PatternTest,
    to_dnf,
    value_holds,
)
from advisor.catalog.loader import Catalog
from advisor.catalog.models import RiskRule, Severity
from advisor.core.evidence import matches
from advisor.core.recommendation import Risk
from advisor.questionnaire.answers import Answers

#: Severities from the most to the least serious, the order risks are listed in.
SEVERITY_ORDER: tuple[str, ...] = tuple(s.value for s in Severity)

_PATTERN, _ISSUE, _ANSWER, _FORCE = range(4)

#: One test, ready to evaluate: what it looks at, the id it names, and (for an answer or a
#: force weight) its operator and operand.
_Test = tuple[int, str, str, Any]


def _test(leaf: Leaf) -> _Test:
    if isinstance(leaf, PatternTest):
        return (_PATTERN, leaf.pattern, "", None)
    if isinstance(leaf, IssueTest):
        return (_ISSUE, leaf.issue, "", None)
    if isinstance(leaf, AnswerTest):
        return (_ANSWER, leaf.answer, leaf.operator, leaf.operand)
    return (_FORCE, leaf.force, leaf.operator, leaf.operand)


def _clauses(condition: Condition | None) -> tuple[tuple[Clause, tuple[_Test, ...]], ...] | None:
    """The clauses of a condition, each with its tests ready to evaluate (``None``: no condition)."""
    if condition is None:
        return None
    return tuple((clause, tuple(_test(leaf) for leaf in clause)) for clause in to_dnf(condition))


@dataclass(frozen=True)
class _Compiled:
    """A risk rule with its conditions compiled, once per catalog."""

    risk: RiskRule
    when: tuple[tuple[Clause, tuple[_Test, ...]], ...] | None
    unless: tuple[tuple[Clause, tuple[_Test, ...]], ...] | None
    listed: frozenset[str]  # the issues some rule lists (``any`` takes the others)


_COMPILED: dict[int, tuple[ref[Catalog], tuple[_Compiled, ...]]] = {}


def _compiled(catalog: Catalog) -> tuple[_Compiled, ...]:
    """The risk rules of ``catalog`` compiled, for as long as the catalog lives."""
    key = id(catalog)
    entry = _COMPILED.get(key)
    if entry is not None and entry[0]() is catalog:
        return entry[1]
    listed = frozenset(
        i for r in catalog.risks.values() if isinstance(r.unresolved, tuple) for i in r.unresolved
    )
    compiled = tuple(
        _Compiled(risk, _clauses(risk.when), _clauses(risk.unless), listed) for risk in catalog.risks.values()
    )
    _COMPILED[key] = (ref(catalog, lambda _gone: _COMPILED.pop(key, None)), compiled)
    return compiled


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
    value, weight = answers.value, answers.weight

    def holds(test: _Test) -> bool:
        kind, name, op, operand = test
        if kind == _PATTERN:
            return name in present
        if kind == _ISSUE:
            return name in raised
        return value_holds(op, operand, value(name) if kind == _ANSWER else weight(name))

    found = []
    for rule in _compiled(catalog):
        risk = rule.risk
        clause: Clause = ()
        if rule.when is not None:
            held = next((c for c, tests in rule.when if all(holds(t) for t in tests)), None)
            if held is None:
                continue
            clause = held
        if rule.unless is not None and any(all(holds(t) for t in tests) for _c, tests in rule.unless):
            continue
        common = {"id": risk.id, "severity": risk.severity.value, "matched": matches(answers, clause)}
        if risk.unresolved is None:
            found.append(Risk(**common, mitigated_by=risk.mitigated_by, issue=risk.issue))
            continue
        for issue_id in _claimed(rule, unresolved):
            resolvers = tuple(sorted(catalog.issues[issue_id].resolved_by))
            found.append(Risk(**common, mitigated_by=risk.mitigated_by or resolvers, unresolved=issue_id))
    return tuple(sorted(found, key=lambda r: (SEVERITY_ORDER.index(r.severity), r.id, r.unresolved or "")))
