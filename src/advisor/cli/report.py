"""``advisor report``: answers file → a report in Markdown, HTML, JSON or decision records."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.api import Advisor
from advisor.cli.options import PathArg, catalog_options, lang_option, set_option
from advisor.errors import OutputError
from advisor.fileio import write_text_atomic, write_tree_atomic
from advisor.i18n import Lang
from advisor.recommendation import Recommendation
from advisor.report.adr import render_adrs
from advisor.report.html import render_html
from advisor.report.json import render_report_json
from advisor.report.markdown import render_markdown
from advisor.report.model import build_report

FORMATS = ("md", "html", "json", "adr")


def render_report(result: Recommendation, advisor: Advisor, fmt: str, lang: Lang) -> str | dict[str, str]:
    """The report in ``fmt``: text for md/html/json, file name → text for adr."""
    report = build_report(result, advisor.catalog, advisor.questionnaire, lang)
    if fmt == "adr":
        return render_adrs(report)
    renderer = {"md": render_markdown, "html": render_html, "json": render_report_json}[fmt]
    return renderer(report)


def write_report(
    result: Recommendation, advisor: Advisor, fmt: str, output: Path | None, lang: Lang, *, force: bool
) -> None:
    """Render the report and write it to ``output`` (atomically), or to stdout when ``output`` is None.

    The interview reuses this to offer a report at its end.

    Raises:
        OutputError: ``adr`` without an output folder, or the output exists and ``force`` is false.
    """
    if fmt == "adr" and output is None:
        raise OutputError("--format adr writes a folder of records; name it with --output FOLDER")
    rendered = render_report(result, advisor, fmt, lang)
    if isinstance(rendered, dict):
        assert output is not None  # checked above
        write_tree_atomic(output, rendered, force=force)
        click.echo(f"wrote {len(rendered) - 1} decision records and index.md to {output}", err=True)
    elif output is None:
        click.echo(rendered, nl=False)
    else:
        write_text_atomic(output, rendered, force=force)
        click.echo(f"wrote {output}", err=True)


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
@click.option("--force", is_flag=True, help="Overwrite an existing output file or folder.")
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
    a trade-off matrix and next steps. An existing output is never overwritten
    without --force.

    \b
    Examples:
      advisor report examples/startup-mvp.yaml > report.md
      advisor report examples/startup-mvp.yaml --format html --output report.html
      advisor report examples/startup-mvp.yaml --format json --set team_count=8
      advisor report examples/startup-mvp.yaml --format adr --output docs/adr --lang ko
    """
    if fmt == "adr" and output is None:
        raise OutputError("--format adr writes a folder of records; name it with --output FOLDER")
    if output is not None and output.exists() and not force:
        raise OutputError(f"{output}: already exists; pass --force to overwrite it")
    advisor = Advisor.load(rules, questionnaire)
    result = advisor.advise(advisor.read_answers(answers, sets))
    write_report(result, advisor, fmt, output, lang, force=force)
