"""The evidence of a condition: each test, with the answer or weight that passed or failed it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from advisor.catalog.conditions import AnswerTest, Clause, ForceTest, Leaf, leaf_message
from advisor.core.recommendation import Match
from advisor.questionnaire.answers import Answers


def matches(answers: Answers, clause: Clause) -> tuple[Match, ...]:
    """Each test of a clause that held, with the actual answer or weight where the test does not say it."""
    found = []
    for leaf in clause:
        actual: Any = None
        if isinstance(leaf, AnswerTest) and leaf.operator not in {"equals", "known"}:
            actual = answers.value(leaf.answer)
        elif isinstance(leaf, ForceTest) and leaf.operator != "equals":
            actual = answers.weight(leaf.force)
        found.append(Match(test=leaf_message(leaf), actual=actual))
    return tuple(found)


def failures(answers: Answers, leaves: Sequence[Leaf]) -> tuple[Match, ...]:
    """Each test that failed, with the actual answer or weight that failed it."""
    found = []
    for leaf in leaves:
        actual: Any = None
        if isinstance(leaf, AnswerTest):
            actual = answers.value(leaf.answer)  # "unknown" for don't know, as the answers file writes it
        elif isinstance(leaf, ForceTest):
            actual = answers.weight(leaf.force)
        found.append(Match(test=leaf_message(leaf), actual=actual))
    return tuple(found)
