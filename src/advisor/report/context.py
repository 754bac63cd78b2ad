"""The system's context as answered: every question with its answer, in one language."""

from __future__ import annotations

from typing import Any

from advisor.base.i18n import Lang
from advisor.catalog.conditions import UNKNOWN
from advisor.core.recommendation import AnsweredValue, Recommendation
from advisor.questionnaire.models import Question, Questionnaire
from advisor.questionnaire.values import show_answer, walk
from advisor.report.labels import label
from advisor.report.view import ContextAnswer, ContextSection, ContextStatus

#: The statuses of a question without an answer: its row's value is ``None``.
_MISSING = frozenset({"unanswered", "not-applicable"})


def display_answer(question: Question, value: Any, status: ContextStatus, lang: Lang) -> str:
    """An answer as a reader sees it: choice labels, yes/no, "don't know", or that it is missing."""
    if status in _MISSING:
        return label(f"src_{status}", lang)
    return show_answer(value, lang, question)


def _status(answered: AnsweredValue, asked: bool) -> ContextStatus:
    if answered.source == "not-asked":
        return "not-applicable"
    if answered.source == "answered":
        return "unknown" if answered.value == UNKNOWN else "answered"
    if answered.source == "default":
        return "default"
    # Unanswered: tell "the question did not apply" from "nobody answered it".
    return "unanswered" if asked else "not-applicable"


def build_context(
    recommendation: Recommendation, questionnaire: Questionnaire, lang: Lang
) -> tuple[ContextSection, ...]:
    """Every section of the questionnaire with its answers, marking defaults and unknowns; a
    section none of whose questions applied to this system is left out."""
    given = {a.question: a for a in recommendation.answers}
    values = {q: a.value for q, a in given.items()}
    forces = recommendation.forces
    asked = {
        q.id
        for q, is_asked in walk(questionnaire, lambda q: values.get(q, UNKNOWN), lambda f: forces.get(f, 0))
        if is_asked
    }
    sections = []
    for section in questionnaire.sections:
        rows = []
        for question in section.questions:
            answered = given.get(question.id) or AnsweredValue(
                question=question.id, value=UNKNOWN, source="unknown"
            )
            status = _status(answered, question.id in asked)
            value = list(answered.value) if isinstance(answered.value, list | tuple) else answered.value
            if status in _MISSING:  # the reader is shown that there is no answer, not "don't know"
                value = None
            rows.append(
                ContextAnswer(
                    question=question.id,
                    prompt=question.prompt.get(lang),
                    value=value,
                    display=display_answer(question, value, status, lang),
                    status=status,
                    note=answered.note or "",
                )
            )
        if all(row.status == "not-applicable" for row in rows):
            continue  # a section none of whose questions applied (what is in place, for a new system)
        sections.append(ContextSection(id=section.id, title=section.title.get(lang), answers=tuple(rows)))
    return tuple(sections)
