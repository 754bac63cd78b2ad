"""The words of the plain-text reasoning tools (explain, whatif, diff, portfolio), in English and Korean.

The summary codes of an explanation (``sum_*``) and the reasons of a diff
(``diff_*``) are said from this phrasebook; rule tests, alternatives' reasons
and answer values come from :mod:`advisor.report.labels`. These tools speak in
pattern, question and force ids, so that every line can be pasted back into a
command.
"""

from __future__ import annotations

from advisor.base.i18n import Phrasebook

_WORDS: dict[str, tuple[str, str]] = {
    # explain: summaries (the codes of Explanation.summary)
    "head": ("{pattern} ({name}) for {system}: {summary}", "{system}에서 {pattern} ({name}): {summary}"),
    "unnamed": ("(unnamed system)", "(이름 없는 시스템)"),
    "score": ("score {total} (rules {rules}, forces {forces})", "점수 {total} (규칙 {rules}, 포스 {forces})"),
    "sum_recommended": (
        "recommended: its rules favour it ({score})",
        "추천: 규칙이 이 패턴을 지지한다 ({score})",
    ),
    "sum_on_forces": (
        "recommended: it scores best on the forces, though its rules do not favour it "
        "(rule score {rules}) ({score})",
        "추천: 포스 점수가 가장 높다. 다만 규칙은 이 패턴을 지지하지 않는다 (규칙 점수 {rules}) ({score})",
    ),
    "sum_kept": (
        "recommended to keep: it is already in place, and nothing in these answers contradicts it ({score})",
        "유지 추천: 이미 적용되어 있으며 이 답변에 이를 반박하는 것이 없다 ({score})",
    ),
    "sum_successor": (
        "recommended as a successor of {parent}, resolving issue '{issue}' ({score})",
        "{parent}의 후속 패턴으로 추천: 이슈 '{issue}' 해결 ({score})",
    ),
    "sum_required": (
        "recommended because {parent} cannot work without it ({score})",
        "{parent}이(가) 이 패턴 없이는 동작할 수 없어 추천 ({score})",
    ),
    "sum_advised_against": (
        "advised against for these answers (rule score {score})",
        "이 답변에서는 비추천 (규칙 점수 {score})",
    ),
    "sum_instead": ("; {winners} is recommended instead", "; 대신 {winners} 추천"),
    "sum_instead_many": ("; {winners} are recommended instead", "; 대신 {winners} 추천"),
    "sum_lost": ("not recommended: {why}", "추천하지 않음: {why}"),
    "via_resolve": (" to resolve '{issue}'", " ('{issue}' 해결)"),
    "lost_advised-against": (
        "{winner} is recommended instead{via}, and this pattern is advised against here (rule score {rules})",
        "대신 {winner} 추천{via}, 그리고 이 패턴은 여기서 비추천 (규칙 점수 {rules})",
    ),
    "lost_outscored": (
        "{winner} is recommended instead{via}, scoring {winner_score} against {loser_score}",
        "대신 {winner} 추천{via}, 점수 {winner_score} 대 {loser_score}",
    ),
    "lost_adopted-first": (
        "{winner} was adopted first{via}, although it scores lower ({winner_score} against {loser_score}), "
        "so this pattern could not be",
        "{winner}이(가) 먼저 채택됨{via}, 점수는 더 낮지만({winner_score} 대 {loser_score}) 그래서 이 패턴은 "
        "채택될 수 없었다",
    ),
    "lost_in-place": (
        "{winner} is already in place{via} and nothing in these answers contradicts it, so it is kept: "
        "switching would cost a migration, although this pattern scores higher ({loser_score} against "
        "{winner_score})",
        "{winner}이(가) 이미 적용되어 있고{via} 이 답변에 이를 반박하는 것이 없어 유지됨: "
        "이 패턴의 점수가 더 높지만({loser_score} 대 {winner_score}) 전환하려면 이전 비용이 든다",
    ),
    "won_over": ("Won over:", "이긴 상대:"),
    "won_advised-against": (
        "{loser} is advised against here (rule score {rules})",
        "{loser}은(는) 여기서 비추천 (규칙 점수 {rules})",
    ),
    "won_outscored": (
        "{loser} scores {loser_score} against {winner_score}",
        "{loser} 점수 {loser_score} 대 {winner_score}",
    ),
    "won_adopted-first": (
        "{loser} scores higher ({loser_score} against {winner_score}), but this pattern was adopted first",
        "{loser}의 점수가 더 높지만({loser_score} 대 {winner_score}) 이 패턴이 먼저 채택됨",
    ),
    "won_in-place": (
        "{loser} scores higher ({loser_score} against {winner_score}), but this pattern is already in "
        "place and nothing in these answers contradicts it: switching would cost a migration",
        "{loser}의 점수가 더 높지만({loser_score} 대 {winner_score}) 이 패턴이 이미 적용되어 있고 이 답변에 "
        "이를 반박하는 것이 없다: 전환하려면 이전 비용이 든다",
    ),
    "rival_advised-against": (
        "this pattern is advised against here (rule score {rules}); it scores {winner_score}",
        "이 패턴은 여기서 비추천 (규칙 점수 {rules}); 상대 점수 {winner_score}",
    ),
    "rival_outscored": (
        "it scores {winner_score} against {loser_score} for this pattern",
        "상대 점수 {winner_score}, 이 패턴은 {loser_score}",
    ),
    "rival_adopted-first": (
        "it was adopted first, although it scores lower ({winner_score} against {loser_score})",
        "점수는 더 낮지만({winner_score} 대 {loser_score}) 먼저 채택됨",
    ),
    "rival_in-place": (
        "it is already in place and nothing in these answers contradicts it: switching would cost a "
        "migration, although this pattern scores higher ({loser_score} against {winner_score})",
        "이미 적용되어 있고 이 답변에 이를 반박하는 것이 없다: 이 패턴의 점수가 더 높지만({loser_score} 대 "
        "{winner_score}) 전환하려면 이전 비용이 든다",
    ),
    "sum_not_applicable": (
        "not applicable: its rules favour it, but it follows none of the recommended patterns "
        "(needs one of: {patterns})",
        "적용 불가: 규칙은 이 패턴을 지지하지만 추천된 어떤 패턴의 후속도 아니다 "
        "(필요한 선행 패턴: {patterns})",
    ),
    "sum_not_needed": ("not needed: {why}", "필요 없음: {why}"),
    "sum_needed": (
        "recommended outside the scope you chose, because {patterns} need it ({score})",
        "선택한 범위 밖이지만 {patterns}에 필요해서 추천 ({score})",
    ),
    "sum_not_assessed": (
        "not assessed: outside the scope you chose{status}",
        "평가하지 않음: 선택한 범위 밖{status}",
    ),
    "na_status_add": (
        " (the whole-architecture advice would recommend it)",
        " (아키텍처 전체를 조언한다면 추천했을 것)",
    ),
    "na_status_keep": (
        " (it is in place; the whole-architecture advice would keep it)",
        " (이미 적용됨, 아키텍처 전체를 조언한다면 유지했을 것)",
    ),
    "na_status_reconsider": (
        " (it is in place; the whole-architecture advice would reconsider it)",
        " (이미 적용됨, 아키텍처 전체를 조언한다면 재검토했을 것)",
    ),
    "na_status_none": (
        " (the whole-architecture advice would not recommend it either)",
        " (아키텍처 전체를 조언하더라도 추천하지 않았을 것)",
    ),
    "resolved_instead": (
        "issue '{issue}' is resolved by {patterns} instead",
        "이슈 '{issue}'은(는) 대신 {patterns}이(가) 해결한다",
    ),
    "sum_not_raised": (
        "not recommended: no rule favours it for these answers, and none of the patterns that raise "
        "the issues it resolves ({raisers}) is recommended",
        "추천하지 않음: 이 답변에서 이 패턴을 지지하는 규칙이 없고, 이 패턴이 해결하는 이슈를 만드는 "
        "패턴({raisers})도 추천되지 않았다",
    ),
    "sum_issue_held_back": (
        "not recommended: the issues it resolves ({issues}) are not raised here, because these "
        "answers do not meet the conditions under which they arise",
        "추천하지 않음: 이 패턴이 해결하는 이슈({issues})가 이 답변에서는 발생 조건을 충족하지 않아 "
        "발생하지 않는다",
    ),
    "sum_dropped": (
        "not recommended: it cannot work without {patterns}, which cannot be recommended here",
        "추천하지 않음: {patterns} 없이는 동작할 수 없는데, 여기서는 이를 추천할 수 없다",
    ),
    "sum_dropped_any": (
        "not recommended: it cannot work without one of {patterns}, and none of them can be recommended here",
        "추천하지 않음: {patterns} 중 하나 없이는 동작할 수 없는데, 여기서는 그중 어느 것도 추천할 수 없다",
    ),
    "requires_head": ("It cannot work without {patterns}:", "{patterns} 없이는 동작할 수 없음:"),
    "requires_any_head": (
        "It cannot work without one of {patterns}:",
        "다음 중 하나 없이는 동작할 수 없음: {patterns}",
    ),
    "sum_no_raiser": (
        "not recommended: no rule favours it for these answers, and no pattern raises an issue it resolves",
        "추천하지 않음: 이 답변에서 이 패턴을 지지하는 규칙이 없고, 이 패턴이 해결하는 이슈를 만드는 "
        "패턴도 없다",
    ),
    # explain: sections
    "chain": ("Chain from the top-level decision:", "최상위 결정에서 이어지는 사슬:"),
    "via_issue": ("resolves '{issue}' raised by {parent}", "{parent}이(가) 만든 '{issue}' 해결"),
    "via_rules_after": ("recommended by its rules, after {parent}", "{parent} 다음에 규칙으로 추천"),
    "via_requirement": ("required by {parent}", "{parent}에 필요"),
    "via_rules": ("recommended by its rules", "규칙으로 추천"),
    "via_forces": (
        "chosen on the forces (its rules do not favour it)",
        "포스 점수로 선택 (규칙은 지지하지 않음)",
    ),
    "via_in_place": ("already in place", "이미 적용됨"),
    "issues_resolved": ("Issues it resolves:", "해결하는 이슈:"),
    "required_by_head": ("Patterns that cannot work without it:", "이 패턴 없이는 동작할 수 없는 패턴:"),
    "rules_fired": ("Rules that fired:", "발동한 규칙:"),
    "rule_line": ("rule {rule} ({verdict} {weight}): {reason}", "규칙 {rule} ({verdict} {weight}): {reason}"),
    "matched": ("matched: {tests}", "일치: {tests}"),
    "verdict_recommend": ("recommend", "추천"),
    "verdict_advise-against": ("advise-against", "비추천"),
    "fit": ("Fit with the forces:", "포스와의 적합도:"),
    "fit_line": (
        "{force} (weight {weight}) {effect} ×{strength}: {points}",
        "{force} (가중치 {weight}) {effect} ×{strength}: {points}",
    ),
    "effect_helps": ("helps", "도움"),
    "effect_hurts": ("hurts", "저해"),
    "lost_to": ("Lost to:", "진 상대:"),
    "needs_one_of": (
        "Needs one of these to be recommended first: {patterns}",
        "먼저 다음 중 하나가 추천되어야 한다: {patterns}",
    ),
    "would_resolve": ("Issues it would resolve:", "해결할 수 있는 이슈:"),
    "issue_line": ("'{issue}', raised by {raisers} ({state})", "'{issue}', 발생: {raisers} ({state})"),
    "no_pattern": ("no pattern", "없음"),
    "raised_here": ("raised here", "여기서 발생"),
    "not_raised_here": ("not raised here", "여기서는 발생하지 않음"),
    "not_raised_because": (
        "not raised here, because this does not hold: {tests}",
        "여기서는 발생하지 않음. 성립하지 않는 조건: {tests}",
    ),
    "not_raised_head": (
        "Issues it does not raise here (their conditions do not hold):",
        "여기서는 발생시키지 않는 이슈 (발생 조건이 성립하지 않음):",
    ),
    "held_back_line": ("'{issue}': this does not hold: {tests}", "'{issue}': 성립하지 않는 조건: {tests}"),
    "held_back_line_any": (
        "'{issue}': none of these holds: {tests}",
        "'{issue}': 모두 성립하지 않는 조건: {tests}",
    ),
    "not_raised_because_any": (
        "not raised here, because none of these holds: {tests}",
        "여기서는 발생하지 않음. 모두 성립하지 않는 조건: {tests}",
    ),
    "resolved_by": ("resolved by {patterns}", "해결: {patterns}"),
    "its_rules": ("Its rules, against these answers:", "이 답변에 비춘 규칙:"),
    "check_line": (
        "{rule} ({verdict} {weight}) {mark}: {reason}",
        "{rule} ({verdict} {weight}) {mark}: {reason}",
    ),
    "fired": ("✔ fired", "✔ 발동"),
    "not_fired": ("✘ did not fire", "✘ 발동 안 함"),
    "option": ("option {number}: ", "선택지 {number}: "),
    "is_actual": ("is {actual}", "실제 {actual}"),
    "recommended": ("recommended", "추천됨"),
    "not_recommended": ("not recommended", "추천 안 됨"),
    "raised": ("raised", "발생"),
    "not_raised": ("not raised", "발생 안 함"),
    "no_rule": (
        "No applicability rule names it; it can only come in as a successor.",
        "이 패턴을 지목하는 적용 규칙이 없다. 후속 패턴으로만 들어올 수 있다.",
    ),
    "flips_remove": (
        "Single changes that remove it (the ones advisor whatif finds; each verified):",
        "이 패턴을 빼는 단일 변경 (advisor whatif가 찾는 것과 같음, 각각 확인함):",
    ),
    "flips_bring": (
        "Single changes that bring it in (the ones advisor whatif finds; each verified):",
        "이 패턴을 들여오는 단일 변경 (advisor whatif가 찾는 것과 같음, 각각 확인함):",
    ),
    "combined": (
        "Combined changes that bring it in (each verified by re-running the advisor):",
        "이 패턴을 들여오는 조합 변경 (각각 어드바이저를 다시 실행해 확인함):",
    ),
    "no_change_removes": (
        "No single change of an answer or force weight removes it, and no combination found does.",
        "답변이나 포스 가중치 하나를 바꿔서는 빠지지 않으며, 그렇게 하는 조합도 찾지 못했다.",
    ),
    "no_change_brings": (
        "No single change of an answer or force weight brings it in, and no combination found does.",
        "답변이나 포스 가중치 하나를 바꿔서는 들어오지 않으며, 그렇게 하는 조합도 찾지 못했다.",
    ),
    "removes_it": ("removes it", "빠짐"),
    "brings_it_in": ("brings it in", "들어옴"),
    "also_adds": ("also adds {patterns}", "함께 추가: {patterns}"),
    "also_removes": ("also removes {patterns}", "함께 제거: {patterns}"),
    "effect_fires": ("rule {rule}{of} fires", "{of}규칙 {rule} 발동"),
    "effect_stops": ("rule {rule}{of} no longer fires", "{of}규칙 {rule} 더 이상 발동 안 함"),
    "effect_wins": ("{pattern} wins over its alternative", "{pattern}이(가) 대안을 이김"),
    "of_pattern": (" of {pattern}", "{pattern}의 "),
    "then_recommended": ("{pattern} is then recommended", "그러면 {pattern} 추천"),
    "still_not": ("{pattern} is still not recommended", "그래도 {pattern} 추천 안 됨"),
    "suggestion": ("{what}: {effect}; {outcome}", "{what}: {effect}; {outcome}"),
    "try": ("try: {sets}", "실행: {sets}"),
    # whatif
    "whatif_head": (
        "What would change the recommendation for {system}: {tried} single changes tried, {flips} change it.",
        "{system}의 추천을 바꾸는 것: 단일 변경 {tried}개를 시도했고 {flips}개가 추천을 바꾼다.",
    ),
    "recommended_now": ("Recommended now: {patterns}", "현재 추천: {patterns}"),
    "nothing": ("(nothing)", "(없음)"),
    "no_flip": (
        "No single change of an answer or force weight changes the recommendation.",
        "답변이나 포스 가중치 하나만 바꿔서는 추천이 바뀌지 않는다.",
    ),
    "or": ("{first} or {last}", "{first} 또는 {last}"),
    "flip": (
        "{index}. {subject} {old} → {new}   (try: --set {set})",
        "{index}. {subject} {old} → {new}   (실행: --set {set})",
    ),
    "adds": ("     adds:    {patterns}", "     추가:    {patterns}"),
    "removes": ("     removes: {patterns}", "     제거:    {patterns}"),
    "stable": (
        "No single change of these alters the recommendation: {subjects}",
        "다음은 하나만 바꿔서는 추천이 바뀌지 않는다: {subjects}",
    ),
    "force_subject": ("force {force}", "포스 {force}"),
    # diff
    "comparing": ("Comparing {before} → {after}", "비교: {before} → {after}"),
    "answers_changed": ("Answers changed:", "바뀐 답변:"),
    "forces_changed": ("Force weights changed:", "바뀐 포스 가중치:"),
    "same_answers": ("The answers and force weights are the same.", "답변과 포스 가중치가 같다."),
    "not_asked": ("(not asked)", "(묻지 않음)"),
    "added": ("Patterns added:", "추가된 패턴:"),
    "removed": ("Patterns removed:", "제거된 패턴:"),
    "same_patterns": ("The recommended patterns are the same.", "추천 패턴이 같다."),
    "scores_changed": ("Scores changed:", "바뀐 점수:"),
    "open_issues": ("Open issues:", "남은 이슈:"),
    "status_accepted": ("accepted", "수용"),
    "status_unresolved": ("unresolved", "미해결"),
    "diff_rule": ("rule {rule} ({weight}): {reason}", "규칙 {rule} ({weight}): {reason}"),
    "diff_lost": (
        "an alternative of {winner}, which won: {reason}",
        "{winner}의 대안이며, 그쪽이 선택됨: {reason}",
    ),
    "diff_against": ("advised against: {reason}", "비추천: {reason}"),
    "diff_stopped": (
        "rule {rule} no longer fires (it matched {tests})",
        "규칙 {rule} 더 이상 발동 안 함 (이전 일치: {tests})",
    ),
    "diff_reconsider": (
        "in place, to reconsider: an alternative of {preferred} is recommended",
        "이미 적용됨, 재검토 대상: 대안인 {preferred}이(가) 추천됨",
    ),
    "diff_forces": ("favoured by the forces", "포스가 지지함"),
    "diff_needs_one_of": (
        "follows none of the recommended patterns (needs one of: {patterns})",
        "추천된 어떤 패턴의 후속도 아님 (필요한 선행 패턴: {patterns})",
    ),
    "diff_predecessor_gone": (
        "its predecessor {parent} is no longer recommended, so nothing raises {issues}",
        "선행 패턴 {parent}이(가) 더 이상 추천되지 않아 {issues}을(를) 만드는 패턴이 없음",
    ),
    "diff_nothing_left": (
        "no rule favours it any more and no recommended pattern needs it as a successor",
        "이제 이 패턴을 지지하는 규칙도, 후속 패턴으로 필요로 하는 추천 패턴도 없음",
    ),
    # portfolio
    "portfolio": (
        "Portfolio: {assessed} of {systems} {systems:system|systems} assessed",
        "포트폴리오: 시스템 {systems}개 중 {assessed}개 평가",
    ),
    "portfolio_failed": (", {failed} failed", ", {failed}개 실패"),
    "patterns_needed": ("Patterns needed (systems):", "필요한 패턴 (시스템 수):"),
    "portfolio_risks": (
        "Risks across the systems (systems, severity):",
        "시스템 전반의 리스크 (시스템 수, 심각도):",
    ),
    "portfolio_unresolved": ("Unresolved issues (systems):", "해결되지 않은 이슈 (시스템 수):"),
}

#: The phrasebook of explain, whatif, diff and the portfolio summary.
WORDS = Phrasebook(_WORDS)
