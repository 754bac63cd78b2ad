"""Answers → facts: the flat records the rules engine matches.

Pure functions. Every fact is a small dict with a type tag ``t``:

- ``{"t": "a", "q": QUESTION, "k": 1, "v": VALUE}`` a known answer (``k: 0`` and no
  ``v`` when unknown); yes/no answers are ``v: 1`` or ``v: 0``;
- ``{"t": "c", "q": QUESTION, "c": CHOICE, "s": 1|0}`` whether a multiselect
  choice was picked (asserted for every choice, so "not picked" is a positive fact);
- ``{"t": "f", "f": FORCE, "w": WEIGHT}`` a force weight;
- ``{"t": "p", "p": PATTERN}`` a recommended pattern;
- ``{"t": "i", "i": ISSUE}`` an issue raised by a recommended pattern.
"""

from __future__ import annotations

from typing import Any

from advisor.catalog.conditions import UNKNOWN
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.models import Questionnaire

Fact = dict[str, Any]


def engine_value(value: Any) -> Any:
    """A value as the engine compares it (booleans become 1 and 0)."""
    if isinstance(value, bool):
        return int(value)
    return value


def answer_facts(answers: Answers, questionnaire: Questionnaire) -> list[Fact]:
    """Facts for every question's answer and every force's weight, in a stable order."""
    facts: list[Fact] = []
    for question in questionnaire.questions():
        value = answers.value(question.id)
        if value == UNKNOWN:
            facts.append({"t": "a", "q": question.id, "k": 0})
            continue
        if question.type is QuestionType.MULTISELECT:
            facts.append({"t": "a", "q": question.id, "k": 1})
            facts.extend(
                {"t": "c", "q": question.id, "c": c.value, "s": int(c.value in value)}
                for c in question.choices
            )
        else:
            facts.append({"t": "a", "q": question.id, "k": 1, "v": engine_value(value)})
    facts.extend({"t": "f", "f": f, "w": w} for f, w in sorted(answers.forces.items()))
    return facts


def pattern_fact(pattern_id: str) -> Fact:
    """The fact that a pattern is recommended."""
    return {"t": "p", "p": pattern_id}


def issue_fact(issue_id: str) -> Fact:
    """The fact that an issue has been raised."""
    return {"t": "i", "i": issue_id}
