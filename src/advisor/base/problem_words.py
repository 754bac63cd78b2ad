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
        "no_answers_files": (
            "{folder}: no answers files (*.yaml) in this folder",
            "{folder}: 이 폴더에 답변 파일(*.yaml)이 없습니다",
        ),
        "unknown_pattern": ("unknown pattern '{id}'", "알 수 없는 패턴 '{id}'"),
        "unknown_group": ("unknown group '{id}'", "알 수 없는 그룹 '{id}'"),
        "unknown_layer": ("unknown layer '{id}'", "알 수 없는 레이어 '{id}'"),
        "list_patterns": (
            "list the patterns with: advisor patterns list",
            "패턴 목록 보기: advisor patterns list",
        ),
        "known_patterns": ("known patterns: {ids}", "알려진 패턴: {ids}"),
        "known_groups": ("known groups: {ids}", "알려진 그룹: {ids}"),
        "known_layers": ("known layers: {ids}", "알려진 레이어: {ids}"),
        "unreadable": (
            "{path}: cannot be read ({reason}); move it aside or fix it",
            "{path}: 읽을 수 없습니다 ({reason}). 다른 곳으로 옮기거나 고치세요",
        ),
        "not_manifest": (
            "{path}: not a manifest of advisor decision records; restore it from version control "
            "or remove it (the records are then treated as yours)",
            "{path}: 어드바이저 결정 기록의 매니페스트가 아닙니다. 버전 관리에서 되살리거나 지우세요 "
            "(지우면 기록은 사용자가 쓴 것으로 취급됩니다)",
        ),
        "is_file": ("{path}: is a file; give a folder name", "{path}: 파일입니다. 폴더 이름을 지정하세요"),
        "not_ours": (
            "{path}: holds files the advisor did not write; pass --force to add the decision "
            "records beside them (none of those files is changed)",
            "{path}: 어드바이저가 쓰지 않은 파일이 있습니다. 그 옆에 결정 기록을 추가하려면 --force(강제)를 "
            "지정하세요 (그 파일들은 바뀌지 않습니다)",
        ),
        "no_terminal": (
            "advisor interview needs a terminal; to script the answers, "
            "write a YAML answers file and run: advisor recommend FILE",
            "advisor interview에는 터미널이 필요합니다. 답변을 스크립트로 주려면 "
            "YAML 답변 파일을 쓰고 실행하세요: advisor recommend FILE",
        ),
        "no_terminal_to_talk": (
            "advisor interview needs a terminal to talk to",
            "advisor interview에는 대화할 터미널이 필요합니다",
        ),
        "exists_at_end": (
            "{path}: already exists; choose another --output or pass --force",
            "{path}: 이미 있습니다. 다른 --output을 고르거나 --force(강제)를 지정하세요",
        ),
        "more": (
            "... and {count} more {count:problem|problems} in this file",
            "... 이 파일에 문제가 {count}개 더 있습니다",
        ),
    }
)
