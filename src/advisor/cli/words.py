"""The words of the commands' own summary lines (``validate``, ``rules lint``) in each language."""

from __future__ import annotations

from advisor.base.i18n import Phrasebook

#: Key → (English, Korean); a counted noun says both its English forms (see Phrasebook).
WORDS = Phrasebook(
    {
        "answers_file": ("{count} answers {count:file|files}", "답변 파일 {count}개"),
        "rule_pack": ("{count} rule {count:pack|packs}", "규칙 팩 {count}개"),
        "problem": ("{count} {count:problem|problems}", "문제 {count}개"),
        "input": ("{count} {count:input|inputs}", "입력 {count}개"),
        "warning": ("{count} {count:warning|warnings}", "경고 {count}개"),
        "finding": ("{count} {count:finding|findings}", "발견 사항 {count}개"),
        "both": ("{first} and {second}", "{first}와(과) {second}"),
        "valid": ("ok: {what} {count:is|are} valid{noted}", "확인: {what}이(가) 유효합니다{noted}"),
        "noted": (" ({warnings})", " ({warnings})"),
        "assessing": ("assessing", "평가 중"),
        "not_assessed": (
            "{failed} of {count} answers {count:file|files} could not be assessed",
            "답변 파일 {count}개 중 {failed}개를 평가하지 못했습니다",
        ),
        "invalid": ("{problems} in {failed} of {inputs}", "{inputs} 중 {failed}개에 {problems}"),
        "bundled_catalog": ("the bundled catalog", "내장 카탈로그"),
        "lint_ok": ("ok: no findings in {what}", "확인: {what}에 발견 사항이 없습니다"),
        "lint_failed": ("{findings} in {what}", "{what}에서 {findings}"),
    }
)
