"""Conditions compiled for the agenda, once per condition rather than per assessment.

A condition is compiled to disjunctive normal form and each clause split into its answer
and weight tests, the patterns it tests and the issues it tests: the answer tests hold or
not for the whole assessment, the others change as patterns are adopted and issues raised
(:mod:`advisor.core.standing`). Conditions are frozen and live as long as their catalog, so
they are looked up by identity (hashing a condition model costs more than compiling it
once); each cache keeps the objects it is keyed on, so an id is not reused while its entry
is there, and each is bounded.
"""

from __future__ import annotations

from typing import Any

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
#: assessment), the patterns it tests and the issues it tests.
Parts = tuple[tuple[Leaf, ...], tuple[str, ...], tuple[str, ...]]
_PARTS: dict[int, tuple[Condition, tuple[Parts, ...]]] = {}


def parts_of(condition: Condition) -> tuple[Parts, ...]:
    """Each clause of ``condition`` split into its answer tests, patterns and issues (cached)."""
    known = _PARTS.get(id(condition))
    if known is None or known[0] is not condition:
        if len(_PARTS) >= _MAX:
            _PARTS.clear()
        parts = tuple(
            (
                tuple(leaf for leaf in clause if not isinstance(leaf, PatternTest | IssueTest)),
                tuple(leaf.pattern for leaf in clause if isinstance(leaf, PatternTest)),
                tuple(leaf.issue for leaf in clause if isinstance(leaf, IssueTest)),
            )
            for clause in clauses_of(condition)
        )
        known = _PARTS[id(condition)] = (condition, parts)
    return known[1]


#: Answer and weight tests worked out, by (test, the value's type, the value): the same
#: answers recur from one assessment to the next.
_TESTS: dict[tuple[int, type, Any], tuple[Leaf, bool]] = {}


def passes(leaf: AnswerTest | ForceTest, value: Any) -> bool:
    """Whether ``value`` passes ``leaf`` (:func:`leaf_holds`, remembered)."""
    try:
        key = (id(leaf), type(value), tuple(value) if isinstance(value, list) else value)
        known = _TESTS.get(key)
    except TypeError:  # a value that cannot be a key
        return leaf_holds(leaf, value)
    if known is None or known[0] is not leaf:
        if len(_TESTS) >= _MAX:
            _TESTS.clear()
        known = _TESTS[key] = (leaf, leaf_holds(leaf, value))
    return known[1]
