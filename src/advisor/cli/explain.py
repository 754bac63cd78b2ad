"""``advisor explain``: why (or why not) one pattern for the system in an answers file."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.analysis.explain import explain as explain_pattern
from advisor.base.i18n import Lang
from advisor.cli.options import catalog_options, lang_option, set_option
from advisor.core.advisor import Advisor
from advisor.report.json import render_document
from advisor.report.reasoning import render_explanation


@click.command()
@click.argument("answers", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("pattern")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON on stdout.")
@set_option
@catalog_options
@lang_option
def explain(
    *,
    answers: Path,
    pattern: str,
    as_json: bool,
    sets: tuple[str, ...],
    rules: tuple[Path, ...],
    questionnaire: Path | None,
    lang: Lang,
) -> None:
    """Explain why PATTERN is, or is not, recommended for the system in ANSWERS.

    For a recommended pattern: the rules that fired and the answers they matched, its
    fit with the forces, the chain of issues leading to it and the alternatives it won
    over. For any other pattern: where it stands, what it lost to and why, and which
    tests of its rules failed. For both: the single answer or force changes that flip
    it, from the same search as `advisor whatif`, and for a pattern not recommended,
    combined changes that bring it in; each checked by re-running the advisor.

    \b
    Examples:
      advisor explain examples/enterprise-escaping-monolith.yaml saga
      advisor explain examples/startup-mvp.yaml microservice-architecture --lang ko
      advisor explain examples/startup-mvp.yaml saga --set team_count=8 --json
    """
    advisor = Advisor.load(rules, questionnaire)
    checked = advisor.read_answers(answers, sets)
    result = advisor.advise(checked)
    explanation = explain_pattern(advisor, checked, result, pattern)
    if as_json:
        click.echo(render_document("explain", explanation), nl=False)
        return
    click.echo(render_explanation(explanation, advisor.catalog, lang), nl=False)
