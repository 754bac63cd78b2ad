"""``advisor diff``: what changed between two assessments, and why."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.diff import diff as diff_assessments
from advisor.base.i18n import Lang
from advisor.base.resources import display_path
from advisor.cli.options import catalog_options, lang_option, set_option
from advisor.core.advisor import Advisor
from advisor.report.json import render_document
from advisor.report.reasoning import render_diff


@click.command()
@click.argument("before", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("after", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON on stdout.")
@click.option(
    "--exit-code", is_flag=True, help="Exit with 1 when the recommended patterns differ (for CI gates)."
)
@set_option
@catalog_options
@lang_option
def diff(
    *,
    before: Path,
    after: Path,
    as_json: bool,
    exit_code: bool,
    sets: tuple[str, ...],
    rules: tuple[Path, ...],
    questionnaire: Path | None,
    lang: Lang,
) -> None:
    """Compare the assessments of BEFORE and AFTER (two answers files).

    Shows the answers and force weights that differ, the patterns added and removed
    (with the reasons), score changes and open issues. --set applies to AFTER only,
    so one file compared with itself shows the effect of a change.

    \b
    Examples:
      advisor diff milestones/2024.yaml milestones/2025.yaml
      advisor diff examples/startup-mvp.yaml examples/startup-mvp.yaml --set team_count=8
    """
    advisor = Advisor.load(rules, questionnaire)
    first = advisor.advise(advisor.read_answers(before))
    second = advisor.advise(advisor.read_answers(after, sets))
    names = (display_path(before), display_path(after) + "".join(f" --set {s}" for s in sets))
    result = diff_assessments(first, second, names)
    if as_json:
        click.echo(render_document("diff", result), nl=False)
    else:
        click.echo(render_diff(result, advisor.catalog, lang), nl=False)
    if exit_code and result.advice_changed:
        raise click.exceptions.Exit(1)
