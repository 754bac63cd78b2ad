"""``advisor recommend``: answers file → recommendation on the terminal or as JSON."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from advisor.api import Advisor
from advisor.cli.options import catalog_options, lang_option
from advisor.i18n import Lang
from advisor.report.json import render_json
from advisor.report.terminal import render_terminal


@click.command()
@click.argument("answers", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the recommendation as JSON on stdout.")
@catalog_options
@lang_option
def recommend(
    answers: Path, as_json: bool, rules: tuple[Path, ...], questionnaire: Path | None, lang: Lang
) -> None:
    """Recommend patterns for the system described in ANSWERS (a YAML answers file).

    \b
    Examples:
      advisor recommend examples/startup-mvp.yaml
      advisor recommend examples/enterprise-escaping-monolith.yaml --json > result.json
    """
    advisor = Advisor.load(rules, questionnaire)
    result = advisor.advise(advisor.read_answers(answers))
    if as_json:
        click.echo(render_json(result), nl=False)
        return
    Console().print(render_terminal(result, advisor.catalog, lang))
