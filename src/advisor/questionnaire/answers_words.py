"""What is wrong with an answers file, a ``--set`` or a resume file, in each language."""

from __future__ import annotations

from advisor.base.i18n import Phrasebook, Text
from advisor.errors import said

#: Key → (English, Korean).
WORDS = Phrasebook(
    {
        "layout": (
            "an answers file is a mapping with 'answers:' and 'forces:'",
            "답변 파일은 'answers:'(답변)와 'forces:'(포스)가 있는 매핑입니다",
        ),
        "layout_hint": ("see examples/ for the expected layout", "examples/에서 형식을 참고하세요"),
        "empty": ("the answers file is empty", "답변 파일이 비어 있습니다"),
        "note_unknown": ("note for unknown question '{question}'", "알 수 없는 질문 '{question}'에 단 메모"),
        "note_belongs": (
            "a note belongs to a question id under answers",
            "메모는 answers 아래에 있는 질문 id에 답니다",
        ),
        "note_text": (
            "the note on '{question}' must be text, got {value}",
            "'{question}'의 메모는 텍스트여야 합니다. 받은 값: {value}",
        ),
        "quote_it": ("quote it", "따옴표로 감싸세요"),
        "note_line": (
            "the note on '{question}' must be one line",
            "'{question}'의 메모는 한 줄이어야 합니다",
        ),
        "shorten": ("shorten it to a line", "한 줄로 줄이세요"),
        "note_long": (
            "the note on '{question}' is {length} {length:character|characters} long",
            "'{question}'의 메모가 {length}자입니다",
        ),
        "note_limit": (
            "keep a note to one line of at most {limit} {limit:character|characters}",
            "메모는 {limit}자 이하의 한 줄로 쓰세요",
        ),
        "in_place_ids": (
            "'in_place' lists pattern ids, got {value}",
            "'in_place'에는 패턴 id를 씁니다. 받은 값: {value}",
        ),
        "pattern_id_hint": ("write a pattern id", "패턴 id를 쓰세요"),
        "patterns_list": (
            "'advisor patterns list' shows the pattern ids",
            "'advisor patterns list'로 패턴 id를 볼 수 있습니다",
        ),
        "unknown_pattern": (
            "unknown pattern '{pattern}' in 'in_place'",
            "'in_place'에 알 수 없는 패턴 '{pattern}'이(가) 있습니다",
        ),
        "in_place_twice": (
            "'in_place' lists '{pattern}' twice",
            "'in_place'에 '{pattern}'이(가) 두 번 있습니다",
        ),
        "other_questionnaire": (
            "answers are for questionnaire '{given}', not '{expected}'",
            "이 답변은 '{expected}'이(가) 아니라 질문지 '{given}'에 대한 것입니다",
        ),
        "pass_questionnaire": ("pass the matching --questionnaire", "맞는 --questionnaire를 지정하세요"),
        "newer": (
            "answers are for version {given} of questionnaire '{questionnaire}', "
            "newer than this one (version {version})",
            "이 답변은 질문지 '{questionnaire}'의 버전 {given}에 대한 것으로, "
            "이 질문지(버전 {version})보다 새롭습니다",
        ),
        "same_versions": (
            "use the advisor and questionnaire the answers were written with",
            "답변을 쓸 때 사용한 어드바이저와 질문지를 사용하세요",
        ),
        "unknown_question": ("unknown question '{question}'", "알 수 없는 질문 '{question}'"),
        "question_ids": ("see the questionnaire for the question ids", "질문 id는 질문지에서 확인하세요"),
        "unknown_force": ("unknown force '{force}'", "알 수 없는 포스 '{force}'"),
        "known_forces": ("known forces: {forces}", "알려진 포스: {forces}"),
        "weight": (
            "force '{force}' needs a weight from 0 to 5, got {value}",
            "포스 '{force}'에는 0에서 5 사이의 가중치가 필요합니다. 받은 값: {value}",
        ),
        "required": (
            "required question '{question}' is not answered",
            "필수 질문 '{question}'에 답하지 않았습니다",
        ),
        "set_shape": (
            "expected QUESTION=VALUE or force.NAME=WEIGHT",
            "QUESTION=VALUE 또는 force.NAME=WEIGHT(포스 가중치) 형식이어야 합니다",
        ),
        "set_example": ("e.g. --set team_count=12", "예: --set team_count=12"),
        "set_examples": (
            "e.g. --set team_count=12 or --set client_kinds=[web, mobile]",
            "예: --set team_count=12 또는 --set client_kinds=[web, mobile]",
        ),
        "set_empty": ("needs a value after '='", "'=' 뒤에 값이 필요합니다"),
        "set_not_yaml": (
            "'{text}' is not a valid value: {reason}",
            "'{text}'은(는) 올바른 값이 아닙니다: {reason}",
        ),
        "set_nested": (
            "'{text}' is not a single value or a [list] of values",
            "'{text}'은(는) 값 하나나 값의 [목록]이 아닙니다",
        ),
        "mean_force": ("did you mean 'force.{near}'?", "포스 'force.{near}'을(를) 뜻했나요?"),
        "weigh_instead": (
            "to weigh the force, write --set force.{key}={value}",
            "포스의 가중치를 주려면 --set force.{key}={value}로 쓰세요",
        ),
        "weight_range": (
            "force '{force}' needs a weight from 0 to 5",
            "포스 '{force}'에는 0에서 5 사이의 가중치가 필요합니다",
        ),
        "not_resume": ("not a resume file", "재개 파일이 아닙니다"),
        "resume_hint": (
            "give the file named when the interview stopped",
            "인터뷰가 멈출 때 알려 준 파일을 지정하세요",
        ),
        "resume_other": (
            "saved for questionnaire '{given}' version {given_version}, not '{expected}' version {version}",
            "질문지 '{expected}' 버전 {version}이(가) 아니라 "
            "'{given}' 버전 {given_version}으로 저장되었습니다",
        ),
        "resume_questionnaire": (
            "pass the --questionnaire the interview was started with",
            "인터뷰를 시작할 때의 --questionnaire를 지정하세요",
        ),
        "unknown_step": ("unknown step '{step}'", "알 수 없는 단계 '{step}'"),
        "add_answer": (
            "add '{question}: ...' under answers",
            "answers 아래에 '{question}: ...'을(를) 추가하세요",
        ),
    }
)


def did_you_mean(near: str | None, otherwise: Text) -> Text:
    """``did you mean 'x'?`` when a close id is known, else the ``otherwise`` hint."""
    return said("mean", near=near) if near else otherwise
