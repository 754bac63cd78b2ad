"""What the interview shows around its prompts, as rich renderables (pure functions).

Section headers with "question N of M", the table of priorities and the
review table of every answer. The prompter prints them on the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from advisor.base.i18n import Lang, Text
from advisor.base.text import plain
from advisor.catalog.models import Force
from advisor.interview.flow import Position, ReviewRow
from advisor.interview.words import WORDS, display_value


@dataclass(frozen=True)
class _Rows:
    """Rows on the terminal that one step of the interview drew."""

    step: str | None
    rows: int
    section_before: str | None


@dataclass
class Screen:
    """The terminal around the prompts: what each step drew there, so that going back can erase it.

    Headers, tables and messages are printed through :meth:`show`; the prompter
    reports the rows each answered prompt leaves with :meth:`drawn`. After a
    Ctrl-B (:meth:`went_back`), the next step to :meth:`begin` erases the rows of
    the step that was left and its own earlier rows, so headers never stack up.

    Attributes:
        console: where everything is printed (the terminal, or a file in tests).
        lang: the language of the interview's own words.
        section: the title of the section whose header was shown last.
    """

    console: Console
    lang: Lang
    section: str | None = None
    _blocks: list[_Rows] = field(default_factory=list)
    _step: str | None = None
    _rewind: bool = False

    def begin(self, step: str) -> None:
        """Start drawing ``step``; after a Ctrl-B, first erase what the left step and ``step`` drew."""
        if self._rewind:
            self._rewind = False
            ends = [i for i, b in enumerate(self._blocks) if b.step == step]
            start = ends[-1] if ends else len(self._blocks)
            owner = step if ends else (self._blocks[-1].step if self._blocks else None)
            while start > 0 and self._blocks[start - 1].step == owner:
                start -= 1
            if start < len(self._blocks):
                rows = sum(b.rows for b in self._blocks[start:])
                self.section = self._blocks[start].section_before
                del self._blocks[start:]
                if self.console.is_terminal:  # a file or a pipe keeps everything
                    self.write(f"\r\x1b[{rows}A\x1b[J")
        self._step = step

    def went_back(self) -> None:
        """The architect left the step with Ctrl-B: the next step erases it."""
        self._rewind = True

    def drawn(self, rows: int, section_before: str | None) -> None:
        """Note ``rows`` left on screen by the current step (``section_before``: the section shown before)."""
        if rows:
            self._blocks.append(_Rows(self._step, rows, section_before))

    def header(self, position: Position, help_text: Text | None) -> None:
        """Section title (with its help on entering it), "question N of M", the keys and the help."""
        title = position.title.get(self.lang)
        for line in header(position, help_text, self.lang, entering=title != self.section):
            self.show(line)
        self.section = title

    def show(self, renderable: RenderableType) -> None:
        """Print on the terminal, and note how many rows it took.

        Raises:
            EOFError: the terminal is gone.
        """
        with self.console.capture() as captured:
            self.console.print(renderable)
        text = captured.get()
        self.write(text)
        self.drawn(text.count("\n"), self.section)

    def write(self, text: str) -> None:
        """Write ``text`` as is.

        Raises:
            EOFError: the terminal is gone.
        """
        try:
            self.console.file.write(text)
            self.console.file.flush()
        except OSError as lost:
            raise EOFError from lost


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells, broken between words.

    Cells, not characters: a Korean syllable takes two. A word longer than a line
    gets a line of its own (the terminal folds it).
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and cell_len(line) + 1 + cell_len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


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
    if position.was is not None:
        lines.append(RichText(WORDS("count_changed", lang, total=position.total, was=position.was), "yellow"))
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
