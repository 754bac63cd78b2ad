"""One home per question type: each kind checks, reads typed text, describes and varies its answers."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from advisor.base.i18n import Lang
from advisor.catalog.conditions import UNKNOWN, AnswerTest, Condition, evaluate
from advisor.core.advisor import Advisor
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.kinds import KINDS, answer_schema, kind_of, values_to_try
from advisor.questionnaire.models import Question
from advisor.questionnaire.values import checked_value, show_answer


@pytest.fixture
def q(mini_advisor: Advisor) -> dict[str, Question]:
    return {question.id: question for question in mini_advisor.questionnaire.questions()}


CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def parse_condition(data: dict[str, object]) -> Any:
    return CONDITION.validate_python(data)


def _tests(*conditions: dict[str, object]) -> list[AnswerTest]:
    leaves = [parse_condition(c) for c in conditions]
    assert all(isinstance(leaf, AnswerTest) for leaf in leaves)
    return leaves  # type: ignore[return-value]


def test_every_question_type_has_one_kind() -> None:
    assert set(KINDS) == set(QuestionType)
    assert all(kind.type is question_type for question_type, kind in KINDS.items())


def test_typed_answers_are_checked_in_the_interview_language(q: dict[str, Question]) -> None:
    teams, name = q["team_count"], q["system_name"]
    integer, text = kind_of(teams), kind_of(name)
    assert integer.typed_problem(teams, "12", "en") is None
    assert integer.typed_problem(teams, "?", "en") is None
    wanted = "Enter a whole number from 1 to 100, or ? for don't know"
    assert integer.typed_problem(teams, "0", "en") == wanted
    assert integer.typed_problem(teams, "many", "en") == wanted
    assert integer.typed_problem(teams, "0", "ko") == "1에서 100 사이의 정수를 입력하세요 (모르면 ?)"
    assert text.typed_problem(name, "  ", "en") == "An answer is required"
    assert text.typed_problem(name, " ", "ko") == "답변이 필요합니다"
    assert text.typed_problem(name, "Shop", "en") is None
    assert integer.parse_typed(teams, " 7 ") == 7
    assert integer.parse_typed(teams, "?") == UNKNOWN


def test_typed_unknown_is_dont_know_only_where_the_question_allows_it(q: dict[str, Question]) -> None:
    name = q["system_name"]  # does not allow "don't know": the word would not survive the answers file
    assert kind_of(name).typed_problem(name, "unknown", "en") == (
        "'unknown' means \"don't know\", which this question does not allow"
    )
    assert checked_value(name, "unknown")[1] is not None
    free = name.model_copy(update={"allow_unknown": True, "required": False})
    assert kind_of(free).typed_problem(free, "?", "en") is None
    assert kind_of(free).parse_typed(free, "?") == UNKNOWN
    assert checked_value(free, kind_of(free).parse_typed(free, "unknown")) == (UNKNOWN, None)


def test_dont_know_is_one_value_from_the_file_to_the_conditions(q: dict[str, Question]) -> None:
    ops = q["ops"]
    value, problem = checked_value(ops, "unknown")
    assert (value, problem) == (UNKNOWN, None)
    known = parse_condition({"answer": "ops", "known": True})
    assert not evaluate(known, lambda _q: value, lambda _f: 0)
    assert not evaluate(parse_condition({"answer": "ops", "ne": "low"}), lambda _q: value, lambda _f: 0)
    assert show_answer(value) == "don't know"
    assert show_answer(value, "ko") == "모름"


def test_schemas_per_kind(q: dict[str, Question]) -> None:
    assert answer_schema(q["ops"]) == {"type": "string", "enum": ["low", "medium", "high", "unknown"]}
    assert answer_schema(q["clients"]) == {
        "type": "array",
        "items": {"type": "string", "enum": ["web", "mobile"]},
        "uniqueItems": True,
    }
    assert answer_schema(q["cdc"]) == {"type": "boolean"}
    assert answer_schema(q["team_count"])["anyOf"][0] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert answer_schema(q["team_count"])["anyOf"][1]["const"] == UNKNOWN
    assert answer_schema(q["system_name"]) == {"type": "string"}


def test_values_to_try_per_kind(q: dict[str, Question]) -> None:
    assert values_to_try(q["cadence"], "monthly", []) == ["daily", "weekly"]
    assert values_to_try(q["ops"], UNKNOWN, []) == ["low", "medium", "high"]
    assert values_to_try(q["clients"], ["web"], []) == [[], ["web", "mobile"]]
    assert values_to_try(q["cdc"], False, []) == [True]
    assert values_to_try(q["team_count"], 3, [10]) == [9, 10, 11, UNKNOWN]
    assert values_to_try(q["team_count"], 3, [100]) == [99, 100, UNKNOWN]  # clamped to the range
    assert values_to_try(q["system_name"], "Shop", []) == []


def test_proposals_per_kind(q: dict[str, Question]) -> None:
    clients = kind_of(q["clients"])
    wanted = _tests({"answer": "clients", "contains": "mobile"}, {"answer": "clients", "not_contains": "web"})
    assert clients.proposals(q["clients"], wanted, ["web"]) == [["mobile"]]
    teams = kind_of(q["team_count"])
    assert teams.proposals(q["team_count"], _tests({"answer": "team_count", "gte": 10}), 3) == [9, 10, 11]


def test_a_set_value_is_read_as_its_question_means_it(q: dict[str, Question]) -> None:
    name, clients, teams, cdc = q["system_name"], q["clients"], q["team_count"], q["cdc"]
    assert kind_of(name).read_set(name, "12", 12) == "12"  # a text that YAML reads as a number
    assert kind_of(clients).read_set(clients, "web", "web") == ["web"]  # one choice stands for a list
    assert kind_of(teams).read_set(teams, "12", 12) == 12
    assert kind_of(cdc).read_set(cdc, "yes", True) is True


def test_answer_tests_fit_their_kind(q: dict[str, Question]) -> None:
    def problem(lang: Lang = "en", **test: object) -> str | None:
        (leaf,) = _tests(test)
        question = q[leaf.answer]
        found = kind_of(question).test_problem(question, leaf)
        return found.get(lang) if found else None

    assert problem(answer="team_count", gte=10) is None
    assert (
        problem(answer="cadence", gte=1)
        == "compares select question 'cadence' with 'gte', which needs a number"
    )
    assert problem(answer="clients", equals="web") == (
        "multiselect question 'clients' is tested with 'contains' or 'not_contains'"
    )
    assert problem(answer="clients", contains="tv") == (
        "question 'clients' offers no choice 'tv' (offered: web, mobile)"
    )
    assert problem(answer="cdc", equals="yes") == "yes/no question 'cdc' is compared with true or false"
    assert problem("ko", answer="cdc", equals="yes") == "예/아니요 질문 'cdc'는 true나 false와 비교합니다"
    assert problem(answer="team_count", contains="3") == (
        "uses 'contains' on integer question 'team_count'; only multiselect answers hold items"
    )
