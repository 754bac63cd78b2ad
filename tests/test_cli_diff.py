"""``advisor diff``: what changed between two assessments, and why."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli

ENTERPRISE = "examples/enterprise-escaping-monolith.yaml"
STARTUP = "examples/startup-mvp.yaml"


# messages name files relative to the working folder
pytestmark = pytest.mark.usefixtures("in_root")


def test_milestone_diff_explains_added_and_removed(runner: CliRunner) -> None:
    args = ["diff", ENTERPRISE, ENTERPRISE, "--set", "database_supports_cdc=false"]
    result = runner.invoke(cli, [*args, "--set", "existing_system=greenfield"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(
        f"Comparing {ENTERPRISE} → {ENTERPRISE} --set database_supports_cdc=false "
        "--set existing_system=greenfield\n"
        "\n"
        "Answers changed:\n"
        "  existing_system: monolith → greenfield\n"
        "  migration_strategy: incremental → (not asked)\n"
        "  database_supports_cdc: yes → no\n"
        "\n"
        "Patterns added:\n"
        "  + polling-publisher (Polling publisher)\n"
    )
    assert "Patterns removed:\n" in out
    assert (
        "  - strangler-application (Strangler application)\n"
        "      rule strangler-existing-monolith no longer fires (it matched pattern "
        "microservice-architecture is recommended, existing_system = monolith, "
        "migration_strategy ≠ keep-and-modularize)\n"
    ) in out
    assert "  - transaction-log-tailing (Transaction log tailing)\n" in out
    assert "advised against: rule log-tailing-no-cdc (-4): " in out


def test_json_diff_between_two_systems(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["diff", STARTUP, ENTERPRISE, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {
        "$schema",
        "kind",
        "before",
        "after",
        "answers",
        "forces",
        "added",
        "removed",
        "scores",
        "opened",
        "closed",
    }
    team = next(c for c in data["answers"] if c["key"] == "team_count")
    assert (team["before"], team["after"]) == (1, 15)
    autonomy = next(c for c in data["forces"] if c["key"] == "team-autonomy")
    assert (autonomy["before"], autonomy["after"]) == (0, 5)
    added = {p["id"]: p for p in data["added"]}
    assert added["microservice-architecture"]["reasons"]
    removed = {p["id"]: p for p in data["removed"]}
    monolith = removed["monolithic-architecture"]
    assert any(a["instead_of"] == "microservice-architecture" for a in monolith["lost_to"]) or any(
        r["verdict"] == "advise-against" for r in monolith["reasons"]
    )


def test_same_answers_and_exit_code_gate(runner: CliRunner) -> None:
    same = runner.invoke(cli, ["diff", STARTUP, STARTUP, "--exit-code"])
    assert same.exit_code == 0
    assert same.stdout == (
        f"Comparing {STARTUP} → {STARTUP}\n"
        "\n"
        "The answers and force weights are the same.\n"
        "\n"
        "The recommended patterns are the same.\n"
    )
    changed = runner.invoke(cli, ["diff", STARTUP, ENTERPRISE, "--exit-code"])
    assert changed.exit_code == 1
    assert "Patterns added:" in changed.stdout


def test_bad_second_file_is_reported(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["diff", STARTUP, "missing.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: missing.yaml: file not found\n  hint: check the path, or list the folder to find the file\n"
    )


def test_a_question_asked_in_only_one_file_is_not_asked_not_unknown(runner: CliRunner) -> None:
    # startup-mvp builds greenfield, so it is never asked how it leaves a monolith
    result = runner.invoke(cli, ["diff", STARTUP, ENTERPRISE])
    assert result.exit_code == 0, result.output
    assert "  migration_strategy: (not asked) → incremental\n" in result.stdout
    data = json.loads(runner.invoke(cli, ["diff", STARTUP, ENTERPRISE, "--json"]).stdout)
    change = next(c for c in data["answers"] if c["key"] == "migration_strategy")
    assert (change["before"], change["after"]) == (None, "incremental")
    startup = json.loads(runner.invoke(cli, ["recommend", STARTUP, "--json"]).stdout)
    asked = {a["question"]: a["source"] for a in startup["answers"]}
    assert asked["migration_strategy"] == "not-asked"
