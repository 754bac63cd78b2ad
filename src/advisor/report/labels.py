"""Headings and fixed phrases of the reports and the terminal, in English and Korean.

Catalog and questionnaire texts translate themselves (:class:`~advisor.base.i18n.Text`);
the phrasebook :data:`LABELS` covers what the reports say around them, and the codes
of the :class:`~advisor.base.i18n.Message` objects the core puts in its results. Add
a phrase here (English and Korean, the same placeholders) when a report or the
terminal says something new.
"""

from __future__ import annotations

from typing import Any

from advisor.base.i18n import Lang, Message, Phrasebook
from advisor.catalog.loader import Catalog
from advisor.questionnaire.values import show_answer

_LABELS: dict[str, tuple[str, str]] = {
    # headings
    "title": ("Architecture recommendation", "아키텍처 추천"),
    "unnamed": ("(unnamed system)", "(이름 없는 시스템)"),
    "context": ("Context as answered", "답변으로 본 시스템 컨텍스트"),
    "forces": ("Prioritised forces", "우선순위를 매긴 포스"),
    "recommended": ("Recommended patterns", "추천 패턴"),
    "graph": ("Successor graph", "후속 패턴 그래프"),
    "graph_help": (
        "From the top-level decision on the left to the last resolving pattern on the right. "
        "Hover over an arrow to see the issue it resolves.",
        "왼쪽의 최상위 결정에서 오른쪽의 마지막 해결 패턴까지. "
        "화살표에 마우스를 올리면 해결하는 이슈가 보인다.",
    ),
    "edge_resolves": ("resolves an issue of the pattern it comes from", "출발 패턴의 이슈를 해결"),
    "edge_follows": (
        "chosen by the rules once the pattern it comes from is adopted",
        "출발 패턴을 채택한 뒤 규칙으로 선택",
    ),
    "summary": ("At a glance", "요약"),
    "summary_decisions": ("Key decisions", "핵심 결정"),
    "summary_top_forces": ("Top forces", "가장 중요한 포스"),
    "summary_counts": (
        "Patterns recommended: {recommended} ({decisions} key {decisions:decision|decisions}) · "
        "alternatives weighed: "
        "{alternatives} · advised against: {against} · risks: {risks} ({high} high) · "
        "unresolved issues: {unresolved} · drawbacks to accept: {accepted}",
        "추천 패턴: {recommended} (핵심 결정 {decisions}) · 검토한 대안: {alternatives} · "
        "비추천 패턴: {against} · 리스크: {risks} (높음 {high}) · 미해결 이슈: {unresolved} · "
        "수용할 단점: {accepted}",
    ),
    "alternatives": ("Alternatives considered", "검토한 대안"),
    "advised_against": ("Patterns advised against", "권장하지 않는 패턴"),
    "dropped": (
        "Left out: they cannot work without a pattern that cannot be recommended here",
        "제외한 패턴: 여기서 추천할 수 없는 패턴 없이는 동작할 수 없음",
    ),
    "needs": ("Cannot work without", "필요한 패턴"),
    "open_issues": ("Open issues", "남은 이슈"),
    "matrix": ("Trade-off matrix", "트레이드오프 매트릭스"),
    "next_steps": ("Next steps", "다음 단계"),
    "notes": ("Notes", "참고"),
    "contents": ("Contents", "목차"),
    "decisions": ("Architecture decision records", "아키텍처 결정 기록"),
    # columns and short labels
    "question": ("Question", "질문"),
    "answer": ("Answer", "답변"),
    "rationale": ("Rationale", "근거"),
    "force": ("Force", "포스"),
    "weight": ("Weight", "가중치"),
    "stance": ("Stance", "성향"),
    "pattern": ("Pattern", "패턴"),
    "group": ("Group", "그룹"),
    "score": ("Score", "점수"),
    "rules": ("rules", "규칙"),
    "fit": ("forces", "포스"),
    "why": ("Why", "이유"),
    "benefits": ("Benefits", "장점"),
    "drawbacks": ("Drawbacks", "단점"),
    "issues": ("Issues raised", "새로운 이슈"),
    "issue": ("Issue", "이슈"),
    "resolved_by": ("resolved by", "해결:"),
    "instead_of": ("Instead of", "대신 선택한 패턴"),
    "why_not": ("Why not chosen", "선택하지 않은 이유"),
    "raised_by": ("Raised by", "발생 패턴"),
    "status": ("Status", "상태"),
    "note": ("Note", "설명"),
    "total": ("Fit", "적합도"),
    "matrix_help": (
        "+n helps and −n hurts a force with strength n (1-3); fit = Σ sign × weight × strength / 5.",
        "+n은 포스를 강도 n(1-3)으로 돕고, −n은 해친다. 적합도 = Σ 부호 × 가중치 × 강도 / 5.",
    ),
    "no_patterns": ("No pattern is recommended for these answers.", "이 답변으로 추천할 패턴이 없습니다."),
    "none": ("None.", "없음."),
    "origin_rule": ("chosen by the rules", "규칙으로 선택"),
    "origin_successor": ("successor", "후속 패턴"),
    "origin_requirement": ("required by another pattern", "다른 패턴이 필요로 함"),
    "required_by": ("required by {parent}: {why}", "{parent}에 필요: {why}"),
    "successor_of": (
        "successor of {parent}, resolving issue “{issue}”",
        "{parent}의 후속 패턴: “{issue}” 해결",
    ),
    "follows": ("follows {parent}", "{parent} 다음에 적용"),
    # answer values and statuses
    "yes": ("yes", "예"),
    "no": ("no", "아니요"),
    "empty": ("(none)", "(없음)"),
    "src_default": ("default", "기본값"),
    "src_unanswered": ("not answered", "답변 없음"),
    "src_not-applicable": ("not asked", "해당 없음"),
    "st_accepted": ("accepted drawback", "수용한 단점"),
    "st_unresolved": ("unresolved issue", "미해결 이슈"),
    "st_resolved": ("resolved", "해결됨"),
    "st_not-raised": ("not raised here", "여기서는 발생하지 않음"),
    "not_raised_note": ("this does not hold: {tests}", "성립하지 않는 조건: {tests}"),
    "not_raised_note_any": ("none of these holds: {tests}", "모두 성립하지 않는 조건: {tests}"),
    "stance_for-decomposition": ("for decomposition", "분해 쪽"),
    "stance_against-decomposition": ("against decomposition", "통합 쪽"),
    "stance_neutral": ("neutral", "중립"),
    "alt_against": (
        "advised against here (rule score {score})",
        "이 컨텍스트에서 비추천 (규칙 점수 {score})",
    ),
    "alt_scored": (
        "scored {score}, below {chosen} ({chosen_score})",
        "점수 {score}: {chosen}({chosen_score})보다 낮음",
    ),
    "alt_in_place": (
        "{chosen} is already in place and nothing here contradicts it: switching would cost a "
        "migration (scored {score} against {chosen_score})",
        "{chosen}이(가) 이미 적용되어 있고 여기서 이를 반박하는 것이 없다: 전환하려면 이전 비용이 든다 "
        "(점수 {score} 대 {chosen_score})",
    ),
    "alt_resolver": (
        "scored {score}, below {chosen} ({chosen_score}) for resolving “{issue}”",
        "“{issue}” 해결에서 점수 {score}: {chosen}({chosen_score})보다 낮음",
    ),
    "blocked_by": (
        "{pattern} is excluded by its alternative {blockers}",
        "{pattern}은(는) 대안 {blockers}에 밀려 제외됨",
    ),
    "blocked_against": ("{pattern} is advised against here", "{pattern}은(는) 이 컨텍스트에서 비추천"),
    "blocked_requirement": (
        "{pattern} needs {needs}, which cannot be recommended here",
        "{pattern}은(는) {needs}이(가) 필요하지만 여기서는 추천할 수 없음",
    ),
    "blocked_no_predecessor": (
        "{pattern} follows none of the recommended patterns",
        "{pattern}은(는) 추천된 어느 패턴의 후속도 아님",
    ),
    "alt_no_predecessor": (
        "follows none of the recommended patterns (needs one of: {patterns})",
        "추천된 패턴 중 선행 패턴이 없음 (필요: {patterns} 중 하나)",
    ),
    "alt_requirement": (
        "needs {pattern}, which cannot be recommended here",
        "{pattern}이(가) 필요하지만 여기서는 추천할 수 없음",
    ),
    "alt_excluded": (
        "excluded by {blockers}, which is recommended (scored {score} against {chosen_score} for {chosen})",
        "추천된 {blockers}에 밀려 제외됨 (점수 {score}, {chosen}은(는) {chosen_score})",
    ),
    "no_resolver": ("no pattern in the catalog resolves it", "카탈로그에 이를 해결하는 패턴이 없음"),
    "open_accepted": ("{advice}", "{advice}"),
    # notes of a recommendation
    "note_contested": (
        "{pattern} is recommended although its rules lean against it (rule score {score}): it fits "
        "the prioritised forces better than {beaten} (total {total} against {beaten_total})",
        "{pattern}은(는) 규칙 점수({score})로는 불리하지만 우선순위를 매긴 포스에 {beaten}보다 "
        "잘 맞아 추천됨 (총점 {total} 대 {beaten_total})",
    ),
    "note_by_default": (
        "{pattern} is chosen because every system needs one {group} and no rule favours any of "
        "them on balance: it scores best on the forces (total {total}, rule score {score})",
        "모든 시스템에는 {group}이(가) 하나 필요하지만 어느 쪽도 규칙의 지지를 받지 못해, 포스에서 "
        "가장 높은 점수를 얻은 {pattern}을(를) 선택함 (총점 {total}, 규칙 점수 {score})",
    ),
    "note_ignored": (
        "answer to '{question}' ignored: the question does not apply to the other answers",
        "'{question}'에 대한 답변은 무시됨: 다른 답변에 비추어 해당하지 않는 질문",
    ),
    # a rule's test, as matched or checked
    "test_answer": ("{question} {op} {value}", "{question} {op} {value}"),
    "test_force": ("force {force} {op} {value}", "포스 {force} {op} {value}"),
    "test_known": ("{question} is known", "{question} 답변 있음"),
    "test_unknown": ("{question} is unknown", "{question} 모름"),
    "test_pattern": ("pattern {pattern} is recommended", "패턴 {pattern} 추천됨"),
    "test_issue": ("issue {issue} is raised", "이슈 {issue} 발생"),
    "op_equals": ("=", "="),
    "op_ne": ("≠", "≠"),
    "op_in": ("in", "∈"),
    "op_not_in": ("not in", "∉"),
    "op_gt": (">", ">"),
    "op_gte": ("≥", "≥"),
    "op_lt": ("<", "<"),
    "op_lte": ("≤", "≤"),
    "op_contains": ("includes", "포함"),
    "op_not_contains": ("excludes", "제외"),
    # next steps
    "step_design": (
        "Start with {name}: agree on it and design it first.",
        "{name}부터 시작한다: 먼저 합의하고 설계한다.",
    ),
    "step_successors": (
        "Then design the successors that resolve the issues these raise, wave by wave: {waves}.",
        "이어서 이 패턴들이 일으키는 이슈를 해결하는 후속 패턴을 차례로 설계한다: {waves}.",
    ),
    "step_successors_one": (
        "Then design what resolves the issues it raises: {waves}.",
        "이어서 이 패턴이 일으키는 이슈를 해결하는 패턴을 설계한다: {waves}.",
    ),
    "step_wave_then": ("; then ", "; 다음으로 "),
    "step_design_alone_many": (
        "Design {names}; any successor their issues need is already in the steps above.",
        "{names}을(를) 설계한다. 이들의 이슈에 필요한 것은 이미 위 단계에 있다.",
    ),
    "step_design_also": (
        "Alongside it, agree on {name} and design it.",
        "이와 함께 {name}을(를) 합의하고 설계한다.",
    ),
    "step_design_alone": (
        "Design {name}; any successor its issues need is already in the steps above.",
        "{name}을(를) 설계한다. 이 패턴의 이슈에 필요한 것은 이미 위 단계에 있다.",
    ),
    "step_risk": (
        "Manage the risk “{title}” raised by {patterns}: {reason}",
        "{patterns}에서 생긴 리스크 “{title}”을(를) 관리한다: {reason}",
    ),
    "step_accept": (
        "Confirm the team accepts “{title}” ({patterns}): {reason}",
        "팀이 “{title}”({patterns})을(를) 수용하는지 확인한다: {reason}",
    ),
    "step_settle": (
        "Settle “{prompt}” (now {status}): the advice on {patterns} depends on it.",
        "“{prompt}”에 답한다 (현재 {status}). {patterns}에 대한 조언이 이 답에 달려 있다.",
    ),
    "step_adr": (
        "Review the proposed decision records with the team and accept or reject each.",
        "제안된 결정 기록을 팀과 검토하여 각각 승인하거나 거절한다.",
    ),
    # ADR
    "adr_status": ("Status", "상태"),
    "adr_context": ("Context and problem statement", "컨텍스트와 문제"),
    "adr_answers": ("Relevant answers", "관련 답변"),
    "adr_drivers": ("Decision drivers", "결정 요인"),
    "adr_options": ("Considered options", "검토한 선택지"),
    "adr_outcome": ("Decision outcome", "결정"),
    "adr_chosen": ("Chosen option: “{name}”, because {why}.", "선택: “{name}”. 이유: {why}."),
    "adr_consequences": ("Consequences", "결과"),
    "adr_good": ("Good, because {text}", "좋은 점: {text}"),
    "adr_bad": ("Bad, because {text}", "나쁜 점: {text}"),
    "adr_issue": ("New issue “{title}”: {outcome}", "새 이슈 “{title}”: {outcome}"),
    "adr_pros_cons": ("Pros and cons of the options", "선택지별 장단점"),
    "adr_not_chosen": ("Not chosen: {reason}", "선택하지 않음: {reason}"),
    "adr_chosen_mark": ("Chosen", "선택함"),
    "adr_see": ("see {ref}", "{ref} 참고"),
    "adr_open": ("left open ({status})", "미해결 ({status})"),
    "adr_index_intro": (
        "Proposed decisions for {system}. A person accepts or rejects each one.",
        "{system}에 대해 제안된 결정이다. 각 결정은 사람이 승인하거나 거절한다.",
    ),
    # the plan in phases
    "plan": ("Plan in phases", "단계별 계획"),
    "phase": ("Phase {number}", "{number}단계"),
    "phase_title_in-place": (
        "Already in place or provided by the platform",
        "이미 적용됨 또는 플랫폼이 제공",
    ),
    "phase_title_foundation": ("Foundation", "기반 마련"),
    "phase_title_migration": ("Start the migration", "이전 시작"),
    "phase_title_foundation-gaps": ("Close the foundation's gaps", "기반의 빈틈 메우기"),
    "phase_title_services": ("Services, data and messaging", "서비스, 데이터, 메시징"),
    "phase_title_edge": ("Clients and queries", "클라이언트와 쿼리"),
    "phase_title_operations": ("Operate at scale", "대규모 운영"),
    "goal_in-place": (
        "Keep what already runs, use what the platform provides, and build the next phases on it.",
        "이미 운영 중인 것을 유지하고 플랫폼이 제공하는 것을 활용하며, 다음 단계를 그 위에 쌓는다.",
    ),
    "goal_foundation": (
        "Settle the architecture style and the boundaries, and stand up the platform to build and run on.",
        "아키텍처 스타일과 경계를 정하고, 구축하고 실행할 플랫폼을 마련한다.",
    ),
    "goal_migration": (
        "Start the migration while the business keeps running: a strangler in front of the existing "
        "system, an anti-corruption layer between old and new, and the platform the first services run on.",
        "비즈니스를 멈추지 않고 이전을 시작한다: 기존 시스템 앞의 교살자 애플리케이션, "
        "기존과 신규 사이의 부패 방지 계층, 첫 서비스가 실행될 플랫폼.",
    ),
    "goal_foundation-gaps": (
        "Add what the running system's foundation still lacks, before building on it.",
        "운영 중인 시스템의 기반에 아직 없는 것을 먼저 채운다.",
    ),
    "goal_services": (
        "Give each service its own data and connect the services so that data stays consistent "
        "without distributed transactions.",
        "각 서비스가 자기 데이터를 갖게 하고, 분산 트랜잭션 없이도 데이터가 일관되도록 서비스를 연결한다.",
    ),
    "goal_edge": (
        "Serve clients and queries that span services: the client-facing APIs, their security "
        "and query views.",
        "클라이언트와 여러 서비스에 걸친 쿼리를 지원한다: 클라이언트용 API, 그 보안, 쿼리 뷰.",
    ),
    "goal_operations": (
        "Run and change the system with confidence at scale: tracing, auditing, contract tests "
        "and the remaining operational tooling.",
        "대규모에서도 안심하고 운영하고 변경한다: 추적, 감사, 계약 테스트와 나머지 운영 도구.",
    ),
    "effort": ("Effort", "공수"),
    "effort_small": ("small", "작음"),
    "effort_medium": ("medium", "중간"),
    "effort_large": ("large", "큼"),
    "effort_unestimated": ("not estimated", "추정 없음"),
    "effort_in_place": ("no new work: in place or provided", "새 작업 없음: 이미 적용됨 또는 제공됨"),
    "effort_sum": ("{points} {points:point|points} ({sizes})", "{points}점 ({sizes})"),
    "effort_count": ("{count} {size}", "{size} {count}"),
    "effort_help": (
        "Effort points: small 1, medium 3, large 8 per pattern; rough sizes to compare phases, "
        "not an estimate.",
        "공수 점수: 패턴당 작음 1, 중간 3, 큼 8. 단계를 비교하기 위한 대략적 크기이며 추정치가 아니다.",
    ),
    "plan_help": (
        "Each pattern comes after the patterns it depends on: what it requires, and one of its predecessors.",
        "각 패턴은 그 패턴이 의존하는 패턴, 즉 필요로 하는 패턴과 선행 패턴 중 하나보다 뒤에 온다.",
    ),
    "graph_by_phase": (
        "boxes are coloured by their phase in the plan",
        "상자 색은 계획의 단계를 나타낸다",
    ),
    "plan_later": ("Later phases", "이후 단계"),
    "patterns_count": ("{count} {count:pattern|patterns}", "패턴 {count}개"),
    "adr_decision": ("Decision", "결정"),
    "wrote_file": ("wrote {path}", "{path}에 썼습니다"),
    "adr_written": ("decision records in {folder}:", "{folder}의 결정 기록:"),
    "adr_added": ("{count} added: {files}", "{count}개 추가: {files}"),
    "adr_updated": (
        "{count} brought up to date (still proposed): {files}",
        "{count}개 갱신 (아직 제안됨): {files}",
    ),
    "adr_kept": (
        "{count} kept as they are (status set by a person, or unchanged): {files}",
        "{count}개 그대로 유지 (사람이 상태를 바꿨거나 변경 없음): {files}",
    ),
    "adr_kept_edited": (
        "{count} kept: edited by a person since the advisor wrote them (--force rewrites them): {files}",
        "{count}개 유지: 어드바이저가 쓴 뒤 사람이 수정함 (--force로 강제로 다시 씀): {files}",
    ),
    "adr_superseded": (
        "{count} marked superseded by a new record: {files}",
        "{count}개를 새 기록으로 대체됨으로 표시: {files}",
    ),
    "adr_deprecated": (
        "{count} marked deprecated (the decision is no longer advised): {files}",
        "{count}개를 폐기됨으로 표시 (더 이상 권장하지 않는 결정): {files}",
    ),
    "adr_no_index": (
        "index.md left alone: the advisor did not write it",
        "index.md는 그대로 둠: 어드바이저가 쓴 파일이 아님",
    ),
    "adr_in_place": (
        "Decisions already in place and kept by this advice (no new record): {names}.",
        "이미 적용되어 있고 이번 조언에서도 유지하는 결정 (새 기록 없음): {names}.",
    ),
    "adr_today": ("in place today", "현재 적용됨"),
    "adr_reconsider": (
        "In place today; to reconsider because {causes}.",
        "현재 적용되어 있으나 재검토 필요: {causes}.",
    ),
    "adr_no_alternative": (
        "No alternative was weighed: the catalog offers none for this choice.",
        "검토한 대안이 없다: 카탈로그에 이 선택의 대안이 없다.",
    ),
    "adr_resolves": ("resolves “{issue}”", "“{issue}” 해결"),
    "adr_follows": ("chosen by the rules once this decision is made", "이 결정 뒤에 규칙으로 선택"),
    "adr_brings": ("Patterns this decision brings", "이 결정이 가져오는 패턴"),
    "adr_more": ("More information", "추가 정보"),
    "adr_plan": ("Plan: {phase}; effort {effort}", "계획: {phase}, 공수 {effort}"),
    "adr_supersedes": ("Supersedes {ref}", "{ref}을(를) 대체함"),
    "adr_status_proposed": ("proposed", "제안됨"),
    "adr_status_accepted": ("accepted", "승인됨"),
    "adr_status_rejected": ("rejected", "거절됨"),
    "adr_status_deprecated": ("deprecated", "폐기됨"),
    "adr_status_superseded": ("superseded by", "대체됨:"),
    "system": ("System", "시스템"),
    # the plan: classes, what is in place
    "role": ("Class", "분류"),
    "role_key-decision": ("key decision", "핵심 결정"),
    "role_consequence": ("consequence", "후속 결과"),
    "role_practice": ("practice", "실천 관행"),
    "status_add": ("add", "추가"),
    "status_keep": ("keep (in place)", "유지 (이미 적용됨)"),
    "origin_in-place": ("in place", "이미 적용됨"),
    "in_place": ("In place", "이미 적용됨"),
    "in_place_count": (
        "{count} {count:pattern|patterns} ({kept} kept, {reconsider} to reconsider)",
        "패턴 {count}개 (유지 {kept}개, 재검토 {reconsider}개)",
    ),
    "reconsider": ("In place: to reconsider", "이미 적용됨: 재검토 필요"),
    "risks": ("Risks", "리스크"),
    "risks_help": (
        "Risk rules that hold for these answers and this advice, most severe first.",
        "이 답변과 조언에 해당하는 리스크 규칙. 심각한 것부터.",
    ),
    "severity": ("Severity", "심각도"),
    "severity_high": ("high", "높음"),
    "severity_medium": ("medium", "보통"),
    "severity_low": ("low", "낮음"),
    "risk": ("Risk", "리스크"),
    "at_stake": ("At stake", "위험 요소"),
    "mitigation": ("Mitigation", "완화 방안"),
    "mitigated_by": ("In this plan", "이 계획에 포함된 패턴"),
    "not_in_plan": ("To consider (not in this plan)", "검토할 패턴 (이 계획에 없음)"),
    "mitigation_consider": ("consider {names} (not in this plan)", "{names} 검토 (이 계획에 없음)"),
    "contradicts": (
        "the answers contradict the acceptance of “{issue}”",
        "답변이 “{issue}”을(를) 수용할 조건과 맞지 않음",
    ),
    "and_more": ("{count} more", "외 {count}개"),
    "scope": ("Scope of the advice", "조언의 범위"),
    "scope_whole": ("the whole architecture", "아키텍처 전체"),
    "needed_by": (
        "outside the scope you chose, needed by {patterns}",
        "선택한 범위 밖이지만 {patterns}에 필요함",
    ),
    "summary_in_scope": ("Recommended within the scope", "범위 안의 추천"),
    "not_assessed": ("Not assessed: outside the scope you chose", "평가하지 않음: 선택한 범위 밖"),
    "not_assessed_line": (
        "Not assessed, outside the scope you chose: {count} {count:pattern|patterns} the advice would "
        "otherwise give "
        "({groups}); --all lists them.",
        "선택한 범위 밖이라 평가하지 않음: 범위가 없었다면 조언했을 패턴 {count}개({groups}). "
        "--all에서 모두 볼 수 있다.",
    ),
    "na_add": ("would be recommended", "추천 대상이었을 것"),
    "na_keep": ("in place; would be kept", "이미 적용됨, 유지 대상이었을 것"),
    "na_reconsider": ("in place; would be reconsidered", "이미 적용됨, 재검토 대상이었을 것"),
    "why_forces": ("it fits the prioritised forces", "우선순위를 매긴 포스에 부합함"),
    "risk_unresolved": ("Unresolved: {issue} — {title}", "미해결: {issue} — {title}"),
    "why_forces_contested": (
        "it scores best on the forces, though its rules do not favour it (rule score {score})",
        "포스 점수가 가장 높음. 다만 규칙은 이 패턴을 지지하지 않음 (규칙 점수 {score})",
    ),
    "start_greenfield": ("Starts from nothing in place (greenfield).", "이미 적용된 것 없이 새로 시작함."),
    "defaults_used": (
        "Not answered, defaults assumed ({count}): {questions}. Answer them: advisor interview --from FILE",
        "답하지 않아 기본값을 가정함 ({count}개): {questions}. 답하려면: advisor interview --from FILE",
    ),
    "top_of": ("(top {shown} of {total})", "(전체 {total}개 중 상위 {shown}개)"),
    "plan_later_count": (
        "{count} later {count:phase|phases}: see --all or the report.",
        "이후 단계 {count}개: --all 또는 보고서를 참고.",
    ),
    "summary_more": (
        "{recommended} {recommended:pattern|patterns} in all: {decisions} key "
        "{decisions:decision|decisions}, {consequences} {consequences:consequence|consequences}, "
        "{practices} {practices:practice|practices}. --all shows every pattern with its reasons; "
        "so does every report.",
        "전체 패턴 {recommended}개: 핵심 결정 {decisions}, 후속 결과 {consequences}, 실천 관행 "
        "{practices}. --all이나 보고서에서 모든 패턴과 그 이유를 볼 수 있습니다.",
    ),
    "cause_advised-against": ("the rules advise against it here", "이 컨텍스트에서 규칙이 비추천함"),
    "cause_alternative-preferred": (
        "an alternative is recommended instead: {names}",
        "대신 대안을 추천함: {names}",
    ),
    "cause_hurts-forces": (
        "it works against the prioritised forces: {forces}",
        "우선순위를 매긴 포스에 어긋남: {forces}",
    ),
    "cause_favoured-too": (
        "yet some of your answers favour keeping it: a choice for the deciders to weigh",
        "하지만 일부 답변은 유지를 지지함: 결정권자가 따져 볼 선택",
    ),
}


#: The report's phrasebook.
LABELS = Phrasebook(_LABELS)


def label(key: str, lang: Lang = "en", **values: object) -> str:
    """The phrase ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    return LABELS(key, lang, **values)


def labels(lang: Lang = "en") -> dict[str, str]:
    """Every phrase in ``lang`` (without placeholders filled), for templates."""
    return LABELS.table(lang)


#: Message arguments that hold pattern, issue or force ids: :func:`say` shows their names.
_PATTERN_ARGS = frozenset(
    {"pattern", "patterns", "chosen", "beaten", "blockers", "parent", "winners", "needs"}
)
_ISSUE_ARGS = frozenset({"issue"})
_FORCE_ARGS = frozenset({"force"})


def show_value(value: Any, lang: Lang = "en") -> str:
    """An answer or operand as a reader sees it (see :func:`~advisor.questionnaire.values.show_answer`)."""
    return show_answer(value, lang)


def _test(message: Message, lang: Lang) -> str:
    values: dict[str, object] = {}
    if "op" in message.args:
        values["op"] = label(f"op_{message.args['op']}", lang)
    if "value" in message.args:
        value = message.args["value"]
        shown = show_value(value, lang)
        values["value"] = f"[{shown}]" if isinstance(value, tuple) else shown
    return LABELS.say(message, lang, **values)


def say(message: Message, lang: Lang = "en", catalog: Catalog | None = None) -> str:
    """A core :class:`~advisor.base.i18n.Message` in ``lang``.

    With a ``catalog``, the pattern, issue and force ids among its arguments are shown
    by name (``open_accepted`` shows the catalog's advice for the accepted drawback);
    without one they stay ids, as in the plain-text tools. A rule's test (``test_*``)
    always shows ids, with its operator and value in ``lang``.
    """
    if message.code.startswith("test_"):
        return _test(message, lang)
    values: dict[str, object] = {}
    if catalog is None:
        if message.code == "open_accepted":
            values["advice"] = message.args.get("issue", "")
        return LABELS.say(message, lang, **values)
    for key, value in message.args.items():
        ids = value if isinstance(value, tuple) else (value,)
        if key in _PATTERN_ARGS:
            values[key] = ", ".join(_name(catalog.patterns, str(i), lang) for i in ids)
        elif key in _ISSUE_ARGS:
            issue = catalog.issues.get(str(value))
            values[key] = issue.title.get(lang) if issue else value
        elif key in _FORCE_ARGS:
            values[key] = _name(catalog.forces, str(value), lang)
        elif key == "group":
            group = _name(catalog.groups, str(value), lang)
            values[key] = group.lower() if lang == "en" else group  # "one architecture style"
    if message.code == "open_accepted":
        issue = catalog.issues.get(str(message.args.get("issue")))
        values["advice"] = issue.accepted.get(lang) if issue and issue.accepted else ""
    return LABELS.say(message, lang, **values)


def _name(items: Any, item_id: str, lang: Lang) -> str:
    item = items.get(item_id)
    return item.name.get(lang) if item is not None else item_id
