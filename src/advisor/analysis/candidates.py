"""Values worth trying: those that make tests hold, and those near the rules' thresholds.

Pure functions over questions and leaf tests. They only propose values; the
callers verify every proposal by re-running the advisor (see :mod:`advisor.analysis.trial`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from advisor.catalog.conditions import UNKNOWN_VALUE, AnswerTest, ForceTest, leaf_holds, leaves
from advisor.catalog.loader import Catalog
from advisor.questionnaire.models import Question, Questionnaire, QuestionType

WEIGHTS = range(6)


def _operands(tests: Iterable[AnswerTest | ForceTest]) -> list[Any]:
    values: list[Any] = []
    for test in tests:
        if test.operator == "known":
            continue
        operand = test.operand
        values.extend(operand if isinstance(operand, tuple) else [operand])
    return values


def _clamp(question: Question, value: int) -> int:
    if question.minimum is not None:
        value = max(question.minimum, value)
    if question.maximum is not None:
        value = min(question.maximum, value)
    return value


def nearest_first(values: Iterable[int], current: Any) -> list[int]:
    """Distinct values, nearest to ``current`` first (ties: the smaller first)."""
    anchor = current if isinstance(current, int) and not isinstance(current, bool) else 0
    return sorted(set(values), key=lambda v: (abs(v - anchor), v))


def _integers_near(question: Question, operands: Iterable[Any], current: Any) -> list[int]:
    """Each number compared with, and one either side, within the question's range, nearest first."""
    numbers = [v for v in operands if isinstance(v, int | float) and not isinstance(v, bool)]
    around = [round(v) + delta for v in numbers for delta in (-1, 0, 1)]
    return nearest_first((_clamp(question, v) for v in around), current)


def _answer_candidates(question: Question, tests: Sequence[AnswerTest], current: Any) -> list[Any]:
    kind = question.type
    found: list[Any] = []
    if kind is QuestionType.SELECT:
        found = [c.value for c in question.choices]
    elif kind is QuestionType.MULTISELECT:
        picked = list(current) if isinstance(current, list | tuple) else []
        for test in tests:
            if test.operator == "contains" and test.operand not in picked:
                picked.append(test.operand)
            elif test.operator == "not_contains" and test.operand in picked:
                picked.remove(test.operand)
        order = [c.value for c in question.choices]
        found = [sorted(picked, key=lambda v: order.index(v) if v in order else len(order))]
    elif kind is QuestionType.CONFIRM:
        found = [True, False]
    elif kind is QuestionType.INTEGER:
        found = _integers_near(question, _operands(tests), current)
    else:
        found = [v for v in _operands(tests) if isinstance(v, str)]
    return [*found, UNKNOWN_VALUE] if question.allow_unknown else found


def satisfying_answer(question: Question, tests: Sequence[AnswerTest], current: Any) -> Any:
    """A value for ``question`` that passes every test (``None`` when none is found).

    Prefers the current value, then the nearest or first offered value.
    """
    if all(leaf_holds(test, current) for test in tests):
        return current
    for value in _answer_candidates(question, tests, current):
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
                found[leaf.answer].extend(_operands([leaf]))
    return dict(found)


def values_to_try(question: Question, current: Any, compared: Sequence[Any]) -> list[Any]:
    """The other values of a question worth trying, in a stable order.

    Choices for a select, each choice toggled for a multiselect, the opposite of a
    yes/no answer, the thresholds the rules compare an integer with (and one either
    side), and "don't know" where the question allows it.
    """
    kind = question.type
    values: list[Any] = []
    if kind is QuestionType.SELECT:
        values = [c.value for c in question.choices]
    elif kind is QuestionType.MULTISELECT:
        picked = list(current) if isinstance(current, list | tuple) else []
        order = [c.value for c in question.choices]
        for choice in order:
            toggled = [v for v in picked if v != choice] if choice in picked else [*picked, choice]
            values.append(sorted(toggled, key=order.index))
    elif kind is QuestionType.CONFIRM:
        values = [True, False]
    elif kind is QuestionType.INTEGER:
        values = _integers_near(question, compared, current)
    if question.allow_unknown:
        values.append(UNKNOWN_VALUE)
    return [v for v in values if v != current and not (v is UNKNOWN_VALUE and current is UNKNOWN_VALUE)]
