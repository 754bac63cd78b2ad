"""Check answer tests (in rules or ``when`` conditions) against a questionnaire."""

from __future__ import annotations

from difflib import get_close_matches

from advisor.catalog.conditions import NUMERIC, AnswerTest, Condition, leaves
from advisor.questionnaire.models import Question, Questionnaire, QuestionType


def closest(word: str, options: list[str]) -> str | None:
    """The closest of ``options`` to ``word``, if any is close."""
    found = get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


def _operand_values(leaf: AnswerTest) -> list[object]:
    operand = leaf.operand
    return list(operand) if isinstance(operand, tuple) else [operand]


def check_answer_test(leaf: AnswerTest, question: Question | None, known_ids: list[str]) -> str | None:
    """Why ``leaf`` can never hold for ``question`` (``None`` when it fits)."""
    if question is None:
        near = closest(leaf.answer, known_ids)
        return f"tests unknown question '{leaf.answer}'" + (f" (did you mean '{near}'?)" if near else "")
    op, kind = leaf.operator, question.type
    if op == "known":
        return None
    if op in NUMERIC and kind is not QuestionType.INTEGER:
        return f"compares {kind} question '{question.id}' with '{op}', which needs a number"
    if op in {"contains", "not_contains"} and kind is not QuestionType.MULTISELECT:
        return f"uses '{op}' on {kind} question '{question.id}'; only multiselect answers hold items"
    if kind is QuestionType.MULTISELECT and op not in {"contains", "not_contains"}:
        return f"multiselect question '{question.id}' is tested with 'contains' or 'not_contains'"
    if kind in {QuestionType.SELECT, QuestionType.MULTISELECT}:
        offered = [c.value for c in question.choices]
        for value in _operand_values(leaf):
            if value not in offered:
                return f"question '{question.id}' offers no choice '{value}' (offered: {', '.join(offered)})"
    if kind is QuestionType.CONFIRM and op not in {"equals", "ne"}:
        return f"yes/no question '{question.id}' is tested with 'equals: true' or 'equals: false'"
    if kind is QuestionType.CONFIRM and not all(isinstance(v, bool) for v in _operand_values(leaf)):
        return f"yes/no question '{question.id}' is compared with true or false"
    return None


def check_condition(
    condition: Condition, questionnaire: Questionnaire, allowed: list[str] | None = None
) -> list[str]:
    """Problems of every answer test in ``condition``; ``allowed`` limits the question ids."""
    ids = [q.id for q in questionnaire.questions()] if allowed is None else allowed
    problems = []
    for leaf in leaves(condition):
        if isinstance(leaf, AnswerTest):
            question = questionnaire.question(leaf.answer) if leaf.answer in ids else None
            problem = check_answer_test(leaf, question, ids)
            if problem:
                problems.append(problem)
    return problems
