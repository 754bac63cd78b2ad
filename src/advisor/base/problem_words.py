"""The words of problems and errors (the CLI shows them in the command's language)."""

from __future__ import annotations

from advisor.base.i18n import Phrasebook

#: The words around every problem, key → (English, Korean).
WORDS = Phrasebook(
    {
        "error": ("error", "오류"),
        "interrupted": ("interrupted", "중단됨"),
        "mean": ("did you mean '{near}'?", "'{near}'을(를) 뜻했나요?"),
        "remove_one": ("remove one", "하나를 지우세요"),
        "exists": (
            "{path}: already exists; pass --force to overwrite it",
            "{path}: 이미 있습니다. 덮어쓰려면 --force(강제)를 지정하세요",
        ),
        "is_folder": ("{path}: is a folder; give a file name", "{path}: 폴더입니다. 파일 이름을 지정하세요"),
        "unwritable": ("{path}: cannot be written ({reason})", "{path}: 쓸 수 없습니다 ({reason})"),
        "adr_needs_folder": (
            "--format adr writes a folder of records; name it with --output FOLDER",
            "--format adr은 결정 기록 폴더를 씁니다. --output FOLDER로 폴더를 지정하세요",
        ),
        "hint": ("hint", "힌트"),
        "more": (
            "... and {count} more {count:problem|problems} in this file",
            "... 이 파일에 문제가 {count}개 더 있습니다",
        ),
    }
)
