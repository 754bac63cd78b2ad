"""What the interview leaves on the screen, in a real pseudo-terminal at 80×24 (and 120×40).

The bytes the interview writes are replayed through a terminal emulator (pyte), so
the tests look at the screen a person sees: rows that were erased are gone, wrapped
lines are wrapped. Every expectation has a timeout; nothing here measures time.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pexpect
import pyte
import pytest
import yaml

from advisor.core.advisor import Advisor
from advisor.interview.flow import FORCES_STEP, Interview
from advisor.interview.words import display_value
from test_interview_pty import (
    CTRL_B,
    CTRL_C,
    DOWN,
    ENTER,
    ENV,
    EXPECTED_FILE,
    SPACE,
    UP,
    plain,
)

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
    pytest.mark.slow,
]


class Terminal:
    """``advisor ARGS`` in a pty of ``rows`` × ``columns``, and the screen it shows."""

    def __init__(self, cwd: Path, *args: str, rows: int = 24, columns: int = 80) -> None:
        self.rows, self.columns = rows, columns
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "advisor", *args],
            cwd=str(cwd),
            env=ENV,
            dimensions=(rows, columns),
            encoding="utf-8",
            timeout=30,
        )
        self.child.logfile_read = io.StringIO()

    def wait(self, text: str) -> None:
        """Wait until ``text`` has been written, then until the screen is still (output settled)."""
        self.child.expect_exact(text)
        self.settle()

    def settle(self) -> None:
        while True:
            try:
                self.child.read_nonblocking(65536, timeout=0.3)
            except pexpect.TIMEOUT:
                return

    def send(self, keys: str, then: str | None = None) -> None:
        """Type ``keys``; wait for ``then`` if given, else for the screen to settle."""
        self.child.send(keys)
        if then is not None:
            self.wait(then)
        else:
            self.settle()

    def screen(self) -> list[str]:
        """The rows on screen now (trailing spaces removed)."""
        screen = pyte.Screen(self.columns, self.rows)
        pyte.Stream(screen).feed(self.child.logfile_read.getvalue())
        return [row.rstrip() for row in screen.display]

    def text(self) -> str:
        return "\n".join(self.screen())

    def close(self) -> None:
        self.child.close(force=True)


@pytest.fixture
def terminals(tmp_path: Path) -> list[Terminal]:
    opened: list[Terminal] = []
    yield opened
    for terminal in opened:
        terminal.close()


def _open(terminals: list[Terminal], cwd: Path, *args: str, rows: int = 24, columns: int = 80) -> Terminal:
    terminal = Terminal(cwd, *args, rows=rows, columns=columns)
    terminals.append(terminal)
    return terminal


@pytest.fixture
def count(advisor: Advisor) -> int:
    """How many questions the interview counts before any answer (the forces are the last)."""
    return Interview(advisor.questionnaire, advisor.catalog.forces).position(FORCES_STEP, {}).total


@pytest.mark.parametrize(("rows", "columns"), [(24, 80), (40, 120)])
def test_ctrl_b_erases_the_question_left_and_the_one_returned_to(
    tmp_path: Path, terminals: list[Terminal], rows: int, columns: int, count: int
) -> None:
    t = _open(terminals, tmp_path, "interview", rows=rows, columns=columns)
    t.wait("What is the system called?")
    t.send(CTRL_B, "What is the system called?")  # back on question 1: it stays as it was
    assert t.text().count(f"question 1 of {count}") == 1
    assert t.text().count("What you are building and where you start from.") == 1
    t.send("Shop" + ENTER, "Describe the system")
    t.send(CTRL_B, "What is the system called?")
    screen = t.text()
    assert "question 2 of" not in screen
    assert "Describe the system" not in screen
    assert screen.count(f"question 1 of {count}") == 1
    assert screen.count("What you are building and where you start from.") == 1  # the section's help
    assert screen.count("What is the system called?") == 1
    t.send(ENTER, "Describe the system")  # the answer is kept: Enter accepts "Shop"
    assert "? What is the system called? Shop" in t.text()


def test_the_count_says_when_an_answer_changes_it(
    tmp_path: Path, terminals: list[Terminal], count: int
) -> None:
    t = _open(terminals, tmp_path, "interview")
    t.wait("What is the system called?")
    t.send("Shop" + ENTER, "Describe the system")
    t.send("A shop" + ENTER, "Who takes the architecture decisions?")
    t.send(ENTER, "At what stage")
    t.send(ENTER, "What do you start from?")
    assert f"question 5 of {count}" in t.text()
    t.send(DOWN + ENTER, "How do you intend to move away from the monolith?")
    # A monolith brings the migration question and the checkboxes of what is in place.
    in_place = next(s for s in Advisor.load().questionnaire.sections if s.id == "in_place")
    count, before = count + len(in_place.questions), count
    screen = t.text()
    assert f"question 6 of {count + 1}" in screen
    assert f"Your answers change the number of questions: {count + 1} now, {before} before." in screen
    t.send(ENTER, "How strong is the pressure")
    assert f"question 7 of {count + 1}" in t.text()
    assert t.text().count(f"{before} before") == 1  # said where it changed, not on every question


def _resume(tmp_path: Path, at: str, *, reviewing: bool = False) -> str:
    """A resume file at step ``at`` with the answers of the scripted interview; its name."""
    head, answers = EXPECTED_FILE.split("answers:\n", 1)
    head = head.replace("questionnaire: default", "resume: default")
    text = head + f"at: '{at}'\n" + ("reviewing: true\n" if reviewing else "") + "answers:\n" + answers
    (tmp_path / "saved.yaml").write_text(text, encoding="utf-8")
    return "saved.yaml"


def test_a_multiselect_echoes_the_chosen_labels(tmp_path: Path, terminals: list[Terminal]) -> None:
    t = _open(terminals, tmp_path, "interview", "--resume", _resume(tmp_path, "client_kinds"))
    t.wait("Which kinds of client use the system?")
    t.send(DOWN + DOWN + SPACE + ENTER, "Are different user interfaces")
    screen = t.text()
    assert "? Which kinds of client use the system? Web application, Mobile apps," in screen
    assert "Third-party developers (public API)" in screen
    assert "selections" not in screen


def test_descriptions_wrap_at_80_columns(tmp_path: Path, terminals: list[Terminal], advisor: Advisor) -> None:
    t = _open(terminals, tmp_path, "interview", "--resume", _resume(tmp_path, "consistency_needs"))
    t.wait("Description:")
    question = advisor.questionnaire.question("consistency_needs")
    assert question is not None
    rows = t.screen()
    start = next(i for i, row in enumerate(rows) if row.startswith("  Description: "))
    shown = " ".join(row.strip() for row in rows[start:] if row.strip()).removeprefix("Description: ")
    pointed = next(c for c in question.choices if c.value == "eventual-ok")
    assert pointed.description is not None
    assert shown == " ".join(pointed.description.en.split())
    assert len(rows[start:]) > 1  # it did need more than one row
    assert all(len(row) <= 80 for row in rows)


def test_the_review_shows_every_answer_under_its_question_at_80x24(
    tmp_path: Path, terminals: list[Terminal], advisor: Advisor
) -> None:
    t = _open(terminals, tmp_path, "interview", "--resume", _resume(tmp_path, "@review", reviewing=True))
    t.wait("Confirm, or pick an answer to change")
    t.send(DOWN * 3)
    screen = t.screen()
    at = next(i for i, row in enumerate(screen) if "2. Describe the system in a sentence or two." in row)
    assert screen[at + 1].strip() == "→ Orders from web and mobile shops"
    number = [
        row.question.id
        for row in Interview(advisor.questionnaire, advisor.catalog.forces).rows(
            yaml.safe_load(EXPECTED_FILE)["answers"]
        )
    ].index("consistency_needs") + 1
    t.send(DOWN * (number - 2))
    rows = t.screen()
    at = next(i for i, row in enumerate(rows) if f"{number}. What consistency does the business need" in row)
    answer = next(row for row in rows[at + 1 :] if "→" in row)
    question = advisor.questionnaire.question("consistency_needs")
    assert question is not None
    assert answer.strip() == "→ " + display_value(question, "eventual-ok")


def _to_the_forces(tmp_path: Path, terminals: list[Terminal]) -> Terminal:
    # tall enough for the header above the picker's twenty forces
    t = _open(terminals, tmp_path, "interview", "--resume", _resume(tmp_path, "@forces"), rows=40)
    t.wait("Weigh each force, then choose Done")
    return t


def test_enter_on_a_force_leaves_nothing_behind(
    tmp_path: Path, terminals: list[Terminal], count: int
) -> None:
    t = _to_the_forces(tmp_path, terminals)
    for _ in range(3):
        t.send(DOWN + ENTER, "How much does")
        t.send(UP + ENTER, "Weigh each force, then choose Done")
    screen = t.text()
    assert screen.count("Weigh each force, then choose Done") == 1
    assert "How much does" not in screen
    # The scripted answers (a monolith) add the migration question and the in-place checkboxes,
    # and advice on chosen concerns the checkbox of concerns.
    in_place = next(s for s in Advisor.load().questionnaire.sections if s.id == "in_place")
    total = count + 1 + len(in_place.questions) + 1
    assert screen.count(f"Priorities · question {total} of {total}") == 1
    # the first three forces picked, each lowered by one in the picker (from 0, the picker wraps
    # round to 5); names are padded to the longest force name
    assert re.search(r"ACID consistency +●●●●● 5", screen)
    assert re.search(r"Auditability +●●●●● 5", screen)
    assert re.search(r"Availability +●○○○○ 1", screen)


def test_all_forces_at_one_weight_are_named_and_can_be_adjusted(
    tmp_path: Path, terminals: list[Terminal]
) -> None:
    t = _to_the_forces(tmp_path, terminals)
    forces = len(Advisor.load().catalog.forces)
    for _ in range(forces):
        t.send(DOWN + "5")
    t.send(UP * forces + ENTER, "Adjust the weights?")
    assert f"All {forces} forces have weight 5: nothing is prioritised over anything else" in plain(
        t.child.logfile_read.getvalue()
    ).replace("\n", " ")
    t.send(ENTER, "Weigh each force, then choose Done")  # yes (the default): adjust
    # back on the list at the first force; lower the second, then Done
    t.send(DOWN + "2" + UP + UP + ENTER, "Use these priorities?")
    second = sorted(force.name.get("en") for force in Advisor.load().catalog.forces.values())[1]
    assert re.search(rf"{second} +│ ●●○○○ 2", t.text())
    t.send("n", "Weigh each force, then choose Done")
    t.send(ENTER, "Use these priorities?")
    t.send("y", "Confirm, or pick an answer to change")


def test_ctrl_c_says_where_the_answers_are_once_and_nothing_else(
    tmp_path: Path, terminals: list[Terminal]
) -> None:
    # Ctrl-C typed while the next question is still being drawn (no prompt reads keys yet, so
    # the terminal sends SIGINT): the interview still stops at a prompt and saves.
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        t = _open(terminals, folder, "interview")
        t.wait("What is the system called?")
        t.child.send("Shop" + ENTER + CTRL_C)
        t.child.expect(pexpect.EOF)
        t.child.close()
        shown = plain(t.child.logfile_read.getvalue())
        assert t.child.exitstatus == 130, shown
        # (the terminal may wrap the line: join its rows)
        assert shown.replace("\n", "").count("advisor interview --resume .answers.resume.yaml") == 1, shown
        assert "RuntimeWarning" not in shown and "Traceback" not in shown, shown
        assert "system_name: Shop" in (folder / ".answers.resume.yaml").read_text(encoding="utf-8")


def test_ctrl_b_again_and_again_walks_back_cleanly(
    tmp_path: Path, terminals: list[Terminal], count: int
) -> None:
    t = _open(terminals, tmp_path, "interview", rows=40, columns=120)
    t.wait("What is the system called?")
    t.send("Shop" + ENTER, "Describe the system")
    t.send("A shop" + ENTER, "Who takes the architecture decisions?")
    t.send(ENTER, "At what stage")
    t.send(ENTER, "What do you start from?")
    t.send(ENTER, "How strong is the pressure")
    t.send(ENTER, "How many development teams")
    for _ in range(3):  # back to question 4, erasing 7, 6 and 5 and their headers
        t.send(CTRL_B)
    screen = t.text()
    assert "? At what stage is the product? (↑↓ to move, Enter to choose)" in screen
    for number in range(1, 5):
        assert screen.count(f"question {number} of {count}") == 1, screen
    for number in range(5, 8):
        assert f"question {number} of" not in screen, screen
    # the answered questions above stay as they were
    assert "? What is the system called? Shop" in screen
    assert "? Describe the system in a sentence or two. A shop" in screen


def test_a_required_checkbox_is_not_left_with_nothing_ticked(
    tmp_path: Path, terminals: list[Terminal], advisor: Advisor
) -> None:
    name = _resume(tmp_path, "scope_concerns")
    saved = tmp_path / name
    saved.write_text(saved.read_text(encoding="utf-8").replace("  scope_concerns: [deployment]\n", ""))
    t = _open(terminals, tmp_path, "interview", "--resume", name, rows=40)
    t.wait("Which concerns do you want advice on?")
    t.child.send(ENTER)  # nothing ticked: refused, the question stays
    with pytest.raises(pexpect.TIMEOUT):
        t.child.expect_exact("Weigh each force", timeout=2)
    question = advisor.questionnaire.question("scope_concerns")
    assert question is not None
    deployment = [c.value for c in question.choices].index("deployment")
    t.send(DOWN * deployment + SPACE + ENTER, "Weigh each force, then choose Done")
    assert "? Which concerns do you want advice on? Deployment" in t.text()
