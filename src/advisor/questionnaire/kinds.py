"""One home per question type: what an answer of that type is, and everything done with it.

Each :class:`QuestionType` has one :class:`Kind` (as copier's ``Question`` owns its
casting and validation). A kind

* checks an answer as written in a file, a ``--set`` or a resume file, and gives the value
  the rules see (:meth:`Kind.check`), and checks a pack's default (:meth:`Kind.default_problem`);
* reads a ``--set`` value as it was meant (:meth:`Kind.read_set`), and checks that a
  rule's or a ``when``'s answer test can hold for its answers (:meth:`Kind.test_problem`);
* checks and reads what the architect types at a text prompt (:meth:`Kind.typed_problem`,
  :meth:`Kind.parse_typed`; integer and text questions);
* describes its answers in the JSON Schema of an answers file (:meth:`Kind.schema`,
  :meth:`Kind.describe`);
* proposes the values ``whatif`` tries (:meth:`Kind.to_try`) and those ``explain``
  tests against a rule (:meth:`Kind.proposals`).

What every kind shares (the type, the shape of a kind) is in
:mod:`advisor.questionnaire.kind_base`. "Don't know" is :data:`UNKNOWN` for every type:
the functions at the end of this module add it where a question allows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from advisor.base.i18n import Lang, Text
from advisor.base.yamlfile import INT64_MAX, INT64_MIN
from advisor.catalog.conditions import NUMERIC, UNKNOWN, AnswerTest
from advisor.questionnaire.kind_base import Checked, Kind, QuestionType, ValueProblem, nearest_first, operands
from advisor.questionnaire.kind_words import WORDS, said

if TYPE_CHECKING:  # the models name their kind; a kind only reads a question's fields
    from advisor.questionnaire.models import Question


#: What the architect may type for "don't know" at a text prompt.
TYPED_UNKNOWN = frozenset({"?", UNKNOWN})


def _offered(question: Question) -> list[str]:
    return [c.value for c in question.choices]


def _no_such_choice(question: Question, leaf: AnswerTest) -> Text | None:
    offered = _offered(question)
    missing = next((v for v in operands([leaf]) if v not in offered), None)
    if missing is None:
        return None
    return WORDS.text("test_no_choice", question=question.id, value=str(missing), choices=", ".join(offered))


def _choices_text(question: Question) -> list[str]:
    return ["Choices: " + "; ".join(f"{c.value} = {c.label.en}" for c in question.choices) + "."]


class SelectKind(Kind):
    """One choice of several."""

    type = QuestionType.SELECT

    def check(self, question: Question, raw: Any) -> Checked:
        """A choice's value, as is."""
        offered = _offered(question)
        if isinstance(raw, str) and raw in offered:
            return raw, None
        return None, said(question, "no_choice", repr(raw), "choose_one", choices=", ".join(offered))

    def default_problem(self, question: Question, default: Any) -> str | None:
        """A default must be one of the choices."""
        offered = _offered(question)
        if isinstance(default, str) and default in offered:
            return None
        return f"is not one of the choices: {', '.join(offered)}"

    def read_set(self, question: Question, typed: str, parsed: Any) -> Any:
        """A choice as typed, even one YAML reads as another type (``yes``, ``1``)."""
        return typed if question.choice(typed) is not None else parsed

    def test_problem(self, question: Question, leaf: AnswerTest) -> Text | None:
        """Compared with its choices only, never as a number or a list."""
        return super().test_problem(question, leaf) or _no_such_choice(question, leaf)

    def schema(self, question: Question) -> dict[str, Any]:
        """A string from the choices ("don't know" joins them in the same enum)."""
        values = _offered(question)
        return {"type": "string", "enum": [*values, UNKNOWN] if question.allow_unknown else values}

    def describe(self, question: Question) -> list[str]:
        """Each choice with its label."""
        return _choices_text(question)

    def to_try(self, question: Question, current: Any, compared: Sequence[Any]) -> list[Any]:
        """Every choice."""
        return _offered(question)

    def proposals(self, question: Question, tests: Sequence[AnswerTest], current: Any) -> list[Any]:
        """Every choice."""
        return _offered(question)


class MultiselectKind(Kind):
    """Any number of choices, kept in the questionnaire's order."""

    type = QuestionType.MULTISELECT

    def check(self, question: Question, raw: Any) -> Checked:
        """A list of distinct choices, sorted in the questionnaire's order."""
        offered = _offered(question)
        if not isinstance(raw, list):
            return None, said(question, "takes_list", repr(raw), "list_hint", examples=", ".join(offered[:2]))
        bad = [v for v in raw if v not in offered]
        if bad:
            return None, said(question, "no_choice", repr(bad[0]), "choose_from", choices=", ".join(offered))
        if len(set(raw)) != len(raw):
            return None, said(question, "twice", "", None)
        if question.required and not raw:
            return None, said(question, "no_choice_ticked", "", "choose_from", choices=", ".join(offered))
        return sorted(raw, key=offered.index), None

    def default_problem(self, question: Question, default: Any) -> str | None:
        """A default must list distinct choices."""
        offered = _offered(question)
        if not isinstance(default, list | tuple) or not all(isinstance(v, str) for v in default):
            return "must be a list of choices, such as [" + ", ".join(offered[:2]) + "]"
        if any(v not in offered for v in default) or len(set(default)) != len(default):
            return f"must list distinct choices from: {', '.join(offered)}"
        return None

    def read_set(self, question: Question, typed: str, parsed: Any) -> Any:
        """One choice as typed stands for the list of it."""
        return [typed] if question.choice(typed) is not None else parsed

    def test_problem(self, question: Question, leaf: AnswerTest) -> Text | None:
        """Tested with ``contains`` or ``not_contains`` of its choices."""
        if leaf.operator in NUMERIC:
            return super().test_problem(question, leaf)
        if leaf.operator not in {"contains", "not_contains"}:
            return WORDS.text("test_multiselect", question=question.id)
        return _no_such_choice(question, leaf)

    def schema(self, question: Question) -> dict[str, Any]:
        """An array of distinct choices."""
        return {"type": "array", "items": {"type": "string", "enum": _offered(question)}, "uniqueItems": True}

    def describe(self, question: Question) -> list[str]:
        """Each choice with its label."""
        return _choices_text(question)

    def to_try(self, question: Question, current: Any, compared: Sequence[Any]) -> list[Any]:
        """The current choices with each choice toggled in turn."""
        picked = list(current) if isinstance(current, list | tuple) else []
        order = _offered(question)
        toggled = ([v for v in picked if v != c] if c in picked else [*picked, c] for c in order)
        return [sorted(choices, key=order.index) for choices in toggled]

    def proposals(self, question: Question, tests: Sequence[AnswerTest], current: Any) -> list[Any]:
        """The current choices with those the tests want added and those they refuse removed."""
        picked = list(current) if isinstance(current, list | tuple) else []
        for test in tests:
            if test.operator == "contains" and test.operand not in picked:
                picked.append(test.operand)
            elif test.operator == "not_contains" and test.operand in picked:
                picked.remove(test.operand)
        order = _offered(question)
        return [sorted(picked, key=lambda v: order.index(v) if v in order else len(order))]


class ConfirmKind(Kind):
    """Yes or no."""

    type = QuestionType.CONFIRM

    def check(self, question: Question, raw: Any) -> Checked:
        """``true`` or ``false``."""
        if isinstance(raw, bool):
            return raw, None
        return None, said(question, "yes_no", repr(raw), "true_false")

    def default_problem(self, question: Question, default: Any) -> str | None:
        """A default must be true or false."""
        return None if isinstance(default, bool) else "must be true or false"

    def test_problem(self, question: Question, leaf: AnswerTest) -> Text | None:
        """Tested with ``equals`` or ``ne`` against true or false."""
        problem = super().test_problem(question, leaf)
        if problem is None and leaf.operator not in {"equals", "ne"}:
            problem = WORDS.text("test_yes_no", question=question.id)
        if problem is None and not all(isinstance(v, bool) for v in operands([leaf])):
            problem = WORDS.text("test_true_false", question=question.id)
        return problem

    def schema(self, question: Question) -> dict[str, Any]:
        """A boolean."""
        return {"type": "boolean"}

    def to_try(self, question: Question, current: Any, compared: Sequence[Any]) -> list[Any]:
        """Yes and no."""
        return [True, False]

    def proposals(self, question: Question, tests: Sequence[AnswerTest], current: Any) -> list[Any]:
        """Yes and no."""
        return [True, False]


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class IntegerKind(Kind):
    """A whole number, within the question's bounds and 64 bits."""

    type = QuestionType.INTEGER

    def _outside(self, question: Question, number: int) -> bool:
        low, high = question.minimum, question.maximum
        return (low is not None and number < low) or (high is not None and number > high)

    def check(self, question: Question, raw: Any) -> Checked:
        """A whole number within the bounds."""
        if not _whole(raw):
            return None, said(question, "whole", repr(raw), "number_hint")
        if not INT64_MIN <= raw <= INT64_MAX:
            # The rules engine clamps larger numbers: a rule would silently not fire.
            return None, said(question, "bits", str(raw.bit_length()), None)
        if self._outside(question, raw):
            low, high = str(question.minimum), str(question.maximum)
            return None, ValueProblem(
                WORDS.text("between", question=question.id, low=low, high=high, value=raw)
            )
        return raw, None

    def default_problem(self, question: Question, default: Any) -> str | None:
        """A default must be a whole number within the bounds."""
        if not _whole(default):
            return "must be a whole number"
        if self._outside(question, default):
            return f"is outside the range {question.minimum}..{question.maximum}"
        return None

    def test_problem(self, question: Question, leaf: AnswerTest) -> Text | None:
        """Compared as a number, never as a list."""
        return None if leaf.operator in NUMERIC else super().test_problem(question, leaf)

    def typed_problem(self, question: Question, text: str, lang: Lang) -> str | None:
        """A whole number within the bounds, or ``?`` where "don't know" is allowed."""
        text = text.strip()
        if question.allow_unknown and text in TYPED_UNKNOWN:
            return None
        low, high = question.minimum, question.maximum
        if low is not None and high is not None:
            wanted = WORDS("int_range", lang)
        elif low is not None:
            wanted = WORDS("int_min", lang)
        elif high is not None:
            wanted = WORDS("int_max", lang)
        else:
            wanted = WORDS("int_any", lang)
        message = WORDS(
            "enter",
            lang,
            wanted=wanted.format(low=low, high=high),
            unknown=WORDS("int_unknown", lang) if question.allow_unknown else "",
        )
        try:
            number = int(text)
        except ValueError:
            return message
        return message if self._outside(question, number) else None

    def parse_typed(self, question: Question, text: str) -> Any:
        """The number, or "don't know"."""
        text = text.strip()
        return UNKNOWN if question.allow_unknown and text in TYPED_UNKNOWN else int(text)

    def schema(self, question: Question) -> dict[str, Any]:
        """An integer with the question's bounds."""
        schema: dict[str, Any] = {"type": "integer"}
        if question.minimum is not None:
            schema["minimum"] = question.minimum
        if question.maximum is not None:
            schema["maximum"] = question.maximum
        return schema

    def describe(self, question: Question) -> list[str]:
        """The bounds, where there are any."""
        if question.minimum is None and question.maximum is None:
            return []
        return [f"A whole number from {question.minimum} to {question.maximum}."]

    def _clamp(self, question: Question, value: int) -> int:
        if question.minimum is not None:
            value = max(question.minimum, value)
        if question.maximum is not None:
            value = min(question.maximum, value)
        return value

    def near(self, question: Question, compared: Iterable[Any], current: Any) -> list[int]:
        """Each number compared with, and one either side, within the bounds, nearest first."""
        numbers = [v for v in compared if isinstance(v, int | float) and not isinstance(v, bool)]
        around = [round(v) + delta for v in numbers for delta in (-1, 0, 1)]
        return nearest_first((self._clamp(question, v) for v in around), current)

    def to_try(self, question: Question, current: Any, compared: Sequence[Any]) -> list[Any]:
        """The thresholds the rules compare the answer with, and one either side."""
        return list(self.near(question, compared, current))

    def proposals(self, question: Question, tests: Sequence[AnswerTest], current: Any) -> list[Any]:
        """The numbers the tests compare with, and one either side, nearest first."""
        return list(self.near(question, operands(tests), current))


class TextKind(Kind):
    """Free text, not blank where required."""

    type = QuestionType.TEXT

    def check(self, question: Question, raw: Any) -> Checked:
        """Text, not blank where required."""
        if not isinstance(raw, str):
            return None, said(question, "needs_text", repr(raw), "quote_hint")
        if question.required and not raw.strip():
            return None, said(question, "blank", "", "write_hint")
        return raw, None

    def default_problem(self, question: Question, default: Any) -> str | None:
        """A default must be text."""
        return None if isinstance(default, str) else "must be text"

    def read_set(self, question: Question, typed: str, parsed: Any) -> Any:
        """The text as typed, even one YAML reads as another type (``yes``, ``12``)."""
        return typed if parsed is not None and not isinstance(parsed, str) else parsed

    def typed_problem(self, question: Question, text: str, lang: Lang) -> str | None:
        """Not blank where required; ``unknown`` only where "don't know" is allowed."""
        if question.required and not text.strip():
            return WORDS("required", lang)
        if text.strip() == UNKNOWN and not question.allow_unknown:
            return WORDS("reserved", lang)
        return None

    def parse_typed(self, question: Question, text: str) -> Any:
        """The text without surrounding space, or "don't know"."""
        text = text.strip()
        return UNKNOWN if question.allow_unknown and text in TYPED_UNKNOWN else text

    def schema(self, question: Question) -> dict[str, Any]:
        """A string."""
        return {"type": "string"}


#: The one kind of each question type.
KINDS: dict[QuestionType, Kind] = {
    kind.type: kind for kind in (SelectKind(), MultiselectKind(), ConfirmKind(), IntegerKind(), TextKind())
}


def kind_of(question: Question) -> Kind:
    """The kind of ``question``'s answers."""
    return KINDS[question.type]


UNKNOWN_SCHEMA = {"const": UNKNOWN, "description": "Don't know (the rules treat it as unknown)."}


def answer_schema(question: Question) -> dict[str, Any]:
    """The JSON Schema of an answer to ``question``, "don't know" included where it is allowed."""
    schema = kind_of(question).schema(question)
    if question.allow_unknown and question.type is not QuestionType.SELECT:
        schema = {"anyOf": [schema, dict(UNKNOWN_SCHEMA)]}
    return schema


def values_to_try(question: Question, current: Any, compared: Sequence[Any]) -> list[Any]:
    """The other values of a question worth trying, in a stable order.

    Choices for a select, each choice toggled for a multiselect, the opposite of a
    yes/no answer, the thresholds the rules compare an integer with (and one either
    side), and "don't know" where the question allows it.
    """
    values = kind_of(question).to_try(question, current, compared)
    if question.allow_unknown:
        values.append(UNKNOWN)
    return [v for v in values if v != current]


def proposed_answers(question: Question, tests: Sequence[AnswerTest], current: Any) -> list[Any]:
    """Answers that may pass ``tests``, the likeliest first, "don't know" last where allowed."""
    found = kind_of(question).proposals(question, tests, current)
    return [*found, UNKNOWN] if question.allow_unknown else found
