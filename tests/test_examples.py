"""The bundled examples give the recommendations they are documented to give."""

from __future__ import annotations

import pytest

from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from conftest import EXAMPLES, ROOT


def _advise(advisor: Advisor, name: str) -> Recommendation:
    return advisor.advise(advisor.read_answers(ROOT / "examples" / name))


def test_there_are_at_least_three_examples_with_a_header() -> None:
    assert len(EXAMPLES) >= 3
    for example in EXAMPLES:
        comments = [line for line in example.read_text().splitlines()[:12] if line.startswith("#")]
        assert len(comments) >= 3, f"{example.name} needs a comment header describing the system"


def test_startup_gets_a_monolith_without_distributed_data(advisor: Advisor) -> None:
    result = _advise(advisor, "startup-mvp.yaml")
    ids = set(result.recommended_ids)
    # The monolith deployed on the managed platform it names (as a container image, configured per
    # environment) and operations patterns for it in production; nothing of distributed data.
    assert ids == {
        "monolithic-architecture",
        "service-deployment-platform",
        "service-instance-per-container",
        "externalized-configuration",
        "health-check-api",
        "log-aggregation",
        "exception-tracking",
        "log-deployments-and-changes",
    }
    against = {a.id: a for a in result.advised_against}
    assert "microservices-small-mvp" in {r.rule for r in against["microservice-architecture"].reasons}
    assert {a.id: a.instead_of for a in result.alternatives}["microservice-architecture"] == (
        "monolithic-architecture"
    )
    assert {p.id: p.parent for p in result.recommended}["log-aggregation"] == "monolithic-architecture"
    assert [i.id for i in result.open_issues if i.status != "accepted"] == []


def test_enterprise_gets_microservices_and_the_full_chain(advisor: Advisor) -> None:
    result = _advise(advisor, "enterprise-escaping-monolith.yaml")
    ids = set(result.recommended_ids)
    assert {
        "microservice-architecture",
        "decompose-by-subdomain",
        "database-per-service",
        "saga",
        "transactional-outbox",
        "api-gateway",
        "backends-for-frontends",
        "cqrs",
        "strangler-application",
        "anti-corruption-layer",
        "log-aggregation",
        "distributed-tracing",
        "application-metrics",
        "health-check-api",
    } <= ids
    assert ids.isdisjoint({"monolithic-architecture", "shared-database", "event-sourcing"})
    assert ids & {"polling-publisher", "transaction-log-tailing"} == {"transaction-log-tailing"}
    chain = {p.id: p.parent for p in result.recommended}
    assert chain["database-per-service"] == "microservice-architecture"
    assert chain["saga"] == "database-per-service"
    assert chain["transactional-outbox"] in {"saga", "domain-event"}
    assert chain["transaction-log-tailing"] == "transactional-outbox"
    against = {a.id: {r.rule for r in a.reasons} for a in result.advised_against}
    assert "shared-database-independent-teams" in against["shared-database"]
    # The monolith it starts from is in place: reconsidered, replaced by microservices, with why.
    assert result.in_place == ("monolithic-architecture",)
    reconsider = {r.id: r for r in result.reconsider}
    assert "monolith-many-teams" in {r.rule for r in reconsider["monolithic-architecture"].reasons}
    assert reconsider["monolithic-architecture"].preferred == ("microservice-architecture",)
    alternatives = {a.id: a.instead_of for a in result.alternatives}
    assert alternatives["polling-publisher"] == "transaction-log-tailing"
    assert alternatives["shared-database"] == "database-per-service"
    assert [i.id for i in result.open_issues if i.status != "accepted"] == []


def test_fintech_keeps_its_ledger_history_with_event_sourcing(advisor: Advisor) -> None:
    result = _advise(advisor, "regulated-fintech.yaml")
    ids = set(result.recommended_ids)
    assert {
        "microservice-architecture",
        "decompose-by-subdomain",
        "database-per-service",
        "saga",
        "event-sourcing",
        "cqrs",
        "messaging",
        "idempotent-consumer",
        "api-gateway",
        "access-token",
        "audit-logging",
    } <= ids
    assert "transactional-outbox" not in ids
    # The bank's protocols come beside the ledger's messaging and the API's synchronous calls:
    # communication is chosen per interaction, not one style for the whole system.
    assert {"domain-specific-protocol", "messaging", "remote-procedure-invocation"} <= ids
    assert {a.id: a.instead_of for a in result.alternatives}["transactional-outbox"] == "event-sourcing"
    assert [i.id for i in result.open_issues if i.status != "accepted"] == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_recommended_pattern_is_explained(advisor: Advisor, example: object) -> None:
    result = advisor.advise(advisor.read_answers(example))  # type: ignore[arg-type]
    for pattern in result.recommended:
        assert pattern.reasons, f"{pattern.id} has no reason"
        if pattern.origin == "successor":
            assert any(r.kind == "successor" for r in pattern.reasons)
        assert pattern.parent is None or pattern.parent in result.recommended_ids


def test_running_microservices_keep_what_works_and_plan_the_rest(advisor: Advisor) -> None:
    result = _advise(advisor, "freight-microservices-review.yaml")
    keep = {p.id for p in result.with_status("keep")}
    assert {
        "microservice-architecture",
        "api-gateway",
        "service-instance-per-container",
        "log-aggregation",
    } <= keep
    reconsider = {r.id: set(r.preferred) for r in result.reconsider}
    assert reconsider["shared-database"] == {"database-per-service"}
    # The synchronous calls stay for the queries users and partners wait for; messaging comes beside.
    assert "remote-procedure-invocation" not in reconsider
    assert "remote-procedure-invocation" in keep
    add = {p.id for p in result.with_status("add")}
    assert {
        "messaging",
        "transactional-outbox",
        "idempotent-consumer",
        "saga",
        "cqrs",
        "circuit-breaker",
        "distributed-tracing",
    } <= add
    in_place, first = result.plan[0], result.plan[1]
    assert (in_place.number, in_place.stage, in_place.effort.points) == (0, "in-place", 0)
    # What runs is kept; the registry Kubernetes provides is no work either.
    assert set(in_place.patterns) == keep | {"service-registry", "third-party-registration"}
    assert first.goal == "foundation-gaps"
    notes = {a.question: a.note for a in result.answers if a.note}
    assert set(notes) == {
        "existing_system",
        "ops_maturity",
        "cross_service_updates",
        "cross_service_queries",
        "messaging_infrastructure",
    }
