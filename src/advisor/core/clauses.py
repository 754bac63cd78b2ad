"""Conditions compiled for the agenda, once per condition rather than per assessment.

A condition is compiled to disjunctive normal form (:mod:`advisor.core.compiled`) and each
clause split into its answer and weight tests, the patterns it tests and the issues it
tests: the answer tests hold or not for the whole assessment, the others change as
patterns are adopted and issues raised (:mod:`advisor.core.standing`). Conditions are
frozen and live as long as their catalog, so they are looked up by identity (hashing a
condition model costs more than compiling it once); each cache keeps the condition it is
keyed on, so an id is not reused while its entry is there, and each is bounded.
"""

from __future__ import annotations

from typing import Any

from advisor.catalog.conditions import AnswerTest, Clause, Condition, IssueTest, PatternTest, to_dnf
from advisor.core.compiled import compile_condition

#: Conditions compiled, by identity.
_CLAUSES: dict[int, tuple[Condition, tuple[Clause, ...]]] = {}
_MAX = 65_536


def clauses_of(condition: Condition) -> tuple[Clause, ...]:
    """A condition compiled to disjunctive normal form (conditions are frozen, so cached)."""
    known = _CLAUSES.get(id(condition))
    if known is None or known[0] is not condition:
        if len(_CLAUSES) >= _MAX:
            _CLAUSES.clear()
        known = _CLAUSES[id(condition)] = (condition, tuple(to_dnf(condition)))
    return known[1]


#: A clause split by what decides it: its answer and weight tests (settled once per
#: assessment: whether the test is of an answer, the question or force, the operator and
#: the operand), the patterns it tests and the issues it tests.
AnswerTests = tuple[tuple[bool, str, str, Any], ...]
Parts = tuple[AnswerTests, tuple[str, ...], tuple[str, ...]]
_PARTS: dict[int, tuple[Condition, tuple[Parts, ...]]] = {}


def parts_of(condition: Condition) -> tuple[Parts, ...]:
    """Each clause of ``condition`` split into its answer tests, patterns and issues (cached)."""
    known = _PARTS.get(id(condition))
    if known is None or known[0] is not condition:
        if len(_PARTS) >= _MAX:
            _PARTS.clear()
        parts = []
        for clause, tests in compile_condition(condition):
            answers: list[tuple[bool, str, str, Any]] = []
            patterns: list[str] = []
            issues: list[str] = []
            for leaf, (_kind, name, op, operand) in zip(clause, tests, strict=True):
                if isinstance(leaf, PatternTest):
                    patterns.append(name)
                elif isinstance(leaf, IssueTest):
                    issues.append(name)
                else:
                    answers.append((isinstance(leaf, AnswerTest), name, op, operand))
            parts.append((tuple(answers), tuple(patterns), tuple(issues)))
        known = _PARTS[id(condition)] = (condition, tuple(parts))
    return known[1]
