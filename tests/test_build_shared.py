"""Results share the models of values that repeat (scores, force contributions, rule reasons and
their evidence, successor and requirement reasons, resolutions, answers, plans: they are
frozen). Sharing must never change a document: each one is exactly what building every part
afresh, or validating it from scratch, gives, whatever was assessed before it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from advisor.analysis.trial import Trial
from advisor.analysis.whatif import _changes
from advisor.catalog.conditions import AnswerTest, ForceTest
from advisor.core import scores, shared
from advisor.core.advisor import Advisor
from advisor.core.evidence import matches
from advisor.core.recommendation import Recommendation
from advisor.questionnaire.answers import Answers
from conftest import EXAMPLES


def _afresh(advisor: Advisor, answers: Answers) -> str:
    """The document with nothing shared from earlier results."""
    for cache in (scores._contribution, scores._score):
        cache.cache_clear()
    shared.clear_shared()
    return advisor.advise(answers).model_dump_json()


def _variations(advisor: Advisor) -> Iterator[Answers]:
    """Every example, and every what-if variation of the first (forces at 0 give -0.0 scores)."""
    yield from (advisor.read_answers(example) for example in EXAMPLES)
    answers = advisor.read_answers(EXAMPLES[0])
    trial = Trial(advisor, answers)
    for change in _changes(advisor, answers):
        varied = trial.answers_with([change])
        if varied is not None:
            yield varied


@pytest.fixture(scope="module")
def variations(advisor: Advisor) -> list[Answers]:
    return list(_variations(advisor))


def test_a_document_is_the_same_whatever_was_assessed_before(
    advisor: Advisor, variations: list[Answers]
) -> None:
    afresh = [_afresh(advisor, answers) for answers in variations]
    # Now every value has been seen: each document is built from shared models.
    assert [advisor.advise(answers).model_dump_json() for answers in variations] == afresh
    # And backwards, so that each value was first made by another assessment.
    shared = [advisor.advise(answers).model_dump_json() for answers in reversed(variations)]
    assert shared == afresh[::-1]


def test_a_document_equals_its_result_validated_from_scratch(
    advisor: Advisor, variations: list[Answers]
) -> None:
    for answers in variations[:: max(1, len(variations) // 40)]:
        result = advisor.advise(answers)
        again = Recommendation.model_validate(result.model_dump())
        assert again == result
        assert again.model_dump_json() == result.model_dump_json()


def test_shared_evidence_keeps_values_that_compare_equal_apart() -> None:
    """1, 1.0 and True compare equal, as do 0.0 and -0.0, but a document writes each its own way."""
    clause = (AnswerTest(answer="team_count", gte=0), ForceTest(force="scalability", gte=0))
    shown = []
    for value in (1, 1.0, True, 0.0, -0.0, [1], (1,)):
        answers = Answers(questionnaire="default", values={"team_count": value}, forces={"scalability": 3})
        matched = matches(answers, clause)
        assert matched[1].actual == 3
        shown.append(matched[0].actual)
    assert [repr(v) for v in shown] == ["1", "1.0", "True", "0.0", "-0.0", "[1]", "(1,)"]
