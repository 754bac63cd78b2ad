"""The words of the commands' own summary lines (``validate``, ``rules lint``) in each language."""

from __future__ import annotations

from advisor.base.i18n import Lang, Phrasebook

#: Key → (English, Korean); a counted noun has a ``_1`` and an ``_n`` form.
WORDS = Phrasebook(
    {
        "answers_file_1": ("1 answers file", "답변 파일 1개"),
        "answers_file_n": ("{count} answers files", "답변 파일 {count}개"),
        "rule_pack_1": ("1 rule pack", "규칙 팩 1개"),
        "rule_pack_n": ("{count} rule packs", "규칙 팩 {count}개"),
        "problem_1": ("1 problem", "문제 1개"),
        "problem_n": ("{count} problems", "문제 {count}개"),
        "input_1": ("1 input", "입력 1개"),
        "input_n": ("{count} inputs", "입력 {count}개"),
        "warning_1": ("1 warning", "경고 1개"),
        "warning_n": ("{count} warnings", "경고 {count}개"),
        "finding_1": ("1 finding", "발견 사항 1개"),
        "finding_n": ("{count} findings", "발견 사항 {count}개"),
        "both": ("{first} and {second}", "{first}와(과) {second}"),
        "valid_1": ("ok: {what} is valid{noted}", "확인: {what}이(가) 유효합니다{noted}"),
        "valid_n": ("ok: {what} are valid{noted}", "확인: {what}이(가) 유효합니다{noted}"),
        "noted": (" ({warnings})", " ({warnings})"),
        "invalid": ("{problems} in {failed} of {inputs}", "{inputs} 중 {failed}개에 {problems}"),
        "bundled_catalog": ("the bundled catalog", "내장 카탈로그"),
        "lint_ok": ("ok: no findings in {what}", "확인: {what}에 발견 사항이 없습니다"),
        "lint_failed": ("{findings} in {what}", "{what}에서 {findings}"),
    }
)


def counted(noun: str, count: int, lang: Lang) -> str:
    """``3 problems`` / ``문제 3개``: ``noun`` is a key without its ``_1`` / ``_n``."""
    return WORDS(f"{noun}_1" if count == 1 else f"{noun}_n", lang, count=count)
