"""The guided interview as pure logic behind an injected :class:`Prompter`.

The loop walks the questionnaire in order, asks every question whose ``when``
holds for the answers so far (conditions are data, evaluated with
:func:`~advisor.catalog.conditions.evaluate`), then the weights of the forces,
then a review where any answer can be changed. A prompter returns a value in
answers-file form (``"unknown"`` for "don't know") or :data:`BACK`.

Ctrl-C or end of input at a prompt (``KeyboardInterrupt`` / ``EOFError``)
becomes :class:`InterviewInterrupted`, which carries everything answered so
far and the step to continue from, so the caller can save it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final, Protocol

from advisor.base.i18n import Text
from advisor.catalog.conditions import UNKNOWN
from advisor.catalog.models import Force
from advisor.errors import Words
from advisor.questionnaire.models import Question, Questionnaire
from advisor.questionnaire.values import checked_value, walk

#: The step that weighs the forces, after the last question.
FORCES_STEP: Final = "@forces"
#: The step that reviews every answer before finishing.
REVIEW_STEP: Final = "@review"
#: What the review returns to add or change the note (one line of rationale) on an answer.
NOTE_STEP: Final = "@note"


class _Back:
    """The answer of a prompter when the architect asks to go back."""

    _instance: _Back | None = None

    def __new__(cls) -> _Back:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "BACK"


BACK: Final = _Back()


@dataclass(frozen=True)
class Position:
    """Where the architect is: the section (title and help) and "question N of M".

    ``M`` counts the questions that will be asked given the answers so far (and the
    defaults of those not answered yet); ``was`` is the previous ``M`` when an
    answer has just changed it.
    """

    title: Text
    number: int
    total: int
    help: Text | None = None
    was: int | None = None


@dataclass(frozen=True)
class ReviewRow:
    """One answered question as shown in the final review, with its note if it has one."""

    question: Question
    section: Text
    value: Any
    note: str = ""


@dataclass
class InterviewState:
    """Everything answered so far and the step to continue from.

    Attributes:
        answers: question id → value in answers-file form, in asking order.
        forces: force id → weight 0-5, or ``None`` until the forces are weighed.
        at: the question id or step (:data:`FORCES_STEP`, :data:`REVIEW_STEP`) to
            continue from; ``None`` means the beginning.
        reviewing: the review was reached once; later steps return to it.
        notes: question id → one line of rationale for its answer.
        in_place: pattern ids the answers file lists as already in place (kept as given).
        date: when the answers were given or last reviewed (kept as given).
    """

    answers: dict[str, Any] = field(default_factory=dict)
    forces: dict[str, int] | None = None
    at: str | None = None
    reviewing: bool = False
    notes: dict[str, str] = field(default_factory=dict)
    in_place: list[str] = field(default_factory=list)
    date: str | None = None


class _Count:
    """Positions as shown, with the count the architect saw before when an answer changed it."""

    def __init__(self) -> None:
        self.shown: int | None = None

    def __call__(self, position: Position) -> Position:
        was, self.shown = self.shown, position.total
        return replace(position, was=was) if was is not None and was != position.total else position


class InterviewInterrupted(Exception):  # noqa: N818 - not an error: the architect stopped
    """The architect stopped the interview; ``state`` holds what was given so far."""

    def __init__(self, state: InterviewState) -> None:
        super().__init__("the interview was interrupted")
        self.state = state


class Prompter(Protocol):
    """Asks the architect; the only part of an interview that does I/O.

    Every ``ask``-like method may raise ``KeyboardInterrupt`` or ``EOFError``.
    """

    def ask(self, question: Question, position: Position, current: Any) -> Any:
        """Ask one question; ``current`` is the answer so far or the default.

        Returns:
            The answer in answers-file form, or :data:`BACK`.
        """

    def weigh_forces(self, forces: Sequence[Force], weights: Mapping[str, int], position: Position) -> Any:
        """Let the architect weigh every force 0-5 and confirm the result.

        Returns:
            The confirmed weights (force id → 0-5), or :data:`BACK`.
        """

    def review(self, rows: Sequence[ReviewRow], forces: Sequence[Force], weights: Mapping[str, int]) -> Any:
        """Show every answer and the weights; ask to confirm or pick one to change.

        Returns:
            ``None`` to confirm, a question id or :data:`FORCES_STEP` to change,
            :data:`NOTE_STEP` to add or change a note, or :data:`BACK`.
        """

    def note(self, rows: Sequence[ReviewRow]) -> Any:
        """Pick an answer and type its note (one line; empty removes it).

        Returns:
            ``(question id, note)``, or :data:`BACK` to return to the review unchanged.
        """

    def confirm(self, message: str, default: bool) -> bool:
        """Ask a yes/no question outside the questionnaire."""


def as_condition_value(raw: Any) -> Any:
    """An answer so far as conditions see it: no answer yet (``None``) reads as unknown."""
    return UNKNOWN if raw is None else raw


def value_problem(question: Question, raw: Any) -> Words | None:
    """Why ``raw`` (answers-file form) is not a valid answer to ``question`` (``None`` if valid)."""
    _value, problem = checked_value(question, raw)
    return None if problem is None else problem.message


class Interview:
    """One questionnaire and the catalog's forces, ready to be asked."""

    def __init__(self, questionnaire: Questionnaire, forces: Mapping[str, Force]) -> None:
        self.questionnaire = questionnaire
        self.forces = tuple(forces.values())
        self._questions = questionnaire.questions()
        self._section_of = {q.id: s for s in questionnaire.sections for q in s.questions}

    def default_weights(self) -> dict[str, int]:
        """Every force's default weight, in catalog order."""
        return {f.id: f.default_weight for f in self.forces}

    def walk(self, answers: Mapping[str, Any]) -> list[tuple[Question, bool]]:
        """Every question with whether it is asked, given ``answers``.

        Conditions see what ``advisor recommend`` sees for the same answers file:
        the answer if given, the default for an asked question not yet answered,
        unknown for a question that is not asked.
        """
        values: dict[str, Any] = {}
        walked: list[tuple[Question, bool]] = []
        for question, asked in walk(self.questionnaire, lambda q: values.get(q, UNKNOWN), lambda _f: 0):
            if asked:
                values[question.id] = as_condition_value(answers.get(question.id, question.default))
            walked.append((question, asked))
        return walked

    def applicable(self, answers: Mapping[str, Any]) -> list[Question]:
        """The questions asked for ``answers``, in order."""
        return [q for q, asked in self.walk(answers) if asked]

    def prune(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """``answers`` in asking order, without those to questions whose ``when`` no longer holds."""
        return {q.id: answers[q.id] for q in self.applicable(answers) if q.id in answers}

    def rows(self, answers: Mapping[str, Any], notes: Mapping[str, str] | None = None) -> list[ReviewRow]:
        """The review table: every applicable question with its answer and note."""
        return [
            ReviewRow(
                q, self._section_of[q.id].title, answers.get(q.id, q.default), (notes or {}).get(q.id, "")
            )
            for q in self.applicable(answers)
        ]

    def prune_notes(self, state: InterviewState) -> dict[str, str]:
        """The notes of answers still asked, in asking order, without empty ones."""
        return {
            q.id: state.notes[q.id].strip()
            for q in self.applicable(state.answers)
            if state.notes.get(q.id, "").strip()
        }

    def position(self, step: str, answers: Mapping[str, Any]) -> Position:
        """Section and "question N of M" for a step; the forces count as the last question."""
        asked = self.applicable(answers)
        total = len(asked) + 1
        if step == FORCES_STEP:
            forces = self.questionnaire.forces
            return Position(forces.title, total, total, forces.help)
        number = next((i for i, q in enumerate(asked, 1) if q.id == step), total)
        section = self._section_of[step]
        return Position(section.title, number, total, section.help)

    def missing(self, answers: Mapping[str, Any]) -> str | None:
        """The first applicable question without an answer, if any."""
        return next((q.id for q in self.applicable(answers) if q.id not in answers), None)

    def _next(self, step: str, state: InterviewState) -> str:
        if state.reviewing:
            return self.missing(state.answers) or REVIEW_STEP
        if step == FORCES_STEP:
            return REVIEW_STEP
        ids = [q.id for q in self.applicable(state.answers)]
        later = ids[ids.index(step) + 1 :] if step in ids else []
        return later[0] if later else FORCES_STEP

    def _previous(self, step: str, state: InterviewState) -> str:
        if state.reviewing and step != REVIEW_STEP:
            return REVIEW_STEP
        if step == REVIEW_STEP:
            return FORCES_STEP
        ids = [q.id for q in self.applicable(state.answers)]
        if step == FORCES_STEP:
            return ids[-1] if ids else FORCES_STEP
        index = ids.index(step) if step in ids else 0
        return ids[index - 1] if index > 0 else step

    def _start(self, state: InterviewState) -> str:
        step = state.at
        if step in {FORCES_STEP, REVIEW_STEP}:
            return step
        if step is not None and any(q.id == step for q in self.applicable(state.answers)):
            return step
        first = self.missing(state.answers)
        if first is not None:
            return first
        return REVIEW_STEP if state.forces is not None else FORCES_STEP

    def run(self, prompter: Prompter, state: InterviewState | None = None) -> InterviewState:
        """Ask until the architect confirms the review; return the complete answers.

        Args:
            prompter: asks the questions.
            state: a resumed interview; ``None`` starts from the beginning.

        Raises:
            InterviewInterrupted: the prompter raised ``KeyboardInterrupt`` or ``EOFError``.
        """
        state = replace(state) if state else InterviewState()
        state.answers = self.prune(state.answers)
        step = self._start(state)
        counted = _Count()
        try:
            while True:
                state.at = step
                if step == REVIEW_STEP:
                    state.reviewing = True
                    rows = self.rows(state.answers, state.notes)
                    target = prompter.review(rows, self.forces, state.forces or self.default_weights())
                    if target == NOTE_STEP:
                        noted = prompter.note(rows)
                        if noted is not BACK:
                            question_id, text = noted
                            state.notes = {**state.notes, question_id: " ".join(str(text).split())}
                            state.notes = self.prune_notes(state)
                    elif target is None:
                        missing = self.missing(state.answers)
                        if missing is None and state.forces is not None:
                            state.at = None
                            state.notes = self.prune_notes(state)
                            return state
                        step = missing or FORCES_STEP
                    elif target is BACK:
                        step = FORCES_STEP
                    elif target == FORCES_STEP or any(q.id == target for q in self.applicable(state.answers)):
                        step = str(target)
                elif step == FORCES_STEP:
                    weights = prompter.weigh_forces(
                        self.forces,
                        state.forces or self.default_weights(),
                        counted(self.position(step, state.answers)),
                    )
                    if weights is BACK:
                        step = self._previous(step, state)
                    else:
                        state.forces = {f.id: int(weights[f.id]) for f in self.forces}
                        step = self._next(step, state)
                else:
                    question = self.questionnaire.question(step)
                    if question is None:  # a stale step from a resume file
                        step = self._start(replace(state, at=None))
                        continue
                    value = prompter.ask(
                        question,
                        counted(self.position(step, state.answers)),
                        state.answers.get(step, question.default),
                    )
                    if value is BACK:
                        step = self._previous(step, state)
                    else:
                        state.answers = self.prune({**state.answers, step: value})
                        step = self._next(step, state)
        except (KeyboardInterrupt, EOFError):
            state.at = step
            raise InterviewInterrupted(state) from None
