"""``advisor patterns``: browse the pattern language."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.base.i18n import Lang
from advisor.base.text import terminal
from advisor.catalog.loader import load_catalog
from advisor.cli.options import lang_option
from advisor.errors import AdvisorError, said
from advisor.questionnaire.checks import closest
from advisor.report.catalog_graph import FORMATS, Format, group_members, render_graph
from advisor.report.catalog_view import pattern_page, pattern_table

rules_option = click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Rule pack folder overlaid on the bundled catalog (repeatable; later wins).",
)


def _check_id(kind: str, value: str | None, known: list[str]) -> None:
    if value is None or value in known:
        return
    near = closest(value, known)
    hint = said("mean", near=near) if near else said(f"known_{kind}s", ids=", ".join(known))
    raise AdvisorError(said(f"unknown_{kind}", id=value), hint)


@click.group()
def patterns() -> None:
    """Browse the pattern catalog: list, show one pattern, or graph the relations."""


@patterns.command("list")
@click.option("--group", help="Only patterns of this group id (e.g. data-consistency).")
@click.option("--layer", help="Only patterns of this layer id (e.g. infrastructure).")
@rules_option
@lang_option
def list_patterns(group: str | None, layer: str | None, rules: tuple[Path, ...], lang: Lang) -> None:
    """List the patterns, grouped by group.

    \b
    Examples:
      advisor patterns list
      advisor patterns list --group deployment --lang ko
    """
    catalog = load_catalog(rules)
    _check_id("group", group, list(catalog.groups))
    _check_id("layer", layer, list(catalog.layers))
    members = catalog.patterns.keys() if group is None else group_members(catalog, group)
    chosen = [p for p in catalog.patterns.values() if p.id in members and (layer is None or p.layer == layer)]
    terminal().print(pattern_table(catalog, chosen, lang))


@patterns.command("show")
@click.argument("pattern_id", metavar="ID")
@rules_option
@lang_option
def show_pattern(pattern_id: str, rules: tuple[Path, ...], lang: Lang) -> None:
    """Show one pattern: problem, forces, resulting context and related patterns.

    \b
    Examples:
      advisor patterns show saga
      advisor patterns show circuit-breaker --lang ko
    """
    catalog = load_catalog(rules)
    _check_id("pattern", pattern_id, list(catalog.patterns))
    terminal().print(pattern_page(catalog, catalog.patterns[pattern_id], lang))


@patterns.command("graph")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="mermaid",
    show_default=True,
    help="Diagram language of the output.",
)
@click.option("--group", help="Only this group (and its subgroups) with the patterns it relates to.")
@rules_option
@lang_option
def graph_patterns(fmt: Format, group: str | None, rules: tuple[Path, ...], lang: Lang) -> None:
    """Print the successor and alternative relations as Mermaid or Graphviz DOT source.

    Successors are solid arrows, alternatives dashed lines without direction; patterns
    are clustered by group.

    \b
    Examples:
      advisor patterns graph > language.mmd
      advisor patterns graph --format dot --group data-consistency | dot -Tsvg > saga.svg
      advisor patterns graph --group deployment --lang ko
    """
    catalog = load_catalog(rules)
    _check_id("group", group, list(catalog.groups))
    click.echo(render_graph(catalog, fmt, group, lang), nl=False)
