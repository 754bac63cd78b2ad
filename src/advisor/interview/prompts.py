"""The interview's prompter on a real terminal: the only module that imports questionary.

Each question becomes the matching questionary prompt (select, checkbox,
confirm, text) with its help, per-choice descriptions, default and
validation. Ctrl-B on any prompt goes back to the previous question; Ctrl-C
or Ctrl-D stop the interview (the caller saves the answers so far).
Running a prompt on the terminal is :mod:`~advisor.interview.terminal`'s
job; the headers and tables around the prompts come from
:mod:`~advisor.interview.screen`.

The prompter notes how many rows each step leaves on the terminal, so that going
back erases the abandoned question and the one returned to (nothing stacks up),
and it wraps descriptions and review rows to the terminal's width.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TextIO, cast

import questionary
from prompt_toolkit.filters import to_filter
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ScrollOffsets
from prompt_toolkit.output import Output, create_output
from prompt_toolkit.utils import get_cwidth
from questionary.prompts.common import InquirerControl
from rich.text import Text as RichText

from advisor.base.i18n import Lang
from advisor.base.text import plain, terminal, visible
from advisor.catalog.conditions import UNKNOWN
from advisor.catalog.models import Force
from advisor.interview.flow import (
    BACK,
    FORCES_STEP,
    NOTE_STEP,
    REVIEW_STEP,
    Position,
    ReviewRow,
)
from advisor.interview.screen import Screen, priorities_table, review_table, weight_bar, wrap
from advisor.interview.terminal import PromptRunner, terminal_stream
from advisor.interview.words import WORDS, display_value
from advisor.questionnaire.answers import NOTE_LIMIT
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.kinds import kind_of
from advisor.questionnaire.models import Question

_CONFIRM = "@confirm"
_DONE = "@done"
#: questionary's prefix of a choice's description, whose width indents its wrapped lines.
_DESCRIPTION = "  Description: "
#: questionary's styles of the question mark, the question and the answer, for an echo of ours.
_ECHO = ("bold #5f819d", "bold", "bold #ff9d00")


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - get_cwidth(text))


def _range(question: Question) -> str:
    low, high = question.minimum, question.maximum
    if low is not None and high is not None:
        return f"{low}-{high}"
    if low is not None:
        return f"≥ {low}"
    return f"≤ {high}" if high is not None else "#"


@dataclass(frozen=True)
class _Weighed:
    """A weight set in place on the list of forces."""

    force: str
    weight: int


def _set_all_equal(forces: Sequence[Force], weights: Mapping[str, int]) -> bool:
    """Whether every force has one weight that the architect chose, not the untouched defaults."""
    defaults = {f.id: f.default_weight for f in forces}
    return len(forces) > 1 and len(set(weights.values())) == 1 and dict(weights) != defaults


def _weight_keys(weights: Mapping[str, int]) -> KeyBindings:
    """0-5 set the weight of the force under the pointer; ← and → lower and raise it by one."""
    keys = KeyBindings()

    def pointed_force(event: KeyPressEvent) -> str | None:
        control = next(c for c in event.app.layout.find_all_controls() if isinstance(c, InquirerControl))
        value = control.choices[control.pointed_at].value
        return value if isinstance(value, str) and value in weights else None

    def setter(weight_of: Callable[[int], int]) -> Callable[[KeyPressEvent], None]:
        def set_weight(event: KeyPressEvent) -> None:
            force = pointed_force(event)
            if force is not None:
                event.app.erase_when_done = True
                event.app.exit(result=_Weighed(force, max(0, min(5, weight_of(weights[force])))))

        return set_weight

    def exactly(weight: int) -> Callable[[int], int]:
        return lambda _old: weight

    for digit in range(6):
        keys.add(str(digit), eager=True)(setter(exactly(digit)))
    keys.add(Keys.Left, eager=True)(setter(lambda old: old - 1))
    keys.add(Keys.Right, eager=True)(setter(lambda old: old + 1))
    return keys


class QuestionaryPrompter:
    """A :class:`~advisor.interview.flow.Prompter` built on questionary.

    Args:
        lang: the language of questions, help, choices and the interview's own words.
        stream: where section headers, tables and messages go (the terminal).
        input: prompt_toolkit input (tests pass a pipe); the terminal when ``None``.
        output: prompt_toolkit output; drawn on ``stream`` when ``None``.
    """

    def __init__(
        self,
        lang: Lang = "en",
        *,
        stream: TextIO | None = None,
        input: Input | None = None,
        output: Output | None = None,
    ) -> None:
        self.lang: Lang = lang
        stream = stream if stream is not None else terminal_stream()
        self.screen = Screen(terminal(file=stream, highlight=False), lang)
        self._runner = PromptRunner()
        self._io: dict[str, Any] = {"output": output or create_output(stdout=stream)}
        if input is not None:
            self._io["input"] = input

    # -- plumbing -----------------------------------------------------------

    def word(self, key: str, **values: object) -> str:
        """The interview's phrase ``key`` in the prompter's language (see :data:`WORDS`)."""
        return WORDS(key, self.lang, **values)

    def signals_end_prompts(self) -> AbstractContextManager[None]:
        """While open, a closed terminal or Ctrl-C ends the interview at a prompt, not mid-line.

        See :meth:`~advisor.interview.terminal.PromptRunner.signals_end_prompts`.
        """
        return self._runner.signals_end_prompts()

    def _leaving(self, answer: Any) -> Any:
        """``answer`` of a step; a Ctrl-B that leaves the step erases it when the next step begins."""
        if answer is BACK:
            self.screen.went_back()
        return answer

    def _run(self, prompt: Any, keys: KeyBindings | None = None, *, erase: bool = False) -> Any:
        """Run a prompt with long lines of its list wrapped; note the rows it leaves on screen.

        A list taller than the terminal scrolls with a few rows kept under the pointer,
        so an entry of several rows (a review row and its answer) is seen whole.
        """
        for window in prompt.application.layout.find_all_windows():
            if isinstance(window.content, InquirerControl):
                window.wrap_lines = to_filter(True)
                window.scroll_offsets = ScrollOffsets(bottom=3)
                self._localise_description(window.content)
        section = self.screen.section
        answer = self._runner.run(prompt, keys, erase=erase)
        self.screen.drawn(self._runner.rows, section)
        return answer

    def _width(self) -> int:
        """The terminal's width in columns."""
        columns: int = self._io["output"].get_size().columns
        return columns if columns > 0 else 80

    def _description_prefix(self) -> str:
        return f"  {self.word('description')}: "

    def _localise_description(self, control: InquirerControl) -> None:
        """questionary writes its own "Description:" before a choice's description: say it in our language."""
        tokens = cast(Callable[[], StyleAndTextTuples], control.text)
        prefix = self._description_prefix()

        def localised() -> StyleAndTextTuples:
            return [
                (token[0], prefix + token[1].removeprefix(_DESCRIPTION))
                if token[1].startswith(_DESCRIPTION)
                else token
                for token in tokens()
            ]

        control.text = localised

    def _describe(self, text: str | None) -> str | None:
        """A choice's description wrapped to the terminal under the "Description:" prefix."""
        if text is None:
            return None
        indent = get_cwidth(self._description_prefix())
        lines = wrap(text, self._width() - indent - 1)
        return ("\n" + " " * indent).join(lines)

    def _confirm(self, message: str, default: bool) -> Any:
        """A yes/no prompt whose keys and answer are shown in the interview's language."""
        keys = self.word("yes_no_default_yes" if default else "yes_no_default_no")
        answer = self._run(
            questionary.confirm(message, default=default, instruction=keys, **self._io), erase=True
        )
        if isinstance(answer, bool):
            self._echo(message, self.word("yes" if answer else "no"))
        return answer

    def _echo(self, message: str, answer: str) -> None:
        """The answered prompt as questionary leaves it on screen, with the answer in our words."""
        mark, asked, chosen = _ECHO
        echo = RichText.assemble(("? ", mark), plain(message, asked), " ")
        echo.append_text(plain(answer, chosen))
        self.screen.show(echo)

    def _select(
        self,
        message: str,
        choices: list[questionary.Choice],
        default: str | None = None,
        *,
        instruction: str | None = None,
        keys: KeyBindings | None = None,
        erase: bool = False,
    ) -> Any:
        """Pick one of ``choices``; ``instruction`` names the keys (↑↓ and Enter when ``None``).

        ``erase`` leaves nothing of the prompt on screen once answered.
        """
        return self._run(
            questionary.select(
                message,
                choices=choices,
                default=default,
                instruction=instruction or self.word("select"),
                **self._io,
            ),
            keys,
            erase=erase,
        )

    def _choices(self, question: Question, current: Any) -> list[questionary.Choice]:
        ticked = current if isinstance(current, list) else [current]
        choices = [
            questionary.Choice(
                c.label.get(self.lang),
                c.value,
                description=self._describe(c.description.get(self.lang) if c.description else None),
                checked=c.value in ticked,
            )
            for c in question.choices
        ]
        if question.allow_unknown:
            choices.append(
                questionary.Choice(
                    self.word("unknown"),
                    UNKNOWN,
                    description=self._describe(self.word("unknown_help")),
                    checked=UNKNOWN in ticked,
                )
            )
        return choices

    # -- the Prompter protocol ---------------------------------------------

    def ask(self, question: Question, position: Position, current: Any) -> Any:
        """Ask one question with the prompt that fits its type."""
        self.screen.begin(question.id)
        self.screen.header(position, question.help)
        return self._leaving(self._ask(question, current))

    def _ask(self, question: Question, current: Any) -> Any:
        message = question.prompt.get(self.lang)
        kind = question.type
        if kind is QuestionType.SELECT:
            values = [c.value for c in question.choices] + ([UNKNOWN] if question.allow_unknown else [])
            return self._select(
                message, self._choices(question, current), current if current in values else None
            )
        if kind is QuestionType.MULTISELECT:
            return self._ask_multiselect(question, message, current)
        if kind is QuestionType.CONFIRM:
            return self._ask_confirm(question, message, current)
        return self._ask_typed(question, message, current)

    def _ask_multiselect(self, question: Question, message: str, current: Any) -> Any:
        def valid(values: list[str]) -> bool | str:
            if question.required and not values:
                return self.word("pick_one")
            return self.word("unknown_alone") if UNKNOWN in values and len(values) > 1 else True

        picked = self._run(
            questionary.checkbox(
                message,
                choices=self._choices(question, current),
                validate=valid,
                instruction=self.word("checkbox"),
                **self._io,
            ),
            erase=True,
        )
        if picked is BACK:
            return BACK
        offered = [c.value for c in question.choices]
        answer = UNKNOWN if picked == [UNKNOWN] else sorted(picked, key=offered.index)
        # questionary would echo "done (3 selections)": echo the labels, as a select echoes its choice
        self._echo(message, display_value(question, answer, self.lang))
        return answer

    def _ask_confirm(self, question: Question, message: str, current: Any) -> Any:
        if not question.allow_unknown:
            default = current if isinstance(current, bool) else False
            return self._confirm(message, default)
        options = {"yes": True, "no": False, UNKNOWN: UNKNOWN}
        picked = self._select(
            message,
            [
                questionary.Choice(self.word("yes"), "yes"),
                questionary.Choice(self.word("no"), "no"),
                questionary.Choice(
                    self.word("unknown"), UNKNOWN, description=self._describe(self.word("unknown_help"))
                ),
            ],
            next((k for k, v in options.items() if v == current and current is not None), None),
        )
        return BACK if picked is BACK else options[picked]

    def _ask_typed(self, question: Question, message: str, current: Any) -> Any:
        integer = question.type is QuestionType.INTEGER
        kind = kind_of(question)

        def valid(text: str) -> bool | str:
            return kind.typed_problem(question, text, self.lang) or True

        instruction = None
        if integer or question.allow_unknown:
            base = _range(question) if integer else self.word("text")
            instruction = self.word("typed", range=base) if question.allow_unknown else f"({base})"
        default = "?" if current == UNKNOWN else ("" if current is None else str(current))
        typed = self._run(
            questionary.text(message, default=default, validate=valid, instruction=instruction, **self._io)
        )
        return BACK if typed is BACK else kind.parse_typed(question, typed)

    def weigh_forces(self, forces: Sequence[Force], weights: Mapping[str, int], position: Position) -> Any:
        """The forces with their weights: 0-5 or ←→ set the pointed one, Enter picks from a list.

        Choosing Done shows the forces ranked by weight and asks to confirm them; when
        the architect has given every force the same weight (not the untouched
        defaults) it first says that nothing is prioritised and offers to adjust them.
        The list and the weight picker leave nothing behind.
        """
        weights = dict(weights)
        width = max(get_cwidth(f.name.get(self.lang)) for f in forces) + 2
        labels = self.word("weights").split("|")
        pointed: str = _DONE
        self.screen.begin(FORCES_STEP)
        self.screen.header(position, None)
        while True:
            choices = [questionary.Choice(self.word("forces_done"), _DONE)] + [
                questionary.Choice(
                    f"{_pad(f.name.get(self.lang), width)}{weight_bar(weights[f.id])} {weights[f.id]}",
                    f.id,
                    description=self._describe(f.description.get(self.lang)),
                )
                for f in forces
            ]
            picked = self._select(
                self.word("forces_pick"),
                choices,
                pointed,
                instruction=self.word("forces_keys"),
                keys=_weight_keys(weights),
                erase=True,
            )
            if picked is BACK:
                return self._leaving(BACK)
            if isinstance(picked, _Weighed):
                weights[picked.force] = picked.weight
                pointed = picked.force
                continue
            if picked == _DONE:
                if _set_all_equal(forces, weights) and self._adjust_equal(weights):
                    pointed = forces[0].id
                    continue
                self.screen.show(priorities_table(forces, weights, self.lang))
                if self.confirm(self.word("use_priorities"), True):
                    return weights
                pointed = _DONE
                continue
            force = next(f for f in forces if f.id == picked)
            weight = self._select(
                self.word("weight_of", name=force.name.get(self.lang)),
                [questionary.Choice(f"{w} {weight_bar(w)} {labels[w]}", str(w)) for w in range(6)],
                str(weights[force.id]),
                erase=True,
            )
            if weight is not BACK:
                weights[force.id] = int(weight)
            pointed = force.id

    def _adjust_equal(self, weights: Mapping[str, int]) -> bool:
        """Say that forces of one weight prioritise nothing; whether the architect wants to adjust them."""
        weight = next(iter(weights.values()))
        self.say(self.word("all_equal", count=len(weights), weight=weight), "yellow")
        return self.confirm(self.word("adjust_equal"), True)

    def review(self, rows: Sequence[ReviewRow], forces: Sequence[Force], weights: Mapping[str, int]) -> Any:
        """The table of every answer and the priorities; confirm or pick one to change.

        In the list each question has its answer on the line under it, both wrapped
        to the terminal's width, so nothing is cut off.
        """
        self.screen.begin(REVIEW_STEP)
        self.screen.show(review_table(rows, self.lang))
        self.screen.show(priorities_table(forces, weights, self.lang))
        room = self._width() - 4  # the pointer's column, and one to spare
        choices = [
            questionary.Choice(self.word("confirm_all"), _CONFIRM),
            questionary.Choice(self.word("change_forces"), FORCES_STEP),
        ]
        for number, row in enumerate(rows, 1):
            lead = f"{number}. "
            indent = "\n   " + " " * len(lead)
            lines = wrap(row.question.prompt.get(self.lang), room - len(lead)) + wrap(
                "→ " + visible(display_value(row.question, row.value, self.lang)), room - len(lead)
            )
            choices.append(questionary.Choice(lead + indent.join(lines), row.question.id))
        choices.append(questionary.Choice(self.word("add_note"), NOTE_STEP))
        picked = self._leaving(self._select(self.word("review_pick"), choices))
        return None if picked == _CONFIRM else picked

    def note(self, rows: Sequence[ReviewRow]) -> Any:
        """Pick an answer, then type its note (one line, at most :data:`NOTE_LIMIT` characters)."""
        choices = [
            questionary.Choice(f"{number}. {row.question.prompt.get(self.lang)}", row.question.id)
            for number, row in enumerate(rows, 1)
        ]
        picked = self._select(self.word("note_pick"), choices)
        if picked is BACK:
            return BACK
        current = next((row.note for row in rows if row.question.id == picked), "")
        typed = self._run(
            questionary.text(
                self.word("note_text"),
                default=current,
                validate=lambda text: len(text.strip()) <= NOTE_LIMIT or f"≤ {NOTE_LIMIT}",
                **self._io,
            )
        )
        return BACK if typed is BACK else (str(picked), str(typed))

    def choose(self, message: str, options: Sequence[tuple[str, str]]) -> str:
        """Pick one of ``(label, value)`` options; Ctrl-B counts as the first option."""
        picked = self._select(message, [questionary.Choice(label, value) for label, value in options])
        return options[0][1] if picked is BACK else str(picked)

    def path(self, message: str, default: str) -> str:
        """Type a file or folder name, starting from ``default``; Ctrl-B keeps the default."""
        typed = self._run(
            questionary.text(
                message,
                default=default,
                validate=lambda text: bool(text.strip()) or self.word("required"),
                **self._io,
            )
        )
        return default if typed is BACK else str(typed).strip()

    def confirm(self, message: str, default: bool) -> bool:
        """A yes/no question; Ctrl-B counts as no."""
        return self._confirm(message, default) is True

    def say(self, message: str, style: str | None = None) -> None:
        """Show a line on the terminal (not on stdout when stdout is redirected).

        Raises:
            EOFError: the terminal is gone.
        """
        self.screen.show(plain(message, style=style or ""))
