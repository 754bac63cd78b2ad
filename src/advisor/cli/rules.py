"""``advisor rules``: work with the catalog and rule packs (``rules lint``)."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.lint import lint as lint_packs
from advisor.base.i18n import Lang
from advisor.base.resources import display_path
from advisor.base.text import visible
from advisor.cli.options import lang_option
from advisor.cli.words import WORDS
from advisor.errors import error_line


@click.group()
def rules() -> None:
    """Check the pattern catalog and your organisation's rule packs."""


@rules.command()
@click.argument("packs", nargs=-1, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--questionnaire",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Questionnaire the rules are checked against instead of the bundled default.",
)
@lang_option
def lint(packs: tuple[Path, ...], questionnaire: Path | None, lang: Lang) -> None:
    """Lint rule pack folders PACKS overlaid, in order, on the bundled catalog.

    Without PACKS, lints the bundled catalog. Reports dangling references,
    relations without a source or written twice, issues nobody resolves or raises,
    patterns no rule can recommend, rules that can never fire and anything beyond
    the rules engine's hard limits, each as file:line:col: message with a hint.

    Exit codes: 0 no findings, 2 findings (or a file that cannot be read at all).

    \b
    Examples:
      advisor rules lint
      advisor rules lint our-rules/
      advisor rules lint shared-rules/ team-rules/ --questionnaire our-questions.yaml
    """
    findings = lint_packs(packs, questionnaire=questionnaire)
    what = ", ".join(display_path(p) for p in packs) if packs else WORDS("bundled_catalog", lang)
    if not findings:
        click.echo(visible(WORDS("lint_ok", lang, what=what)))
        return
    for finding in findings:
        click.echo(visible(finding.text(lang)))
    summary = WORDS("lint_failed", lang, findings=WORDS("finding", lang, count=len(findings)), what=what)
    click.echo(visible(error_line(summary, lang)), err=True)
    raise click.exceptions.Exit(2)
