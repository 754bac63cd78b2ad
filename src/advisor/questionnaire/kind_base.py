"""What every kind of question has: its type, the shape of a kind, and what kinds share.

The kinds themselves, one per :class:`QuestionType`, are in :mod:`advisor.questionnaire.kinds`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from advisor.base.i18n import Lang, Text
from advisor.catalog.conditions import NUMERIC, AnswerTest, ForceTest
from advisor.errors import Words

if TYPE_CHECKING:  # the models name their kind; a kind only reads a question's fields
    from advisor.questionnaire.models import Question


class QuestionType(StrEnum):
    """The kinds of question an interview can ask."""

    SELECT = "select"
    MULTISELECT = "multiselect"
    CONFIRM = "confirm"
    INTEGER = "integer"
    TEXT = "text"


@dataclass(frozen=True)
class ValueProblem:
    """Why an answer is not valid for its question, and how to fix it."""

    message: Words
    hint: Words | None = None


Checked = tuple[Any, ValueProblem | None]


def operands(tests: Iterable[AnswerTest | ForceTest]) -> list[Any]:
    """Every value the tests compare an answer or weight with, in order."""
    values: list[Any] = []
    for test in tests:
        if test.operator == "known":
            continue
        operand = test.operand
        values.extend(operand if isinstance(operand, tuple) else [operand])
    return values


def nearest_first(values: Iterable[int], current: Any) -> list[int]:
    """Distinct values, nearest to ``current`` first (ties: the smaller first)."""
    anchor = current if isinstance(current, int) and not isinstance(current, bool) else 0
    return sorted(set(values), key=lambda v: (abs(v - anchor), v))


class Kind:
    """What answers of one question type are; subclasses fill in what differs."""

    type: ClassVar[QuestionType]

    def check(self, question: Question, raw: Any) -> Checked:
        """The value the rules see for a raw (file) answer other than "don't know", or why it is not valid."""
        raise NotImplementedError

    def default_problem(self, question: Question, default: Any) -> str | None:
        """Why a pack's ``default`` is not an answer of this kind (``None``: it is)."""
        raise NotImplementedError

    def read_set(self, question: Question, typed: str, parsed: Any) -> Any:
        """The answer a ``--set`` means: ``parsed`` is what YAML reads in ``typed``."""
        return parsed

    def test_problem(self, question: Question, leaf: AnswerTest) -> Text | None:
        """Why an answer test (other than ``known``) can never hold for this kind (``None``: it can)."""
        from advisor.questionnaire.kind_words import WORDS  # noqa: PLC0415 - the words import this module

        op = leaf.operator
        if op in NUMERIC:
            return WORDS.text("test_number", kind=str(self.type), question=question.id, op=op)
        if op in {"contains", "not_contains"}:
            return WORDS.text("test_items", kind=str(self.type), question=question.id, op=op)
        return None

    def typed_problem(self, question: Question, text: str, lang: Lang) -> str | None:
        """Why typed ``text`` is not an answer (``None``: it is); only typed kinds are typed."""
        raise NotImplementedError

    def parse_typed(self, question: Question, text: str) -> Any:
        """A typed answer in answers-file form; ``text`` passed :meth:`typed_problem`."""
        raise NotImplementedError

    def schema(self, question: Question) -> dict[str, Any]:
        """The JSON Schema of an answer, "don't know" aside."""
        raise NotImplementedError

    def describe(self, question: Question) -> list[str]:
        """What the schema's description says about this kind's answers (English)."""
        return []

    def to_try(self, question: Question, current: Any, compared: Sequence[Any]) -> list[Any]:
        """The values ``whatif`` tries besides ``current`` ("don't know" aside)."""
        return []

    def proposals(self, question: Question, tests: Sequence[AnswerTest], current: Any) -> list[Any]:
        """Values that may pass ``tests``, the likeliest first ("don't know" aside)."""
        return [v for v in operands(tests) if isinstance(v, str)]
