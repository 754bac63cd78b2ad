"""Check answer tests (in rules or ``when`` conditions) against a questionnaire."""

from __future__ import annotations

from difflib import get_close_matches

from advisor.base.i18n import Text
from advisor.catalog.conditions import AnswerTest, Condition, leaves
from advisor.questionnaire.kind_words import WORDS
from advisor.questionnaire.kinds import kind_of
from advisor.questionnaire.models import Question, Questionnaire


def closest(word: str, options: list[str]) -> str | None:
    """The closest of ``options`` to ``word``, if any is close."""
    found = get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


def check_answer_test(leaf: AnswerTest, question: Question | None, known_ids: list[str]) -> Text | None:
    """Why ``leaf`` can never hold for ``question`` (``None`` when it fits), in every language."""
    if question is None:
        near = closest(leaf.answer, known_ids)
        if near:
            return WORDS.text("test_unknown_near", question=leaf.answer, near=near)
        return WORDS.text("test_unknown", question=leaf.answer)
    return None if leaf.operator == "known" else kind_of(question).test_problem(question, leaf)


def check_condition(
    condition: Condition, questionnaire: Questionnaire, allowed: list[str] | None = None
) -> list[Text]:
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
