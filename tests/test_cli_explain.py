"""``advisor explain``: why a pattern is recommended, and why not, on the examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import ROOT

ENTERPRISE = str(ROOT / "examples" / "enterprise-escaping-monolith.yaml")
STARTUP = str(ROOT / "examples" / "startup-mvp.yaml")


def _explain(runner: CliRunner, answers: str, pattern: str, *extra: str) -> dict[str, Any]:
    result = runner.invoke(cli, ["explain", answers, pattern, "--json", *extra])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _recommended(runner: CliRunner, answers: str, sets: list[str]) -> list[str]:
    args = ["recommend", answers, "--json"] + [a for s in sets for a in ("--set", s)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    return [p["id"] for p in json.loads(result.stdout)["recommended"]]


def test_why_a_successor_shows_the_chain_of_issues(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["explain", ENTERPRISE, "saga"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "saga (Saga) for Nordwind Retail Platform: recommended as a successor of database-per-service, "
        "resolving issue 'distributed-transactions' (score "
    )
    assert "Chain from the top-level decision:" in lines
    assert "  microservice-architecture  recommended by its rules" in lines
    assert "     └─ saga  resolves 'distributed-transactions' raised by database-per-service" in lines
    assert "Fit with the forces:" in lines
    assert "  • team-autonomy (weight 5) helps ×2: +2" in lines


def test_why_a_rule_recommended_pattern_names_rules_and_matched_answers(runner: CliRunner) -> None:
    data = _explain(runner, ENTERPRISE, "microservice-architecture")
    assert data["status"] == "recommended"
    assert data["chain"] == [
        {
            "issue": None,
            "on_forces": False,
            "origin": "rule",
            "parent": None,
            "pattern": "microservice-architecture",
        }
    ]
    fired = [r for r in data["reasons"] if r["kind"] == "rule"]
    assert fired
    assert all(r["matched"] for r in fired)
    text = runner.invoke(cli, ["explain", ENTERPRISE, "microservice-architecture"]).stdout
    for reason in fired:
        assert f"  • rule {reason['rule']} ({reason['verdict']} " in text
    assert {"code": "test_answer", "args": {"question": "team_count", "op": "gte", "value": 3}} in [
        m["test"] for r in fired for m in r["matched"]
    ]
    assert "      matched: " in text and "team_count ≥ 3 (15)" in text


def test_why_not_an_alternative_that_lost(runner: CliRunner) -> None:
    data = _explain(runner, ENTERPRISE, "polling-publisher")
    assert data["status"] == "alternative"
    assert data["summary"] == {"code": "sum_lost", "args": {}}
    text = runner.invoke(cli, ["explain", ENTERPRISE, "polling-publisher"]).stdout
    assert text.startswith(
        "polling-publisher (Polling publisher) for Nordwind Retail Platform: "
        "not recommended: transaction-log-tailing is recommended instead, scoring "
    )
    [rival] = data["lost_to"]
    assert (rival["winner"], rival["loser"], rival["reason"]) == (
        "transaction-log-tailing",
        "polling-publisher",
        "outscored",
    )
    assert rival["winner_score"]["total"] >= rival["loser_score"]["total"]
    no_cdc = next(r for r in data["rules"] if r["rule"] == "polling-publisher-no-cdc")
    assert not no_cdc["fired"]
    test = {
        "code": "test_answer",
        "args": {"question": "database_supports_cdc", "op": "equals", "value": False},
    }
    assert no_cdc["clauses"][0] == [{"actual": True, "holds": False, "test": test}]
    assert "database_supports_cdc = no ✘ (is yes)" in text
    assert "database_supports_cdc=false" in [f["change"]["set"] for f in data["flips"]]


def test_a_loser_is_given_its_own_reason(runner: CliRunner) -> None:
    text = runner.invoke(cli, ["explain", STARTUP, "microservice-architecture"]).stdout
    assert "Lost to:" in text
    assert (
        "  • monolithic-architecture: this pattern is advised against here (rule score -10); it scores "
        in text
    )
    won = _explain(runner, STARTUP, "monolithic-architecture")["won_over"]
    assert [(r["loser"], r["reason"]) for r in won] == [("microservice-architecture", "advised-against")]


@pytest.mark.parametrize(
    ("answers", "pattern"),
    [
        (ENTERPRISE, "polling-publisher"),
        (STARTUP, "audit-logging"),
        (ENTERPRISE, "sidecar"),
        (ENTERPRISE, "service-template"),
    ],
)
def test_every_change_shown_does_what_it_says(runner: CliRunner, answers: str, pattern: str) -> None:
    data = _explain(runner, answers, pattern)
    recommended_now = data["status"] == "recommended"
    changes = [[f["change"]["set"]] for f in data["flips"]]
    changes += [[c["set"] for c in s["changes"]] for s in data["suggestions"]]
    assert changes
    for sets in changes:
        assert (pattern in _recommended(runner, answers, sets)) is not recommended_now, sets


def test_why_not_a_pattern_the_rules_advise_against(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["explain", STARTUP, "microservice-architecture"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "microservice-architecture (Microservice architecture) for Pantry Pal: advised against"
    )
    assert "Rules that fired:" in lines
    assert "Its rules, against these answers:" in lines
    data = _explain(runner, STARTUP, "microservice-architecture")
    assert data["status"] == "advised-against"
    assert {r["verdict"] for r in data["reasons"]} == {"advise-against"}
    # an MVP run by one team with low operations maturity: no change found makes it microservices,
    # and explain says so instead of listing changes that leave it out
    assert data["flips"] == [] and data["suggestions"] == []
    assert (
        "No single change of an answer or force weight brings it in, and no combination found does." in lines
    )
    # a grown product with mature operations: a few more teams would tip it
    grown = _explain(
        runner,
        STARTUP,
        "microservice-architecture",
        "--set",
        "ops_maturity=high",
        "--set",
        "product_stage=growth",
    )
    assert [f["change"]["set"] for f in grown["flips"]][:1] == ["team_count=4"]


def test_why_not_a_successor_whose_raiser_is_missing(runner: CliRunner) -> None:
    data = _explain(runner, STARTUP, "saga")
    assert data["status"] == "not-raised"
    assert data["summary"] == {"code": "sum_not_raised", "args": {"raisers": ["database-per-service"]}}
    assert runner.invoke(cli, ["explain", STARTUP, "saga"]).stdout.startswith(
        "saga (Saga) for Pantry Pal: not recommended: no rule favours it for these answers, and none of "
        "the patterns that raise the issues it resolves (database-per-service) is recommended\n"
    )
    assert data["resolves"] == [
        {
            "issue": "distributed-transactions",
            "raised": False,
            "raised_by": ["database-per-service"],
            "resolved_here_by": [],
            "because": [],
        }
    ]
    assert {s["pattern"] for s in data["suggestions"]} <= {"database-per-service"}


def test_an_issue_the_answers_do_not_raise_is_explained_both_ways(runner: CliRunner) -> None:
    # Nordwind with no business operation that changes several areas' data: no distributed transaction.
    none = ["--set", "cross_service_updates=none"]
    saga = _explain(runner, ENTERPRISE, "saga", *none)
    assert saga["status"] == "not-raised"
    held_back = {"code": "sum_issue_held_back", "args": {"issues": ["distributed-transactions"]}}
    assert saga["summary"] == held_back
    [link] = [link for link in saga["resolves"] if link["issue"] == "distributed-transactions"]
    assert link["raised"] is False
    assert [m["actual"] for m in link["because"]] == ["none"]
    # the one change that brings the issue (and the saga) back is offered and verified
    assert any(f["change"]["set"].startswith("cross_service_updates=") for f in saga["flips"])
    text = runner.invoke(cli, ["explain", ENTERPRISE, "saga", *none]).stdout
    assert (
        "'distributed-transactions', raised by database-per-service (not raised here, because this does "
        "not hold: cross_service_updates in [some, many] (is none))"
    ) in text
    korean = runner.invoke(cli, ["explain", ENTERPRISE, "saga", *none, "--lang", "ko"]).stdout
    assert "여기서는 발생하지 않음. 성립하지 않는 조건: cross_service_updates ∈ [some, many]" in korean
    # the pattern that would raise it says which of its issues it does not raise here, and why
    owner = _explain(runner, ENTERPRISE, "database-per-service", *none)
    assert owner["status"] == "recommended"
    assert [(n["id"], n["raised_by"]) for n in owner["not_raised"]] == [
        ("distributed-transactions", "database-per-service")
    ]
    text = runner.invoke(cli, ["explain", ENTERPRISE, "database-per-service", *none]).stdout
    assert "Issues it does not raise here (their conditions do not hold):" in text


def test_why_not_a_resolver_when_another_resolves_the_issue(runner: CliRunner) -> None:
    data = _explain(runner, ENTERPRISE, "sidecar")
    assert data["status"] == "not-needed"
    assert data["summary"] == {"code": "sum_not_needed", "args": {}}
    assert runner.invoke(cli, ["explain", ENTERPRISE, "sidecar"]).stdout.startswith(
        "sidecar (Sidecar) for Nordwind Retail Platform: not needed: "
        "issue 'cross-cutting-concerns' is resolved by service-mesh, service-template instead\n"
    )


def test_explanations_are_deterministic(runner: CliRunner) -> None:
    first = runner.invoke(cli, ["explain", STARTUP, "microservice-architecture"])
    second = runner.invoke(cli, ["explain", STARTUP, "microservice-architecture"])
    assert first.stdout == second.stdout


def test_unknown_pattern(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["explain", STARTUP, "sagga"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "error: unknown pattern 'sagga'\n  hint: did you mean 'saga'?\n"


def test_a_pattern_dropped_for_its_requirement_says_what_it_needs_and_why_not(runner: CliRunner) -> None:
    # Nordwind without a message broker: CQRS views cannot be kept up to date from events.
    no_broker = ["--set", "messaging_infrastructure=not-wanted"]
    data = _explain(runner, ENTERPRISE, "cqrs", *no_broker)
    assert data["status"] == "dropped"
    assert data["summary"] == {"code": "sum_dropped", "args": {"patterns": ["messaging"]}}
    assert data["needs_one_of"] == ["messaging"]
    assert data["unmet"] == [{"code": "blocked_against", "args": {"pattern": "messaging"}}]
    # allowing a broker is verified to bring it back
    assert any(f["change"]["set"].startswith("messaging_infrastructure=") for f in data["flips"])
    text = runner.invoke(cli, ["explain", ENTERPRISE, "cqrs", *no_broker]).stdout
    assert text.splitlines()[0].endswith(
        "not recommended: it cannot work without messaging, which cannot be recommended here"
    )
    assert "It cannot work without messaging:" in text
    assert "Messaging is advised against here" in text
    korean = runner.invoke(cli, ["explain", ENTERPRISE, "cqrs", *no_broker, "--lang", "ko"]).stdout
    assert "messaging 없이는 동작할 수 없음:" in korean
    assert "뷰는 데이터를 소유한 서비스가 메시지 브로커로 발행하는 이벤트로" in korean


def test_a_successor_of_a_pattern_to_reconsider_names_what_it_follows(runner: CliRunner) -> None:
    # The startup's microservices are in place but advised against (to reconsider); what
    # resolves their issues meanwhile still says whose issue it resolves.
    sets = ["--set", "existing_system=existing-microservices"]
    result = runner.invoke(cli, ["recommend", STARTUP, "--json", *sets])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "microservice-architecture" in [r["id"] for r in data["reconsider"]]
    orphans = [p["id"] for p in data["recommended"] if p["origin"] == "successor" and p["parent"] is None]
    assert orphans  # successors of the pattern to reconsider
    for pattern in orphans:
        explained = runner.invoke(cli, ["explain", STARTUP, pattern, *sets])
        assert explained.exit_code == 0, explained.output
        head = explained.stdout.splitlines()[0]
        assert "None" not in head, head
        reason = next(r for r in data["recommended"] if r["id"] == pattern)["reasons"]
        successor = next(r for r in reason if r["kind"] == "successor")
        assert f"a successor of {successor['predecessor']}, resolving issue '{successor['issue']}'" in head


def test_a_style_no_rule_favours_is_explained_as_chosen_on_the_forces(
    runner: CliRunner, tmp_path: Path
) -> None:
    # Eight teams releasing daily against strict ACID and low operations maturity: the rules
    # cancel out, and the style is chosen on the forces; explain does not say "its rules favour it".
    answers = tmp_path / "bank.yaml"
    answers.write_text(
        "answers:\n  system_name: Bank\n  team_count: 8\n  ops_maturity: low\n"
        "  consistency_needs: strict-acid-everywhere\n  product_stage: growth\n"
        "  release_cadence: daily-or-more\n  compliance_audit: regulated\n  domain_complexity: complex\n"
        "  polyglot: few-stacks\n  load_unevenness: uniform\n  expected_scale: medium\n",
        encoding="utf-8",
    )
    data = _explain(runner, str(answers), "audit-logging")
    root = data["chain"][0]
    assert root["origin"] == "rule" and root["on_forces"] is True
    style = _explain(runner, str(answers), root["pattern"])
    assert style["summary"]["code"] == "sum_on_forces" and style["score"]["rules"] <= 0
    text = runner.invoke(cli, ["explain", str(answers), "audit-logging"]).stdout
    assert f"  {root['pattern']}  chosen on the forces (its rules do not favour it)" in text
