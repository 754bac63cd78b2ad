"""The plan in phases: dependency order, stages, phase 0 for what is in place, effort sums."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.catalog.loader import Catalog
from advisor.core.advisor import Advisor
from advisor.core.plan import EFFORT_POINTS, plan_phases
from advisor.core.recommendation import Recommendation
from advisor.report.json import render_report_json
from advisor.report.markdown import render_markdown
from advisor.report.model import build_report
from conftest import EXAMPLES, ROOT

ENTERPRISE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"


def _assess(advisor: Advisor, path: Path) -> Recommendation:
    return advisor.advise(advisor.read_answers(path))


def _after(catalog: Catalog, result: Recommendation, pattern_id: str) -> set[str]:
    """What a pattern may follow: its predecessors, its parent, the patterns whose issues it resolves."""
    pattern = result.pattern(pattern_id)
    assert pattern is not None
    return {
        *catalog.patterns[pattern_id].related.predecessor,
        *([pattern.parent] if pattern.parent else []),
        *(r.raised_by for r in pattern.resolves),
    } & set(result.recommended_ids)


def test_every_bundled_pattern_has_an_effort_and_a_stage(advisor: Advisor) -> None:
    missing = [p.id for p in advisor.catalog.patterns.values() if p.effort is None or p.stage is None]
    assert not missing, f"set effort and stage for: {', '.join(missing)}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_pattern_comes_after_what_it_depends_on(advisor: Advisor, example: Path) -> None:
    result = _assess(advisor, example)
    position = {p: (phase.number, i) for phase in result.plan for i, p in enumerate(phase.patterns)}
    assert sorted(position) == sorted(result.recommended_ids), "every pattern is in exactly one phase"
    assert sum(len(phase.patterns) for phase in result.plan) == len(result.recommended)
    for pattern in result.recommended:
        assert pattern.phase == position[pattern.id][0]
        if pattern.phase == 0:  # in place or provided by the platform: already there
            continue
        after = _after(advisor.catalog, result, pattern.id)
        if after:
            assert any(position[a] < position[pattern.id] for a in after), (
                f"{pattern.id} comes before all of {sorted(after)}"
            )
        for required in getattr(advisor.catalog.patterns[pattern.id], "requires", ()):
            if required in position:
                assert position[required] < position[pattern.id]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_phases_are_numbered_in_stage_order_with_summed_effort(advisor: Advisor, example: Path) -> None:
    result = _assess(advisor, example)
    work = [phase for phase in result.plan if phase.number > 0]
    assert [phase.number for phase in work] == list(range(1, len(work) + 1))
    stages = ["foundation", "services", "edge", "operations"]
    assert [stages.index(phase.stage) for phase in work] == sorted(stages.index(p.stage) for p in work)
    for phase in result.plan:
        if phase.stage == "in-place":  # already there: no new work to size
            assert phase.effort.points == phase.effort.small == phase.effort.large == 0
            continue
        sizes = [advisor.catalog.patterns[p].effort for p in phase.patterns]
        effort = phase.effort
        assert (effort.small, effort.medium, effort.large) == tuple(
            sum(1 for s in sizes if s == size) for size in ("small", "medium", "large")
        )
        assert effort.points == sum(EFFORT_POINTS[s] for s in sizes if s is not None)


def test_a_migration_starts_with_the_strangler_the_anti_corruption_layer_and_the_platform(
    advisor: Advisor,
) -> None:
    plan = _assess(advisor, ENTERPRISE).plan
    first = next(phase for phase in plan if phase.number > 0)
    assert (first.number, first.stage, first.migration) == (1, "foundation", True)
    assert {"strangler-application", "anti-corruption-layer", "service-deployment-platform"} <= set(
        first.patterns
    )
    # The strangler and its anti-corruption layer before any other platform work. The strangler
    # follows no pattern (the language gives it no predecessor: its context is the monolith being
    # migrated), so it leads; the decision for services is in the same first phase.
    assert first.patterns[:2] == ("strangler-application", "anti-corruption-layer")
    assert "microservice-architecture" in first.patterns
    later = {p for phase in plan if phase.number > 1 for p in phase.patterns}
    assert {"saga", "cqrs", "distributed-tracing"} <= later


def test_patterns_in_place_are_phase_zero_and_successors_follow_them(advisor: Advisor) -> None:
    parents = {
        "database-per-service": None,
        "saga": "database-per-service",
        "messaging": None,
        "cqrs": "database-per-service",
    }
    plan = plan_phases(
        advisor.catalog,
        parents,
        {"saga": {"database-per-service"}},
        in_place={"microservice-architecture", "database-per-service"},
    )
    assert plan[0].number == 0 and plan[0].stage == "in-place"
    assert set(plan[0].patterns) == {"microservice-architecture", "database-per-service"}
    numbers = {p: phase.number for phase in plan for p in phase.patterns}
    assert numbers["saga"] == 1 and numbers["messaging"] == 1  # the first phase with work is phase 1
    assert numbers["cqrs"] == 2


def test_a_pack_without_effort_or_stage_is_planned_and_says_what_is_not_estimated(
    mini_advisor: Advisor,
) -> None:
    data = {
        "answers": {"system_name": "Test", "team_count": 12, "ops": "high", "clients": ["web"]},
        "forces": {"autonomy": 5},
    }
    result = mini_advisor.advise(mini_advisor.check_answers(data))
    assert [phase.number for phase in result.plan] == [1]
    assert result.plan[0].effort.unestimated == len(result.recommended)
    assert result.plan[0].effort.points == 0
    assert result.plan[0].patterns.index("micro") < result.plan[0].patterns.index("db-per-service")


def test_reports_show_every_phase_and_colour_the_graph_by_phase(advisor: Advisor) -> None:
    result = _assess(advisor, ENTERPRISE)
    report = build_report(result, advisor.catalog, advisor.questionnaire, "ko")
    text = render_markdown(report)
    for phase in report.plan:
        assert f"### {phase.title}" in text
    assert "### 1단계: 이전 시작" in text
    assert text.count("classDef") == len(report.plan)
    data = json.loads(render_report_json(report))
    # Phase 0: the discovery Kubernetes provides (the monolith in place is to reconsider).
    assert [p["number"] for p in data["plan"]] == [0, 1, 2, 3, 4]
    assert {n["group"] for n in data["graph"]["nodes"]} == {f"phase-{n}" for n in (0, 1, 2, 3, 4)}
    entry = next(p for g in data["groups"] for p in g["patterns"] if p["id"] == "saga")
    assert (entry["phase"], entry["effort"]) == (2, "large")


@pytest.mark.parametrize(
    ("start", "teams"), [("greenfield", 1), ("greenfield", 8), ("existing-microservices", 8)]
)
def test_a_system_integrating_a_legacy_one_gets_an_anti_corruption_layer(
    advisor: Advisor, start: str, teams: int
) -> None:
    """The layer guards any integration with a legacy model, not only a strangler's."""
    answers = {
        "system_name": "Claims",
        "existing_system": start,
        "team_count": teams,
        "release_cadence": "weekly",
        "ops_maturity": "high",
        "legacy_integration": True,
    }
    result = advisor.advise(advisor.check_answers({"answers": answers}))
    acl = result.pattern("anti-corruption-layer")
    assert acl is not None, "no anti-corruption layer"
    assert any(r.issue == "legacy-model-leakage" for r in acl.resolves)
    assert "strangler-application" not in result.recommended_ids
    # Guarding an integration is no migration: no phase says it starts one.
    assert not any(phase.migration for phase in result.plan)
    without = advisor.advise(advisor.check_answers({"answers": {**answers, "legacy_integration": False}}))
    assert "anti-corruption-layer" not in without.recommended_ids


def test_what_the_answers_need_early_is_planned_early(advisor: Advisor) -> None:
    """Phases follow need, not a fixed table: a regulator's audit trail starts with the foundation."""
    fintech = _assess(advisor, ROOT / "examples" / "regulated-fintech.yaml")
    phase = {p.id: p.phase for p in fintech.recommended}
    foundation = next(phase for phase in fintech.plan if phase.number > 0)
    assert foundation.stage == "foundation"
    assert {"audit-logging", "service-mesh"} <= set(foundation.patterns)  # regulated; zero trust
    assert phase["distributed-tracing"] == phase["database-per-service"]  # with the first services
    # The same patterns without the need keep their catalog stage.
    parents = {"microservice-architecture": None, "audit-logging": "microservice-architecture"}
    plain = plan_phases(advisor.catalog, parents, {})
    needed = plan_phases(advisor.catalog, parents, {}, needed={"audit-logging": "foundation"})
    assert [p.stage for p in plain] == ["foundation", "operations"]
    assert [(p.stage, p.patterns) for p in needed] == [
        ("foundation", ("microservice-architecture", "audit-logging"))
    ]


@pytest.mark.parametrize("platform", ["kubernetes", "managed-paas", "serverless-faas"])
def test_discovery_the_platform_provides_is_no_work_item(advisor: Advisor, platform: str) -> None:
    answers = {
        "system_name": "Orders",
        "existing_system": "greenfield",
        "team_count": 8,
        "release_cadence": "daily-or-more",
        "ops_maturity": "high",
        "deployment_platform": platform,
    }
    result = advisor.advise(advisor.check_answers({"answers": answers}))
    discovery = {"server-side-discovery", "service-registry", "third-party-registration"}
    planned = {p for phase in result.plan if phase.number > 0 for p in phase.patterns}
    assert not discovery & planned, "the platform's discovery is planned as work"
    zero = result.plan[0]
    assert zero.number == 0 and zero.effort.points == 0
    assert discovery & set(result.recommended_ids) <= set(zero.patterns)
    # A managed platform is the deployment platform, run by its provider; Kubernetes is run by you.
    if "service-deployment-platform" in result.recommended_ids:
        provided = "service-deployment-platform" in zero.patterns
        assert provided == (platform != "kubernetes")
    # A greenfield system closes no gaps: its first work phase is the foundation itself.
    assert result.plan[1].goal == "foundation"
    # On virtual machines the registry and discovery are work to do.
    vms = advisor.advise(
        advisor.check_answers({"answers": {**answers, "deployment_platform": "bare-metal-or-vms"}})
    )
    assert discovery & {p for phase in vms.plan if phase.number > 0 for p in phase.patterns}
