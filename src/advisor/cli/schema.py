"""``advisor schema``: print the JSON Schemas of the documents the advisor reads and writes."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.schema import answers_schema, render_schema
from advisor.cli.options import catalog_options
from advisor.core.advisor import Advisor
from advisor.report.json import render_report_schema


@click.group()
def schema() -> None:
    """Print the JSON Schema of one of the advisor's documents.

    \b
    Examples:
      advisor schema answers > answers.schema.json
      advisor schema report > report.schema.json
    """


@schema.command("answers")
@catalog_options
def answers_schema_command(rules: tuple[Path, ...], questionnaire: Path | None) -> None:
    """The JSON Schema of answers files (also in schemas/answers.schema.json).

    It follows the questionnaire and the forces of the catalog, so pass the same
    --questionnaire and --rules as when you advise. Point a YAML language server at it
    with a first line such as:

    \b
      # yaml-language-server: $schema=../schemas/answers.schema.json

    \b
    Examples:
      advisor schema answers > schemas/answers.schema.json
      advisor schema answers --rules our-rules/ > our-answers.schema.json
    """
    advisor = Advisor.load(rules, questionnaire)
    click.echo(render_schema(answers_schema(advisor.questionnaire, advisor.catalog.forces)), nl=False)


@schema.command("report")
def report_schema() -> None:
    """The JSON Schema of ``advisor report --format json`` (also in schemas/report.schema.json).

    \b
    Examples:
      advisor schema report > report.schema.json
    """
    click.echo(render_report_schema(), nl=False)
