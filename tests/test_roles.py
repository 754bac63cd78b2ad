"""Where the system starts and what is in place; the class of every recommended pattern."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation

ROOT = Path(__file__).resolve().parents[1]
ENTERPRISE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"
Write = Callable[[str, str], Path]

#: Fifteen teams on running microservices that share one database and call each other directly.
RUNNING = {
    "system_name": "Running services",
    "existing_system": "existing-microservices",
    "team_count": 15,
    "release_cadence": "daily-or-more",
    "ops_maturity": "high",
    "deployment_platform": "kubernetes",
}


def _advise(advisor: Advisor, in_place: list[str], **answers: Any) -> Recommendation:
    data = {"answers": {**RUNNING, **answers}, "in_place": in_place}
    return advisor.advise(advisor.check_answers(data))


def test_existing_microservices_are_in_place_and_kept(advisor: Advisor) -> None:
    result = _advise(advisor, [])
    assert result.in_place == ("microservice-architecture",)
    micro = result.pattern("microservice-architecture")
    assert micro is not None
    assert (micro.origin, micro.status, micro.role) == ("in-place", "keep", "key-decision")
    # Its issues are raised like those of any recommended pattern: successors are added.
    assert {"database-per-service", "distributed-tracing", "log-aggregation"} <= set(result.recommended_ids)
    assert all(p.status == "add" for p in result.recommended if p.id != "microservice-architecture")


def test_a_shared_database_in_place_is_reconsidered_for_fifteen_teams(advisor: Advisor) -> None:
    result = _advise(advisor, ["shared-database", "api-gateway"])
    assert result.in_place == ("api-gateway", "microservice-architecture", "shared-database")
    gateway = result.pattern("api-gateway")
    assert gateway is not None and gateway.status == "keep"
    assert "shared-database" not in result.recommended_ids
    (shared,) = result.reconsider
    assert shared.id == "shared-database"
    assert "advised-against" in shared.causes
    assert "alternative-preferred" in shared.causes
    assert shared.preferred == ("database-per-service",)
    assert "shared-database-independent-teams" in {r.rule for r in shared.reasons}
    dbps = result.pattern("database-per-service")
    assert dbps is not None and dbps.status == "add"


def test_a_pattern_in_place_that_still_fits_is_kept(advisor: Advisor) -> None:
    result = _advise(advisor, ["database-per-service", "saga"])
    assert not result.reconsider
    kept = {p.id for p in result.with_status("keep")}
    assert kept == {"microservice-architecture", "database-per-service", "saga"}
    # The saga's issues are raised: the outbox resolves 'update the database and publish atomically'.
    outbox = result.pattern("transactional-outbox")
    assert outbox is not None
    assert any(r.raised_by == "saga" for r in outbox.resolves)


def test_a_working_decomposition_in_place_is_kept_though_an_alternative_scores_higher(
    advisor: Advisor,
) -> None:
    # A moderate domain: the rules favour decomposing by business capability, and say
    # nothing against the decomposition by subdomain the system already has.
    result = _advise(advisor, ["decompose-by-subdomain"], domain_complexity="moderate")
    assert advisor.catalog.rules["capability-moderate-domain"].pattern == "decompose-by-business-capability"
    assert "decompose-by-subdomain" not in {r.id for r in result.reconsider}
    kept = result.pattern("decompose-by-subdomain")
    assert kept is not None and kept.status == "keep"
    assert "decompose-by-business-capability" not in result.recommended_ids
    (alternative,) = [a for a in result.alternatives if a.id == "decompose-by-business-capability"]
    assert alternative.score.total > kept.score.total  # it scores higher, and is still not a switch
    assert alternative.reason.code == "alt_in_place"


def test_an_in_place_style_the_answers_contradict_is_reconsidered_with_why(advisor: Advisor) -> None:
    # An existing monolith its owners intend to leave: it is to be reconsidered, not kept,
    # and the reconsideration says why (the rule against it), not only what replaces it.
    answers = {
        "system_name": "Shop",
        "existing_system": "monolith",
        "migration_strategy": "incremental",
        "team_count": 4,
        "ops_maturity": "medium",
    }
    result = advisor.advise(advisor.check_answers({"answers": answers}))
    (monolith,) = result.reconsider
    assert monolith.id == "monolithic-architecture"
    assert "advised-against" in monolith.causes and monolith.reasons
    assert monolith.preferred == ("microservice-architecture",)


def test_every_recommended_pattern_has_a_class(advisor: Advisor) -> None:
    result = advisor.advise(advisor.read_answers(ENTERPRISE))
    roles = {p.id: p.role for p in result.recommended}
    assert {p for p, r in roles.items() if r == "key-decision"} >= {
        "microservice-architecture",
        "decompose-by-subdomain",
        "database-per-service",
        "messaging",
        "cqrs",
        "api-gateway",
        "strangler-application",
    }
    assert roles["saga"] == "consequence"
    assert roles["transaction-log-tailing"] == "consequence"
    assert roles["distributed-tracing"] == "practice"
    assert roles["consumer-driven-contract-test"] == "practice"
    assert roles["access-token"] == "practice"
    # A key decision is a minority: the rest follows from it or is hygiene.
    assert len(result.with_role("key-decision")) < len(result.recommended) / 2


def test_json_carries_class_status_and_what_to_reconsider(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["recommend", str(ENTERPRISE), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["in_place"] == ["monolithic-architecture"]
    assert {p["role"] for p in data["recommended"]} == {"key-decision", "consequence", "practice"}
    assert {p["status"] for p in data["recommended"]} == {"add"}
    (monolith,) = data["reconsider"]
    assert monolith["id"] == "monolithic-architecture"
    assert monolith["preferred"] == ["microservice-architecture"]


def test_unknown_pattern_in_place_is_a_located_error(runner: CliRunner, write: Write) -> None:
    path = write("a.yaml", "answers:\n  system_name: Shop\nin_place:\n  - saga\n  - api-gatway\n")
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {path}:5:5: unknown pattern 'api-gatway' in 'in_place'\n"
        "  hint: did you mean 'api-gateway'?\n"
    )


def test_in_place_listed_twice_or_not_a_list_is_refused(runner: CliRunner, write: Write) -> None:
    twice = write("b.yaml", "answers:\n  system_name: Shop\nin_place: [saga, saga]\n")
    result = runner.invoke(cli, ["recommend", str(twice)])
    assert result.exit_code == 2
    assert "'in_place' lists 'saga' twice" in result.stderr
    scalar = write("c.yaml", "answers:\n  system_name: Shop\nin_place: saga\n")
    result = runner.invoke(cli, ["recommend", str(scalar)])
    assert result.exit_code == 2
    assert f"error: {scalar}:3" in result.stderr
    assert "Traceback" not in result.stderr


def test_in_place_survives_a_round_trip_through_raw(advisor: Advisor) -> None:
    answers = advisor.check_answers({"answers": RUNNING, "in_place": ["saga", "api-gateway"]})
    assert answers.in_place == ("api-gateway", "saga")
    again = advisor.check_answers(answers.raw())
    assert again.in_place == answers.in_place
    assert advisor.advise(again) == advisor.advise(answers)


FREIGHT = ROOT / "examples" / "freight-microservices-review.yaml"


def test_a_pattern_adopted_only_to_resolve_another_issue_is_a_consequence(advisor: Advisor) -> None:
    result = advisor.advise(advisor.read_answers(FREIGHT))
    replica = result.pattern("command-side-replica")
    assert replica is not None
    # No rule of its own chose it: it answers an issue the self-contained service raises.
    assert replica.origin == "successor" and replica.score.rules <= 0
    assert replica.role == "consequence"
    # The same pattern chosen by its own rules (the fintech's reference data) is a decision.
    fintech = advisor.advise(advisor.read_answers(ROOT / "examples" / "regulated-fintech.yaml"))
    chosen = fintech.pattern("command-side-replica")
    assert chosen is not None and chosen.score.rules > 0
    assert chosen.role == "key-decision"


def test_a_general_form_settled_by_its_chosen_specialization_is_a_consequence(advisor: Advisor) -> None:
    result = advisor.advise(advisor.read_answers(ENTERPRISE))
    roles = {p.id: p.role for p in result.recommended}
    # Containers answer 'how is one instance packaged?': the container is the decision.
    assert roles["service-instance-per-container"] == "key-decision"
    assert roles["single-service-instance-per-host"] == "consequence"
    # A specialization that is no answer to the general pattern's question leaves it a decision.
    assert roles["api-gateway"] == "key-decision" and roles["backends-for-frontends"] == "key-decision"


def test_the_interview_asks_a_checkbox_per_group_of_what_is_in_place(advisor: Advisor) -> None:
    """Each in-place question offers exactly the patterns of its groups, named as the catalog names them."""
    section = next(s for s in advisor.questionnaire.sections if s.id == "in_place")
    offered: dict[str, str] = {}
    for question in section.questions:
        assert question.type == "multiselect"
        assert question.when is not None
        for choice in question.choices:
            pattern = advisor.catalog.patterns[choice.value]
            assert choice.in_place == (pattern.id,)
            assert (choice.label.en, choice.label.ko) == (pattern.name.en, pattern.name.ko)
            offered[pattern.id] = question.id
    # Every pattern but the architecture style (asked as the starting point) can be ticked once.
    styles = {p for p, pattern in advisor.catalog.patterns.items() if pattern.group == "architecture-style"}
    assert set(offered) == set(advisor.catalog.patterns) - styles


def test_ticked_patterns_are_in_place_like_a_listed_one(advisor: Advisor) -> None:
    ticked = advisor.check_answers({"answers": {**RUNNING, "in_place_data": ["shared-database"]}})
    listed = advisor.check_answers({"answers": RUNNING, "in_place": ["shared-database"]})
    first, second = advisor.advise(ticked), advisor.advise(listed)
    assert first.in_place == second.in_place == ("microservice-architecture", "shared-database")
    assert [r.id for r in first.reconsider] == ["shared-database"]
    # A greenfield is not asked what is in place: a ticked answer there is ignored.
    green = advisor.check_answers(
        {"answers": {**RUNNING, "existing_system": "greenfield", "in_place_data": ["shared-database"]}}
    )
    assert "in_place_data" in green.ignored
    assert advisor.advise(green).in_place == ()
