"""``advisor validate``: check answers files and rule packs, e.g. in CI."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.validation import validate_paths
from advisor.base.text import visible
from advisor.cli.options import catalog_options
from advisor.core.advisor import Advisor
from advisor.errors import capped_lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@catalog_options
def validate(paths: tuple[Path, ...], rules: tuple[Path, ...], questionnaire: Path | None) -> None:
    """Check answers files, folders of them, and rule pack folders named by PATHS.

    Every problem is printed as file:line:col: message, with a hint; the exit code
    is 2 if there is any, 0 otherwise. A folder holding patterns/, issues/,
    applicability/, forces.yaml, groups.yaml or questions.yaml is linted as a rule
    pack; any other folder is read as a folder of answers files (*.yaml).

    \b
    Examples:
      advisor validate examples/
      advisor validate answers/*.yaml --rules our-rules/
      advisor validate our-rules/
    """
    reports = validate_paths(paths, lambda: Advisor.load(rules, questionnaire), rules, questionnaire)
    for report in reports:
        found = report.problems + report.warnings
        for line in capped_lines(
            sorted(found, key=lambda p: (p.path, p.line or 0, p.column or 0, p.message))
        ):
            click.echo(visible(line))
    failed = [r for r in reports if r.problems]
    if failed:
        count = sum(len(r.problems) for r in failed)
        click.echo(
            f"error: {_plural(count, 'problem')} in {len(failed)} of {_plural(len(reports), 'input')}",
            err=True,
        )
        raise click.exceptions.Exit(2)
    answers = sum(1 for r in reports if r.kind == "answers")
    packs = len(reports) - answers
    what = [_plural(answers, "answers file")] if answers else []
    what += [_plural(packs, "rule pack")] if packs else []
    warnings = sum(len(r.warnings) for r in reports)
    noted = f" ({_plural(warnings, 'warning')})" if warnings else ""
    click.echo(f"ok: {' and '.join(what)} {'is' if len(reports) == 1 else 'are'} valid{noted}")
