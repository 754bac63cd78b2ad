"""The files an interview leaves behind: the answers file and the resume file.

Both are plain YAML with a stable key order (questionnaire order for answers,
catalog order for forces) and no timestamps, so the same interview always
writes the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from advisor.__about__ import __version__
from advisor.base.i18n import Lang
from advisor.base.resources import display_path
from advisor.base.text import visible_line
from advisor.base.yamlfile import read_yaml, validate
from advisor.errors import DataFileError, Problem
from advisor.interview.flow import FORCES_STEP, REVIEW_STEP, Interview, InterviewState, value_problem
from advisor.interview.words import WORDS
from advisor.questionnaire.answers import NOTE_LIMIT, Answers
from advisor.questionnaire.answers_words import WORDS as PROBLEMS

#: The file name of the resume file, next to the answers file it will become.
RESUME_SUFFIX = ".resume.yaml"


def default_resume_path(output: Path) -> Path:
    """Where an interview writing ``output`` saves its progress: ``.<name>.resume.yaml`` beside it."""
    return output.with_name(f".{output.stem}{RESUME_SUFFIX}")


def _double_quoted(text: str) -> str:
    """``text`` as a one-line double-quoted YAML scalar that reads back exactly.

    Every unprintable character is escaped (``\\x1b``, ``\\u0085``): YAML forbids most control
    characters raw in a file, so an answer holding one would otherwise be unreadable.
    """
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() or char == " ":
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def _scalar(value: Any) -> str:
    if isinstance(value, str) and not value.isprintable():
        return _double_quoted(value)
    # Flow style keeps each answer on one line; width keeps long text unfolded.
    text: str = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return text.removesuffix("\n").removesuffix("\n...").rstrip("\n")


def _mapping(name: str, values: dict[str, Any]) -> list[str]:
    if not values:
        return [f"{name}: {{}}"]
    return [f"{name}:", *(f"  {key}: {_scalar(value)}" for key, value in values.items())]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def answers_text(
    interview: Interview, state: InterviewState, schema: str | None = None, lang: Lang = "en"
) -> str:
    """The answers file for a finished interview, replayable with ``advisor recommend``.

    ``schema`` names the answers files' JSON Schema for the first line, a
    ``yaml-language-server`` modeline, so that an editor completes and checks the file.
    The comments at the top are in ``lang``, and so is the replay command they give.
    """
    questionnaire = interview.questionnaire
    answers = interview.prune(state.answers)
    name = answers.get("system_name")
    unnamed = WORDS("unnamed", lang)
    title = visible_line(_one_line(name)) if isinstance(name, str) and name.strip() else unnamed
    weights = state.forces or interview.default_weights()
    lines = [
        *([f"# yaml-language-server: $schema={schema}"] if schema else []),
        "# " + WORDS("file_header", lang, title=title, questionnaire=questionnaire.id),
        "# " + WORDS("file_replay", lang),
        f"questionnaire: {_scalar(questionnaire.id)}",
        f"questionnaire_version: {questionnaire.version}",
        f"advisor_version: {_scalar(__version__)}",
        *_kept(interview, state, ("date",)),
        *_mapping("answers", answers),
        *_kept(interview, state, ("notes", "in_place")),
        *_mapping("forces", {f.id: weights[f.id] for f in interview.forces}),
    ]
    return "\n".join(lines) + "\n"


def _kept(interview: Interview, state: InterviewState, fields: tuple[str, ...]) -> list[str]:
    """The lines of what an answers file carries besides answers and forces, where there is any:
    its date, the notes on answers still asked, the patterns in place."""
    lines: list[str] = []
    for name in fields:
        if name == "date" and state.date:
            lines.append(f"date: {_scalar(state.date)}")
        elif name == "notes" and (notes := interview.prune_notes(state)):
            lines += _mapping("notes", dict(notes))
        elif name == "in_place" and state.in_place:
            lines.append(f"in_place: {_scalar(list(state.in_place))}")
    return lines


class ResumeFile(BaseModel):
    """The shape of a resume file."""

    model_config = ConfigDict(extra="forbid")

    resume: str = Field(description="the questionnaire id the saved answers belong to")
    questionnaire_version: int
    advisor_version: str | None = None
    output: str | None = None
    at: str | None = None
    reviewing: bool = False
    answers: dict[str, Any] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    in_place: list[str] = Field(default_factory=list)
    date: str | None = None
    forces: dict[str, int] | None = None


def resume_text(interview: Interview, state: InterviewState, output: Path | None) -> str:
    """The resume file for an interrupted interview."""
    questionnaire = interview.questionnaire
    lines = [
        "# An interrupted advisor interview. Continue it with:",
        "#   advisor interview --resume <this file>",
        f"resume: {_scalar(questionnaire.id)}",
        f"questionnaire_version: {questionnaire.version}",
        f"advisor_version: {_scalar(__version__)}",
    ]
    if output is not None:
        lines.append(f"output: {_scalar(str(output))}")
    if state.at is not None:
        lines.append(f"at: {_scalar(state.at)}")
    if state.reviewing:
        lines.append("reviewing: true")
    lines += _kept(interview, state, ("date",))
    lines += _mapping("answers", interview.prune(state.answers))
    lines += _kept(interview, state, ("notes", "in_place"))
    if state.forces is not None:
        lines += _mapping("forces", {f.id: state.forces[f.id] for f in interview.forces})
    return "\n".join(lines) + "\n"


def read_resume(path: Path, interview: Interview) -> tuple[InterviewState, Path | None]:
    """Read a resume file back into an interview state and the answers file it was writing.

    Raises:
        DataFileError: the file is not a resume file of this questionnaire, or an
            answer in it is not valid (each problem named with its line).
    """
    doc = read_yaml(path, display_path(path))
    if not isinstance(doc.data, dict) or "resume" not in doc.data:
        raise DataFileError([doc.problem((), PROBLEMS.text("not_resume"), hint=PROBLEMS.text("resume_hint"))])
    saved = validate(doc, ResumeFile)
    questionnaire = interview.questionnaire
    problems: list[Problem] = []
    if saved.resume != questionnaire.id or saved.questionnaire_version != questionnaire.version:
        problems.append(
            doc.problem(
                ("resume",),
                PROBLEMS.text(
                    "resume_other",
                    given=saved.resume,
                    given_version=saved.questionnaire_version,
                    expected=questionnaire.id,
                    version=questionnaire.version,
                ),
                hint=PROBLEMS.text("resume_questionnaire"),
            )
        )
    for question_id, raw in saved.answers.items():
        question = questionnaire.question(question_id)
        unknown = PROBLEMS.text("unknown_question", question=question_id)
        message = unknown if question is None else value_problem(question, raw)
        if message:
            problems.append(doc.problem(("answers", question_id), message))
    known = {f.id for f in interview.forces}
    for force_id, weight in (saved.forces or {}).items():
        if force_id not in known:
            problems.append(
                doc.problem(("forces", force_id), PROBLEMS.text("unknown_force", force=force_id), key=True)
            )
        elif not 0 <= weight <= 5:
            problems.append(doc.problem(("forces", force_id), PROBLEMS.text("weight_range", force=force_id)))
    for question_id, note in saved.notes.items():
        if questionnaire.question(question_id) is None:
            problems.append(
                doc.problem(("notes", question_id), PROBLEMS.text("note_unknown", question=question_id))
            )
        elif "\n" in note.strip() or len(note) > NOTE_LIMIT:
            problems.append(
                doc.problem(("notes", question_id), PROBLEMS.text("note_line", question=question_id))
            )
    steps = {q.id for q in questionnaire.questions()} | {FORCES_STEP, REVIEW_STEP}
    if saved.at is not None and saved.at not in steps:
        problems.append(doc.problem(("at",), PROBLEMS.text("unknown_step", step=saved.at)))
    if problems:
        raise DataFileError(problems)
    forces = None
    if saved.forces is not None:
        forces = {**interview.default_weights(), **saved.forces}
    state = InterviewState(
        answers=dict(saved.answers),
        forces=forces,
        at=saved.at,
        reviewing=saved.reviewing,
        notes=dict(saved.notes),
        in_place=list(saved.in_place),
        date=saved.date,
    )
    return state, Path(saved.output) if saved.output else None


def state_from_answers(interview: Interview, answers: Answers) -> InterviewState:
    """An interview that asks every question again, starting from the checked ``answers``.

    Answers, weights, notes, the date and the patterns in place become the defaults;
    the interview starts at its first question, not at the review.
    """
    raw = answers.raw()
    given: dict[str, Any] = raw["answers"]
    asked = interview.applicable(given)
    return InterviewState(
        answers=given,
        forces={f.id: answers.weight(f.id) for f in interview.forces},
        at=asked[0].id if asked else None,
        notes=dict(answers.notes),
        in_place=list(answers.in_place),
        date=answers.date,
    )
