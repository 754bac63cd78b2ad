"""``--set QUESTION=VALUE`` and ``--set force.NAME=WEIGHT`` on every command that reads answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import ROOT

STARTUP = str(ROOT / "examples" / "startup-mvp.yaml")


def _answers(stdout: str) -> dict[str, object]:
    return {a["question"]: a["value"] for a in json.loads(stdout)["answers"]}


def test_set_answers_and_force_weights_over_the_file(runner: CliRunner) -> None:
    args = ["recommend", STARTUP, "--json", "--set", "team_count=12", "--set", "force.team-autonomy=5"]
    args += ["--set", "client_kinds=[web, third-party-api]", "--set", "legacy_integration=true"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    answers = _answers(result.stdout)
    assert answers["team_count"] == 12
    assert answers["client_kinds"] == ["web", "third-party-api"]
    assert answers["legacy_integration"] is True
    assert data["forces"]["team-autonomy"] == 5
    assert answers["system_name"] == "Pantry Pal"  # the rest of the file is kept


def test_later_set_wins_and_text_stays_text(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["recommend", STARTUP, "--json", "--set", "team_count=2", "--set", "team_count=3"]
    )
    assert _answers(result.stdout)["team_count"] == 3
    result = runner.invoke(cli, ["recommend", STARTUP, "--json", "--set", "system_name=42"])
    assert _answers(result.stdout)["system_name"] == "42"


def test_set_equals_editing_the_file(runner: CliRunner, tmp_path: Path) -> None:
    text = Path(STARTUP).read_text(encoding="utf-8")
    assert "  team_count: 1\n" in text
    edited = tmp_path / "edited.yaml"
    edited.write_text(text.replace("  team_count: 1\n", "  team_count: 9\n"), encoding="utf-8")
    by_file = runner.invoke(cli, ["recommend", str(edited), "--json"])
    by_set = runner.invoke(cli, ["recommend", STARTUP, "--json", "--set", "team_count=9"])
    assert by_file.exit_code == 0, by_file.output
    assert by_file.stdout == by_set.stdout


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        (
            "team_count",
            "--set team_count: expected QUESTION=VALUE or force.NAME=WEIGHT\n"
            "  hint: e.g. --set team_count=12",
        ),
        (
            "team_count=",
            "--set team_count=: needs a value after '='\n"
            "  hint: e.g. --set team_count=12 or --set client_kinds=[web, mobile]",
        ),
        (
            "team_cuont=3",
            "--set team_cuont=3: unknown question 'team_cuont'\n  hint: did you mean 'team_count'?",
        ),
        (
            "operational-simplicity=4",
            "--set operational-simplicity=4: unknown question 'operational-simplicity'\n"
            "  hint: to weigh the force, write --set force.operational-simplicity=4",
        ),
        (
            "force.autonomy=3",
            "--set force.autonomy=3: unknown force 'autonomy'\n  hint: did you mean 'force.team-autonomy'?",
        ),
        (
            "force.team-autonomy=9",
            "--set force.team-autonomy=9: force 'team-autonomy' needs a weight from 0 to 5, got 9",
        ),
        (
            "deployment_platform=mainframe",
            "--set deployment_platform=mainframe: 'deployment_platform' has no choice 'mainframe'\n"
            "  hint: choose one of: bare-metal-or-vms, kubernetes, managed-paas, serverless-faas, undecided",
        ),
        (
            "client_kinds=[web, fax]",
            "--set client_kinds=[web, fax]: 'client_kinds' has no choice 'fax'\n"
            "  hint: choose from: web, mobile, third-party-api, internal-services, iot-devices",
        ),
        (
            "team_count=!!int abc",
            "--set team_count=!!int abc: '!!int abc' is not a valid value: 'abc' is not a valid integer\n"
            "  hint: e.g. --set team_count=12 or --set client_kinds=[web, mobile]",
        ),
        (
            "team_count=[3",
            "--set team_count=[3: '[3' is not a valid value: did not find expected ',' or ']'\n"
            "  hint: e.g. --set team_count=12 or --set client_kinds=[web, mobile]",
        ),
        (
            "legacy_integration=maybe",
            "--set legacy_integration=maybe: 'legacy_integration' is a yes/no question, got 'maybe'\n"
            "  hint: write true or false",
        ),
    ],
)
def test_bad_set_is_one_clear_error(runner: CliRunner, arg: str, message: str) -> None:
    result = runner.invoke(cli, ["recommend", STARTUP, "--set", arg])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"


@pytest.mark.parametrize(
    "command",
    [
        ["report", STARTUP, "--format", "md"],
        ["explain", STARTUP, "saga"],
        ["whatif", STARTUP],
        ["diff", STARTUP, STARTUP],
    ],
    ids=lambda c: c[0],
)
def test_every_command_that_reads_answers_takes_set(runner: CliRunner, command: list[str]) -> None:
    bad = runner.invoke(cli, [*command, "--set", "team_cuont=3"])
    assert bad.exit_code == 2
    assert (
        bad.stderr
        == "error: --set team_cuont=3: unknown question 'team_cuont'\n  hint: did you mean 'team_count'?\n"
    )
    good = runner.invoke(cli, [*command, "--set", "system_name=Renamed Shop"])
    assert good.exit_code == 0, good.output
    assert "Renamed Shop" in good.stdout
