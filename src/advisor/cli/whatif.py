"""``advisor whatif``: which single changes of answers or force weights would change the advice."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.whatif import what_if
from advisor.base.i18n import Lang
from advisor.cli.options import catalog_options, lang_option, set_option
from advisor.core.advisor import Advisor
from advisor.report.json import render_document
from advisor.report.reasoning import render_sensitivity


@click.command()
@click.argument("answers", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the sensitivity report as JSON on stdout.")
@set_option
@catalog_options
@lang_option
def whatif(
    *,
    answers: Path,
    as_json: bool,
    sets: tuple[str, ...],
    rules: tuple[Path, ...],
    questionnaire: Path | None,
    lang: Lang,
) -> None:
    """List the single answer or force-weight changes that would change the advice for ANSWERS.

    Every other value of every question asked (the choices, the thresholds the rules
    compare numbers with, "unknown" where allowed) and every force weight from 0 to 5
    is tried on its own; the changes that add or remove a recommended pattern are
    listed, the most decisive first, each with the --set that reproduces it.

    \b
    Examples:
      advisor whatif examples/startup-mvp.yaml --lang ko
      advisor whatif examples/startup-mvp.yaml --set team_count=6 --json
    """
    advisor = Advisor.load(rules, questionnaire)
    sensitivity = what_if(advisor, advisor.read_answers(answers, sets))
    if as_json:
        click.echo(render_document("whatif", sensitivity), nl=False)
        return
    click.echo(render_sensitivity(sensitivity, lang), nl=False)
