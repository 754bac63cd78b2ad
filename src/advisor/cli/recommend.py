"""``advisor recommend``: answers files → recommendations on the terminal or as JSON.

One answers file is advised on its own: an error in it is the command's error.
Several files, or a folder of them, are a batch (a portfolio of systems): each
file is assessed even when another one fails, a portfolio summary follows, and
the exit code is 2 at the end if any file failed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
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
    which patterns how many systems need, the risks that hold across them (most severe
    first) and the issues they leave unresolved. A batch exits with 2 at the end if any
    file failed.

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
    from advisor.analysis.portfolio import Tally, expand_inputs, iter_batch_json  # noqa: PLC0415

    # A bad --set fails the command once, rather than every file of the batch.
    parse_overrides(sets, advisor.questionnaire, advisor.catalog.forces)
    # Streamed: each system is printed as soon as it is assessed and then forgotten.
    tally = Tally()
    results = _assess_batch(advisor, expand_inputs(answers), sets, lang, progress=as_json)
    if as_json:
        for chunk in iter_batch_json(results, tally):
            click.echo(chunk, nl=False)
    else:
        from advisor.report.reasoning import render_portfolio  # noqa: PLC0415 - only the terminal needs it

        for item in results:
            tally.add(item)
            if item.recommendation is not None:
                _print_terminal([item.recommendation], advisor, lang, full=show_all)
        click.echo(render_portfolio(tally.portfolio(), advisor.catalog, lang), nl=False)
    if tally.systems > tally.assessed:
        from advisor.cli.words import WORDS  # noqa: PLC0415 - only a batch with failures says it
        from advisor.errors import error_line  # noqa: PLC0415

        failed = WORDS("not_assessed", lang, failed=tally.systems - tally.assessed, count=tally.systems)
        click.echo(error_line(failed, lang), err=True)
        raise click.exceptions.Exit(2)


def _print_terminal(
    recommendations: Sequence[Recommendation], advisor: Advisor, lang: Lang, *, full: bool = False
) -> None:
    """Print recommendations on the terminal (rich is imported only here, not for ``--json``)."""
    from advisor.report.terminal import render_terminal  # noqa: PLC0415 - keeps rich out of the JSON path

    console = terminal()
    for recommendation in recommendations:
        console.print(render_terminal(recommendation, advisor.catalog, lang, full=full))


def _assess_batch(
    advisor: Advisor, items: Sequence[Input], sets: Sequence[str], lang: Lang, *, progress: bool
) -> Iterator[SystemResult]:
    """Assess every input in turn, reporting each failure on stderr as it happens.

    With ``progress``, a bar on stderr when it is a terminal and stdout is not (the
    terminal output of each system shows the progress by itself).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # noqa: PLC0415

    from advisor.analysis.portfolio import assess  # noqa: PLC0415
    from advisor.cli.words import WORDS  # noqa: PLC0415
    from advisor.errors import error_text  # noqa: PLC0415

    show = progress and len(items) > PROGRESS_THRESHOLD and sys.stderr.isatty() and not sys.stdout.isatty()
    columns = (
        TextColumn(WORDS("assessing", lang)),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
    )
    with Progress(*columns, console=terminal(stderr=True), transient=True, disable=not show) as bar:
        task = bar.add_task("", total=len(items))
        for item in items:
            bar.update(task, description=visible_line(item.source))
            result = assess(advisor, item, sets)
            if result.failure is not None:
                bar.console.print(visible(error_text(result.failure, lang)), highlight=False, soft_wrap=True)
            yield result
            bar.advance(task)
