"""Notes on answers (one line of rationale) and re-running an interview from an answers file."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from advisor.catalog.models import Force
from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.interview.files import answers_text, read_resume, resume_text, state_from_answers
from advisor.interview.flow import (
    BACK,
    FORCES_STEP,
    NOTE_STEP,
    REVIEW_STEP,
    Interview,
    Position,
    ReviewRow,
)
from advisor.questionnaire.models import Question
from advisor.report.markdown import render_markdown
from advisor.report.model import build_report
from conftest import ROOT

STARTUP = ROOT / "examples" / "startup-mvp.yaml"


def _with_notes(write: Callable[[str, str], Path], notes: str) -> Path:
    text = STARTUP.read_text(encoding="utf-8").replace("\nforces:\n", f"\nnotes:\n{notes}forces:\n", 1)
    return write("noted.yaml", text)


def test_a_note_reaches_every_report(advisor: Advisor, write: Callable[[str, str], Path]) -> None:
    path = _with_notes(write, "  team_count: Hiring freeze until 2027 | confirmed by HR\n")
    result = advisor.advise(advisor.read_answers(path))
    answered = next(a for a in result.answers if a.question == "team_count")
    assert answered.note == "Hiring freeze until 2027 | confirmed by HR"
    report = build_report(result, advisor.catalog, advisor.questionnaire, "ko")
    text = render_markdown(report)
    assert "| 질문 | 답변 | 근거 |" in text
    assert "| 1 | Hiring freeze until 2027 \\| confirmed by HR |" in text
    assert advisor.read_answers(path).raw()["notes"] == {
        "team_count": "Hiring freeze until 2027 | confirmed by HR"
    }


@pytest.mark.parametrize(
    ("notes", "message"),
    [
        ("  team_cont: typo\n", "note for unknown question 'team_cont'"),
        ("  team_count: [a, b]\n", "the note on 'team_count' must be text"),
        ("  team_count: |\n    two\n    lines\n", "the note on 'team_count' must be one line"),
        (f"  team_count: {'x' * 301}\n", "the note on 'team_count' is 301 characters long"),
    ],
)
def test_a_bad_note_is_a_located_error(
    runner: CliRunner, write: Callable[[str, str], Path], notes: str, message: str
) -> None:
    path = _with_notes(write, notes)
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr and message in result.stderr
    assert "Traceback" not in result.output


class Reviewer:
    """Accepts every default, adds one note in the review, then confirms."""

    def __init__(self, note: tuple[str, str]) -> None:
        self.to_note: tuple[str, str] | None = note
        self.asked: list[tuple[str, Any]] = []
        self.rows: list[ReviewRow] = []

    def ask(self, question: Question, position: Position, current: Any) -> Any:
        self.asked.append((question.id, current))
        return current

    def weigh_forces(self, forces: Sequence[Force], weights: Mapping[str, int], position: Position) -> Any:
        return dict(weights)

    def review(self, rows: Sequence[ReviewRow], forces: Sequence[Force], weights: Mapping[str, int]) -> Any:
        self.rows = list(rows)
        return NOTE_STEP if self.to_note else None

    def note(self, rows: Sequence[ReviewRow]) -> Any:
        noted, self.to_note = self.to_note, None
        return noted or BACK

    def confirm(self, message: str, default: bool) -> bool:
        return default


def test_a_rerun_asks_every_question_from_the_old_answers_and_keeps_notes(
    advisor: Advisor, write: Callable[[str, str], Path]
) -> None:
    path = _with_notes(write, "  product_stage: Still validating the subscription model\n")
    answers = advisor.read_answers(path)
    interview = Interview(advisor.questionnaire, advisor.catalog.forces)
    state = state_from_answers(interview, answers)
    assert state.at == "system_name" and not state.reviewing
    reviewer = Reviewer(("team_count", "  Two more developers  from March "))
    finished = interview.run(reviewer, state)
    asked = dict(reviewer.asked)
    assert [q for q, _ in reviewer.asked] == [q.id for q in interview.applicable(state.answers)]
    assert asked["team_count"] == 1 and asked["system_name"] == "Pantry Pal"
    assert finished.notes == {
        "product_stage": "Still validating the subscription model",
        "team_count": "Two more developers from March",
    }
    assert [r.note for r in reviewer.rows if r.note] == list(finished.notes.values())
    text = answers_text(interview, finished)
    data = yaml.safe_load(text)
    assert data["date"] == "2026-11-16"  # kept from the file, quoted so that it stays text
    assert data["notes"] == finished.notes
    assert data["answers"] == answers.raw()["answers"]
    assert data["forces"] == dict(answers.forces)
    again = write("again.yaml", text)
    assert advisor.read_answers(again).raw() == {
        **answers.raw(),
        "notes": finished.notes,
    }
    # A resume file keeps the notes and the date too.
    resume = write(".again.resume.yaml", resume_text(interview, finished, again))
    restored, _ = read_resume(resume, interview)
    assert (restored.notes, restored.date) == (finished.notes, "2026-11-16")


def test_from_and_resume_cannot_be_combined(runner: CliRunner, write: Callable[[str, str], Path]) -> None:
    resume = write(".x.resume.yaml", "resume: default\nquestionnaire_version: 1\n")
    result = runner.invoke(cli, ["interview", "--from", str(STARTUP), "--resume", str(resume)])
    assert result.exit_code == 2


def test_reviewing_without_a_note_changes_nothing(advisor: Advisor) -> None:
    interview = Interview(advisor.questionnaire, advisor.catalog.forces)
    state = state_from_answers(interview, advisor.read_answers(STARTUP))
    finished = interview.run(Reviewer(("team_count", "")), state)
    assert finished.notes == {}
    assert REVIEW_STEP not in answers_text(interview, finished)
    assert FORCES_STEP not in answers_text(interview, finished)
