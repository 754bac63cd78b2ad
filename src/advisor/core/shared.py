"""The parts of a result that results share: frozen models made once per distinct value.

A successor or requirement reason, an issue resolved, an answer as a result lists it: the
same values come back in result after result (every what-if variation, every system of a
batch), so each is made once and shared (the models are frozen). So are the evidence of a
rule (:mod:`advisor.core.evidence`), its reason (:mod:`advisor.core.result_index`) and a plan
(:mod:`advisor.core.plan`); :func:`clear_shared` forgets them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from advisor.catalog.conditions import UNKNOWN
from advisor.core.evidence import clear_shared as _forget_evidence
from advisor.core.plan import clear_shared as _forget_plans
from advisor.core.recommendation import AnsweredValue, Reason, Resolution
from advisor.core.result_index import clear_shared as _forget_reasons
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.models import Questionnaire


@lru_cache(maxsize=4096)
def link_reason(
    kind: Literal["successor", "requirement"], predecessor: str, issue: str | None = None
) -> Reason:
    """A successor or requirement reason: results share a model per distinct value (models are frozen)."""
    return Reason(kind=kind, predecessor=predecessor, issue=issue)


@lru_cache(maxsize=4096)
def resolution(issue: str, raised_by: str) -> Resolution:
    """An issue resolved: results share a model per distinct value (models are frozen)."""
    return Resolution(issue=issue, raised_by=raised_by)


def clear_shared() -> None:
    """Forget every part shared between results (for tests that build every part afresh)."""
    link_reason.cache_clear()
    resolution.cache_clear()
    _ANSWERED.clear()
    _forget_evidence()
    _forget_reasons()
    _forget_plans()


#: Each answer as a result shows it, shared by the results that show the same (models are frozen).
_ANSWERED: dict[tuple[str, str, str, str | None], AnsweredValue] = {}
_MAX_ANSWERED = 8192


def answered_values(questionnaire: Questionnaire, answers: Answers) -> Iterator[AnsweredValue]:
    """Each question's answer as the assessment used it, and where the value came from."""
    for question in questionnaire.questions():
        value = answers.value(question.id)
        if question.id in answers.not_asked or question.id in answers.ignored:
            source = "not-asked"
        elif question.id in answers.given:
            source = "answered"
        elif value == UNKNOWN:
            source = "unknown"
        else:
            source = "default"
        note = answers.notes.get(question.id)
        # The repr keeps 1, 1.0 and True apart, and a list from a tuple.
        key = (question.id, repr(value), source, note)
        answered = _ANSWERED.get(key)
        if answered is None:
            if len(_ANSWERED) >= _MAX_ANSWERED:
                _ANSWERED.clear()
            answered = _ANSWERED[key] = AnsweredValue(
                question=question.id, value=value, source=source, note=note
            )
        yield answered
