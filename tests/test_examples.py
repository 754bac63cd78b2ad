"""The bundled examples give the recommendations they are documented to give."""

from __future__ import annotations

import pytest

from advisor.api import Advisor
from advisor.recommendation import Recommendation
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
    assert "monolithic-architecture" in ids
    assert ids.isdisjoint({"microservice-architecture", "saga", "database-per-service"})
    assert "microservice-architecture" in {a.id for a in result.advised_against} | {
        a.id for a in result.alternatives
    }
    assert ids & {"health-check-api", "log-aggregation", "application-metrics"}


def test_enterprise_gets_microservices_and_the_full_chain(advisor: Advisor) -> None:
    result = _advise(advisor, "enterprise-escaping-monolith.yaml")
    ids = set(result.recommended_ids)
    assert {
        "microservice-architecture",
        "database-per-service",
        "saga",
        "transactional-outbox",
        "api-gateway",
    } <= ids
    assert ids & {"polling-publisher", "transaction-log-tailing"}
    assert ids & {"cqrs", "api-composition"}
    assert ids & {"log-aggregation", "distributed-tracing", "application-metrics"}
    assert ids & {"decompose-by-business-capability", "decompose-by-subdomain"}
    chain = {p.id: p.parent for p in result.recommended}
    assert chain["saga"] == "database-per-service"
    assert chain["transactional-outbox"] in {"saga", "domain-event"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_recommended_pattern_is_explained(advisor: Advisor, example: object) -> None:
    result = advisor.advise(advisor.read_answers(example))  # type: ignore[arg-type]
    for pattern in result.recommended:
        assert pattern.reasons, f"{pattern.id} has no reason"
        if pattern.origin == "successor":
            assert any(r.kind == "successor" for r in pattern.reasons)
        assert pattern.parent is None or pattern.parent in result.recommended_ids
