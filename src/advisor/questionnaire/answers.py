"""Answers files: parse, check against a questionnaire and the catalog's forces.

An answers file names its questionnaire and gives ``answers`` (question id →
value) and ``forces`` (force id → weight 0-5). Checking produces
:class:`Answers`: every question of the questionnaire with a value (the
default where the file is silent, :data:`UNKNOWN` for "don't know" or
a question whose ``when`` does not hold) and every force with a weight.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from advisor.base.resources import display_path
from advisor.base.yamlfile import YamlDocument, read_yaml, validate
from advisor.catalog.conditions import UNKNOWN
from advisor.catalog.models import Force
from advisor.errors import AnswersError, Problem, Words, said
from advisor.questionnaire.answers_words import WORDS, did_you_mean
from advisor.questionnaire.checks import closest
from advisor.questionnaire.models import Choice, Question, Questionnaire
from advisor.questionnaire.values import checked_value, walk


def _empty_list() -> list[Any]:
    """A new empty list (a plain function: pydantic reads a factory's signature, and reading
    that of the builtin ``list`` costs a cold start a few milliseconds)."""
    return []


class AnswersFile(BaseModel):
    """The shape of an answers file, before its values are checked."""

    model_config = ConfigDict(extra="forbid")

    questionnaire: str = "default"
    questionnaire_version: StrictInt | None = Field(default=None, ge=1)
    advisor_version: str | None = None
    date: datetime.date | None = None
    answers: dict[str, Any] = Field(default_factory=dict)
    notes: dict[str, Any] = Field(default_factory=dict)
    forces: dict[str, Any] = Field(default_factory=dict)
    in_place: list[Any] = Field(
        default_factory=_empty_list, description="ids of the patterns the system already uses"
    )


@dataclass(frozen=True)
class Answers:
    """Checked answers: a value for every question and a weight for every force."""

    questionnaire: str
    values: Mapping[str, Any]
    forces: Mapping[str, int]
    given: frozenset[str] = frozenset()
    ignored: tuple[str, ...] = ()
    not_asked: frozenset[str] = frozenset()
    source: str = "<answers>"
    in_place: tuple[str, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)
    date: str | None = None

    def value(self, question_id: str) -> Any:
        """The answer to a question (:data:`UNKNOWN` when not known)."""
        return self.values.get(question_id, UNKNOWN)

    def weight(self, force_id: str) -> int:
        """The weight (0-5) given to a force."""
        return self.forces.get(force_id, 0)

    def raw(self) -> dict[str, Any]:
        """The answers file content that reproduces these answers exactly."""
        values = {q: v for q, v in self.values.items() if q in self.given}
        raw: dict[str, Any] = {"questionnaire": self.questionnaire}
        if self.date is not None:
            raw["date"] = self.date
        raw["answers"] = values
        if self.notes:
            raw["notes"] = dict(self.notes)
        if self.in_place:
            raw["in_place"] = list(self.in_place)
        raw["forces"] = dict(self.forces)
        return raw


def in_place_patterns(answers: Answers, questionnaire: Questionnaire) -> tuple[str, ...]:
    """The patterns the system already uses: listed under ``in_place``, or implied by a choice.

    A choice such as "existing microservices" names the patterns it implies
    (``in_place:`` on the choice), so the starting point is a fact like any listed pattern.
    """
    found = set(answers.in_place)
    for choice in _picked_choices(answers, questionnaire):
        found.update(choice.in_place)
    return tuple(sorted(found))


def scope_groups(answers: Answers, questionnaire: Questionnaire) -> tuple[str, ...]:
    """The pattern groups the advice is limited to (empty: the whole architecture).

    A choice names the groups it stands for (``scope:`` on the choice), the way a choice
    names the patterns it implies; the groups of every picked choice make the scope.
    """
    found: set[str] = set()
    for choice in _picked_choices(answers, questionnaire):
        found.update(choice.scope)
    return tuple(sorted(found))


def _picked_choices(answers: Answers, questionnaire: Questionnaire) -> Iterator[Choice]:
    """Every choice the answers pick, in questionnaire order (one of a select, any of a checkbox)."""
    for question in questionnaire.questions():
        value = answers.value(question.id)
        picked = value if isinstance(value, list) else [value]
        yield from (choice for choice in question.choices if choice.value in picked)


@dataclass
class _Checker:
    doc: YamlDocument
    questionnaire: Questionnaire
    problems: list[Problem] = field(default_factory=list)

    def fail(
        self, loc: tuple[str | int, ...], message: Words, hint: Words | None = None, *, key: bool = False
    ) -> None:
        self.problems.append(self.doc.problem(loc, message, hint, key=key))

    def value(self, question: Question, raw: Any) -> Any:
        value, problem = checked_value(question, raw)
        if problem is not None:
            self.fail(("answers", question.id), problem.message, problem.hint)
        return value


def check_value(questionnaire: Questionnaire, question: Question, raw: Any, name: str) -> list[Problem]:
    """Problems of one raw answer to ``question``, reported against ``name`` (no line)."""
    checker = _Checker(YamlDocument(name, None, {}), questionnaire)
    checker.value(question, raw)
    return checker.problems


def _check_layout(doc: YamlDocument) -> None:
    """Refuse a document that is not a mapping, pointing at the expected layout."""
    if not isinstance(doc.data, dict):
        raise AnswersError(
            [
                doc.problem(
                    (),
                    WORDS.text("layout"),
                    hint=WORDS.text("layout_hint"),
                )
            ]
        )


#: The longest note an answer may carry: one line of rationale, not an essay.
NOTE_LIMIT = 300


def _check_notes(checker: _Checker, raw: Mapping[str, Any], known_ids: list[str]) -> dict[str, str]:
    """The notes (question id → one line of rationale), in questionnaire order; problems recorded."""
    notes: dict[str, str] = {}
    for question_id, note in raw.items():
        loc = ("notes", question_id)
        if question_id not in known_ids:
            near = closest(str(question_id), known_ids)
            hint = did_you_mean(near, WORDS.text("note_belongs"))
            checker.fail(loc, WORDS.text("note_unknown", question=question_id), hint=hint, key=True)
        elif not isinstance(note, str):
            message = WORDS.text("note_text", question=question_id, value=repr(note))
            checker.fail(loc, message, hint=WORDS.text("quote_it"))
        elif "\n" in note.strip() or "\r" in note:
            checker.fail(loc, WORDS.text("note_line", question=question_id), hint=WORDS.text("shorten"))
        elif len(note) > NOTE_LIMIT:
            checker.fail(
                loc,
                WORDS.text("note_long", question=question_id, length=len(note)),
                hint=WORDS.text("note_limit", limit=NOTE_LIMIT),
            )
        elif note.strip():
            notes[question_id] = note.strip()
    return {q: notes[q] for q in known_ids if q in notes}


def _check_in_place(checker: _Checker, raw: list[Any], patterns: Collection[str] | None) -> tuple[str, ...]:
    """The ``in_place`` pattern ids, each known to the catalog (when ``patterns`` is given)."""
    found: list[str] = []
    for index, item in enumerate(raw):
        loc = ("in_place", index)
        if not isinstance(item, str):
            message = WORDS.text("in_place_ids", value=repr(item))
            checker.fail(loc, message, hint=WORDS.text("pattern_id_hint"))
        elif patterns is not None and item not in patterns:
            near = closest(item, sorted(patterns))
            hint = did_you_mean(near, WORDS.text("patterns_list"))
            checker.fail(loc, WORDS.text("unknown_pattern", pattern=item), hint=hint)
        elif item in found:
            checker.fail(loc, WORDS.text("in_place_twice", pattern=item), hint=said("remove_one"))
        else:
            found.append(item)
    return tuple(sorted(found))


def check_answers(
    doc: YamlDocument,
    questionnaire: Questionnaire,
    forces: Mapping[str, Force],
    *,
    patterns: Collection[str] | None = None,
) -> Answers:
    """Check a parsed answers document against a questionnaire and the catalog's forces.

    ``patterns`` are the catalog's pattern ids that ``in_place`` may name (``None``
    leaves the ids unchecked, for a caller without a catalog).

    Raises:
        AnswersError: one located problem per mistake, all reported at once.
    """
    if doc.data is None:
        raise AnswersError([doc.problem((), WORDS.text("empty"), hint=WORDS.text("layout_hint"))])
    _check_layout(doc)
    parsed = validate(doc, AnswersFile)
    checker = _Checker(doc, questionnaire)
    if parsed.questionnaire != questionnaire.id:
        checker.fail(
            ("questionnaire",),
            WORDS.text("other_questionnaire", given=parsed.questionnaire, expected=questionnaire.id),
            hint=WORDS.text("pass_questionnaire"),
        )
    if parsed.questionnaire_version is not None and parsed.questionnaire_version > questionnaire.version:
        checker.fail(
            ("questionnaire_version",),
            WORDS.text(
                "newer",
                given=parsed.questionnaire_version,
                questionnaire=questionnaire.id,
                version=questionnaire.version,
            ),
            hint=WORDS.text("same_versions"),
        )
    known_ids = [q.id for q in questionnaire.questions()]
    for question_id in parsed.answers:
        if question_id not in known_ids:
            near = closest(str(question_id), known_ids)
            checker.fail(
                ("answers", question_id),
                WORDS.text("unknown_question", question=question_id),
                hint=did_you_mean(near, WORDS.text("question_ids")),
                key=True,
            )
    for force_id, weight in parsed.forces.items():
        if force_id not in forces:
            near = closest(str(force_id), list(forces))
            checker.fail(
                ("forces", force_id),
                WORDS.text("unknown_force", force=force_id),
                hint=did_you_mean(near, WORDS.text("known_forces", forces=", ".join(forces))),
                key=True,
            )
        elif isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= 5:
            checker.fail(("forces", force_id), WORDS.text("weight", force=force_id, value=repr(weight)))
    in_place = _check_in_place(checker, parsed.in_place, patterns)
    weights = {f: parsed.forces.get(f, force.default_weight) for f, force in forces.items()}
    weights = {
        f: w if isinstance(w, int) and not isinstance(w, bool) and 0 <= w <= 5 else forces[f].default_weight
        for f, w in weights.items()
    }

    values: dict[str, Any] = {}
    ignored: list[str] = []
    not_asked: set[str] = set()
    for question, asked in walk(questionnaire, lambda q: values.get(q, UNKNOWN), weights.__getitem__):
        if not asked:
            values[question.id] = UNKNOWN
            not_asked.add(question.id)
            if question.id in parsed.answers:
                ignored.append(question.id)
            continue
        if question.id in parsed.answers:
            value = checker.value(question, parsed.answers[question.id])
            values[question.id] = UNKNOWN if value is None else value  # None: refused, reported
        elif question.required:
            checker.fail(
                ("answers",),
                WORDS.text("required", question=question.id),
                hint=WORDS.text("add_answer", question=question.id),
            )
        elif question.default is not None:
            values[question.id] = question.default
        else:
            values[question.id] = UNKNOWN
    notes = _check_notes(checker, parsed.notes, known_ids)
    if checker.problems:
        raise AnswersError(checker.problems)
    return Answers(
        questionnaire=questionnaire.id,
        values=values,
        forces=weights,
        given=frozenset(q for q in parsed.answers if q not in ignored),
        ignored=tuple(ignored),
        not_asked=frozenset(not_asked),
        source=doc.path,
        in_place=in_place,
        notes={q: n for q, n in notes.items() if q not in ignored},
        date=parsed.date.isoformat() if parsed.date else None,
    )


def load_answers(
    path: Path,
    questionnaire: Questionnaire,
    forces: Mapping[str, Force],
    *,
    patterns: Collection[str] | None = None,
) -> Answers:
    """Read and check the answers file at ``path``."""
    return check_answers(read_yaml(path, display_path(path)), questionnaire, forces, patterns=patterns)


def answers_from_mapping(
    data: Mapping[str, Any],
    questionnaire: Questionnaire,
    forces: Mapping[str, Force],
    name: str = "<answers>",
    *,
    patterns: Collection[str] | None = None,
) -> Answers:
    """Check answers given as Python data (the library's entry point)."""
    # Anything else than a mapping is reported by check_answers as a shape error, not a TypeError.
    payload = dict(data) if isinstance(data, Mapping) else data
    return check_answers(YamlDocument(name, payload, {}), questionnaire, forces, patterns=patterns)
