"""Values worth trying: those that make tests hold, and those near the rules' thresholds.

Pure functions over questions and leaf tests. What each type of question proposes is
its kind's (:mod:`advisor.questionnaire.kinds`); these only propose values, and the
callers verify every proposal by re-running the advisor (see :mod:`advisor.analysis.trial`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from advisor.catalog.conditions import AnswerTest, ForceTest, leaf_holds, leaves
from advisor.catalog.loader import Catalog
from advisor.questionnaire.kind_base import nearest_first, operands
from advisor.questionnaire.kinds import proposed_answers
from advisor.questionnaire.models import Question, Questionnaire

WEIGHTS = range(6)


def satisfying_answer(question: Question, tests: Sequence[AnswerTest], current: Any) -> Any:
    """A value for ``question`` that passes every test (``None`` when none is found).

    Prefers the current value, then the nearest or first offered value.
    """
    if all(leaf_holds(test, current) for test in tests):
        return current
    for value in proposed_answers(question, tests, current):
        if all(leaf_holds(test, value) for test in tests):
            return value
    return None


def satisfying_weight(tests: Sequence[ForceTest], current: int) -> int | None:
    """The force weight nearest to ``current`` that passes every test (``None`` when none does)."""
    for weight in nearest_first(WEIGHTS, current):
        if all(leaf_holds(test, weight) for test in tests):
            return weight
    return None


def thresholds(catalog: Catalog, questionnaire: Questionnaire) -> dict[str, list[Any]]:
    """Every value an answer is compared with, per question, in rules and in ``when`` conditions."""
    found: defaultdict[str, list[Any]] = defaultdict(list)
    conditions = [rule.when for rule in catalog.rules.values()]
    conditions += [q.when for q in questionnaire.questions() if q.when is not None]
    for condition in conditions:
        for leaf in leaves(condition):
            if isinstance(leaf, AnswerTest):
                found[leaf.answer].extend(operands([leaf]))
    return dict(found)
