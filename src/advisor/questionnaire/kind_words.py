"""The words of questions: why an answer or a test of one is refused, what a prompt tells the architect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.base.i18n import Phrasebook
from advisor.questionnaire.kind_base import ValueProblem

if TYPE_CHECKING:
    from advisor.questionnaire.models import Question

#: Key → (English, Korean). A hint with an ``_unknown`` form is used where "don't know" is allowed.
WORDS = Phrasebook(
    {
        # the questions of a rule pack
        "section_twice": (
            "section '{section}' is defined twice in this file",
            "섹션 '{section}'이(가) 이 파일에 두 번 정의되어 있습니다",
        ),
        "section_ids": (
            "section ids must be unique within a rule pack",
            "섹션 id는 규칙 팩 안에서 유일해야 합니다",
        ),
        "question_repeats": ("question id '{question}' repeats", "질문 id '{question}'이(가) 반복됩니다"),
        "when_answers": (
            "a question's 'when' may only test answers",
            "질문의 'when'은 답변만 검사할 수 있습니다",
        ),
        "when_problem": ("question '{question}': 'when' {problem}", "질문 '{question}'의 'when': {problem}"),
        "when_earlier": (
            "a 'when' may only test questions asked before this one",
            "'when'은 이 질문보다 먼저 묻는 질문만 검사할 수 있습니다",
        ),
        # a rule's or a question's test of an answer that can never hold
        "test_unknown": (
            "tests unknown question '{question}'",
            "알 수 없는 질문 '{question}'을(를) 검사합니다",
        ),
        "test_unknown_near": (
            "tests unknown question '{question}' (did you mean '{near}'?)",
            "알 수 없는 질문 '{question}'을(를) 검사합니다 ('{near}'을(를) 뜻했나요?)",
        ),
        "test_number": (
            "compares {kind} question '{question}' with '{op}', which needs a number",
            "{kind} 질문 '{question}'을(를) '{op}'로 비교합니다. '{op}'에는 숫자가 필요합니다",
        ),
        "test_items": (
            "uses '{op}' on {kind} question '{question}'; only multiselect answers hold items",
            "{kind} 질문 '{question}'에 '{op}'를 씁니다. 항목을 담는 답은 multiselect 답뿐입니다",
        ),
        "test_no_choice": (
            "question '{question}' offers no choice '{value}' (offered: {choices})",
            "질문 '{question}'에는 '{value}' 선택지가 없습니다 (선택지: {choices})",
        ),
        "test_multiselect": (
            "multiselect question '{question}' is tested with 'contains' or 'not_contains'",
            "multiselect 질문 '{question}'은(는) 'contains'나 'not_contains'로 검사합니다",
        ),
        "test_yes_no": (
            "yes/no question '{question}' is tested with 'equals: true' or 'equals: false'",
            "예/아니요 질문 '{question}'은(는) 'equals: true'나 'equals: false'로 검사합니다",
        ),
        "test_true_false": (
            "yes/no question '{question}' is compared with true or false",
            "예/아니요 질문 '{question}'은(는) true나 false와 비교합니다",
        ),
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
