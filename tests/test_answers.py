"""Answers files: every mistake is reported with file:line:col and a hint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.catalog.conditions import UNKNOWN
from advisor.core.advisor import Advisor
from advisor.errors import AnswersError, DataFileError

Write = Callable[[str, str], Path]


def _error(advisor: Advisor, path: Path) -> list[str]:
    with pytest.raises(DataFileError) as info:
        advisor.read_answers(path)
    return str(info.value).splitlines()


def test_valid_answers_fill_defaults_and_unknowns(mini_advisor: Advisor, write: Write) -> None:
    path = write("a.yaml", "answers:\n  system_name: Shop\n  ops: unknown\nforces:\n  autonomy: 4\n")
    answers = mini_advisor.read_answers(path)
    assert answers.value("cadence") == "monthly"
    assert answers.value("ops") == UNKNOWN
    assert answers.value("team_count") == UNKNOWN
    assert answers.forces == {"autonomy": 4, "efficiency": 0, "simplicity": 2}
    assert answers.raw()["answers"] == {"system_name": "Shop", "ops": "unknown"}


def test_unknown_question_suggests_the_closest(mini_advisor: Advisor, write: Write) -> None:
    path = write("a.yaml", "answers:\n  system_name: Shop\n  team_cnt: 3\n")
    assert _error(mini_advisor, path) == [
        f"{path}:3:3: unknown question 'team_cnt'",
        "  hint: did you mean 'team_count'?",
    ]


def test_choice_not_offered_lists_the_offered_ones(mini_advisor: Advisor, write: Write) -> None:
    path = write("a.yaml", "answers:\n  system_name: Shop\n  cadence: hourly\n")
    assert _error(mini_advisor, path) == [
        f"{path}:3:12: 'cadence' has no choice 'hourly'",
        "  hint: choose one of: daily, weekly, monthly",
    ]


def test_wrong_types_are_reported_together(mini_advisor: Advisor, write: Write) -> None:
    path = write(
        "a.yaml",
        "answers:\n  system_name: Shop\n  team_count: many\n"
        "  cdc: maybe\n  clients: web\nforces:\n  autonomy: 9\n",
    )
    assert _error(mini_advisor, path) == [
        f"{path}:3:15: 'team_count' needs a whole number, got 'many'",
        "  hint: write a number such as 4, or 'unknown'",
        f"{path}:4:8: 'cdc' is a yes/no question, got 'maybe'",
        "  hint: write true or false",
        f"{path}:5:12: 'clients' takes a list of choices, got 'web'",
        "  hint: write a list such as [web, mobile]",
        f"{path}:7:13: force 'autonomy' needs a weight from 0 to 5, got 9",
    ]


def test_unknown_is_refused_where_not_allowed(mini_advisor: Advisor, write: Write) -> None:
    path = write("a.yaml", "answers:\n  system_name: Shop\n  cadence: unknown\n")
    assert _error(mini_advisor, path)[0] == f"{path}:3:12: 'cadence' does not allow 'unknown'"


def test_out_of_range_and_missing_required(mini_advisor: Advisor, write: Write) -> None:
    path = write("a.yaml", "answers:\n  team_count: 0\n")
    assert _error(mini_advisor, path) == [
        f"{path}:2:3: required question 'system_name' is not answered",
        "  hint: add 'system_name: ...' under answers",
        f"{path}:2:15: 'team_count' must be between 1 and 100, got 0",
    ]


def test_unknown_force_and_top_level_key(mini_advisor: Advisor, write: Write) -> None:
    path = write("a.yaml", "answer:\n  system_name: Shop\n")
    assert _error(mini_advisor, path) == [
        f"{path}:1:1: answer: unknown key",
        "  hint: did you mean 'answers'?",
    ]
    path = write("b.yaml", "answers:\n  system_name: Shop\nforces:\n  autonomyy: 3\n")
    assert _error(mini_advisor, path) == [
        f"{path}:4:3: unknown force 'autonomyy'",
        "  hint: did you mean 'autonomy'?",
    ]


def test_empty_and_missing_files(mini_advisor: Advisor, write: Write, tmp_path: Path) -> None:
    path = write("empty.yaml", "# nothing\n")
    assert _error(mini_advisor, path) == [
        f"{path}:1:1: the answers file is empty",
        "  hint: see examples/ for the expected layout",
    ]
    with pytest.raises(AnswersError.__mro__[1]) as info:
        mini_advisor.read_answers(tmp_path / "nope.yaml")
    assert str(info.value).startswith(f"{tmp_path / 'nope.yaml'}: file not found")


def test_multiselect_answers_are_kept_in_questionnaire_order(mini_advisor: Advisor) -> None:
    answers = mini_advisor.check_answers({"answers": {"system_name": "S", "clients": ["mobile", "web"]}})
    assert answers.value("clients") == ["web", "mobile"]
