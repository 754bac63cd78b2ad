"""Conditions as data: normal forms, evaluation, and unknown answers."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from advisor.base.i18n import Lang, Message
from advisor.catalog.conditions import (
    UNKNOWN,
    AllOf,
    AnswerTest,
    AnyOf,
    Condition,
    ConditionError,
    ForceTest,
    Not,
    PatternTest,
    evaluate,
    leaf_holds,
    leaf_message,
    to_dnf,
)
from advisor.report.labels import say

CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def parse(data: Any) -> Any:
    return CONDITION.validate_python(data)


def test_parses_nested_conditions() -> None:
    cond = parse(
        {
            "all": [
                {"answer": "teams", "gte": 3},
                {"not": {"force": "simplicity", "lt": 2}},
                {"any": [{"pattern": "saga"}, {"issue": "relay"}]},
            ]
        }
    )
    assert isinstance(cond, AllOf)
    assert isinstance(cond.all[1], Not)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"answer": "x"}, "exactly one operator"),
        ({"answer": "x", "equals": 1, "lt": 3}, "exactly one operator"),
        ({"foo": 1}, "a condition is a mapping with one of"),
        ({"force": "f", "contains": "x"}, "cannot be tested with 'contains'"),
        ({"all": []}, "at least 1 item"),
    ],
)
def test_invalid_conditions_are_refused(data: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse(data)


def test_unknown_answers_satisfy_neither_a_test_nor_its_negation() -> None:
    test = AnswerTest.model_validate({"answer": "teams", "gte": 3})
    assert not leaf_holds(test, UNKNOWN)
    negated = parse({"not": {"answer": "teams", "gte": 3}})
    assert not evaluate(negated, lambda _q: UNKNOWN, lambda _f: 0)
    assert evaluate(parse({"answer": "teams", "known": False}), lambda _q: UNKNOWN, lambda _f: 0)


def test_negation_cannot_wrap_pattern_tests() -> None:
    with pytest.raises(ConditionError, match="cannot wrap a pattern or issue test"):
        to_dnf(parse({"not": {"pattern": "saga"}}))


def test_dnf_refuses_explosive_conditions() -> None:
    wide = {"all": [{"any": [{"answer": f"q{i}", "equals": j} for j in range(3)]} for i in range(5)]}
    with pytest.raises(ConditionError, match="more than 64 alternatives"):
        to_dnf(parse(wide))


def test_a_leaf_test_is_data_for_the_renderers() -> None:
    assert leaf_message(parse({"answer": "teams", "gte": 3})) == Message.of(
        "test_answer", question="teams", op="gte", value=3
    )
    assert leaf_message(parse({"force": "simplicity", "in": [4, 5]})) == Message.of(
        "test_force", force="simplicity", op="in", value=(4, 5)
    )
    assert leaf_message(parse({"answer": "teams", "known": False})) == Message.of(
        "test_unknown", question="teams"
    )
    assert leaf_message(PatternTest(pattern="saga")) == Message.of("test_pattern", pattern="saga")


def test_leaf_tests_are_said_in_each_language() -> None:
    def said(data: dict[str, object], lang: Lang = "en") -> str:
        return say(leaf_message(parse(data)), lang)

    assert said({"answer": "teams", "gte": 3}) == "teams ≥ 3"
    assert said({"answer": "clients", "contains": "web"}) == "clients includes web"
    assert said({"answer": "clients", "contains": "web"}, "ko") == "clients 포함 web"
    assert said({"force": "simplicity", "in": [4, 5]}) == "force simplicity in [4, 5]"
    assert said({"force": "simplicity", "in": [4, 5]}, "ko") == "포스 simplicity ∈ [4, 5]"
    assert said({"answer": "regulated", "equals": True}, "ko") == "regulated = 예"
    assert say(leaf_message(PatternTest(pattern="saga"))) == "pattern saga is recommended"


# Property: the normal form the engine receives means exactly what the condition means.
QUESTIONS = ["n", "s", "m"]
_leaf = st.one_of(
    st.builds(
        lambda op, v: {"answer": "n", op: v},
        st.sampled_from(["equals", "ne", "gt", "gte", "lt", "lte"]),
        st.integers(0, 4),
    ),
    st.builds(
        lambda op, v: {"answer": "n", op: v},
        st.sampled_from(["in", "not_in"]),
        st.lists(st.integers(0, 4), min_size=1, max_size=3),
    ),
    st.builds(
        lambda op, v: {"answer": "s", op: v},
        st.sampled_from(["equals", "ne"]),
        st.sampled_from(["a", "b", "c"]),
    ),
    st.builds(
        lambda op, v: {"answer": "m", op: v},
        st.sampled_from(["contains", "not_contains"]),
        st.sampled_from(["a", "b", "c"]),
    ),
    st.builds(lambda q, v: {"answer": q, "known": v}, st.sampled_from(QUESTIONS), st.booleans()),
    st.builds(
        lambda op, v: {"force": "f", op: v}, st.sampled_from(["gte", "lt", "equals"]), st.integers(0, 5)
    ),
)
_conditions = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda x: {"not": x}, inner),
    ),
    max_leaves=6,
)
_values = st.fixed_dictionaries(
    {
        "n": st.one_of(st.just(UNKNOWN), st.integers(0, 4)),
        "s": st.one_of(st.just(UNKNOWN), st.sampled_from(["a", "b", "c"])),
        "m": st.one_of(st.just(UNKNOWN), st.lists(st.sampled_from(["a", "b", "c"]), unique=True)),
        "f": st.integers(0, 5),
    }
)


@settings(max_examples=400, deadline=None)
@given(_conditions, _values)
def test_dnf_agrees_with_evaluation(data: Any, values: dict[str, Any]) -> None:
    cond = parse(data)
    answer = values.__getitem__
    force = lambda _f: values["f"]  # noqa: E731
    try:
        clauses = to_dnf(cond)
    except ConditionError:
        return
    by_dnf = any(
        all(
            leaf_holds(leaf, force(leaf.force) if isinstance(leaf, ForceTest) else answer(leaf.answer))
            for leaf in clause
        )
        for clause in clauses
    )
    assert by_dnf == evaluate(cond, answer, force)


def test_any_and_all_shapes_survive_round_trip() -> None:
    cond = parse({"any": [{"answer": "s", "equals": "a"}, {"answer": "s", "equals": "b"}]})
    assert isinstance(cond, AnyOf)
    assert len(to_dnf(cond)) == 2
