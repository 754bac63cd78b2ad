"""The words of question kinds: why an answer is refused, and what the architect is told at a prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.base.i18n import Phrasebook
from advisor.questionnaire.kind_base import ValueProblem

if TYPE_CHECKING:
    from advisor.questionnaire.models import Question

#: Key → (English, Korean). A hint with an ``_unknown`` form is used where "don't know" is allowed.
WORDS = Phrasebook(
    {
        # an answer in a file, a --set or a resume file
        "no_choice": ("'{question}' has no choice {value}", "'{question}'에는 {value} 선택지가 없습니다"),
        "choose_one": ("choose one of: {choices}", "다음 중 하나를 고르세요: {choices}"),
        "choose_one_unknown": (
            "choose one of: {choices}, or 'unknown'",
            "다음 중 하나를 고르세요: {choices}, 또는 'unknown'",
        ),
        "takes_list": (
            "'{question}' takes a list of choices, got {value}",
            "'{question}'에는 선택지 목록을 써야 합니다. 받은 값: {value}",
        ),
        "list_hint": ("write a list such as [{examples}]", "[{examples}]처럼 목록으로 쓰세요"),
        "choose_from": ("choose from: {choices}", "다음 중에서 고르세요: {choices}"),
        "no_choice_ticked": (
            "'{question}' needs at least one choice",
            "'{question}'에는 선택지가 하나 이상 필요합니다",
        ),
        "twice": ("'{question}' lists a choice twice", "'{question}'에 같은 선택지가 두 번 있습니다"),
        "yes_no": (
            "'{question}' is a yes/no question, got {value}",
            "'{question}'은(는) 예/아니요 질문입니다. 받은 값: {value}",
        ),
        "true_false": ("write true or false", "true 또는 false로 쓰세요"),
        "true_false_unknown": ("write true or false, or 'unknown'", "true, false 또는 'unknown'으로 쓰세요"),
        "whole": (
            "'{question}' needs a whole number, got {value}",
            "'{question}'에는 정수가 필요합니다. 받은 값: {value}",
        ),
        "number_hint": ("write a number such as 4", "4처럼 숫자로 쓰세요"),
        "number_hint_unknown": (
            "write a number such as 4, or 'unknown'",
            "4처럼 숫자로 쓰거나 'unknown'으로 쓰세요",
        ),
        "bits": (
            "'{question}' must fit in 64 bits, got {value} {value:bit|bits}",
            "'{question}'은(는) 64비트 안에 들어야 합니다. 받은 값: {value}비트",
        ),
        "between": (
            "'{question}' must be between {low} and {high}, got {value}",
            "'{question}'은(는) {low}에서 {high} 사이여야 합니다. 받은 값: {value}",
        ),
        "needs_text": (
            "'{question}' needs text, got {value}",
            "'{question}'에는 텍스트가 필요합니다. 받은 값: {value}",
        ),
        "quote_hint": ("quote the text", "텍스트를 따옴표로 감싸세요"),
        "blank": (
            "'{question}' is required and cannot be blank",
            "'{question}'은(는) 필수이며 비워 둘 수 없습니다",
        ),
        "write_hint": ("write the text", "텍스트를 쓰세요"),
        "no_unknown": (
            "'{question}' does not allow 'unknown'",
            "'{question}'에는 'unknown'(모름)을 쓸 수 없습니다",
        ),
        "give_answer": ("give one of its answers", "이 질문의 답 중 하나를 쓰세요"),
        # what the architect types at a prompt
        "required": ("An answer is required", "답변이 필요합니다"),
        "reserved": (
            "'unknown' means \"don't know\", which this question does not allow",
            "'unknown'은 \"모름\"을 뜻하며 이 질문에는 쓸 수 없습니다",
        ),
        "enter": ("Enter {wanted}{unknown}", "{wanted}를 입력하세요{unknown}"),
        "int_range": ("a whole number from {low} to {high}", "{low}에서 {high} 사이의 정수"),
        "int_min": ("a whole number of at least {low}", "{low} 이상의 정수"),
        "int_max": ("a whole number of at most {high}", "{high} 이하의 정수"),
        "int_any": ("a whole number", "정수"),
        "int_unknown": (", or ? for don't know", " (모르면 ?)"),
    }
)


def said(question: Question, key: str, value: str, hint: str | None, **values: str) -> ValueProblem:
    """The problem ``key`` of an answer ``value`` to ``question``, with the ``hint`` phrase.

    A hint that has an ``_unknown`` form says "or 'unknown'" where the question allows it.
    """
    if hint is not None and question.allow_unknown and f"{hint}_unknown" in WORDS:
        hint = f"{hint}_unknown"
    return ValueProblem(
        WORDS.text(key, question=question.id, value=value),
        WORDS.text(hint, **values) if hint is not None else None,
    )
