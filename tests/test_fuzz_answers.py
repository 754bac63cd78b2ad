"""Fuzzing answers: whatever an answers file holds, the advisor answers or explains what is wrong.

Values are drawn from what a question accepts mixed with what it does not (wrong types,
choices not offered, numbers out of range, unknown keys); the advisor must either give a
recommendation or raise its own error naming the problem, never anything else.
"""

from __future__ import annotations

from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.errors import AdvisorError
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.models import Question

ADVISOR = Advisor.load()
QUESTIONS = ADVISOR.questionnaire.questions()
FORCES = sorted(ADVISOR.catalog.forces)
NOISE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 1000),
    st.text(max_size=12),
    st.lists(st.text(max_size=5), max_size=3),
)


def _valid(question: Question) -> st.SearchStrategy[Any]:
    choices = [c.value for c in question.choices]
    if question.type is QuestionType.SELECT:
        return st.sampled_from(choices)
    if question.type is QuestionType.MULTISELECT:
        return st.lists(st.sampled_from(choices), unique=True, min_size=1 if question.required else 0)
    if question.type is QuestionType.CONFIRM:
        return st.booleans()
    if question.type is QuestionType.INTEGER:
        return st.integers(question.minimum or 0, question.maximum or 1000)
    return st.text(min_size=1, max_size=30)


@st.composite
def answers_documents(draw: st.DrawFn) -> dict[str, Any]:
    """An answers document: valid in about half of the draws, with a few mistakes in the others."""
    wrong = draw(st.booleans())

    def value(valid: st.SearchStrategy[Any]) -> Any:
        return draw(st.one_of(valid, NOISE)) if wrong and draw(st.integers(0, 4)) == 0 else draw(valid)

    answers = {q.id: value(_valid(q)) for q in QUESTIONS if q.required or draw(st.booleans())}
    forces = {f: value(st.integers(0, 5)) for f in FORCES if draw(st.booleans())}
    document: dict[str, Any] = {"questionnaire": "default", "answers": answers, "forces": forces}
    if wrong and draw(st.integers(0, 3)) == 0:
        answers[draw(st.text(min_size=1, max_size=10))] = draw(NOISE)
    if wrong and draw(st.integers(0, 3)) == 0:
        document[draw(st.sampled_from(["questionaire", "answer", "extra"]))] = draw(NOISE)
    return document


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_documents())
def test_any_answers_give_a_recommendation_or_a_located_error(document: dict[str, Any]) -> None:
    try:
        answers = ADVISOR.check_answers(document, "fuzz.yaml")
    except AdvisorError as exc:
        assert str(exc).startswith("fuzz.yaml"), str(exc)
        return
    first = ADVISOR.advise(answers)
    assert first == ADVISOR.advise(answers)  # deterministic, and no state leaks between sessions
    assert first.recommended_ids == tuple(sorted(first.recommended_ids))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(answers_documents().map(yaml.safe_dump), st.text(max_size=200)))
def test_any_file_content_ends_in_a_result_or_exit_code_2(tmp_path_factory: Any, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["recommend", str(path), "--json"])
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ")
        assert "Traceback" not in result.stderr
