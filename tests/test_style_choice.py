"""The architecture style against decisions that weigh on it: strict ACID everywhere, keeping the monolith.

A style is a choice among alternatives made from many answers. Answers that speak to the
whole data model (strict ACID everywhere) or that record the user's own decision (keep and
modularise the monolith) must not be overturned by one other answer; where the rest of the
answers still outweigh them, the advice says so as a high risk instead of planning quietly.
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation

#: A savings bank: three teams, every operation must be ACID, ACID weighted highest.
BANK: dict[str, Any] = {
    "system_name": "Savings Bank",
    "product_stage": "growth",
    "existing_system": "greenfield",
    "time_to_market_pressure": "moderate",
    "team_count": 3,
    "team_size": 7,
    "release_cadence": "monthly",
    "ops_maturity": "high",
    "domain_complexity": "moderate",
    "consistency_needs": "strict-acid-everywhere",
    "cross_service_queries": "some",
    "compliance_audit": "regulated",
    "expected_scale": "medium",
    "load_unevenness": "some-hotspots",
    "availability_target": "high",
    "client_kinds": ["web", "mobile"],
    "deployment_platform": "kubernetes",
    "polyglot": "single-stack",
    "messaging_infrastructure": "available",
}
BANK_FORCES = {"acid-consistency": 5, "security-isolation": 4, "availability": 4}

#: Answers that say nothing about consistency, one at a time.
UNRELATED = [
    ("existing_system", "monolith"),
    ("team_count", 5),
    ("release_cadence", "weekly"),
    ("release_cadence", "daily-or-more"),
    ("domain_complexity", "complex"),
    ("expected_scale", "large"),
    ("load_unevenness", "highly-uneven"),
    ("availability_target", "very-high"),
    ("polyglot", "many-stacks"),
    ("workload_profile", "bursty-events"),
    ("client_kinds", ["web", "mobile", "third-party-api"]),
]


def _advise(advisor: Advisor, forces: dict[str, int], **answers: Any) -> Recommendation:
    return advisor.advise(advisor.check_answers({"answers": {**BANK, **answers}, "forces": forces}))


def _style(result: Recommendation) -> str:
    (style,) = {"monolithic-architecture", "microservice-architecture"} & set(result.recommended_ids)
    return style


@pytest.mark.parametrize(("question", "value"), UNRELATED, ids=str)
def test_strict_acid_everywhere_is_not_flipped_by_one_other_answer(
    advisor: Advisor, question: str, value: object
) -> None:
    assert _style(_advise(advisor, BANK_FORCES)) == "monolithic-architecture"
    assert _style(_advise(advisor, BANK_FORCES, **{question: value})) == "monolithic-architecture"


@pytest.mark.parametrize(("question", "value"), [u for u in UNRELATED if u[0] != "release_cadence"], ids=str)
def test_the_strict_acid_answer_alone_holds_too(advisor: Advisor, question: str, value: object) -> None:
    """With ACID at an ordinary weight, the answer 'strict ACID everywhere' still carries the style."""
    forces = {**BANK_FORCES, "acid-consistency": 3}
    assert _style(_advise(advisor, forces, **{question: value})) == "monolithic-architecture"


def test_services_forced_by_many_answers_carry_a_high_acid_risk(advisor: Advisor) -> None:
    result = _advise(
        advisor, BANK_FORCES, team_count=15, release_cadence="daily-or-more", polyglot="many-stacks"
    )
    assert _style(result) == "microservice-architecture"
    risk = next(r for r in result.risks if r.id == "acid-everywhere-across-services")
    assert risk.severity == "high"


#: A retailer keeping its monolith and modularising it, with two teams.
KEEPER: dict[str, Any] = {
    "system_name": "Shop",
    "existing_system": "monolith",
    "migration_strategy": "keep-and-modularize",
    "team_count": 2,
    "release_cadence": "weekly",
    "ops_maturity": "high",
    "deployment_platform": "kubernetes",
}


def test_keeping_the_monolith_is_not_overruled_by_a_strangler(advisor: Advisor) -> None:
    result = advisor.advise(advisor.check_answers({"answers": KEEPER}))
    assert "monolithic-architecture" in {p.id for p in result.with_status("keep")}
    assert "strangler-application" not in result.recommended_ids
    assert "services-despite-keep-and-modularize" not in {r.id for r in result.risks}


def test_services_forced_against_keep_and_modularize_are_flagged(advisor: Advisor) -> None:
    """Fifteen teams releasing daily outweigh the decision: the advice says so, and why."""
    data = {
        **KEEPER,
        "team_count": 15,
        "release_cadence": "daily-or-more",
        "load_unevenness": "highly-uneven",
    }
    result = advisor.advise(advisor.check_answers({"answers": data}))
    assert "microservice-architecture" in result.recommended_ids
    # No migration is planned behind the user's back: no strangler is recommended ...
    assert "strangler-application" not in result.recommended_ids
    # ... the kept monolith is to reconsider, saying the user's answers favour keeping it ...
    (monolith,) = (r for r in result.reconsider if r.id == "monolithic-architecture")
    assert "favoured-too" in monolith.causes and "alternative-preferred" in monolith.causes
    # ... and a high risk names the conflict, with the strangler as the way if they migrate.
    risk = next(r for r in result.risks if r.id == "services-despite-keep-and-modularize")
    assert risk.severity == "high" and "strangler-application" in risk.mitigated_by
    # An incremental migration is planned with its strangler, as before.
    migrate = advisor.advise(
        advisor.check_answers({"answers": {**data, "migration_strategy": "incremental"}})
    )
    assert "strangler-application" in migrate.recommended_ids
    assert "services-despite-keep-and-modularize" not in {r.id for r in migrate.risks}
