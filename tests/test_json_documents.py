"""One JSON contract per document: every JSON output names its kind and validates against its schema.

Regenerate the published schemas after changing a result model:
    ADVISOR_UPDATE_SCHEMAS=1 pytest tests/test_json_documents.py
(or ``advisor schema KIND > schemas/KIND.schema.json`` for each kind).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.report.json import DOCUMENTS
from conftest import EXAMPLES, ROOT

SCHEMAS = ROOT / "schemas"
ENTERPRISE = str(ROOT / "examples" / "enterprise-escaping-monolith.yaml")
STARTUP = str(ROOT / "examples" / "startup-mvp.yaml")
FINTECH = str(ROOT / "examples" / "regulated-fintech.yaml")


def _published(kind: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return schema


def _json(runner: CliRunner, *args: str, exit_code: int = 0) -> dict[str, Any]:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == exit_code, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_every_kind_has_a_schema_command_and_a_published_file(runner: CliRunner) -> None:
    assert set(DOCUMENTS) == {"recommendation", "report", "batch", "explain", "whatif", "diff"}
    published = {p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.schema.json")}
    assert published == {*DOCUMENTS, "answers"}


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_published_schema_is_what_the_command_prints(runner: CliRunner, kind: str) -> None:
    result = runner.invoke(cli, ["schema", kind])
    assert result.exit_code == 0, result.output
    path = SCHEMAS / f"{kind}.schema.json"
    if os.environ.get("ADVISOR_UPDATE_SCHEMAS"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8"), (
        f"schemas/{kind}.schema.json is out of date: run "
        f"`advisor schema {kind} > schemas/{kind}.schema.json` "
        "(or ADVISOR_UPDATE_SCHEMAS=1 pytest tests/test_json_documents.py)"
    )
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"urn:advisor:schema:{kind}"
    assert schema["properties"]["kind"] == {"const": kind, "description": "The kind of advisor document."}
    assert {"$schema", "kind"} <= set(schema["required"])


def _check(document: dict[str, Any], kind: str) -> None:
    """The document names its kind and schema, and validates against the published schema."""
    assert document["kind"] == kind
    assert document["$schema"] == f"urn:advisor:schema:{kind}"
    jsonschema.Draft202012Validator(_published(kind)).validate(document)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_recommend_json_validates(runner: CliRunner, example: Path) -> None:
    _check(_json(runner, "recommend", str(example), "--json"), "recommendation")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_report_json_validates(runner: CliRunner, lang: str) -> None:
    _check(_json(runner, "report", FINTECH, "--format", "json", "--lang", lang), "report")


def test_batch_json_validates_with_a_failed_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("answers: [\n", encoding="utf-8")
    document = _json(runner, "recommend", str(ROOT / "examples"), str(tmp_path), "--json", exit_code=2)
    _check(document, "batch")
    errors = [s for s in document["systems"] if "error" in s]
    assert len(errors) == 1 and "recommendation" not in errors[0]
    assert len(document["systems"]) == len(EXAMPLES) + 1


@pytest.mark.parametrize("pattern", ["saga", "microservice-architecture", "no-such-pattern-here"])
def test_explain_json_validates(runner: CliRunner, pattern: str) -> None:
    if pattern == "no-such-pattern-here":
        result = runner.invoke(cli, ["explain", STARTUP, pattern, "--json"])
        assert result.exit_code == 2 and result.stdout == ""
        return
    _check(_json(runner, "explain", STARTUP, pattern, "--json"), "explain")


def test_whatif_json_validates(runner: CliRunner) -> None:
    _check(_json(runner, "whatif", STARTUP, "--json"), "whatif")


def test_diff_json_validates(runner: CliRunner) -> None:
    _check(_json(runner, "diff", STARTUP, ENTERPRISE, "--json"), "diff")


def test_a_document_of_one_kind_does_not_pass_for_another(runner: CliRunner) -> None:
    recommendation = _json(runner, "recommend", STARTUP, "--json")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_published("report")).validate(recommendation)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_published("recommendation")).validate(
            {**recommendation, "unexpected": 1}
        )
