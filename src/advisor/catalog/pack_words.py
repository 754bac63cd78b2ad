"""What is wrong with a rule pack, in each language (``validate``, ``rules lint`` and loading)."""

from __future__ import annotations

from advisor.base.i18n import Lang, Phrasebook, Text

#: Key → (English, Korean). ``kind_*`` name the kinds of catalog entry.
WORDS = Phrasebook(
    {
        "kind_layer": ("layer", "계층"),
        "kind_group": ("group", "그룹"),
        "kind_force": ("force", "포스"),
        "kind_issue": ("issue", "이슈"),
        "kind_pattern": ("pattern", "패턴"),
        "kind_rule": ("rule", "규칙"),
        "kind_risk": ("risk", "위험"),
        "uncited_relation": (
            "'{pattern}' lists '{other}' as {relation} without citing where the pattern language states it",
            "'{pattern}'이(가) '{other}'을(를) {relation} 관계로 적었지만 패턴 언어의 어디에 나오는지 "
            "출처가 없습니다",
        ),
        "uncited_successor": (
            "'{pattern}' raises '{issue}', which makes {successors} {count:its successor|its successors}, "
            "without citing where the pattern language states it",
            "'{pattern}'이(가) '{issue}'을(를) 일으켜 {successors}이(가) 후속 패턴이 되지만 패턴 언어의 "
            "어디에 나오는지 출처가 없습니다",
        ),
        "cite_hint": (
            "add sources: [microservices.io:<page>] or [book:<section>], or an advisor: source with a note "
            "saying why the advisor adds the relation",
            "sources: [microservices.io:<page>] 또는 [book:<section>]을 추가하거나, 어드바이저가 관계를 "
            "더하는 이유를 note에 적은 advisor: 출처를 추가하세요",
        ),
        "rule_test": ("rule '{rule}' {problem}", "규칙 '{rule}': {problem}"),
        "risk_test": ("risk '{risk}' {problem}", "위험 '{risk}': {problem}"),
        "issue_test": (
            "pattern '{pattern}', condition of issue '{issue}', {problem}",
            "패턴 '{pattern}'의 이슈 '{issue}' 조건: {problem}",
        ),
        "defined_twice": (
            "{kind} '{id}' is defined twice (also at {where})",
            "{kind} '{id}'이(가) 두 번 정의되어 있습니다 (다른 곳: {where})",
        ),
        "unique_ids": (
            "ids must be unique within a rule pack; rename or remove one",
            "규칙 팩 안에서 id는 고유해야 합니다. 하나의 이름을 바꾸거나 지우세요",
        ),
        "file_name": (
            "pattern id '{id}' does not match its file name '{name}'",
            "패턴 id '{id}'이(가) 파일 이름 '{name}'과(와) 맞지 않습니다",
        ),
        "rename_file": (
            "rename the file to {id}.yaml or fix the id",
            "파일 이름을 {id}.yaml로 바꾸거나 id를 고치세요",
        ),
        "no_pack": ("rule pack folder not found", "규칙 팩 폴더를 찾을 수 없습니다"),
        "pack_hint": (
            "pass a folder holding patterns/, issues/, applicability/, risks/ or forces.yaml",
            "patterns/, issues/, applicability/, risks/ 또는 forces.yaml(포스)이 있는 폴더를 지정하세요",
        ),
        "refers": (
            "{kind} '{id}' refers to unknown {what} '{wanted}'",
            "{kind} '{id}'이(가) 알 수 없는 {what} '{wanted}'을(를) 가리킵니다",
        ),
        "define_or_remove": (
            "define the {what} or remove the reference",
            "{what}을(를) 정의하거나 참조를 지우세요",
        ),
        "unsettled": (
            "issue '{id}' is neither resolved by a pattern nor accepted",
            "이슈 '{id}'은(는) 어떤 패턴으로도 해결되지 않고 수용되지도 않았습니다",
        ),
        "settle": (
            "add resolved_by: [pattern ids] or accepted: <why it is lived with>",
            "resolved_by: [패턴 id] 또는 accepted: <감수하는 이유>를 추가하세요",
        ),
        "lists_itself": (
            "pattern '{id}' lists itself as {relation}",
            "패턴 '{id}'이(가) 자기 자신을 {relation}(으)로 적었습니다",
        ),
        "related_twice": (
            "'{id}' and '{other}' are related as {relation} in both pattern files",
            "'{id}'와(과) '{other}'의 {relation} 관계가 두 패턴 파일 모두에 적혀 있습니다",
        ),
        "write_once": (
            "write the relation once (it is already in '{where}'); the other side is derived",
            "관계는 한 번만 쓰세요 (이미 '{where}'에 있습니다). 반대쪽은 저절로 만들어집니다",
        ),
        "raises_twice": ("'{id}' raises '{issue}' twice", "'{id}'이(가) '{issue}'을(를) 두 번 일으킵니다"),
        "raised_by_none": (
            "issue '{id}' is raised by no pattern",
            "이슈 '{id}'을(를) 일으키는 패턴이 없습니다",
        ),
        "list_under": (
            "list it under resulting_context.issues of the pattern that causes it",
            "이슈를 일으키는 패턴의 resulting_context.issues 아래에 적으세요",
        ),
        "loops": ("successor chain loops: {chain}", "후속 패턴 사슬이 순환합니다: {chain}"),
        "break_loop": (
            "a successor resolves an issue of its predecessor; remove one link of the loop",
            "후속 패턴은 선행 패턴의 이슈를 해결합니다. 순환의 연결 하나를 지우세요",
        ),
        "no_korean": (
            "{kind} '{id}' has no Korean text for {field}",
            "{kind} '{id}'의 {field}에 한국어 텍스트가 없습니다",
        ),
        "never_fires": (
            "rule '{rule}' can never fire: {why}",
            "규칙 '{rule}'은(는) 발동할 수 없습니다: {why}",
        ),
        "fix_test": (
            "fix the test, or add the question to the pack's questions.yaml",
            "테스트를 고치거나 팩의 questions.yaml에 질문을 추가하세요",
        ),
        "allowed_test": (
            "test the answer with a value and operator the question allows",
            "질문이 허용하는 값과 연산자로 답변을 테스트하세요",
        ),
        "in_range": (
            "compare with a value inside the question's range",
            "질문의 범위 안에 있는 값과 비교하세요",
        ),
        "never_recommended": (
            "pattern '{id}' can never be recommended: no rule recommends it "
            "and no issue lists it in resolved_by",
            "패턴 '{id}'은(는) 추천될 수 없습니다: 추천하는 규칙도 없고 resolved_by에 적은 이슈도 없습니다",
        ),
        "add_rule": (
            "add an applicability rule for it, or list it under resolved_by of the issue it resolves",
            "적용 규칙을 추가하거나, 이 패턴이 해결하는 이슈의 resolved_by에 적으세요",
        ),
        "write_both": (
            "write the text as {{en: ..., ko: ...}}",
            "텍스트를 {{en: ..., ko: ...}} 형식으로 쓰세요",
        ),
    }
)


def said(key: str, /, *, kinds: dict[str, str] | None = None, **values: object) -> Text:
    """The phrase ``key`` in every language; ``kinds`` maps a placeholder to a kind of entry to name."""

    def one(lang: Lang) -> str:
        named = {name: WORDS(f"kind_{kind}", lang) for name, kind in (kinds or {}).items()}
        return WORDS(key, lang, **values, **named)

    return Text(en=one("en"), ko=one("ko"))
