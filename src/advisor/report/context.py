"""The system's context as answered: every question with its answer, in one language."""

from __future__ import annotations

from typing import Any

from advisor.base.i18n import Lang
from advisor.catalog.conditions import UNKNOWN_VALUE, evaluate
from advisor.core.recommendation import AnsweredValue, Recommendation
from advisor.questionnaire.models import Question, Questionnaire, QuestionType
from advisor.report.labels import label
from advisor.report.view import ContextAnswer, ContextSection, ContextStatus


def display_answer(question: Question, value: Any, status: ContextStatus, lang: Lang) -> str:
    """An answer as a reader sees it: choice labels, yes/no, or what is missing."""
    if value is None:
        key = {"unknown": "src_unknown", "not-applicable": "src_not-applicable"}.get(status)
        return label(key or "src_unanswered", lang)
    if question.type is QuestionType.CONFIRM:
        return label("yes" if value else "no", lang)
    if question.type in {QuestionType.SELECT, QuestionType.MULTISELECT}:
        items = value if isinstance(value, list | tuple) else [value]
        shown = [c.label.get(lang) if (c := question.choice(v)) else str(v) for v in items]
        return ", ".join(shown) or label("empty", lang)
    return str(value)


def _status(
    question: Question, answered: AnsweredValue, values: dict[str, Any], forces: dict[str, int]
) -> ContextStatus:
    if answered.source == "not-asked":
        return "not-applicable"
    if answered.source == "answered":
        return "unknown" if answered.value is None else "answered"
    if answered.source == "default":
        return "default"
    # Unanswered: tell "the question did not apply" from "nobody answered it".
    if question.when is not None and not evaluate(
        question.when, lambda q: values.get(q, UNKNOWN_VALUE), lambda f: forces.get(f, 0)
    ):
        return "not-applicable"
    return "unanswered"


def build_context(
    recommendation: Recommendation, questionnaire: Questionnaire, lang: Lang
) -> tuple[ContextSection, ...]:
    """Every section of the questionnaire with its answers, marking defaults and unknowns."""
    given = {a.question: a for a in recommendation.answers}
    values = {q: UNKNOWN_VALUE if a.value is None else a.value for q, a in given.items()}
    sections = []
    for section in questionnaire.sections:
        rows = []
        for question in section.questions:
            answered = given.get(question.id) or AnsweredValue(
                question=question.id, value=None, source="unknown"
            )
            status = _status(question, answered, values, recommendation.forces)
            value = list(answered.value) if isinstance(answered.value, list | tuple) else answered.value
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
        sections.append(ContextSection(id=section.id, title=section.title.get(lang), answers=tuple(rows)))
    return tuple(sections)
