"""The floor for one assessment: the same rules and the same agenda, matched in plain Python.

A session with the interface of :class:`advisor.core.engine.Session` that evaluates the
compiled clauses itself: after each batch of facts, every clause not yet fired whose
leaves all hold fires, in the engine's order (rule id, then clause index, the order the
engine registers them in). Only the clauses that test something a new fact says are
re-checked. :func:`floor_advise` runs the real agenda and result building on it, so the
difference from ``Advisor.advise`` is exactly the cost of the rules engine.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from advisor.catalog.conditions import Clause, ForceTest, IssueTest, Leaf, PatternTest
from advisor.core.advisor import Advisor
from advisor.core.agenda import run_agenda
from advisor.core.build import build_recommendation
from advisor.core.engine import Firing
from advisor.core.facts import engine_value
from advisor.core.recommendation import Recommendation
from advisor.questionnaire.answers import Answers

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "equals": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def _key(leaf: Leaf) -> tuple[str, ...]:
    """What fact a leaf looks at (the index that decides which clauses a new fact re-checks)."""
    if isinstance(leaf, PatternTest):
        return ("p", leaf.pattern)
    if isinstance(leaf, IssueTest):
        return ("i", leaf.issue)
    if isinstance(leaf, ForceTest):
        return ("f", leaf.force)
    if leaf.operator in {"contains", "not_contains"}:
        return ("c", leaf.answer, str(leaf.operand))
    return ("a", leaf.answer)


def _fact_key(fact: Mapping[str, Any]) -> tuple[str, ...]:
    kind = fact["t"]
    if kind == "c":
        return ("c", fact["q"], str(fact["c"]))
    if kind == "a":
        return ("a", fact["q"])
    return (kind, fact[kind])


def _value_holds(op: str, value: Any, operand: Any) -> bool:
    try:
        if op == "in":
            return any(value == engine_value(v) for v in operand)
        if op == "not_in":
            return all(value != engine_value(v) for v in operand)
        return _COMPARE[op](value, engine_value(operand))
    except TypeError:  # a number compared with text never holds
        return False


class FloorRules:
    """Clauses indexed by the facts they test, in the engine's firing order."""

    def __init__(self, clauses: Mapping[str, Sequence[Clause]]) -> None:
        self.order: list[tuple[Firing, Clause]] = [
            (Firing(rule_id, index), clause)
            for rule_id in sorted(clauses)
            for index, clause in enumerate(clauses[rule_id])
        ]
        self.by_key: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        for position, (_, clause) in enumerate(self.order):
            for key in {_key(leaf) for leaf in clause}:
                self.by_key[key].append(position)


class FloorSession:
    """One assessment's facts, matched in Python."""

    def __init__(self, rules: FloorRules) -> None:
        self._rules = rules
        self._facts: dict[tuple[str, ...], Mapping[str, Any]] = {}
        self._fired: set[int] = set()

    def _holds(self, leaf: Leaf) -> bool:
        fact = self._facts.get(_key(leaf))
        if fact is None:
            return False
        if isinstance(leaf, PatternTest | IssueTest):
            return True
        if isinstance(leaf, ForceTest):
            return _value_holds(leaf.operator, fact["w"], leaf.operand)
        op = leaf.operator
        if op == "known":
            return bool(fact["k"]) == bool(leaf.known)
        if op in {"contains", "not_contains"}:
            return fact["s"] == int(op == "contains")
        return bool(fact["k"]) and _value_holds(op, fact.get("v"), leaf.operand)

    def assert_facts(self, facts: Sequence[Mapping[str, Any]]) -> list[Firing]:
        """Add facts; the clauses that newly hold, in the engine's order."""
        touched: set[int] = set()
        for fact in facts:
            key = _fact_key(fact)
            self._facts[key] = fact
            touched.update(self._rules.by_key.get(key, ()))
        fired = []
        for position in sorted(touched - self._fired):
            firing, clause = self._rules.order[position]
            if all(self._holds(leaf) for leaf in clause):
                self._fired.add(position)
                fired.append(firing)
        return fired


def floor_advise(advisor: Advisor, rules: FloorRules, answers: Answers) -> Recommendation:
    """``advisor.advise(answers)`` with the rules matched in plain Python instead of the engine."""

    @contextmanager
    def session() -> Iterator[Any]:
        yield FloorSession(rules)

    agenda = run_agenda(advisor.catalog, advisor.questionnaire, answers, session)
    return build_recommendation(agenda, advisor.questionnaire, advisor.clauses)
