"""One home for what an answer means: which questions are asked, what is valid, how it reads.

* :func:`walk` decides which questions are asked, in asking order; the answers file
  check, the interview, the report's context and ``whatif`` all ask it.
* :func:`checked_value` turns an answers-file answer into the value the rules see, or
  says why it is not a valid answer; answers files, ``--set``, resume files and the
  interview use it. What each type of question accepts is its kind's
  (:mod:`advisor.questionnaire.kinds`).
* :func:`show_answer` shows a value as a reader reads it (choice labels, yes/no,
  "don't know"), in English or Korean; the interview and every report use it.

"Don't know" is :data:`~advisor.catalog.conditions.UNKNOWN` (``unknown``) wherever an
answer is: in a file, in the interview, in conditions and in results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from advisor.base.i18n import Lang, Phrasebook
from advisor.catalog.conditions import UNKNOWN, evaluate
from advisor.questionnaire.kind_base import ValueProblem
from advisor.questionnaire.kind_words import said
from advisor.questionnaire.kinds import kind_of
from advisor.questionnaire.models import Question, Questionnaire

#: How an answer reads, key → (English, Korean).
WORDS = Phrasebook(
    {
        "yes": ("yes", "예"),
        "no": ("no", "아니요"),
        "unknown": ("don't know", "모름"),
        "none": ("(none)", "(없음)"),
    }
)


def walk(
    questionnaire: Questionnaire, answer: Callable[[str], Any], weight: Callable[[str], int]
) -> Iterator[tuple[Question, bool]]:
    """Every question in asking order, with whether it is asked.

    A question is asked when its ``when`` holds; the answer to a question that is not
    asked reads as unknown. ``answer`` is looked up lazily, question by question, so a
    caller may settle each answer (a default, a checked value) before the next question
    is decided.
    """
    skipped: set[str] = set()

    def seen(question_id: str) -> Any:
        return UNKNOWN if question_id in skipped else answer(question_id)

    for question in questionnaire.questions():
        asked = question.when is None or evaluate(question.when, seen, weight)
        if not asked:
            skipped.add(question.id)
        yield question, asked


def checked_value(question: Question, raw: Any) -> tuple[Any, ValueProblem | None]:
    """The value the rules see for an answers-file answer, or why it is not valid.

    Returns:
        ``(value, None)``: the value (a multiselect in the questionnaire's order,
        ``unknown`` for "don't know" where the question allows it), or ``(None, problem)``.
    """
    if raw == UNKNOWN:
        if question.allow_unknown:
            return UNKNOWN, None
        return None, said(question, "no_unknown", "", "give_answer")
    return kind_of(question).check(question, raw)


def show_answer(value: Any, lang: Lang = "en", question: Question | None = None) -> str:
    """An answer as a reader reads it: a choice's label, yes/no, "don't know", a list joined.

    Without a ``question`` a choice shows its id.
    """
    if value == UNKNOWN:
        return WORDS("unknown", lang)
    if isinstance(value, bool):
        return WORDS("yes" if value else "no", lang)
    if isinstance(value, list | tuple):
        return ", ".join(show_answer(v, lang, question) for v in value) or WORDS("none", lang)
    if isinstance(value, float):
        return f"{value:g}"
    choice = question.choice(value) if question is not None and isinstance(value, str) else None
    return choice.label.get(lang) if choice else str(value)
