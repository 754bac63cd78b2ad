"""The interview's own words in each language, and answers as the architect reads them.

The questionnaire brings its questions, help and choices in both languages;
these are the words around them: keys, tables, confirmations and messages.
"""

from __future__ import annotations

from typing import Any

from advisor.base.i18n import Lang, Phrasebook
from advisor.questionnaire.models import Question
from advisor.questionnaire.values import show_answer

#: Words of the interview itself (the questionnaire brings its own): key → (English, Korean).
_WORDS: dict[str, tuple[str, str]] = {
    "keys": ("Ctrl-B: back · Ctrl-C: save and stop", "Ctrl-B: 이전 질문 · Ctrl-C: 저장 후 중단"),
    "position": ("question {number} of {total}", "질문 {number}/{total}"),
    "count_changed": (
        "Your answers change the number of questions: {total} now, {was} before.",
        "답변에 따라 질문 수가 바뀌었습니다: {was}개에서 {total}개로.",
    ),
    "unknown": ("Don't know", "모름"),
    "required": ("An answer is required", "답변이 필요합니다"),
    "unknown_help": (
        "The advisor treats the answer as unknown instead of guessing.",
        "어드바이저는 추측하지 않고 알 수 없음으로 처리합니다.",
    ),
    "yes": ("Yes", "예"),
    "no": ("No", "아니요"),
    "select": ("(↑↓ to move, Enter to choose)", "(↑↓ 이동, Enter 선택)"),
    "checkbox": ("(↑↓ to move, Space to tick, Enter to confirm)", "(↑↓ 이동, Space 선택, Enter 확인)"),
    "typed": ("({range}; ? for don't know)", "({range}; 모르면 ?)"),
    "pick_one": ("Tick at least one", "하나 이상 선택하세요"),
    "unknown_alone": (
        "Don't know cannot be combined with other choices",
        "모름은 다른 선택과 함께 고를 수 없습니다",
    ),
    "forces_pick": ("Weigh each force, then choose Done", "각 포스의 가중치를 정한 뒤 완료를 선택하세요"),
    "forces_keys": (
        "(↑↓ to move, 0-5 or ←→ to set the weight, Enter to choose)",
        "(↑↓ 이동, 0-5 또는 ←→ 가중치 설정, Enter 선택)",
    ),
    "forces_done": ("✔ Done: use these weights", "✔ 완료: 이 가중치 사용"),
    "weight_of": ("How much does '{name}' matter?", "'{name}'은(는) 얼마나 중요합니까?"),
    "weights": (
        "does not matter|minor|moderate|important|very important|decisive",
        "중요하지 않음|약간|보통|중요|매우 중요|결정적",
    ),
    "priorities": ("Your priorities", "우선순위"),
    "use_priorities": ("Use these priorities?", "이 우선순위를 사용하시겠습니까?"),
    "all_equal": (
        "All {count} {count:force has|forces have} weight {weight}: nothing is prioritised over "
        "anything else, so every force counts the same in the choice of patterns.",
        "{count}개 포스의 가중치가 모두 {weight}입니다. 어느 포스도 다른 포스보다 우선하지 않으므로 "
        "패턴을 고를 때 모든 포스가 똑같이 반영됩니다.",
    ),
    "adjust_equal": ("Adjust the weights?", "가중치를 조정하시겠습니까?"),
    "rank": ("#", "#"),
    "force": ("Force", "포스"),
    "weight": ("Weight", "가중치"),
    "review": ("Your answers", "답변 요약"),
    "section": ("Section", "섹션"),
    "question": ("Question", "질문"),
    "answer": ("Answer", "답변"),
    "review_pick": ("Confirm, or pick an answer to change", "확인하거나 바꿀 답변을 고르세요"),
    "confirm_all": ("✔ Confirm and write the answers file", "✔ 확인하고 답변 파일 쓰기"),
    "change_forces": ("Change the priorities", "우선순위 변경"),
    "add_note": ("✎ Add or change a note on an answer", "✎ 답변에 메모 추가 또는 변경"),
    "note_pick": ("Which answer does the note explain?", "어느 답변에 대한 메모입니까?"),
    "note_text": (
        "Note: why this answer, in one line (empty removes it)",
        "메모: 이 답변의 근거를 한 줄로 (비우면 삭제)",
    ),
    "note_shown": ("note", "메모"),
    "not_answered": ("(not answered)", "(답변 없음)"),
    "continue_saved": (
        "Continue the interrupted interview saved in {path}?",
        "{path}에 저장된 중단된 인터뷰를 이어서 하시겠습니까?",
    ),
    "resume_output": (
        "The resume file says to write the answers to {path}. Write them there?",
        "재개 파일은 답변을 {path}에 쓰라고 합니다. 그곳에 쓰시겠습니까?",
    ),
    "overwrite_at_end": (
        "{path} already exists. Overwrite it at the end?",
        "{path} 파일이 이미 있습니다. 마지막에 덮어쓰시겠습니까?",
    ),
    "saved": (
        "Answers so far saved to {path}; continue with: advisor interview --resume {path}",
        "지금까지의 답변을 {path}에 저장했습니다. 이어서 하려면: advisor interview --resume {path} --lang ko",
    ),
    "written": (
        "Answers written to {path}; replay with: advisor recommend {path}",
        "답변을 {path}에 썼습니다. 다시 실행하려면: advisor recommend {path} --lang ko",
    ),
    "description": ("Description", "설명"),
    "text": ("text", "텍스트"),
    "yes_no_default_yes": ("(Y/n) ", "(Y=예/n=아니오) "),
    "yes_no_default_no": ("(y/N) ", "(y=예/N=아니오) "),
    "unnamed": ("(unnamed system)", "(이름 없는 시스템)"),
    "file_header": (
        "{title}: answers to the questionnaire '{questionnaire}', written by advisor interview.",
        "{title}: 질문지 '{questionnaire}'에 대한 답변, advisor interview가 작성함.",
    ),
    "file_replay": (
        "Replay with: advisor recommend <this file>",
        "다시 실행하려면: advisor recommend <이 파일> --lang ko",
    ),
    "stopped": (
        "interview stopped; answers so far saved to {path}\n  resume with: advisor interview --resume {path}",
        "인터뷰를 중단했습니다. 지금까지의 답변은 {path}에 있습니다\n"
        "  이어서 하려면: advisor interview --resume {path} --lang ko",
    ),
    "export": ("Export a report?", "보고서를 내보내시겠습니까?"),
    "export_no": ("No, finish", "아니요, 마침"),
    "export_formats": (
        "Markdown|HTML (one file)|JSON|Decision records (a folder)",
        "Markdown|HTML (파일 하나)|JSON|아키텍처 결정 기록 (폴더)",
    ),
    "export_to": ("Write the report to", "보고서를 쓸 위치"),
    "overwrite": (
        "{path} already exists. Overwrite it?",
        "{path} 파일이 이미 있습니다. 덮어쓰시겠습니까?",
    ),
    "not_exported": ("No report written.", "보고서를 쓰지 않았습니다."),
}
WORDS = Phrasebook(_WORDS)


def display_value(question: Question, raw: Any, lang: Lang = "en") -> str:
    """An answer as the architect reads it: choice labels, yes/no, "don't know", or not answered yet."""
    return WORDS("not_answered", lang) if raw is None else show_answer(raw, lang, question)
