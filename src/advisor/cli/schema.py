"""``advisor schema``: print the JSON Schemas of the documents the advisor reads and writes."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.schema import catalog_answers_schema, render_schema
from advisor.cli.options import catalog_options
from advisor.core.advisor import Advisor
from advisor.report.json import DOCUMENTS, render_document_schema


@click.group()
def schema() -> None:
    """Print the JSON Schema of one of the advisor's documents.

    Every JSON document the advisor writes names its schema in "$schema" and its
    type in "kind"; the repository publishes each schema as schemas/KIND.schema.json.

    \b
    Examples:
      advisor schema answers > answers.schema.json
      advisor schema recommendation > recommendation.schema.json
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
    click.echo(render_schema(catalog_answers_schema(advisor.questionnaire, advisor.catalog)), nl=False)


def _document_command(kind: str, command: str, holds: str) -> click.Command:
    """``advisor schema KIND``: the schema of one kind of JSON document."""

    def print_schema() -> None:
        click.echo(render_document_schema(kind), nl=False)

    print_schema.__doc__ = (
        f"The JSON Schema of {kind} documents (also in schemas/{kind}.schema.json).\n\n"
        f"{command} writes them: {holds}.\n\n"
        f"\b\nExamples:\n  advisor schema {kind} > {kind}.schema.json\n"
    )
    return click.command(kind, short_help=f"{command}: {holds}.")(print_schema)


for _kind, (_command, _holds) in DOCUMENTS.items():
    schema.add_command(_document_command(_kind, _command, _holds))
