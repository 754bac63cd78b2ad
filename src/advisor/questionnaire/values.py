"""One home for what an answer means: which questions are asked, what is valid, how it reads.

* :func:`walk` decides which questions are asked, in asking order; the answers file
  check, the interview, the report's context and ``whatif`` all ask it.
* :func:`checked_value` turns an answers-file answer into the value the rules see, or
  says why it is not a valid answer; answers files, ``--set`` and resume files use it.
* :func:`show_answer` shows a value as a reader reads it (choice labels, yes/no,
  "don't know"), in English or Korean; the interview and every report use it.

"Don't know" is written ``unknown`` in a file and read as
:data:`~advisor.catalog.conditions.UNKNOWN_VALUE`; no answer at all is ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from advisor.base.i18n import Lang, Phrasebook
from advisor.base.yamlfile import INT64_MAX, INT64_MIN
from advisor.catalog.conditions import UNKNOWN_VALUE, evaluate
from advisor.questionnaire.models import UNKNOWN, Question, Questionnaire, QuestionType

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
        return UNKNOWN_VALUE if question_id in skipped else answer(question_id)

    for question in questionnaire.questions():
        asked = question.when is None or evaluate(question.when, seen, weight)
        if not asked:
            skipped.add(question.id)
        yield question, asked


@dataclass(frozen=True)
class ValueProblem:
    """Why an answer is not valid for its question, and how to fix it."""

    message: str
    hint: str | None = None


def checked_value(question: Question, raw: Any) -> tuple[Any, ValueProblem | None]:
    """The value the rules see for an answers-file answer, or why it is not valid.

    Returns:
        ``(value, None)``: the value (a multiselect in the questionnaire's order,
        :data:`~advisor.catalog.conditions.UNKNOWN_VALUE` for ``unknown``), or
        ``(None, problem)``.
    """
    qid = question.id
    unknown_hint = f", or '{UNKNOWN}'" if question.allow_unknown else ""
    if raw == UNKNOWN:
        if question.allow_unknown:
            return UNKNOWN_VALUE, None
        return None, ValueProblem(f"'{qid}' does not allow '{UNKNOWN}'", "give one of its answers")
    kind = question.type
    offered = [c.value for c in question.choices]
    if kind is QuestionType.SELECT:
        if isinstance(raw, str) and raw in offered:
            return raw, None
        return None, ValueProblem(
            f"'{qid}' has no choice {raw!r}", f"choose one of: {', '.join(offered)}{unknown_hint}"
        )
    if kind is QuestionType.MULTISELECT:
        if not isinstance(raw, list):
            hint = f"write a list such as [{', '.join(offered[:2])}]"
            return None, ValueProblem(f"'{qid}' takes a list of choices, got {raw!r}", hint)
        bad = [v for v in raw if v not in offered]
        if bad:
            return None, ValueProblem(
                f"'{qid}' has no choice {bad[0]!r}", f"choose from: {', '.join(offered)}"
            )
        if len(set(raw)) != len(raw):
            return None, ValueProblem(f"'{qid}' lists a choice twice")
        if question.required and not raw:
            return None, ValueProblem(
                f"'{qid}' needs at least one choice", f"choose from: {', '.join(offered)}"
            )
        return sorted(raw, key=offered.index), None
    if kind is QuestionType.CONFIRM:
        if isinstance(raw, bool):
            return raw, None
        return None, ValueProblem(
            f"'{qid}' is a yes/no question, got {raw!r}", f"write true or false{unknown_hint}"
        )
    if kind is QuestionType.INTEGER:
        return _integer(question, raw, unknown_hint)
    if not isinstance(raw, str):
        return None, ValueProblem(f"'{qid}' needs text, got {raw!r}", "quote the text")
    if question.required and not raw.strip():
        return None, ValueProblem(f"'{qid}' is required and cannot be blank", "write the text")
    return raw, None


def _integer(question: Question, raw: Any, unknown_hint: str) -> tuple[Any, ValueProblem | None]:
    qid = question.id
    if isinstance(raw, bool) or not isinstance(raw, int):
        return None, ValueProblem(
            f"'{qid}' needs a whole number, got {raw!r}", f"write a number such as 4{unknown_hint}"
        )
    if not INT64_MIN <= raw <= INT64_MAX:
        # The rules engine clamps larger numbers: a rule would silently not fire.
        return None, ValueProblem(f"'{qid}' must fit in 64 bits, got {raw.bit_length()} bits")
    low, high = question.minimum, question.maximum
    if (low is not None and raw < low) or (high is not None and raw > high):
        return None, ValueProblem(f"'{qid}' must be between {low} and {high}, got {raw}")
    return raw, None


def show_answer(value: Any, lang: Lang = "en", question: Question | None = None) -> str:
    """An answer as a reader reads it: a choice's label, yes/no, "don't know", a list joined.

    ``value`` may be in answers-file form (``unknown``) or as the rules see it; without
    a ``question`` a choice shows its id.
    """
    if value is UNKNOWN_VALUE or value == UNKNOWN:
        return WORDS("unknown", lang)
    if isinstance(value, bool):
        return WORDS("yes" if value else "no", lang)
    if isinstance(value, list | tuple):
        return ", ".join(show_answer(v, lang, question) for v in value) or WORDS("none", lang)
    if isinstance(value, float):
        return f"{value:g}"
    choice = question.choice(value) if question is not None and isinstance(value, str) else None
    return choice.label.get(lang) if choice else str(value)
