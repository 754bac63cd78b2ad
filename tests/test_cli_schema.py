"""``advisor schema answers``: the published schema is current and every example fits it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import EXAMPLES, ROOT

PUBLISHED = ROOT / "schemas" / "answers.schema.json"
MODELINE = "# yaml-language-server: $schema=../schemas/answers.schema.json\n"


def _schema(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(cli, ["schema", "answers", *args])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_published_schema_is_what_the_command_prints(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema", "answers"])
    assert result.exit_code == 0, result.output
    assert result.stdout == PUBLISHED.read_text(encoding="utf-8"), (
        "schemas/answers.schema.json is out of date: "
        "run `advisor schema answers > schemas/answers.schema.json`"
    )


def test_schema_is_valid_draft_07(runner: CliRunner) -> None:
    jsonschema.Draft7Validator.check_schema(_schema(runner))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates_and_names_the_schema(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    assert text.startswith(MODELINE)
    schema = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(text), schema, cls=jsonschema.Draft7Validator)


@pytest.mark.parametrize(
    ("answers", "complaint"),
    [
        ({"answers": {"team_cuont": 3}}, "'team_cuont' was unexpected"),
        ({"answers": {"deployment_platform": "mainframe"}}, "'mainframe' is not one of"),
        ({"answers": {"team_count": 0}}, "0 is less than the minimum of 1"),
        ({"forces": {"team-autonomy": 6}}, "6 is greater than the maximum of 5"),
        ({"answers": {"client_kinds": ["web", "web"]}}, "has non-unique elements"),
    ],
)
def test_schema_catches_mistakes_while_editing(
    runner: CliRunner, answers: dict[str, object], complaint: str
) -> None:
    validator = jsonschema.Draft7Validator(_schema(runner))
    messages = [error.message for error in validator.iter_errors(answers)]
    assert any(complaint in m for m in messages), messages


def test_unknown_is_offered_only_where_allowed(runner: CliRunner) -> None:
    validator = jsonschema.Draft7Validator(_schema(runner))
    named = {"system_name": "Shop"}
    assert not list(validator.iter_errors({"answers": {**named, "database_supports_cdc": "unknown"}}))
    assert list(validator.iter_errors({"answers": {**named, "team_count": "unknown"}}))


def test_schema_follows_the_rule_packs(runner: CliRunner) -> None:
    schema = _schema(runner, "--rules", str(ROOT / "tests" / "fixtures" / "packs" / "acme"))
    properties = schema["properties"]
    assert isinstance(properties, dict)
    question = properties["answers"]["properties"]["customer_regions"]
    assert question["enum"] == ["one", "several"]
    assert question["default"] == "one"
    force = properties["forces"]["properties"]["data-residency"]
    assert (force["minimum"], force["maximum"], force["default"]) == (0, 5, 0)
    # the pack's force replaces the bundled one, with its own default
    assert properties["forces"]["properties"]["operational-simplicity"]["default"] == 4
