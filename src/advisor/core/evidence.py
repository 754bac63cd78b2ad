"""The evidence of a condition that held: each test, with the answer or weight that passed it."""

from __future__ import annotations

from typing import Any

from advisor.catalog.conditions import UNKNOWN_VALUE, AnswerTest, Clause, ForceTest, describe_leaf
from advisor.core.recommendation import Match
from advisor.questionnaire.answers import Answers


def show_value(value: Any) -> str:
    """An answer as evidence shows it (``unknown``, ``yes``/``no``, a comma-separated list)."""
    if value is UNKNOWN_VALUE:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def matches(answers: Answers, clause: Clause) -> tuple[Match, ...]:
    """Each test of a clause that held, with the actual answer or weight where the test does not say it."""
    found = []
    for leaf in clause:
        actual: str | None = None
        if isinstance(leaf, AnswerTest) and leaf.operator not in {"equals", "known"}:
            actual = show_value(answers.value(leaf.answer))
        elif isinstance(leaf, ForceTest) and leaf.operator != "equals":
            actual = str(answers.weight(leaf.force))
        found.append(Match(test=describe_leaf(leaf), actual=actual))
    return tuple(found)
