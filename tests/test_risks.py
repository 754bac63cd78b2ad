"""Risk rules: real risks with a severity, what is at stake and a mitigation, counted everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from advisor.catalog.loader import load_catalog
from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.core.risks import assess_risks
from advisor.errors import AdvisorError, CatalogError
from advisor.report.labels import say
from advisor.report.model import build_report
from conftest import EXAMPLES

Write = Callable[[str, str], Path]

#: Twelve teams, daily releases: the rules choose microservices with a database per service.
TEAMS = {
    "system_name": "Ledger Hub",
    "team_count": 12,
    "team_size": 7,
    "release_cadence": "daily-or-more",
    "ops_maturity": "high",
}


def _advise(advisor: Advisor, forces: dict[str, int] | None = None, **answers: Any) -> Recommendation:
    data: dict[str, Any] = {"answers": {**TEAMS, **answers}, "forces": forces or {}}
    if "in_place" in answers:
        data["in_place"] = data["answers"].pop("in_place")
    return advisor.advise(advisor.check_answers(data))


def _risks(result: Recommendation) -> dict[str, str]:
    return {r.id: r.severity for r in result.risks}


def test_acid_everywhere_with_microservices_is_a_high_risk(advisor: Advisor) -> None:
    result = _advise(advisor, consistency_needs="strict-acid-everywhere")
    assert "saga" in result.recommended_ids
    assert _risks(result)["acid-everywhere-across-services"] == "high"
    risk = next(r for r in result.risks if r.id == "acid-everywhere-across-services")
    assert [say(m.test) for m in risk.matched] == [
        "consistency_needs = strict-acid-everywhere",
        "pattern saga is recommended",
    ]
    assert "aggregate" in risk.mitigated_by
    # High risks come first.
    assert result.risks[0].severity == "high"


def test_acid_weighted_five_on_running_microservices_is_a_high_risk(advisor: Advisor) -> None:
    result = _advise(
        advisor,
        forces={"acid-consistency": 5},
        existing_system="existing-microservices",
        team_count=2,
        in_place=["database-per-service"],
    )
    assert _risks(result)["acid-everywhere-across-services"] == "high"


def test_eventual_consistency_carries_no_acid_risk(advisor: Advisor) -> None:
    result = _advise(advisor, consistency_needs="eventual-ok")
    assert "acid-everywhere-across-services" not in _risks(result)


def test_operations_maturity_against_mesh_services_and_event_sourcing(advisor: Advisor) -> None:
    low = _advise(
        advisor,
        ops_maturity="low",
        existing_system="existing-microservices",
        in_place=["service-mesh", "event-sourcing"],
    )
    assert {"low-ops-microservices", "low-ops-service-mesh", "low-ops-event-sourcing"} <= set(_risks(low))
    assert {_risks(low)[r] for r in ("low-ops-service-mesh", "low-ops-event-sourcing")} == {"high"}
    medium = _advise(
        advisor, ops_maturity="medium", existing_system="existing-microservices", in_place=["service-mesh"]
    )
    assert _risks(medium)["medium-ops-service-mesh"] == "medium"
    assert _risks(medium)["medium-ops-many-services"] == "medium"
    assert "low-ops-service-mesh" not in _risks(medium)


def test_one_small_team_running_microservices(advisor: Advisor) -> None:
    result = _advise(advisor, team_count=1, team_size=4, existing_system="existing-microservices")
    assert _risks(result)["single-small-team-microservices"] == "high"


def test_an_accepted_drawback_the_answers_contradict(advisor: Advisor) -> None:
    startup = next(p for p in EXAMPLES if p.stem == "startup-mvp")
    answers = advisor.read_answers(startup, ["load_unevenness=highly-uneven"])
    result = advisor.advise(answers)
    assert "monolithic-architecture" in result.recommended_ids
    risk = next(r for r in result.risks if r.id == "coarse-scaling-of-a-new-monolith")
    assert (risk.severity, risk.issue) == ("medium", "monolith-coarse-scaling")
    # With the load as the acceptance assumes, there is no such risk.
    assert "coarse-scaling-of-a-new-monolith" not in _risks(advisor.advise(advisor.read_answers(startup)))


def test_a_new_monolith_is_not_told_to_strangle_itself(advisor: Advisor) -> None:
    """A strangler migrates a running monolith: it is no mitigation for one still to be built."""
    startup = next(p for p in EXAMPLES if p.stem == "startup-mvp")
    for start in ("greenfield", "unknown"):
        answers = advisor.read_answers(
            startup,
            [
                "load_unevenness=highly-uneven",
                f"existing_system={start}",
                "deployment_platform=serverless-faas",
            ],
        )
        result = advisor.advise(answers)
        assert "monolithic-architecture" in result.recommended_ids
        assert "monolith-coarse-scaling" in {r.issue for r in result.risks}
        named = {p for r in result.risks for p in r.mitigated_by}
        assert "strangler-application" not in named, start
    # A running monolith is: growing services around it is how its hot functions move out.
    running = _advise(
        advisor,
        team_count=2,
        existing_system="monolith",
        migration_strategy="incremental",
        load_unevenness="highly-uneven",
    )
    risk = next(r for r in running.risks if r.issue == "monolith-coarse-scaling")
    assert "strangler-application" in risk.mitigated_by


def test_dont_know_that_decides_the_data_ownership(advisor: Advisor) -> None:
    result = _advise(advisor, consistency_needs="unknown", cross_service_queries="unknown")
    assert _risks(result)["unknown-consistency-decides-data"] == "medium"
    assert _risks(result)["unknown-queries-decide-querying"] == "medium"
    # A question that was not asked is not a "don't know": a greenfield has no migration strategy.
    assert "unknown-migration-strategy" not in _risks(result)


def test_every_force_weighted_five(advisor: Advisor) -> None:
    everything = dict.fromkeys(advisor.catalog.forces, 5)
    assert _risks(_advise(advisor, forces=everything))["nothing-prioritised"] == "medium"
    everything["time-to-market"] = 4
    assert "nothing-prioritised" not in _risks(_advise(advisor, forces=everything))


def test_the_nothing_prioritised_rule_lists_every_force(advisor: Advisor) -> None:
    rule = advisor.catalog.risks["nothing-prioritised"]
    tested = {leaf["force"] for leaf in rule.model_dump(by_alias=True, exclude_none=True)["when"]["all"]}
    assert tested == set(advisor.catalog.forces)


def test_every_risk_rule_has_words_in_both_languages(advisor: Advisor) -> None:
    assert len(advisor.catalog.risks) >= 12
    for risk in advisor.catalog.risks.values():
        for text in (risk.title, risk.stake, risk.mitigation):
            assert text.en.strip() and text.ko.strip(), risk.id


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_risk_count_is_the_same_in_every_output(runner: CliRunner, path: Path, tmp_path: Path) -> None:
    data = json.loads(runner.invoke(cli, ["recommend", str(path), "--json"]).stdout)
    count = len(data["risks"])
    report = tmp_path / "r.json"
    assert runner.invoke(cli, ["report", str(path), "--format", "json", "-o", str(report)]).exit_code == 0
    assert len(json.loads(report.read_text(encoding="utf-8"))["risks"]) == count
    md = tmp_path / "r.md"
    assert runner.invoke(cli, ["report", str(path), "--format", "md", "-o", str(md)]).exit_code == 0
    assert f"risks: {count} (" in md.read_text(encoding="utf-8")
    ko = tmp_path / "ko.md"
    assert (
        runner.invoke(cli, ["report", str(path), "--format", "md", "--lang", "ko", "-o", str(ko)]).exit_code
        == 0
    )
    assert f"리스크: {count} (" in ko.read_text(encoding="utf-8")


def test_a_risk_rule_naming_an_unknown_pattern_is_located(write: Write) -> None:
    path = write(
        "pack/risks/mine.yaml",
        "risks:\n"
        "  - id: my-risk\n"
        "    severity: high\n"
        "    title: {en: T, ko: T}\n"
        "    when: {pattern: sagaa}\n"
        "    stake: {en: S, ko: S}\n"
        "    mitigation: {en: M, ko: M}\n",
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog([path.parent.parent])
    assert "risk 'my-risk' refers to unknown pattern 'sagaa'" in str(caught.value)
    assert "did you mean 'saga'?" in str(caught.value)


def test_a_risk_rule_with_an_unknown_key_is_refused(write: Write) -> None:
    path = write(
        "pack/risks/mine.yaml",
        "risks:\n"
        "  - id: my-risk\n"
        "    severity: severe\n"
        "    title: {en: T, ko: T}\n"
        "    when: {pattern: saga}\n"
        "    stake: {en: S, ko: S}\n"
        "    mitigation: {en: M, ko: M}\n"
        "    owner: me\n",
    )
    with pytest.raises(AdvisorError) as caught:
        load_catalog([path.parent.parent])
    message = str(caught.value)
    assert "mine.yaml:3" in message and "severity" in message
    assert "mine.yaml:8" in message and "owner" in message


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_risk_names_as_its_mitigation_only_what_the_plan_holds(advisor: Advisor, example: Path) -> None:
    result = advisor.advise(advisor.read_answers(example))
    report = build_report(result, advisor.catalog, advisor.questionnaire)
    planned = set(result.recommended_ids)
    for row, risk in zip(report.risks, result.risks, strict=True):
        shown = {r.id for r in row.mitigated_by}
        beyond = {r.id for r in row.not_in_plan}
        assert shown <= planned and not beyond & planned, row.id
        assert shown | beyond == set(risk.mitigated_by)  # nothing the rule names is lost


def test_the_default_view_says_which_mitigation_is_not_in_the_plan(runner: CliRunner) -> None:
    freight = next(p for p in EXAMPLES if p.stem == "freight-microservices-review")
    result = runner.invoke(cli, ["recommend", str(freight)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    mesh = next(line for line in result.output.splitlines() if "A service mesh with medium" in line)
    # The chassis is not recommended for this system: it is offered, not claimed.
    assert "Service deployment platform; consider Microservice chassis (not in this plan)" in mesh


def test_a_strict_core_split_by_sagas_is_one_risk_whose_severity_follows_the_acid_weight(
    advisor: Advisor,
) -> None:
    # A strictly consistent core (a ledger) with sagas around it: a medium risk of its own ...
    result = _advise(advisor, consistency_needs="strict-within-core", cross_service_updates="many")
    assert "saga" in result.recommended_ids
    assert _risks(result).get("strict-core-across-services") == "medium"
    assert "acid-everywhere-across-services" not in _risks(result)
    # ... and where ACID consistency is weighted first, the one high risk, whose title does not
    # claim that strict ACID is needed everywhere when the answer says only within the core.
    result = _advise(
        advisor,
        {"acid-consistency": 5},
        consistency_needs="strict-within-core",
        cross_service_updates="many",
    )
    risks = _risks(result)
    assert risks.get("acid-everywhere-across-services") == "high"
    assert "strict-core-across-services" not in risks
    assert "everywhere" not in advisor.catalog.risks["acid-everywhere-across-services"].title.en


def test_an_issue_left_unresolved_is_a_risk(advisor: Advisor) -> None:
    # Many cross-service queries at scale without a broker: CQRS cannot be kept up to date
    # (dropped) and API composition is advised against at this scale, so nothing resolves
    # 'queries need data owned by several services'.
    result = _advise(
        advisor, cross_service_queries="many", expected_scale="large", messaging_infrastructure="not-wanted"
    )
    unresolved = [i.id for i in result.open_issues if i.status == "unresolved"]
    assert unresolved == ["cross-service-queries"]
    risks = {r.unresolved: r for r in result.risks if r.unresolved}
    assert set(risks) == set(unresolved)  # every unresolved issue is a risk, counted with the others
    risk = risks["cross-service-queries"]
    assert (risk.id, risk.severity) == ("unresolved-issue", "medium")
    assert risk.mitigated_by == ("api-composition", "cqrs")  # what resolves it


def test_an_unresolved_issue_is_rated_by_what_is_at_stake(advisor: Advisor) -> None:
    answers = advisor.check_answers({"answers": TEAMS})
    unresolved = ["asynchronous-messages", "cross-service-queries", "logs-scattered"]
    risks = assess_risks(advisor.catalog, answers, set(), set(unresolved), unresolved)
    assert [(r.unresolved, r.id, r.severity) for r in risks] == [
        ("asynchronous-messages", "unresolved-consistency-issue", "high"),
        ("cross-service-queries", "unresolved-issue", "medium"),
        ("logs-scattered", "unresolved-operations-issue", "low"),
    ]
    # each issue is claimed once: the rule for any other issue leaves the listed ones alone
    listed = {
        i for r in advisor.catalog.risks.values() if isinstance(r.unresolved, tuple) for i in r.unresolved
    }
    assert {"asynchronous-messages", "logs-scattered"} <= listed


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_unresolved_issue_of_an_example_is_a_risk(advisor: Advisor, path: Path) -> None:
    result = advisor.advise(advisor.read_answers(path))
    unresolved = {i.id for i in result.open_issues if i.status == "unresolved"}
    assert {r.unresolved for r in result.risks if r.unresolved} == unresolved


def test_an_unresolved_issue_is_shown_by_name_in_the_default_view(runner: CliRunner, write: Write) -> None:
    answers = write(
        "a.yaml",
        "answers:\n  system_name: Ledger Hub\n  team_count: 12\n  team_size: 7\n"
        "  release_cadence: daily-or-more\n  ops_maturity: high\n  cross_service_queries: many\n"
        "  expected_scale: large\n  messaging_infrastructure: not-wanted\n",
    )
    result = runner.invoke(cli, ["recommend", str(answers)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "Unresolved:" in line)
    assert "Unresolved: Queries need data owned by several services — The design has a gap" in line
    assert line.split()[0] == "medium"


def test_very_high_availability_on_synchronous_calls_only(advisor: Advisor) -> None:
    result = _advise(advisor, availability_target="very-high", messaging_infrastructure="not-wanted")
    assert "remote-procedure-invocation" in result.recommended_ids
    assert "messaging" not in result.recommended_ids
    assert _risks(result)["very-high-availability-synchronous-only"] == "high"
    # with messaging recommended as well, the services are not tied together in time
    with_messages = _advise(advisor, availability_target="very-high")
    assert "messaging" in with_messages.recommended_ids
    assert "very-high-availability-synchronous-only" not in _risks(with_messages)


def test_a_polling_publisher_at_internet_scale_write_volume(advisor: Advisor) -> None:
    result = _advise(
        advisor, expected_scale="internet-scale", read_write_ratio="write-heavy", database_supports_cdc=False
    )
    assert "polling-publisher" in result.recommended_ids
    assert _risks(result)["polling-publisher-at-internet-scale"] == "medium"
    smaller = _advise(
        advisor, expected_scale="large", read_write_ratio="write-heavy", database_supports_cdc=False
    )
    assert "polling-publisher-at-internet-scale" not in _risks(smaller)


def test_a_monolith_on_a_functions_platform(advisor: Advisor) -> None:
    result = _advise(
        advisor, team_count=1, team_size=3, product_stage="mvp", deployment_platform="serverless-faas"
    )
    assert "monolithic-architecture" in result.recommended_ids
    assert _risks(result)["monolith-on-functions"] == "medium"


def test_a_strictly_consistent_core_weighs_by_how_much_acid_matters(advisor: Advisor) -> None:
    light = _advise(advisor, consistency_needs="strict-within-core")
    assert "saga" in light.recommended_ids
    assert _risks(light)["strict-core-across-services"] == "medium"
    assert "strict-core-across-services-weighted" not in _risks(light)
    heavy = _advise(advisor, {"acid-consistency": 4}, consistency_needs="strict-within-core")
    assert "saga" in heavy.recommended_ids
    assert _risks(heavy)["strict-core-across-services-weighted"] == "high"
    assert "strict-core-across-services" not in _risks(heavy)


def test_a_risk_rule_needs_a_condition_or_issues_and_names_known_issues(write: Write) -> None:
    path = write(
        "pack/risks/mine.yaml",
        "risks:\n"
        "  - id: my-risk\n"
        "    severity: high\n"
        "    title: {en: T, ko: T}\n"
        "    stake: {en: S, ko: S}\n"
        "    mitigation: {en: M, ko: M}\n",
    )
    with pytest.raises(AdvisorError) as caught:
        load_catalog([path.parent.parent])
    assert "a risk rule needs 'when' (a condition) or 'unresolved' (issues), or both" in str(caught.value)
    path.write_text(
        path.read_text(encoding="utf-8") + "    unresolved: [distributed-transaction]\n", encoding="utf-8"
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog([path.parent.parent])
    assert "risk 'my-risk' refers to unknown issue 'distributed-transaction'" in str(caught.value)
    assert "did you mean 'distributed-transactions'?" in str(caught.value)
