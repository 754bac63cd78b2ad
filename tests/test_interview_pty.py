"""``advisor interview`` end to end in a real pseudo-terminal, driven by keystrokes.

Every expectation has a timeout, so a prompt that never comes fails the test
instead of hanging it; nothing here measures time.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pexpect
import pytest
import yaml

from advisor.__about__ import __version__
from advisor.base.i18n import Lang
from advisor.core.advisor import Advisor
from advisor.interview.flow import Interview
from conftest import ROOT
from english_scan import allowed_words, english_words

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
SPACE = " "
BACKSPACE = "\x7f"
CTRL_B = "\x02"
CTRL_C = "\x03"
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>78]")
ENV = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm-256color"}
ENV.pop("NO_COLOR", None)
ENV.pop("COLUMNS", None)
ENV.pop("LINES", None)
SIZE = (50, 200)  # rows, columns: wide enough that nothing wraps differently between runs

#: The default questionnaire answered by keystrokes, in asking order: question id, keys, and a
#: message to wait for after them (a validation message shown at the prompt). The empty name and
#: the team count 0 are refused at the prompt; Ctrl-B on team_size goes back to team_count.
SCRIPT: list[tuple[str, str, str | None]] = [
    ("system_name", ENTER, "required"),
    ("system_name", "Order platform" + ENTER, None),
    ("system_description", "Orders from web and mobile shops" + ENTER, None),
    ("deciders", "Architecture board" + ENTER, None),
    ("product_stage", DOWN + ENTER, None),
    ("existing_system", DOWN + ENTER, None),
    ("migration_strategy", ENTER, None),
    ("time_to_market_pressure", UP + ENTER, None),
    ("team_count", BACKSPACE + "0" + ENTER, "team_count"),
    ("team_count", BACKSPACE + "14" + ENTER, None),
    ("team_size", CTRL_B, None),
    ("team_count", BACKSPACE * 2 + "12" + ENTER, None),
    ("team_size", ENTER, None),
    ("release_cadence", DOWN + DOWN + ENTER, None),
    ("ops_maturity", DOWN + ENTER, None),
    ("domain_complexity", DOWN + ENTER, None),
    ("consistency_needs", DOWN + ENTER, None),
    ("cross_service_updates", DOWN + ENTER, None),
    ("cross_service_queries", DOWN + ENTER, None),
    ("read_write_ratio", UP + ENTER, None),
    ("event_history", DOWN + ENTER, None),
    ("compliance_audit", ENTER, None),
    ("legacy_integration", "y", None),
    ("expected_scale", DOWN + ENTER, None),
    ("load_unevenness", DOWN + ENTER, None),
    ("availability_target", ENTER, None),
    ("workload_profile", DOWN + ENTER, None),
    ("client_kinds", DOWN + SPACE + ENTER, None),
    ("separate_client_teams", "y", None),
    ("authentication", DOWN + ENTER, None),
    ("special_protocols", ENTER, None),
    ("deployment_platform", UP * 3 + ENTER, None),
    ("polyglot", DOWN + ENTER, None),
    ("messaging_infrastructure", UP + ENTER, None),
    ("database_supports_cdc", DOWN + ENTER, None),
    # The monolith is in place: a checkbox per group of what else is; one box ticked.
    ("in_place_decomposition", ENTER, None),
    ("in_place_data", ENTER, None),
    ("in_place_communication", ENTER, None),
    ("in_place_messaging", ENTER, None),
    ("in_place_external_api", ENTER, None),
    ("in_place_ui", ENTER, None),
    ("in_place_deployment", ENTER, None),
    ("in_place_observability", SPACE + ENTER, None),
    ("in_place_testing", ENTER, None),
    ("in_place_cross_cutting", ENTER, None),
    ("in_place_refactoring", ENTER, None),
    # Advice on chosen concerns: deployment (the twelfth group).
    ("advice_scope", DOWN + ENTER, None),
    ("scope_concerns", DOWN * 11 + SPACE + ENTER, None),
]

#: The validation messages the script provokes, as the prompt shows them in each language.
MESSAGES: dict[str, dict[str, str]] = {
    "required": {"en": "An answer is required", "ko": "답변이 필요합니다"},
    "team_count": {"en": "Enter a whole number from 1 to 500", "ko": "1에서 500 사이의 정수를 입력하세요"},
}

#: Force id → weight set on the list of forces with the digit keys.
WEIGHTS = {"team-autonomy": 5, "fast-deployment": 5, "independent-scalability": 4, "acid-consistency": 0}

ANSWERS = {
    "system_name": "Order platform",
    "system_description": "Orders from web and mobile shops",
    "deciders": "Architecture board",
    "product_stage": "mature",
    "existing_system": "monolith",
    "migration_strategy": "incremental",
    "time_to_market_pressure": "low",
    "team_count": 12,
    "team_size": 8,  # changed in the review
    "release_cadence": "daily-or-more",
    "ops_maturity": "high",
    "domain_complexity": "complex",
    "consistency_needs": "eventual-ok",
    "cross_service_updates": "many",
    "cross_service_queries": "many",
    "read_write_ratio": "read-heavy",
    "event_history": "unknown",
    "compliance_audit": "none",
    "legacy_integration": True,
    "expected_scale": "large",
    "load_unevenness": "highly-uneven",
    "availability_target": "high",
    "workload_profile": "bursty-events",
    "client_kinds": ["web", "mobile"],
    "separate_client_teams": True,
    "authentication": "external-identity-provider",
    "special_protocols": [],
    "deployment_platform": "kubernetes",
    "polyglot": "few-stacks",
    "messaging_infrastructure": "available",
    "database_supports_cdc": "unknown",
    "in_place_decomposition": [],
    "in_place_data": [],
    "in_place_communication": [],
    "in_place_messaging": [],
    "in_place_external_api": [],
    "in_place_ui": [],
    "in_place_deployment": [],
    "in_place_observability": ["application-metrics"],
    "in_place_testing": [],
    "in_place_cross_cutting": [],
    "in_place_refactoring": [],
    "advice_scope": "chosen-concerns",
    "scope_concerns": ["deployment"],
}


def plain(text: str) -> str:
    """Screen text without colours, cursor movements and carriage returns."""
    return ANSI.sub("", text).replace("\r", "")


def spawn(cwd: Path, *args: str) -> pexpect.spawn:
    """``advisor ARGS`` in a fresh pseudo-terminal that records everything it shows."""
    return _in_pty(cwd, sys.executable, ["-m", "advisor", *args])


def shell(cwd: Path, command: str) -> pexpect.spawn:
    """A shell command line (with redirections) in a fresh pseudo-terminal."""
    return _in_pty(cwd, "/bin/sh", ["-c", command])


def _in_pty(cwd: Path, program: str, args: list[str]) -> pexpect.spawn:
    child = pexpect.spawn(
        program,
        args,
        cwd=str(cwd),
        env=ENV,
        dimensions=SIZE,
        encoding="utf-8",
        timeout=30,
    )
    child.logfile_read = io.StringIO()
    return child


class Driver:
    """Answers an interview in a pty, waiting for each prompt before typing."""

    def __init__(self, child: pexpect.spawn, advisor: Advisor, lang: Lang) -> None:
        self.child = child
        self.advisor = advisor
        self.lang = lang
        self.refused: str | None = None

    def prompt(self, question_id: str) -> None:
        """Wait until the question is on screen (drawn by prompt_toolkit, so keys go to it).

        A question whose answer was just refused is still on screen and is not drawn again.
        """
        if self.refused == question_id:
            self.refused = None
            return
        question = self.advisor.questionnaire.question(question_id)
        assert question is not None
        # The header ("question N of M") comes first: the prompt text after it is the prompt
        # itself, not a line of the review that happens to quote it.
        position = r"question \d+ of \d+" if self.lang == "en" else r"질문 \d+/\d+"
        self.child.expect(re.compile(position + r"[\s\S]*?" + re.escape(question.prompt.get(self.lang))))

    def answer(self, question_id: str, keys: str, then: str | None = None) -> None:
        """Type ``keys`` at the question, then wait for the message ``then`` names (see MESSAGES)."""
        self.prompt(question_id)
        self.child.send(keys)
        if then is not None:
            self.child.expect_exact(MESSAGES[then][self.lang])
            self.refused = question_id

    def weigh(self, weights: dict[str, int]) -> None:
        """On the list of forces: move to each force, type its weight, then Done and confirm."""
        self.child.expect_exact("0-5" if self.lang == "en" else "0-5 또는")
        forces = self.advisor.catalog.forces
        order = list(forces)
        at = 0  # the pointer starts on Done, above the first force
        for force, weight in weights.items():
            target = order.index(force) + 1
            self.child.send((DOWN if target > at else UP) * abs(target - at) + str(weight))
            # The list is drawn again with the new weight: only then is it ready for keys.
            name = re.escape(forces[force].name.get(self.lang))
            self.child.expect(re.compile(name + r" +" + "●" * weight + "○" * (5 - weight) + f" {weight}"))
            at = target
        self.child.send(UP * at + ENTER)
        self.child.expect_exact(
            "Use these priorities?" if self.lang == "en" else "이 우선순위를 사용하시겠습니까?"
        )
        self.child.send("y")

    def review_and_change(self, question_id: str, keys: str) -> None:
        """In the review, pick the row of ``question_id``, answer it again, then confirm."""
        self.child.expect_exact("Confirm, or pick an answer to change" if self.lang == "en" else "확인하거나")
        row = list(ANSWERS).index(question_id) + 1
        self.child.send(DOWN * (row + 1) + ENTER)
        self.answer(question_id, keys)
        self.child.expect_exact("Confirm, or pick an answer to change" if self.lang == "en" else "확인하거나")
        self.child.send(ENTER)


def finish(child: pexpect.spawn) -> str:
    """Everything the command showed, once it has exited."""
    child.expect(pexpect.EOF)
    child.close()
    return plain(child.logfile_read.getvalue())


def interview_by_keys(cwd: Path, advisor: Advisor, lang: Lang, output: str) -> tuple[str, int]:
    """Answer the whole default questionnaire by keystrokes; the screen and the exit status."""
    child = spawn(cwd, "interview", "--output", output, "--lang", lang)
    try:
        driver = Driver(child, advisor, lang)
        for question_id, keys, then in SCRIPT:
            driver.answer(question_id, keys, then)
        driver.weigh(WEIGHTS)
        driver.review_and_change("team_size", BACKSPACE + "8" + ENTER)
        child.expect_exact("Export a report?" if lang == "en" else "보고서를 내보내시겠습니까?")
        child.send(ENTER)
        return finish(child), child.exitstatus
    finally:
        child.terminate(force=True)


#: The date an interview writes into its answers file (when the answers were given).
TODAY = datetime.date.today().isoformat()

#: The answers file the scripted interview must write, byte for byte.
EXPECTED_FILE = f"""\
# yaml-language-server: $schema=answers.schema.json
# Order platform: answers to the questionnaire 'default', written by advisor interview.
# Replay with: advisor recommend <this file>
questionnaire: default
questionnaire_version: 1
advisor_version: {__version__}
date: '{TODAY}'
answers:
  system_name: Order platform
  system_description: Orders from web and mobile shops
  deciders: Architecture board
  product_stage: mature
  existing_system: monolith
  migration_strategy: incremental
  time_to_market_pressure: low
  team_count: 12
  team_size: 8
  release_cadence: daily-or-more
  ops_maturity: high
  domain_complexity: complex
  consistency_needs: eventual-ok
  cross_service_updates: many
  cross_service_queries: many
  read_write_ratio: read-heavy
  event_history: unknown
  compliance_audit: none
  legacy_integration: true
  expected_scale: large
  load_unevenness: highly-uneven
  availability_target: high
  workload_profile: bursty-events
  client_kinds: [web, mobile]
  separate_client_teams: true
  authentication: external-identity-provider
  special_protocols: []
  deployment_platform: kubernetes
  polyglot: few-stacks
  messaging_infrastructure: available
  database_supports_cdc: unknown
  in_place_decomposition: []
  in_place_data: []
  in_place_communication: []
  in_place_messaging: []
  in_place_external_api: []
  in_place_ui: []
  in_place_deployment: []
  in_place_observability: [application-metrics]
  in_place_testing: []
  in_place_cross_cutting: []
  in_place_refactoring: []
  advice_scope: chosen-concerns
  scope_concerns: [deployment]
forces:
  acid-consistency: 0
  auditability: 0
  availability: 2
  cross-service-consistency: 0
  efficient-interactions: 2
  fast-deployment: 5
  independent-scalability: 4
  low-cost: 0
  low-migration-risk: 0
  minimal-design-time-coupling: 2
  minimal-runtime-coupling: 2
  multiple-technology-stacks: 2
  operational-simplicity: 2
  reliable-messaging: 0
  security-isolation: 2
  simple-components: 2
  simple-interactions: 2
  stale-read-tolerance: 0
  team-autonomy: 5
  time-to-market: 2
"""


def test_the_whole_questionnaire_by_keystrokes(tmp_path: Path, advisor: Advisor) -> None:
    screen, status = interview_by_keys(tmp_path, advisor, "en", "answers.yaml")
    assert status == 0, screen
    assert (tmp_path / "answers.yaml").read_text(encoding="utf-8") == EXPECTED_FILE
    assert not (tmp_path / ".answers.resume.yaml").exists()
    # the modeline names a schema written beside the file: `advisor schema answers`, which it fits
    schema = subprocess.run(
        [sys.executable, "-m", "advisor", "schema", "answers"], capture_output=True, text=True, check=True
    ).stdout
    assert (tmp_path / "answers.schema.json").read_text(encoding="utf-8") == schema
    written = yaml.safe_load(EXPECTED_FILE)
    jsonschema.Draft7Validator(json.loads(schema)).validate(written)
    assert "Answers written to answers.yaml; replay with: advisor recommend answers.yaml" in screen
    shown = screen.split("replay with: advisor recommend answers.yaml", 1)[1]
    replay = spawn(tmp_path, "recommend", "answers.yaml")
    replayed = finish(replay)
    assert replay.exitstatus == 0
    assert replayed.strip()
    assert replayed.strip() in shown


def _uncommented(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("#")]


def test_korean_interview_writes_the_same_answers_file(tmp_path: Path, advisor: Advisor) -> None:
    screen, status = interview_by_keys(tmp_path, advisor, "ko", "answers.yaml")
    assert status == 0, screen
    written = (tmp_path / "answers.yaml").read_text(encoding="utf-8")
    # the same answers; only the comments at the top speak Korean, and the replay keeps --lang ko
    assert _uncommented(written) == _uncommented(EXPECTED_FILE)
    assert "# 다시 실행하려면: advisor recommend <이 파일> --lang ko\n" in written
    assert "다시 실행하려면: advisor recommend answers.yaml --lang ko" in screen
    # nothing English on the interview's screens: only ids, the data's own text and what was typed
    assert english_words(screen, allowed_words(advisor, [tmp_path / "answers.yaml"])) == []
    first = Interview(advisor.questionnaire, advisor.catalog.forces).position("system_name", {}).total
    for korean in (
        "시스템",
        "조직과 딜리버리",
        f"질문 1/{first}",
        "보고서 제목에 쓰일 짧은 이름.",
        "MVP / 초기 검증",
    ):
        assert korean in screen


def test_ctrl_c_saves_the_answers_and_resume_continues_there(tmp_path: Path, advisor: Advisor) -> None:
    child = spawn(tmp_path, "interview", "--output", "shop.yaml")
    driver = Driver(child, advisor, "en")
    for question_id, keys, then in SCRIPT[:5]:
        driver.answer(question_id, keys, then)
    driver.answer("existing_system", CTRL_C)
    screen = finish(child)
    assert child.exitstatus == 130
    resume = tmp_path / ".shop.resume.yaml"
    # said once, on the terminal (stderr, the same terminal here, does not repeat it)
    assert screen.count("Answers so far saved to .shop.resume.yaml") == 1
    assert screen.count("advisor interview --resume .shop.resume.yaml") == 1
    assert "RuntimeWarning" not in screen
    assert resume.read_text(encoding="utf-8") == (
        "# An interrupted advisor interview. Continue it with:\n"
        "#   advisor interview --resume <this file>\n"
        "resume: default\n"
        "questionnaire_version: 1\n"
        f"advisor_version: {__version__}\n"
        "output: shop.yaml\n"
        "at: existing_system\n"
        "answers:\n"
        "  system_name: Order platform\n"
        "  system_description: Orders from web and mobile shops\n"
        "  deciders: Architecture board\n"
        "  product_stage: mature\n"
    )
    assert not (tmp_path / "shop.yaml").exists()

    child = spawn(tmp_path, "interview", "--resume", ".shop.resume.yaml")
    # the resume file names where it writes; the architect confirms it (a plain name: yes by default)
    child.expect_exact("The resume file says to write the answers to shop.yaml. Write them there?")
    child.send(ENTER)
    driver = Driver(child, advisor, "en")
    for question_id, keys, then in SCRIPT[5:]:
        driver.answer(question_id, keys, then)
    driver.weigh(WEIGHTS)
    driver.review_and_change("team_size", BACKSPACE + "8" + ENTER)
    child.expect_exact("Export a report?")
    child.send(ENTER)
    screen = finish(child)
    assert child.exitstatus == 0, screen
    # counted when the interview was resumed there: the monolith's questions are not known yet
    known = {q: ANSWERS[q] for q in ("system_name", "system_description", "deciders", "product_stage")}
    total = Interview(advisor.questionnaire, advisor.catalog.forces).position("existing_system", known).total
    assert f"The system · question 5 of {total}" in screen
    assert "question 3 of" not in screen
    assert (tmp_path / "shop.yaml").read_text(encoding="utf-8") == EXPECTED_FILE
    assert not resume.exists()


def test_a_closed_terminal_saves_the_answers(tmp_path: Path, advisor: Advisor) -> None:
    child = spawn(tmp_path, "interview")
    driver = Driver(child, advisor, "en")
    driver.answer("system_name", "Shop" + ENTER)
    driver.prompt("system_description")
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = (tmp_path / ".answers.resume.yaml").read_text(encoding="utf-8")
    assert saved.endswith("at: system_description\nanswers:\n  system_name: Shop\n")


def test_stdin_not_a_terminal_points_to_recommend(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "advisor", "interview"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "error: advisor interview needs a terminal; to script the answers, "
        "write a YAML answers file and run: advisor recommend FILE\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_with_stdout_redirected_prompts_stay_on_the_terminal_and_a_report_is_exported(
    tmp_path: Path,
) -> None:
    # A resume file stopped at the review: confirming it is all that is left to do.
    (tmp_path / "saved.yaml").write_text(
        EXPECTED_FILE.split("answers:\n", 1)[0].replace("questionnaire: default", "resume: default")
        + "at: '@review'\nreviewing: true\nanswers:\n"
        + EXPECTED_FILE.split("answers:\n", 1)[1],
        encoding="utf-8",
    )
    command = f"'{sys.executable}' -m advisor interview --resume saved.yaml --output shop.yaml > shown.txt"
    child = shell(tmp_path, command)
    child.expect_exact("Confirm, or pick an answer to change")
    child.send(ENTER)
    child.expect_exact("Export a report?")
    child.send(DOWN + ENTER)
    child.expect_exact("Write the report to")
    child.send(ENTER)
    screen = finish(child)
    assert child.exitstatus == 0, screen
    assert "Your answers" in screen
    assert "wrote shop-report.md" in screen
    assert (tmp_path / "shop.yaml").read_text(encoding="utf-8") == EXPECTED_FILE

    # Replayed the same way, in the same terminal, `advisor recommend` prints the same bytes.
    replay = shell(tmp_path, f"'{sys.executable}' -m advisor recommend shop.yaml > replayed.txt")
    finish(replay)
    assert replay.exitstatus == 0
    shown = (tmp_path / "shown.txt").read_text(encoding="utf-8")
    assert "Architecture recommendation: Order platform" in shown
    assert "Export a report?" not in shown
    assert shown == (tmp_path / "replayed.txt").read_text(encoding="utf-8")
    report = subprocess.run(
        [sys.executable, "-m", "advisor", "report", "shop.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert (tmp_path / "shop-report.md").read_text(encoding="utf-8") == report.stdout


def test_from_reruns_the_interview_with_an_answers_file_as_defaults(tmp_path: Path, advisor: Advisor) -> None:
    source = tmp_path / "pantry.yaml"
    source.write_text((ROOT / "examples" / "startup-mvp.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = advisor.read_answers(source)
    asked = [q.id for q in advisor.questionnaire.questions()]
    guide = Interview(advisor.questionnaire, advisor.catalog.forces)
    applicable = [q.id for q in guide.applicable(before.raw()["answers"])]
    child = spawn(tmp_path, "interview", "--from", "pantry.yaml", "--output", "review.yaml")
    try:
        driver = Driver(child, advisor, "en")
        for question_id in applicable:  # Enter keeps the answer given before
            driver.answer(question_id, BACKSPACE + "2" + ENTER if question_id == "team_count" else ENTER)
        child.expect_exact("0-5")
        child.send(ENTER)  # the weights as they were
        child.expect_exact("Use these priorities?")
        child.send("y")
        child.expect_exact("Confirm, or pick an answer to change")
        child.send(UP + ENTER)  # the last choice: a note on an answer
        child.expect_exact("Which answer does the note explain?")
        child.send(DOWN * applicable.index("team_count") + ENTER)
        child.expect_exact("Note: why this answer")
        child.send("A second developer starts in March" + ENTER)
        child.expect_exact("Confirm, or pick an answer to change")
        child.send(ENTER)
        child.expect_exact("Export a report?")
        child.send(ENTER)
        screen = finish(child)
    finally:
        child.terminate(force=True)
    assert child.exitstatus == 0, screen
    after = advisor.read_answers(tmp_path / "review.yaml")
    assert after.raw() == {
        **before.raw(),
        "date": TODAY,  # reviewed today
        "answers": {**before.raw()["answers"], "team_count": 2},
        "notes": {"team_count": "A second developer starts in March"},
    }
    assert [q for q in asked if q in after.raw()["answers"]] == list(after.raw()["answers"])
    assert source.read_text(encoding="utf-8") == (ROOT / "examples" / "startup-mvp.yaml").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGQUIT])
def test_a_terminate_or_quit_signal_saves_the_answers(
    tmp_path: Path, advisor: Advisor, signal_number: int
) -> None:
    child = spawn(tmp_path, "interview")
    driver = Driver(child, advisor, "en")
    driver.answer("system_name", "Shop" + ENTER)
    driver.prompt("system_description")
    child.kill(signal_number)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = (tmp_path / ".answers.resume.yaml").read_text(encoding="utf-8")
    assert saved.endswith("at: system_description\nanswers:\n  system_name: Shop\n")


def test_bracketed_text_is_kept_verbatim(tmp_path: Path, advisor: Advisor) -> None:
    # Text rich would read as markup once crashed the interview and lost every answer.
    typed = "Orders [/api] platform [legacy] [link=x]y[/link] [bold]"
    child = spawn(tmp_path, "interview")
    driver = Driver(child, advisor, "en")
    driver.answer("system_name", typed + ENTER)
    driver.prompt("system_description")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    from advisor.base.yamlfile import read_yaml

    saved = read_yaml(tmp_path / ".answers.resume.yaml").data
    assert saved["answers"]["system_name"] == typed


#: Asks the one required checkbox of the default questionnaire (the concerns to advise on)
#: through the interview's prompter, and prints what was ticked.
ASK_CONCERNS = """
import sys
from advisor.base.i18n import Text
from advisor.core.advisor import Advisor
from advisor.interview.flow import Position
from advisor.interview.prompts import QuestionaryPrompter

question = Advisor.load().questionnaire.question("scope_concerns")
picked = QuestionaryPrompter(sys.argv[1]).ask(question, Position(Text(en="Scope"), 44, 45), None)
print("ticked:", picked)
"""


@pytest.mark.parametrize(("lang", "refused"), [("en", "Tick at least one"), ("ko", "하나 이상 선택하세요")])
def test_a_required_checkbox_left_empty_says_tick_at_least_one(
    tmp_path: Path, lang: str, refused: str
) -> None:
    # prompt_toolkit shows a checkbox's refusal in a bottom toolbar, drawn only once the
    # terminal has said where the cursor is: this pty answers those requests, as terminals do.
    env = {key: value for key, value in ENV.items() if key != "PROMPT_TOOLKIT_NO_CPR"}
    child = pexpect.spawn(
        sys.executable,
        ["-c", ASK_CONCERNS, lang],
        cwd=str(tmp_path),
        env=env,
        dimensions=SIZE,
        encoding="utf-8",
        timeout=30,
    )
    child.logfile_read = io.StringIO()

    def wait_for(text: str) -> None:
        while child.expect_exact(["\x1b[6n", text]) == 0:
            child.send("\x1b[10;1R")  # the cursor's row and column, as a terminal reports them

    wait_for("Deployment" if lang == "en" else "배포")  # the choices are drawn
    asked = len(child.logfile_read.getvalue())  # the help above the prompt says it too
    child.send(ENTER)
    wait_for(refused)
    child.send(DOWN * 11 + SPACE + ENTER)
    wait_for("ticked: ['deployment']")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    after = plain(child.logfile_read.getvalue()[asked:])
    assert after.index(refused) < after.index("ticked:")
