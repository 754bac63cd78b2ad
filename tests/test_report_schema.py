"""The report's JSON: published schema, ``advisor schema report``, and every example validating."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from advisor.base.i18n import Lang
from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.report.json import render_report_json
from advisor.report.model import build_report
from conftest import EXAMPLES, ROOT

PUBLISHED = ROOT / "schemas" / "report.schema.json"


def test_published_schema_is_what_the_command_prints(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema", "report"])
    assert result.exit_code == 0
    assert result.stdout == PUBLISHED.read_text(encoding="utf-8"), (
        "schemas/report.schema.json is stale: advisor schema report > schemas/report.schema.json"
    )
    jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_report_validates(advisor: Advisor, example: Path, lang: Lang) -> None:
    schema = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    result = advisor.advise(advisor.read_answers(example))
    text = render_report_json(build_report(result, advisor.catalog, advisor.questionnaire, lang))
    document = json.loads(text)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["schema_version"] == 1
    assert document["lang"] == lang
    assert text == json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_report_json_tells_the_same_story_as_recommend_json(runner: CliRunner) -> None:
    example = str(ROOT / "examples" / "enterprise-escaping-monolith.yaml")
    report = json.loads(runner.invoke(cli, ["report", example, "--format", "json"]).stdout)
    recommendation = json.loads(runner.invoke(cli, ["recommend", example, "--json"]).stdout)
    in_report = sorted(p["id"] for g in report["groups"] for p in g["patterns"])
    assert in_report == [p["id"] for p in recommendation["recommended"]]
    assert sorted(n["id"] for n in report["graph"]["nodes"]) == in_report
    assert [a["id"] for a in report["alternatives"]] == [a["id"] for a in recommendation["alternatives"]]
    assert [a["id"] for a in report["advised_against"]] == [
        a["id"] for a in recommendation["advised_against"]
    ]
    assert [i["id"] for i in report["open_issues"]] == [i["id"] for i in recommendation["open_issues"]]
