"""``advisor validate``: check answers files and rule packs, e.g. in CI."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.validation import validate_paths
from advisor.base.i18n import Lang
from advisor.base.text import visible
from advisor.cli.options import catalog_options, lang_option
from advisor.cli.words import WORDS
from advisor.core.advisor import Advisor
from advisor.errors import Problem, capped_lines, error_line


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@catalog_options
@lang_option
def validate(
    paths: tuple[Path, ...], rules: tuple[Path, ...], questionnaire: Path | None, lang: Lang
) -> None:
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
        for line in capped_lines(sorted(report.problems + report.warnings, key=Problem.key), lang):
            click.echo(visible(line))
    failed = [r for r in reports if r.problems]
    if failed:
        problems = WORDS("problem", lang, count=sum(len(r.problems) for r in failed))
        inputs = WORDS("input", lang, count=len(reports))
        summary = WORDS("invalid", lang, problems=problems, failed=len(failed), inputs=inputs)
        click.echo(error_line(summary, lang), err=True)
        raise click.exceptions.Exit(2)
    answers = sum(1 for r in reports if r.kind == "answers")
    packs = len(reports) - answers
    what = [WORDS("answers_file", lang, count=answers)] if answers else []
    what += [WORDS("rule_pack", lang, count=packs)] if packs else []
    warnings = sum(len(r.warnings) for r in reports)
    noted = WORDS("noted", lang, warnings=WORDS("warning", lang, count=warnings)) if warnings else ""
    both = WORDS("both", lang, first=what[0], second=what[1]) if len(what) == 2 else "".join(what)
    click.echo(WORDS("valid", lang, count=len(reports), what=both, noted=noted))
