"""Pydantic models of a questionnaire (``questionnaires/*.yaml``)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator

from advisor.base.i18n import Text
from advisor.base.model import Frozen
from advisor.base.yamlfile import INT64_MAX, INT64_MIN
from advisor.catalog.conditions import UNKNOWN, Condition
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.kinds import kind_of

_QID = re.compile(r"^[a-z][a-z0-9_]*$")


def _snake(value: str) -> str:
    if not _QID.match(value):
        raise ValueError(f"'{value}' is not a snake_case question id (like 'team_count')")
    return value


QuestionId = Annotated[str, AfterValidator(_snake)]


class Choice(Frozen):
    """One offered answer of a select or multiselect question."""

    value: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: Text
    description: Text | None = None
    in_place: tuple[str, ...] = Field(
        default=(), description="patterns the system already uses when this choice is picked"
    )
    scope: tuple[str, ...] = Field(
        default=(),
        description="pattern groups the advice is limited to when this choice is picked "
        "(no choice naming any: the whole architecture)",
    )

    @model_validator(mode="after")
    def _not_reserved(self) -> Choice:
        if self.value == UNKNOWN:
            raise ValueError(f"'{UNKNOWN}' is reserved for \"don't know\"; use allow_unknown")
        return self


class Question(Frozen):
    """One question: its type, text, choices, default and the condition for asking it."""

    id: QuestionId
    type: QuestionType
    prompt: Text
    help: Text | None = None
    choices: tuple[Choice, ...] = ()
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    allow_unknown: bool = False
    required: bool = False
    when: Condition | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        has_choices = self.type in {QuestionType.SELECT, QuestionType.MULTISELECT}
        if has_choices and not self.choices:
            raise ValueError(f"a {self.type} question needs choices")
        if not has_choices and self.choices:
            raise ValueError(f"a {self.type} question takes no choices")
        values = [c.value for c in self.choices]
        if len(set(values)) != len(values):
            raise ValueError("choice values must be unique")
        if self.type is not QuestionType.INTEGER and (self.minimum is not None or self.maximum is not None):
            raise ValueError("minimum/maximum apply to integer questions only")
        for bound in (self.minimum, self.maximum):
            if bound is not None and not INT64_MIN <= bound <= INT64_MAX:
                raise ValueError(f"minimum and maximum must fit in 64 bits, got {bound}")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"minimum {self.minimum} is greater than maximum {self.maximum}")
        problem = self._default_problem()
        if problem:
            raise ValueError(f"default {self.default!r} {problem}")
        return self

    def _default_problem(self) -> str | None:
        """Why the default is not an answer this question accepts (``None``: it is, or there is none)."""
        default = self.default
        if default is None:
            return None
        if default == UNKNOWN:
            return None if self.allow_unknown else 'needs allow_unknown: true to mean "don\'t know"'
        return kind_of(self).default_problem(self, default)

    def choice(self, value: str) -> Choice | None:
        """The offered choice with this value, if any."""
        return next((c for c in self.choices if c.value == value), None)


class Section(Frozen):
    """A titled group of questions, asked in order."""

    id: QuestionId
    title: Text
    help: Text | None = None
    questions: tuple[Question, ...] = Field(min_length=1)


class ForcesSection(Frozen):
    """How the interview presents the prioritisation of forces."""

    title: Text
    help: Text | None = None


class Questionnaire(Frozen):
    """A questionnaire: sections of questions plus the prioritisation of forces."""

    id: QuestionId
    version: int = Field(ge=1)
    title: Text
    description: Text | None = None
    sections: tuple[Section, ...] = Field(min_length=1)
    forces: ForcesSection

    def questions(self) -> tuple[Question, ...]:
        """Every question in asking order."""
        return tuple(q for section in self.sections for q in section.questions)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if any."""
        return next((q for q in self.questions() if q.id == question_id), None)
