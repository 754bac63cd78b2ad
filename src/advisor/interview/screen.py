"""What the interview shows around its prompts, as rich renderables (pure functions).

Section headers with "question N of M", the table of priorities and the
review table of every answer. The prompter prints them on the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.table import Table
from rich.text import Text as RichText

from advisor.base.i18n import Lang, Text
from advisor.base.text import plain
from advisor.catalog.models import Force
from advisor.interview.flow import Position, ReviewRow
from advisor.interview.words import WORDS, display_value


def weight_bar(weight: int) -> str:
    """A weight 0-5 as five dots, filled up to the weight."""
    return "●" * weight + "○" * (5 - weight)


def header(position: Position, help_text: Text | None, lang: Lang, *, entering: bool) -> list[RichText]:
    """Section title, "question N of M" and the keys; the section's help when ``entering`` it; the help.

    Args:
        position: the section and the question's number.
        help_text: the question's own help, if any.
        lang: the language shown.
        entering: the previous question was in another section.
    """
    line = RichText.assemble(plain("\n" + position.title.get(lang), "bold magenta"))
    line.append(" · " + WORDS("position", lang, number=position.number, total=position.total))
    line.append("    " + WORDS("keys", lang), style="dim")
    lines = [line]
    if entering and position.help is not None:
        lines.append(plain(position.help.get(lang), style="magenta"))
    if help_text is not None:
        lines.append(plain(help_text.get(lang), style="italic dim"))
    return lines


def priorities_table(forces: Sequence[Force], weights: Mapping[str, int], lang: Lang) -> Table:
    """The forces ranked by weight (heaviest first, catalog order among equals)."""
    table = Table(title=WORDS("priorities", lang), title_justify="left")
    table.add_column(WORDS("rank", lang), justify="right")
    table.add_column(WORDS("force", lang), style="cyan")
    table.add_column(WORDS("weight", lang))
    ranked = sorted(forces, key=lambda f: (-weights[f.id], forces.index(f)))
    for rank, force in enumerate(ranked, 1):
        weight = weights[force.id]
        table.add_row(str(rank), plain(force.name.get(lang)), f"{weight_bar(weight)} {weight}")
    return table


def review_table(rows: Sequence[ReviewRow], lang: Lang) -> Table:
    """Every answered question, numbered, with its section and the answer as the architect reads it."""
    table = Table(title=WORDS("review", lang), title_justify="left")
    table.add_column(WORDS("rank", lang), justify="right")
    table.add_column(WORDS("section", lang), style="magenta")
    table.add_column(WORDS("question", lang))
    table.add_column(WORDS("answer", lang), style="cyan")
    for number, row in enumerate(rows, 1):
        table.add_row(
            str(number),
            plain(row.section.get(lang)),
            plain(row.question.prompt.get(lang)),
            plain(display_value(row.question, row.value, lang))
            + (f"\n✎ {plain(row.note)}" if row.note else ""),
        )
    return table
