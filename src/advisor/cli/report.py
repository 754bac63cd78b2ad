"""``advisor report``: answers file → a report in Markdown, HTML, JSON or decision records."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.base.fileio import taken
from advisor.base.i18n import Lang
from advisor.cli.options import PathArg, catalog_options, lang_option, set_option
from advisor.cli.output import emit_report
from advisor.core.advisor import Advisor
from advisor.errors import OutputError, said
from advisor.report.export import FORMATS, require_output


@click.command()
@click.argument("answers", type=PathArg)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="md",
    show_default=True,
    help="md (GitHub Markdown), html (one self-contained file), json, or adr (a folder of records).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="File (md, html, json) or folder (adr) to write; md/html/json go to stdout without it.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite an existing output file; with adr, rewrite the advisor's own proposed records "
    "even where a person edited them, or add records to a folder the advisor has not written to.",
)
@set_option
@catalog_options
@lang_option
def report(
    answers: Path,
    *,
    fmt: str,
    output: Path | None,
    force: bool,
    sets: tuple[str, ...],
    rules: tuple[Path, ...],
    questionnaire: Path | None,
    lang: Lang,
) -> None:
    """Write a recommendation report for the system described in ANSWERS.

    Every format tells the same story: the context as answered, the prioritised
    forces, the recommended patterns with their reasons and resulting context,
    the successor graph, alternatives, patterns advised against, open issues,
    a trade-off matrix and next steps. An existing output file is never
    overwritten without --force.

    Decision records (adr) go into a folder people also work in. A re-run
    keeps records whose status a person changed (accepted, rejected), brings
    its own proposed records up to date, adds new decisions under the next
    numbers and marks records whose decision changed as superseded. It never
    deletes or changes a file it did not write (it keeps a manifest,
    .advisor-adr.json).

    \b
    Examples:
      advisor report examples/startup-mvp.yaml > report.md
      advisor report examples/startup-mvp.yaml --format html --output report.html
      advisor report examples/startup-mvp.yaml --format json --set team_count=8
      advisor report examples/startup-mvp.yaml --format adr --output docs/adr --lang ko
    """
    require_output(fmt, output)
    if fmt != "adr" and output is not None and taken(output) and not force:
        raise OutputError(said("exists", path=str(output)))
    advisor = Advisor.load(rules, questionnaire)
    result = advisor.advise(advisor.read_answers(answers, sets))
    emit_report(result, advisor, fmt, output, lang, force=force)
