"""A rule's reason fires only where the answers make it true."""

from __future__ import annotations

from typing import Any

from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation

#: A regulated bank keeping one deployable: many teams, few stacks, quarterly releases.
BANK = {
    "system_name": "Bank core",
    "team_count": 6,
    "team_size": 8,
    "release_cadence": "quarterly",
    "ops_maturity": "low",
    "consistency_needs": "strict-acid-everywhere",
    "compliance_audit": "regulated",
    "polyglot": "few-stacks",
}


#: What the bank weighs most: ACID consistency and operational simplicity.
FORCES = {"acid-consistency": 5, "operational-simplicity": 4, "team-autonomy": 1}


def _advise(advisor: Advisor, **answers: Any) -> Recommendation:
    return advisor.advise(advisor.check_answers({"answers": {**BANK, **answers}, "forces": FORCES}))


def _fired(result: Recommendation, pattern_id: str) -> set[str]:
    pattern = result.pattern(pattern_id)
    assert pattern is not None, pattern_id
    return {r.rule for r in pattern.reasons if r.kind == "rule" and r.rule}


def test_frequent_changes_are_a_reason_only_where_teams_release_often(advisor: Advisor) -> None:
    rule = "log-deployments-frequent-changes"
    assert rule not in _fired(_advise(advisor), "log-deployments-and-changes")  # quarterly
    for cadence, teams in (("daily-or-more", 3), ("weekly", 6)):
        result = _advise(advisor, release_cadence=cadence, team_count=teams, compliance_audit="none")
        assert rule in _fired(result, "log-deployments-and-changes"), (cadence, teams)
    result = _advise(advisor, release_cadence="monthly", team_count=12, compliance_audit="none")
    assert "log-deployments-and-changes" not in result.recommended_ids or rule not in _fired(
        result, "log-deployments-and-changes"
    )


def test_one_stack_is_not_accepted_silently_where_the_teams_use_several(advisor: Advisor) -> None:
    result = _advise(advisor)
    assert "monolithic-architecture" in result.recommended_ids
    risks = {r.id: r for r in result.risks}
    assert risks["technology-lock-in-with-several-stacks"].issue == "monolith-technology-lock-in"
    single = _advise(advisor, polyglot="single-stack")
    assert not {r.id for r in single.risks} & {
        "technology-lock-in-with-several-stacks",
        "technology-lock-in-with-many-stacks",
    }
