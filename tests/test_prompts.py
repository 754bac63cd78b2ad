"""The questionary prompter, driven through prompt_toolkit pipe input."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput, Output
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.cells import cell_len

from advisor.base.i18n import Lang, Text
from advisor.cli.interview import _confirmed_output
from advisor.core.advisor import Advisor
from advisor.interview.flow import BACK, FORCES_STEP, Interview, Position
from advisor.interview.prompts import QuestionaryPrompter
from advisor.interview.screen import wrap
from advisor.interview.words import display_value
from advisor.questionnaire.loader import load_questionnaire
from advisor.questionnaire.models import Question

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CTRL_B = "\x02"
CTRL_C = "\x03"
CTRL_D = "\x04"
BACKSPACE = "\x7f"
LEFT = "\x1b[D"
RIGHT = "\x1b[C"
START = {"autonomy": 2, "efficiency": 0, "simplicity": 2}
HERE = Position(Text(en="Main", ko="메인"), 2, 7)


class Terminal:
    """Keys go in through a pipe; headers and tables come out in ``chrome``.

    Every prompter gets its own pipe holding exactly the keys given, closed
    behind them: a prompt that wants more keys than the test gave ends with
    ``EOFError`` instead of waiting forever.
    """

    def __init__(self, pipes: ExitStack) -> None:
        self.pipes = pipes
        self.chrome = io.StringIO()
        self.screen = io.StringIO()

    def prompter(self, *keys: str, lang: Lang = "en", screen: bool = False) -> QuestionaryPrompter:
        pipe = self.pipes.enter_context(create_pipe_input())
        pipe.send_text("".join(keys))
        pipe.close()
        output: Output = (
            Vt100_Output(self.screen, lambda: Size(rows=40, columns=120), term="xterm")
            if screen
            else DummyOutput()
        )
        return QuestionaryPrompter(lang, stream=self.chrome, input=pipe, output=output)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    with (
        ExitStack() as pipes,
        create_pipe_input() as idle,
        create_app_session(input=idle, output=DummyOutput()),
    ):
        idle.close()
        yield Terminal(pipes)


@pytest.fixture
def question(mini_advisor: Advisor) -> Callable[[str], Question]:
    def get(question_id: str) -> Question:
        found = mini_advisor.questionnaire.question(question_id)
        assert found is not None
        return found

    return get


Ask = Callable[..., Any]


@pytest.fixture
def ask(terminal: Terminal, question: Callable[[str], Question]) -> Ask:
    def run(question_id: str, current: Any, *keys: str) -> Any:
        return terminal.prompter(*keys).ask(question(question_id), HERE, current)

    return run


def test_select_starts_on_the_current_answer(ask: Ask) -> None:
    assert ask("cadence", "weekly", ENTER) == "weekly"
    assert ask("cadence", "daily", DOWN, DOWN, ENTER) == "monthly"


def test_select_offers_dont_know_last(ask: Ask) -> None:
    assert ask("ops", None, UP, ENTER) == "unknown"


def test_checkbox_ticks_the_current_answers(ask: Ask) -> None:
    assert ask("clients", ["web"], ENTER) == ["web"]
    assert ask("clients", ["web"], DOWN, " ", ENTER) == ["web", "mobile"]
    assert ask("clients", ["web"], " ", ENTER) == []


def test_confirm_takes_y_or_the_default(ask: Ask) -> None:
    assert ask("cdc", False, "y") is True
    assert ask("cdc", True, ENTER) is True
    assert ask("cdc", False, ENTER) is False


def test_integer_is_validated_at_the_prompt(ask: Ask) -> None:
    assert ask("team_count", 4, ENTER) == 4
    assert ask("team_count", None, "0", ENTER, BACKSPACE, "12", ENTER) == 12
    assert ask("team_count", None, "many", ENTER, BACKSPACE * 4, "?", ENTER) == "unknown"
    assert ask("team_count", "unknown", ENTER) == "unknown"


def test_required_text_is_validated_at_the_prompt(ask: Ask) -> None:
    assert ask("system_name", None, ENTER, "Shop", ENTER) == "Shop"
    assert ask("system_name", "Shop", ENTER) == "Shop"


@pytest.mark.parametrize(
    ("question_id", "current"),
    [("system_name", "Shop"), ("team_count", 3), ("cadence", "daily"), ("clients", []), ("cdc", False)],
)
def test_ctrl_b_goes_back_from_every_kind_of_prompt(ask: Ask, question_id: str, current: Any) -> None:
    assert ask(question_id, current, CTRL_B) is BACK


@pytest.mark.parametrize(("key", "stop"), [(CTRL_C, KeyboardInterrupt), (CTRL_D, EOFError)])
def test_ctrl_c_and_ctrl_d_stop_the_interview(ask: Ask, key: str, stop: type[BaseException]) -> None:
    with pytest.raises(stop):
        ask("system_name", None, key)


def test_ctrl_c_stops_a_select(ask: Ask) -> None:
    with pytest.raises(KeyboardInterrupt):
        ask("cadence", None, CTRL_C)


def test_header_shows_section_position_keys_and_help(terminal: Terminal) -> None:
    questionnaire = load_questionnaire()
    stage = questionnaire.question("product_stage")
    assert stage is not None
    terminal.prompter(ENTER).ask(stage, Position(questionnaire.sections[0].title, 3, 30), None)
    chrome = terminal.chrome.getvalue()
    assert "The system · question 3 of 30" in chrome
    assert "Ctrl-B: back · Ctrl-C: save and stop" in chrome
    assert "Early products change direction often" in chrome


def test_korean_texts_reach_the_screen(terminal: Terminal) -> None:
    questionnaire = load_questionnaire()
    domain = questionnaire.question("domain_complexity")
    assert domain is not None
    answer = terminal.prompter(UP, ENTER, lang="ko", screen=True).ask(
        domain, Position(questionnaire.sections[2].title, 9, 30), None
    )
    assert answer == "unknown"
    assert "도메인과 데이터 · 질문 9/30" in terminal.chrome.getvalue()
    screen = terminal.screen.getvalue()
    assert "비즈니스 도메인은 얼마나 복잡합니까?" in screen
    assert "단순함" in screen
    assert "모름" in screen


def test_choice_descriptions_are_shown(terminal: Terminal) -> None:
    questionnaire = load_questionnaire()
    stage = questionnaire.question("product_stage")
    assert stage is not None
    terminal.prompter(ENTER, screen=True).ask(stage, HERE, "mvp")
    assert "The business model is still being validated" in terminal.screen.getvalue()


def test_weigh_forces_accepts_the_weights_as_they_are(terminal: Terminal, mini_advisor: Advisor) -> None:
    forces = tuple(mini_advisor.catalog.forces.values())
    weights = terminal.prompter(ENTER, ENTER).weigh_forces(
        forces, {"autonomy": 2, "efficiency": 0, "simplicity": 2}, HERE
    )
    assert weights == {"autonomy": 2, "efficiency": 0, "simplicity": 2}
    assert "Your priorities" in terminal.chrome.getvalue()


def test_weigh_forces_by_list_digit_and_arrow_then_confirm(terminal: Terminal, mini_advisor: Advisor) -> None:
    forces = tuple(mini_advisor.catalog.forces.values())
    keys = (DOWN, DOWN, ENTER, DOWN * 5, ENTER, UP, "4", LEFT, UP, ENTER, "n", ENTER, "y")
    weights = terminal.prompter(*keys).weigh_forces(forces, START, HERE)
    assert weights == {"autonomy": 3, "efficiency": 5, "simplicity": 2}
    ranking = terminal.chrome.getvalue().split("Your priorities")[-1]
    assert ranking.index("Efficiency") < ranking.index("Team autonomy") < ranking.index("Simplicity")


def test_weight_keys_stay_within_0_to_5_and_ignore_done(terminal: Terminal, mini_advisor: Advisor) -> None:
    forces = tuple(mini_advisor.catalog.forces.values())
    keys = ("3", DOWN, RIGHT * 4, DOWN, LEFT, DOWN, "9", UP, UP, UP, ENTER, "y")
    weights = terminal.prompter(*keys).weigh_forces(forces, START, HERE)
    assert weights == {"autonomy": 5, "efficiency": 0, "simplicity": 2}


def test_weigh_forces_shows_the_keys_and_the_section_help(terminal: Terminal, advisor: Advisor) -> None:
    interview = Interview(advisor.questionnaire, advisor.catalog.forces)
    position = interview.position(FORCES_STEP, {})
    # untouched defaults (the newer forces start at 0) are confirmed as they are: Done, then "y"
    prompter = terminal.prompter(ENTER, "y", screen=True)
    assert prompter.weigh_forces(interview.forces, interview.default_weights(), position) == (
        interview.default_weights()
    )
    assert "Give each force a weight from 0" in terminal.chrome.getvalue()
    assert "0-5 or ←→ to set the weight" in terminal.screen.getvalue()


def test_weigh_forces_back(terminal: Terminal, mini_advisor: Advisor) -> None:
    forces = tuple(mini_advisor.catalog.forces.values())
    assert terminal.prompter(CTRL_B).weigh_forces(forces, START, HERE) is BACK


def test_a_prompt_that_runs_out_of_keys_ends_instead_of_waiting(ask: Ask) -> None:
    with pytest.raises(EOFError):
        ask("cadence", None, DOWN)


def test_review_confirms_or_names_what_to_change(terminal: Terminal, mini_advisor: Advisor) -> None:
    interview = Interview(mini_advisor.questionnaire, mini_advisor.catalog.forces)
    answers = {"system_name": "Shop", "team_count": 4, "ops": "unknown", "clients": ["web", "mobile"]}
    rows = interview.rows(answers)
    forces = interview.forces
    weights = interview.default_weights()
    assert terminal.prompter(ENTER).review(rows, forces, weights) is None
    assert terminal.prompter(DOWN, ENTER).review(rows, forces, weights) == FORCES_STEP
    assert terminal.prompter(DOWN, DOWN, DOWN, ENTER).review(rows, forces, weights) == "team_count"
    table = terminal.chrome.getvalue()
    assert "Your answers" in table
    assert "Web, Mobile" in table
    assert "don't know" in table


def test_display_value_in_both_languages() -> None:
    questionnaire = load_questionnaire()
    stage = questionnaire.question("product_stage")
    cdc = questionnaire.question("database_supports_cdc")
    assert stage is not None
    assert cdc is not None
    assert display_value(stage, "mvp") == "MVP / early validation"
    assert display_value(stage, "mvp", "ko") == "MVP / 초기 검증"
    assert display_value(stage, "unknown", "ko") == "모름"
    assert display_value(cdc, True) == "yes"
    assert display_value(cdc, None) == "(not answered)"


def test_choose_returns_the_value_and_back_means_the_first(terminal: Terminal) -> None:
    options = [("No", ""), ("Markdown", "md"), ("HTML", "html")]
    assert terminal.prompter(DOWN, DOWN, ENTER).choose("Export?", options) == "html"
    assert terminal.prompter(CTRL_B).choose("Export?", options) == ""


def test_path_starts_from_the_default_and_refuses_an_empty_name(terminal: Terminal) -> None:
    assert terminal.prompter(ENTER).path("Write to", "shop-report.md") == "shop-report.md"
    keys = (BACKSPACE * 14, ENTER, "out.md ", ENTER)
    assert terminal.prompter(*keys).path("Write to", "shop-report.md") == "out.md"


def test_forces_all_of_one_weight_are_named_and_can_be_adjusted(
    terminal: Terminal, mini_advisor: Advisor
) -> None:
    forces = tuple(mini_advisor.catalog.forces.values())
    same = {f.id: 5 for f in forces}
    # Done → "nothing is prioritised" → adjust: yes → back on the list, at the first force
    keys = (ENTER, "y", "2", UP, ENTER, "y")
    weights = terminal.prompter(*keys).weigh_forces(forces, same, HERE)
    assert weights == {**same, forces[0].id: 2}
    chrome = terminal.chrome.getvalue()
    assert chrome.count("All 3 forces have weight 5: nothing is prioritised") == 1
    # it stays the architect's choice
    assert terminal.prompter(ENTER, "n", "y").weigh_forces(forces, same, HERE) == same


def test_forces_left_at_equal_defaults_are_confirmed_without_the_warning(
    terminal: Terminal, mini_advisor: Advisor
) -> None:
    # The catalog's defaults are one weight: untouched, they are not the architect's choice.
    forces = tuple(f.model_copy(update={"default_weight": 2}) for f in mini_advisor.catalog.forces.values())
    defaults = {f.id: 2 for f in forces}
    assert terminal.prompter(ENTER, "y").weigh_forces(forces, defaults, HERE) == defaults
    assert "nothing is prioritised" not in terminal.chrome.getvalue()
    # set by the architect to one weight, they are named
    keys = (DOWN, "4", DOWN, "4", DOWN, "4", UP * 3, ENTER, "n", "y")
    assert terminal.prompter(*keys).weigh_forces(forces, defaults, HERE) == {f.id: 4 for f in forces}
    assert terminal.chrome.getvalue().count("All 3 forces have weight 4: nothing is prioritised") == 1


def test_a_multiselect_echoes_the_chosen_labels(ask: Ask, terminal: Terminal) -> None:
    assert ask("clients", ["web"], DOWN, " ", ENTER) == ["web", "mobile"]
    chrome = terminal.chrome.getvalue()
    assert "Web, Mobile" in chrome.splitlines()[-1]
    assert "selections" not in chrome


def test_wrap_breaks_between_words_and_counts_terminal_cells() -> None:
    korean = "어드바이저는 추측하지 않고 알 수 없음으로 처리합니다."
    lines = wrap(korean, 20)
    assert len(lines) > 1
    assert all(cell_len(line) <= 20 for line in lines)
    assert " ".join(lines) == korean
    assert wrap("Supercalifragilistic word", 10) == ["Supercalifragilistic", "word"]


def test_a_resume_file_does_not_choose_where_the_answers_go_on_its_own(
    terminal: Terminal, tmp_path: Path
) -> None:
    resume = tmp_path / ".shop.resume.yaml"
    beside = tmp_path / "shop.yaml"
    # a plain relative name is offered with yes as the default
    assert _confirmed_output(terminal.prompter(ENTER), resume, Path("shop.yaml")) == Path("shop.yaml")
    assert "The resume file says to write the answers to shop.yaml. Write them there?" in (
        terminal.chrome.getvalue()
    )
    # refused, the answers go beside the resume file
    assert _confirmed_output(terminal.prompter("n"), resume, Path("shop.yaml")) == beside
    # an absolute path or one that climbs out is offered with no as the default
    assert _confirmed_output(terminal.prompter(ENTER), resume, Path("/etc/shop.yaml")) == beside
    assert _confirmed_output(terminal.prompter(ENTER), resume, Path("../up/shop.yaml")) == beside
    assert _confirmed_output(terminal.prompter("y"), resume, Path("/srv/shop.yaml")) == Path("/srv/shop.yaml")
