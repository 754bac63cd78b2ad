"""``advisor recommend``: answers files → recommendations on the terminal or as JSON.

One answers file is advised on its own: an error in it is the command's error.
Several files, or a folder of them, are a batch (a portfolio of systems): each
file is assessed even when another one fails, a portfolio summary follows, and
the exit code is 2 at the end if any file failed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from advisor.base.i18n import Lang
from advisor.base.text import terminal, visible, visible_line
from advisor.cli.options import catalog_options, lang_option, set_option
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.questionnaire.overrides import parse_overrides
from advisor.report.json import render_json

if TYPE_CHECKING:
    from advisor.analysis.portfolio import Input, SystemResult

#: Batches longer than this show a progress bar (on stderr, when it is a terminal).
PROGRESS_THRESHOLD = 3


@click.command()
@click.argument("answers", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON on stdout: the recommendation, or for a batch every system's plus a portfolio summary.",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Show every pattern with its reasons, the successor tree, alternatives and all phases "
    "(by default: key decisions, top risks and the first phase, on one screen).",
)
@set_option
@catalog_options
@lang_option
def recommend(
    *,
    answers: tuple[Path, ...],
    as_json: bool,
    show_all: bool,
    sets: tuple[str, ...],
    rules: tuple[Path, ...],
    questionnaire: Path | None,
    lang: Lang,
) -> None:
    """Recommend patterns for the systems described in ANSWERS (YAML answers files or folders of them).

    Several files or a folder make a batch: each system is assessed even if another
    file is broken (its error is reported on stderr), then a portfolio summary shows
    which patterns how many systems need and the open risks they share. A batch exits
    with 2 at the end if any file failed.

    \b
    Examples:
      advisor recommend examples/startup-mvp.yaml
      advisor recommend examples/startup-mvp.yaml --all           # every pattern and reason
      advisor recommend examples/enterprise-escaping-monolith.yaml --json > result.json
      advisor recommend examples/startup-mvp.yaml --set team_count=12 --set force.independent-scalability=5
      advisor recommend systems/ --json > portfolio.json
    """
    advisor = Advisor.load(rules, questionnaire)
    if len(answers) == 1 and not answers[0].is_dir():
        result = advisor.advise(advisor.read_answers(answers[0], sets))
        if as_json:
            click.echo(render_json(result), nl=False)
        else:
            _print_terminal([result], advisor, lang, full=show_all)
        return
    # Only a batch needs the portfolio (and its result models): one file does not import it.
    from advisor.analysis.portfolio import expand_inputs, render_batch_json, summarize  # noqa: PLC0415

    # A bad --set fails the command once, rather than every file of the batch.
    parse_overrides(sets, advisor.questionnaire, advisor.catalog.forces)
    results = _assess_batch(advisor, expand_inputs(answers), sets)
    portfolio = summarize(results)
    if as_json:
        click.echo(render_batch_json(results, portfolio), nl=False)
    else:
        from advisor.report.reasoning import render_portfolio  # noqa: PLC0415 - only the terminal needs it

        done = [item.recommendation for item in results if item.recommendation]
        _print_terminal(done, advisor, lang, full=show_all)
        click.echo(render_portfolio(portfolio, advisor.catalog, lang), nl=False)
    if portfolio.failed:
        click.echo(
            f"error: {portfolio.failed} of {portfolio.systems} answers files could not be assessed",
            err=True,
        )
        raise click.exceptions.Exit(2)


def _print_terminal(
    recommendations: Sequence[Recommendation], advisor: Advisor, lang: Lang, *, full: bool = False
) -> None:
    """Print recommendations on the terminal (rich is imported only here, not for ``--json``)."""
    from advisor.report.terminal import render_terminal  # noqa: PLC0415 - keeps rich out of the JSON path

    console = terminal()
    for recommendation in recommendations:
        console.print(render_terminal(recommendation, advisor.catalog, lang, full=full))


def _assess_batch(advisor: Advisor, items: Sequence[Input], sets: Sequence[str]) -> list[SystemResult]:
    """Assess every input, reporting each failure on stderr as it happens."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # noqa: PLC0415

    from advisor.analysis.portfolio import assess  # noqa: PLC0415

    results: list[SystemResult] = []
    show = len(items) > PROGRESS_THRESHOLD and sys.stderr.isatty()
    columns = (
        TextColumn("assessing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
    )
    with Progress(*columns, console=terminal(stderr=True), transient=True, disable=not show) as progress:
        task = progress.add_task("", total=len(items))
        for item in items:
            progress.update(task, description=visible_line(item.source))
            result = assess(advisor, item, sets)
            if result.error is not None:
                progress.console.print(visible(f"error: {result.error}"), highlight=False, soft_wrap=True)
            results.append(result)
            progress.advance(task)
    return results
