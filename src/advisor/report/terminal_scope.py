"""The scope of the advice in the terminal: the not-assessed line and table."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from advisor.base.i18n import Lang
from advisor.base.text import plain
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Recommendation
from advisor.report.labels import label
from advisor.report.scope_rows import group_name, group_order, not_assessed_rows


def not_assessed_line(result: Recommendation, catalog: Catalog, lang: Lang) -> Text:
    """One line: how many patterns outside the scope were not assessed, and their groups."""
    groups = sorted({n.group for n in result.not_assessed}, key=lambda g: group_order(catalog, g))
    names = ", ".join(group_name(catalog, g, lang) for g in groups)
    return plain(label("not_assessed_line", lang, count=len(result.not_assessed), groups=names), "dim")


def render_not_assessed(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    """Every pattern outside the scope the advice would otherwise give, by group."""
    table = Table(title=label("not_assessed", lang), title_justify="left", title_style="bold")
    table.add_column(label("pattern", lang), style="dim", overflow="fold")
    table.add_column(label("group", lang), overflow="fold")
    table.add_column(label("status", lang), overflow="fold")
    for row in not_assessed_rows(result, catalog, lang):
        table.add_row(plain(row.name), plain(row.group_name), row.status_label)
    return table
