"""The interview loop with a scripted prompter: conditions, back, review, dropped answers, resume."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.__about__ import __version__
from advisor.base.yamlfile import parse_yaml
from advisor.catalog.models import Force
from advisor.core.advisor import Advisor
from advisor.errors import DataFileError, in_lang
from advisor.interview.files import answers_text, default_resume_path, read_resume, resume_text
from advisor.interview.flow import (
    BACK,
    FORCES_STEP,
    REVIEW_STEP,
    Interview,
    InterviewInterrupted,
    InterviewState,
    Position,
    ReviewRow,
    value_problem,
)
from advisor.questionnaire.models import Question

WEIGHTS = {"autonomy": 4, "simplicity": 1, "efficiency": 0}


class Scripted:
    """Answers from a script of (step, response) pairs; checks each step is the one expected."""

    def __init__(self, *script: tuple[str, Any]) -> None:
        self.script = list(script)
        self.asked: list[tuple[str, Any]] = []
        self.positions: dict[str, Position] = {}
        self.reviews: list[list[ReviewRow]] = []

    def _next(self, step: str, current: Any) -> Any:
        assert self.script, f"the interview asked {step} after the script ended"
        expected, response = self.script.pop(0)
        assert step == expected, f"asked {step}, script expected {expected}"
        self.asked.append((step, current))
        if isinstance(response, type) and issubclass(response, BaseException):
            raise response
        return response

    def ask(self, question: Question, position: Position, current: Any) -> Any:
        self.positions[question.id] = position
        return self._next(question.id, current)

    def weigh_forces(self, forces: Sequence[Force], weights: Mapping[str, int], position: Position) -> Any:
        self.positions[FORCES_STEP] = position
        return self._next(FORCES_STEP, dict(weights))

    def review(self, rows: Sequence[ReviewRow], forces: Sequence[Force], weights: Mapping[str, int]) -> Any:
        self.reviews.append(list(rows))
        return self._next(REVIEW_STEP, dict(weights))

    def confirm(self, message: str, default: bool) -> bool:
        return bool(self._next("confirm", default))


BASIC = (
    ("system_name", "Shop"),
    ("team_count", 4),
    ("cadence", "weekly"),
    ("ops", "unknown"),
    ("cdc", True),
    ("clients", ["web", "mobile"]),
    (FORCES_STEP, WEIGHTS),
)


@pytest.fixture
def interview(mini_advisor: Advisor) -> Interview:
    return Interview(mini_advisor.questionnaire, mini_advisor.catalog.forces)


def test_walks_every_question_then_forces_then_review(interview: Interview) -> None:
    prompter = Scripted(*BASIC, (REVIEW_STEP, None))
    state = interview.run(prompter)
    assert list(state.answers.items()) == [
        ("system_name", "Shop"),
        ("team_count", 4),
        ("cadence", "weekly"),
        ("ops", "unknown"),
        ("cdc", True),
        ("clients", ["web", "mobile"]),
    ]
    assert state.forces == WEIGHTS
    assert state.at is None
    assert [row.question.id for row in prompter.reviews[0]] == list(state.answers)


def test_asks_with_the_default_and_counts_the_forces_as_the_last_question(interview: Interview) -> None:
    prompter = Scripted(*BASIC, (REVIEW_STEP, None))
    interview.run(prompter)
    assert dict(prompter.asked)["cadence"] == "monthly"
    assert dict(prompter.asked)["clients"] == ["web"]
    assert dict(prompter.asked)[FORCES_STEP] == {"autonomy": 2, "simplicity": 2, "efficiency": 0}
    assert prompter.positions["system_name"] == Position(prompter.positions["system_name"].title, 1, 7)
    assert prompter.positions["cadence"].number == 3
    assert prompter.positions["cadence"].title.en == "Main"
    assert (prompter.positions[FORCES_STEP].number, prompter.positions[FORCES_STEP].total) == (7, 7)
    assert prompter.positions[FORCES_STEP].title.en == "Forces"


def test_positions_carry_the_section_help(advisor: Advisor) -> None:
    interview = Interview(advisor.questionnaire, advisor.catalog.forces)
    first = interview.position("system_name", {})
    forces = interview.position(FORCES_STEP, {})
    total = len(interview.applicable({})) + 1  # the questions asked, and the forces
    assert (first.title.en, first.number, first.total) == ("The system", 1, total)
    assert first.help is not None
    assert first.help.en == "What you are building and where you start from."
    assert forces.help == advisor.questionnaire.forces.help
    asked = [q.id for q in interview.applicable({"existing_system": "monolith"})]
    assert "migration_strategy" in asked  # asked only when leaving a monolith
    assert (
        interview.position("team_count", {"existing_system": "monolith"}).number
        == asked.index("team_count") + 1
    )


def test_a_question_is_asked_only_while_its_condition_holds(interview: Interview) -> None:
    script = list(BASIC)
    script[1] = ("team_count", 12)
    script.insert(6, ("legacy_name", "Old ERP"))
    prompter = Scripted(*script, (REVIEW_STEP, None))
    state = interview.run(prompter)
    assert state.answers["legacy_name"] == "Old ERP"
    assert prompter.positions["legacy_name"] == Position(prompter.positions["legacy_name"].title, 7, 8)


def test_the_count_follows_the_answers_and_says_when_it_changed(interview: Interview) -> None:
    script = list(BASIC)
    script[1] = ("team_count", 12)  # makes legacy_name apply: 8 questions instead of 7
    script.insert(6, ("legacy_name", "Old ERP"))
    prompter = Scripted(*script, (REVIEW_STEP, None))
    interview.run(prompter)
    positions = prompter.positions
    assert (positions["team_count"].total, positions["team_count"].was) == (7, None)
    assert (positions["cadence"].number, positions["cadence"].total, positions["cadence"].was) == (3, 8, 7)
    assert positions["ops"].was is None  # said once, where it changed
    assert (positions[FORCES_STEP].total, positions[FORCES_STEP].was) == (8, None)


def test_back_returns_to_the_previous_question_with_its_answer(interview: Interview) -> None:
    prompter = Scripted(
        ("system_name", "Shop"),
        ("team_count", 4),
        ("cadence", BACK),
        ("team_count", 6),
        *BASIC[2:],
        (REVIEW_STEP, None),
    )
    state = interview.run(prompter)
    assert prompter.asked[3] == ("team_count", 4)
    assert state.answers["team_count"] == 6


def test_back_on_the_first_question_stays_there(interview: Interview) -> None:
    prompter = Scripted(("system_name", BACK), *BASIC, (REVIEW_STEP, None))
    assert interview.run(prompter).answers["system_name"] == "Shop"


def test_back_from_forces_and_review(interview: Interview) -> None:
    prompter = Scripted(
        *BASIC[:-1],
        (FORCES_STEP, BACK),
        ("clients", ["web"]),
        (FORCES_STEP, WEIGHTS),
        (REVIEW_STEP, BACK),
        (FORCES_STEP, {**WEIGHTS, "efficiency": 5}),
        (REVIEW_STEP, None),
    )
    state = interview.run(prompter)
    assert state.answers["clients"] == ["web"]
    assert state.forces == {**WEIGHTS, "efficiency": 5}


def test_review_edit_drops_answers_whose_condition_no_longer_holds(interview: Interview) -> None:
    script = list(BASIC)
    script[1] = ("team_count", 12)
    script.insert(6, ("legacy_name", "Old ERP"))
    prompter = Scripted(
        *script,
        (REVIEW_STEP, "team_count"),
        ("team_count", 3),
        (REVIEW_STEP, None),
    )
    state = interview.run(prompter)
    assert "legacy_name" not in state.answers
    assert [row.question.id for row in prompter.reviews[-1]] == [q for q, _ in BASIC[:-1]]


def test_review_edit_asks_questions_that_become_applicable(interview: Interview) -> None:
    prompter = Scripted(
        *BASIC,
        (REVIEW_STEP, "team_count"),
        ("team_count", 20),
        ("legacy_name", "Mainframe"),
        (REVIEW_STEP, FORCES_STEP),
        (FORCES_STEP, {**WEIGHTS, "simplicity": 5}),
        (REVIEW_STEP, None),
    )
    state = interview.run(prompter)
    assert state.answers["legacy_name"] == "Mainframe"
    assert state.forces == {**WEIGHTS, "simplicity": 5}
    assert list(state.answers)[-1] == "legacy_name"


def test_back_while_editing_returns_to_the_review_unchanged(interview: Interview) -> None:
    prompter = Scripted(*BASIC, (REVIEW_STEP, "cadence"), ("cadence", BACK), (REVIEW_STEP, None))
    assert interview.run(prompter).answers["cadence"] == "weekly"


def test_confirming_with_a_question_left_unanswered_asks_it(interview: Interview) -> None:
    prompter = Scripted(
        *BASIC,
        (REVIEW_STEP, "team_count"),
        ("team_count", 20),
        ("legacy_name", BACK),
        (REVIEW_STEP, None),
        ("legacy_name", "Mainframe"),
        (REVIEW_STEP, None),
    )
    assert interview.run(prompter).answers["legacy_name"] == "Mainframe"


@pytest.mark.parametrize("stop", [KeyboardInterrupt, EOFError])
def test_interruption_carries_the_answers_so_far(interview: Interview, stop: type[BaseException]) -> None:
    with pytest.raises(InterviewInterrupted) as info:
        interview.run(Scripted(*BASIC[:3], ("ops", stop)))
    assert info.value.state == InterviewState(
        answers={"system_name": "Shop", "team_count": 4, "cadence": "weekly"}, forces=None, at="ops"
    )


def test_resumed_interview_continues_where_it_stopped(interview: Interview) -> None:
    with pytest.raises(InterviewInterrupted) as info:
        interview.run(Scripted(*BASIC[:3], ("ops", KeyboardInterrupt)))
    resumed = interview.run(Scripted(*BASIC[3:], (REVIEW_STEP, None)), info.value.state)
    straight = interview.run(Scripted(*BASIC, (REVIEW_STEP, None)))
    assert resumed == straight


def test_resume_file_round_trip(interview: Interview, tmp_path: Path) -> None:
    with pytest.raises(InterviewInterrupted) as info:
        interview.run(Scripted(*BASIC, (REVIEW_STEP, "cadence"), ("cadence", KeyboardInterrupt)))
    path = tmp_path / "s.yaml"
    path.write_text(resume_text(interview, info.value.state, Path("shop.yaml")), encoding="utf-8")
    state, output = read_resume(path, interview)
    assert output == Path("shop.yaml")
    assert state == info.value.state
    assert state.reviewing
    finished = interview.run(Scripted(("cadence", "daily"), (REVIEW_STEP, None)), state)
    assert finished.answers["cadence"] == "daily"


def test_resume_file_errors_are_located(interview: Interview, tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "resume: default\nquestionnaire_version: 1\nanswers:\n  cadence: hourly\n  teams: 3\n"
        "forces:\n  speed: 3\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        read_resume(path, interview)
    assert str(info.value).splitlines() == [
        f"{path}:4:12: 'cadence' has no choice 'hourly'",
        f"{path}:5:10: unknown question 'teams'",
        f"{path}:7:3: unknown force 'speed'",
    ]


def test_an_answers_file_is_not_a_resume_file(interview: Interview, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("questionnaire: default\nanswers: {}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a resume file"):
        read_resume(path, interview)


def test_answers_file_is_stable_and_replays_to_the_same_answers(
    interview: Interview, mini_advisor: Advisor
) -> None:
    state = interview.run(Scripted(*BASIC, (REVIEW_STEP, None)))
    text = answers_text(interview, state)
    assert text == (
        "# Shop: answers to the questionnaire 'default', written by advisor interview.\n"
        "# Replay with: advisor recommend <this file>\n"
        "questionnaire: default\n"
        "questionnaire_version: 1\n"
        f"advisor_version: {__version__}\n"
        "answers:\n"
        "  system_name: Shop\n"
        "  team_count: 4\n"
        "  cadence: weekly\n"
        "  ops: unknown\n"
        "  cdc: true\n"
        "  clients: [web, mobile]\n"
        "forces:\n"
        "  autonomy: 4\n"
        "  efficiency: 0\n"
        "  simplicity: 1\n"
    )
    replayed = mini_advisor.check_answers(yaml.safe_load(text))
    direct = mini_advisor.check_answers({"answers": state.answers, "forces": state.forces})
    assert replayed.values == direct.values
    assert replayed.forces == direct.forces
    assert mini_advisor.advise(replayed) == mini_advisor.advise(direct)
    assert parse_yaml(text, "a.yaml").data["answers"] == state.answers


def test_default_resume_path_sits_beside_the_answers_file() -> None:
    assert default_resume_path(Path("out/shop.yaml")) == Path("out/.shop.resume.yaml")


def test_a_resume_value_is_checked_like_an_answers_file(mini_advisor: Advisor) -> None:
    teams = mini_advisor.questionnaire.question("team_count")
    name = mini_advisor.questionnaire.question("system_name")
    assert teams is not None
    assert name is not None
    assert in_lang(value_problem(teams, 101) or "") == "'team_count' must be between 1 and 100, got 101"
    assert (
        in_lang(value_problem(teams, 101) or "", "ko")
        == "'team_count'는 1에서 100 사이여야 합니다. 받은 값: 101"
    )
    assert in_lang(value_problem(name, "unknown") or "") == "'system_name' does not allow 'unknown'"


def test_the_schema_beside_the_answers_file(advisor: Advisor, tmp_path: Path) -> None:
    from advisor.analysis.schema import catalog_answers_schema, render_schema
    from advisor.cli.interview import SCHEMA_NAME, schema_beside

    output = tmp_path / "shop.yaml"
    schema = render_schema(catalog_answers_schema(advisor.questionnaire, advisor.catalog))
    assert schema_beside(advisor, output) == SCHEMA_NAME
    assert (tmp_path / SCHEMA_NAME).read_text(encoding="utf-8") == schema
    # one the advisor wrote before, for other packs, is brought up to date
    (tmp_path / SCHEMA_NAME).write_text('{"title": "advisor answers: Old"}\n', encoding="utf-8")
    assert schema_beside(advisor, output) == SCHEMA_NAME
    assert (tmp_path / SCHEMA_NAME).read_text(encoding="utf-8") == schema
    # someone else's file of that name is left alone, and no modeline names it
    (tmp_path / SCHEMA_NAME).write_text('{"title": "our own"}\n', encoding="utf-8")
    assert schema_beside(advisor, output) is None
    assert (tmp_path / SCHEMA_NAME).read_text(encoding="utf-8") == '{"title": "our own"}\n'
