"""Conditions compiled for evaluation after the agenda: each test with its operator kept.

Asking a test for its operator walks its fields; a condition evaluated for every
assessment (a risk rule's, the platform a pattern is provided by) is compiled once per
catalog into plain tuples, and evaluated with :func:`~advisor.catalog.conditions.value_holds`,
the same check the rules use.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

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
from advisor.questionnaire.answers import Answers

_PATTERN, _ISSUE, _ANSWER, _FORCE = range(4)

#: One test, ready to evaluate: what it looks at, the id it names, and (for an answer or a
#: force weight) its operator and operand.
Test = tuple[int, str, str, Any]

#: A condition's clauses, each with its tests compiled.
Compiled = tuple[tuple[Clause, tuple[Test, ...]], ...]


def _test(leaf: Leaf) -> Test:
    if isinstance(leaf, PatternTest):
        return (_PATTERN, leaf.pattern, "", None)
    if isinstance(leaf, IssueTest):
        return (_ISSUE, leaf.issue, "", None)
    if isinstance(leaf, AnswerTest):
        return (_ANSWER, leaf.answer, leaf.operator, leaf.operand)
    return (_FORCE, leaf.force, leaf.operator, leaf.operand)


def compile_condition(condition: Condition) -> Compiled:
    """The clauses of ``condition`` (disjunctive normal form), each with its tests compiled."""
    return tuple((clause, tuple(_test(leaf) for leaf in clause)) for clause in to_dnf(condition))


def holding(
    compiled: Compiled,
    answers: Answers,
    present: Collection[str] = (),
    raised: Collection[str] = (),
) -> Clause | None:
    """The first clause whose tests all hold (``None``: the condition does not hold).

    Args:
        compiled: the condition, compiled.
        answers: the checked answers and force weights.
        present: the patterns recommended or in place (what a pattern test looks at).
        raised: the issues raised (what an issue test looks at).
    """
    value, weight = answers.value, answers.weight
    for clause, tests in compiled:
        for kind, name, op, operand in tests:
            if kind == _PATTERN:
                held = name in present
            elif kind == _ISSUE:
                held = name in raised
            else:
                held = value_holds(op, operand, value(name) if kind == _ANSWER else weight(name))
            if not held:
                break
        else:
            return clause
    return None
