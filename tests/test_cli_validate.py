"""``advisor validate``: answers files and rule packs, every problem located, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import EXAMPLES

BROKEN = "tests/fixtures/broken/answers"


# messages name files relative to the working folder
pytestmark = pytest.mark.usefixtures("in_root")


def test_examples_are_valid(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", "examples"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ok: {len(EXAMPLES)} answers files are valid\n"
    assert result.stderr == ""


def test_every_mistake_of_an_answers_file_with_a_hint(runner: CliRunner) -> None:
    path = f"{BROKEN}/many-mistakes.yaml"
    result = runner.invoke(cli, ["validate", path])
    assert result.exit_code == 2
    assert result.stdout == (
        f"{path}:5:3: unknown question 'team_cuont'\n"
        "  hint: did you mean 'team_count'?\n"
        f"{path}:6:15: 'team_count' needs a whole number, got 'several'\n"
        "  hint: write a number such as 4\n"
        f"{path}:7:24: 'deployment_platform' has no choice 'mainframe'\n"
        "  hint: choose one of: bare-metal-or-vms, kubernetes, managed-paas, serverless-faas, undecided\n"
        f"{path}:8:17: 'client_kinds' has no choice 'fax'\n"
        "  hint: choose from: web, mobile, third-party-api, internal-services, iot-devices\n"
        f"{path}:9:23: 'legacy_integration' is a yes/no question, got 'maybe'\n"
        "  hint: write true or false\n"
        f"{path}:10:14: 'team_size' must be between 1 and 100, got 900\n"
        f"{path}:13:18: force 'team-autonomy' needs a weight from 0 to 5, got 7\n"
        f"{path}:14:3: unknown force 'scalabilty'\n"
        "  hint: did you mean 'availability'?\n"
    )
    assert result.stderr == "error: 8 problems in 1 of 1 input\n"


def test_a_folder_of_broken_files_reports_each(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", BROKEN])
    assert result.exit_code == 2
    out = result.stdout
    assert out.startswith(
        f"{BROKEN}/bad-yaml.yaml:3:1: not valid YAML: found unexpected end of stream\n"
        "  hint: check indentation, colons and quoting around this position\n"
    )
    assert (
        f"{BROKEN}/not-a-mapping.yaml:1:1: an answers file is a mapping with 'answers:' and 'forces:'\n"
        "  hint: see examples/ for the expected layout\n"
    ) in out
    assert out.endswith(
        f"{BROKEN}/unknown-section.yaml:3:1: forcez: unknown key\n  hint: did you mean 'forces'?\n"
    )
    assert result.stderr == "error: 11 problems in 4 of 5 inputs\n"
    assert "Traceback" not in result.output


def test_an_ignored_answer_is_a_warning_not_an_error(runner: CliRunner) -> None:
    path = f"{BROKEN}/ignored-answer.yaml"
    result = runner.invoke(cli, ["validate", path, "examples/startup-mvp.yaml"])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{path}:5:3: warning: the answer to 'migration_strategy' is ignored: "
        "the question does not apply to the other answers\n"
        "  hint: remove it, or change the answer that decides whether it is asked\n"
        "ok: 2 answers files are valid (1 warning)\n"
    )


def test_rule_packs_and_answers_together(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", "tests/fixtures/packs/acme", "examples/startup-mvp.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 1 answers file and 1 rule pack are valid\n"
    broken = runner.invoke(
        cli, ["validate", "tests/fixtures/broken/packs/many-mistakes", "examples/startup-mvp.yaml"]
    )
    assert broken.exit_code == 2
    assert broken.stdout.startswith(
        "tests/fixtures/broken/packs/many-mistakes/applicability/rules.yaml:5:11: "
        "rule 'loop-a-big-teams' can never fire: tests unknown question 'team_cuont'"
    )
    assert broken.stderr == "error: 11 problems in 1 of 2 inputs\n"


def test_answers_are_checked_against_the_packs_questions(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "regional.yaml"
    path.write_text("answers:\n  system_name: Shop\n  customer_regions: plenty\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path), "--rules", "tests/fixtures/packs/acme"])
    assert result.exit_code == 2
    assert result.stdout == (
        f"{path}:3:21: 'customer_regions' has no choice 'plenty'\n  hint: choose one of: one, several\n"
    )
    without = runner.invoke(cli, ["validate", str(path)])
    assert without.stdout.startswith(f"{path}:3:3: unknown question 'customer_regions'\n")


def test_empty_folder_and_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(tmp_path), str(tmp_path / "gone.yaml")])
    assert result.exit_code == 2
    assert result.stdout == (
        f"{tmp_path}: no answers files (*.yaml) in this folder\n"
        f"{tmp_path / 'gone.yaml'}: file not found\n"
        "  hint: check the path, or list the folder to find the file\n"
    )
    assert result.stderr == "error: 2 problems in 2 of 2 inputs\n"


def test_needs_a_path(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr
