"""The agenda: a best-first fixpoint whose final state keeps the invariants in its docstring.

The chain fixture (tests/fixtures/chains) holds one case per kind of decision; the
invariants are checked over answers generated for the bundled catalog.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.catalog.loader import Catalog, load_catalog
from advisor.catalog.models import Choice
from advisor.core.advisor import Advisor
from advisor.core.agenda import Agenda, run_agenda
from advisor.core.recommendation import Recommendation
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.loader import load_questionnaire
from advisor.report.labels import say, show_value

CHAINS = Path(__file__).parent / "fixtures" / "chains"
Advise = Callable[..., Recommendation]


@pytest.fixture(scope="module")
def chains() -> Advise:
    advisor = Advisor(
        load_catalog([CHAINS / "rules"], bundled=False), load_questionnaire(CHAINS / "questionnaire.yaml")
    )

    def run(**answers: Any) -> Recommendation:
        return advisor.advise(advisor.check_answers({"answers": {"system_name": "T", **answers}}))

    return run


def test_a_better_option_waits_for_its_predecessor_instead_of_losing_to_an_earlier_one(
    chains: Advise,
) -> None:
    # box (4) could enter first, but fn (5) only needs split, which is still open: the
    # deployment decision waits for the style, then fn wins it.
    result = chains()
    assert {"split", "fn"} <= set(result.recommended_ids)
    assert "box" not in result.recommended_ids
    assert [(a.id, a.instead_of, say(a.reason)) for a in result.alternatives if a.id == "box"] == [
        ("box", "fn", "scored 4, below fn (5)")
    ]


def test_a_decision_does_not_wait_for_a_predecessor_that_cannot_come(chains: Advise) -> None:
    result = chains(ops="low")  # split is advised against, so fn can never enter
    assert "box" in result.recommended_ids
    fn = next(a for a in result.alternatives if a.id == "fn")
    assert say(fn.reason) == "follows none of the recommended patterns (needs one of: split)"


def test_a_requirement_is_adopted_with_the_pattern_that_needs_it(chains: Advise) -> None:
    result = chains(talk="sync")  # no rule favours the broker any more; the relay still needs it
    broker = result.pattern("broker")
    assert broker is not None
    assert (broker.origin, broker.parent) == ("requirement", "relay")
    assert [r.predecessor for r in broker.reasons if r.kind == "requirement"] == ["relay"]


def test_a_pattern_whose_requirement_cannot_be_met_is_dropped_with_its_reason(chains: Advise) -> None:
    result = chains(broker="no")
    assert "relay" not in result.recommended_ids
    assert "broker" not in result.recommended_ids
    assert [(d.id, d.needs_one_of, [say(m) for m in d.reasons]) for d in result.dropped] == [
        ("relay", ("broker",), ["broker is advised against here"])
    ]
    assert "relay" not in [n.id for n in result.not_applicable]


def test_per_interaction_alternatives_may_both_be_recommended(chains: Advise) -> None:
    assert {"broker", "call"} <= set(chains(talk="both").recommended_ids)


def test_exclusive_alternatives_never_are(chains: Advise) -> None:
    for answers in ({}, {"ops": "low"}, {"platform": "boxes"}):
        ids = set(chains(**answers).recommended_ids)
        assert not {"fn", "box"} <= ids and not {"solo", "split"} <= ids


def test_an_issue_is_raised_only_where_its_condition_holds(chains: Advise) -> None:
    assert "saga" in chains(spans=True).recommended_ids
    for spans in (False, "unknown"):
        result = chains(spans=spans)
        assert "saga" not in result.recommended_ids
        [not_raised] = result.not_raised
        assert (not_raised.id, not_raised.raised_by) == ("tx", "split")
        assert [(say(m.test), show_value(m.actual)) for m in not_raised.because] == [
            ("spans = yes", "no" if spans is False else "don't know")
        ]


def test_a_required_decision_is_made_even_when_no_rule_favours_any_option(chains: Advise) -> None:
    # ops=medium: no rule favours either style (split is even advised against), yet every
    # system has a style: the best-scoring one is chosen, and the advice says why.
    result = chains(ops="medium")
    assert "solo" in result.recommended_ids and "split" not in result.recommended_ids
    [note] = [say(n) for n in result.notes if n.code == "note_by_default"]
    assert note.startswith("solo is chosen because every system needs one style")
    # where a rule favours a style, it is chosen on its rules, with no such note
    assert not [n for n in chains(ops="high").notes if n.code == "note_by_default"]


def test_a_practice_its_rules_call_for_follows_a_style_chosen_by_default() -> None:
    # A regulated bank whose style rules cancel out (strict ACID and low operations maturity
    # against services; eight teams releasing daily against one deployable) still gets a
    # style, and with it the audit logging its regulation calls for.
    answers = {
        "system_name": "Bank",
        "team_count": 8,
        "ops_maturity": "low",
        "consistency_needs": "strict-acid-everywhere",
        "product_stage": "growth",
        "release_cadence": "daily-or-more",
        "compliance_audit": "regulated",
        "domain_complexity": "complex",
        "polyglot": "few-stacks",
        "load_unevenness": "uniform",
        "expected_scale": "medium",
    }
    result = ADVISOR.advise(ADVISOR.check_answers({"questionnaire": "default", "answers": answers}))
    styles = [p for p in result.recommended if p.group == "architecture-style"]
    assert len(styles) == 1
    assert styles[0].score.rules <= 0 and styles[0].role == "key-decision"  # chosen, not a consequence
    assert "audit-logging" in result.recommended_ids


def test_a_query_pattern_set_aside_waits_for_the_alternative_its_rules_call_for_later() -> None:
    # Strict ACID advises against CQRS, so API composition answers the cross-service
    # queries first; event sourcing comes later (for the regulated audit trail) and its
    # rule calls for CQRS, which then scores higher. The advice must end with CQRS
    # answering both the cross-service queries and the event store's queries, not API
    # composition with event sourcing's queries left open (found by the invariants test).
    answers = {
        "system_name": "a",
        "compliance_audit": "regulated",
        "consistency_needs": "strict-acid-everywhere",
        "event_history": "unknown",
        "team_count": 6,
    }
    forces = dict.fromkeys(
        [
            "auditability",
            "cross-service-consistency",
            "low-cost",
            "low-migration-risk",
            "reliable-messaging",
            "stale-read-tolerance",
        ],
        0,
    )
    checked = ADVISOR.check_answers({"questionnaire": "default", "answers": answers, "forces": forces})
    result = ADVISOR.advise(checked)
    assert {"event-sourcing", "cqrs"} <= set(result.recommended_ids)
    assert "api-composition" not in result.recommended_ids
    assert not [i for i in result.open_issues if i.id in {"cross-service-queries", "event-store-queries"}]


# -- invariants over generated answers for the bundled catalog ---------------------------------

ADVISOR = Advisor.load()


def _valid(question: Any) -> st.SearchStrategy[Any]:
    choices = [c.value for c in question.choices]
    if question.type is QuestionType.SELECT:
        values: st.SearchStrategy[Any] = st.sampled_from(choices)
    elif question.type is QuestionType.MULTISELECT:
        values = st.lists(st.sampled_from(choices), unique=True, min_size=1 if question.required else 0)
    elif question.type is QuestionType.CONFIRM:
        values = st.booleans()
    elif question.type is QuestionType.INTEGER:
        values = st.integers(question.minimum or 0, min(question.maximum or 50, 50))
    else:
        values = st.text(alphabet="abcdefghij ", min_size=1, max_size=10).filter(str.strip)
    return st.one_of(values, st.just("unknown")) if question.allow_unknown else values


@st.composite
def answers(draw: st.DrawFn, *, in_place: bool = True) -> Answers:
    """Valid answers: some questions answered, some force weights given (with ``in_place``
    false, no in-place checkbox ticked)."""
    questions = [q for q in ADVISOR.questionnaire.questions() if in_place or not q.id.startswith("in_place_")]
    given_answers = {q.id: draw(_valid(q)) for q in questions if q.required or draw(st.booleans())}
    forces = {f: draw(st.integers(0, 5)) for f in sorted(ADVISOR.catalog.forces) if draw(st.booleans())}
    return ADVISOR.check_answers({"questionnaire": "default", "answers": given_answers, "forces": forces})


def _agenda(advisor: Advisor, checked: Answers) -> Agenda:
    return run_agenda(advisor.catalog, advisor.questionnaire, checked, advisor.engine.session)


def _exclusive(catalog: Catalog, one: str, other: str) -> bool:
    a, b = catalog.patterns[one], catalog.patterns[other]
    if other not in a.related.alternative and one not in b.related.alternative:
        return False
    return a.group != b.group or catalog.groups[a.group].choice is not Choice.PER_INTERACTION


def _can_enter(agenda: Agenda, pattern_id: str) -> bool:
    predecessors = agenda.catalog.patterns[pattern_id].related.predecessor
    return not predecessors or any(p in agenda.adopted for p in predecessors)


def _excluded(agenda: Agenda, pattern_id: str) -> bool:
    return any(_exclusive(agenda.catalog, pattern_id, a) for a in agenda.adopted if a != pattern_id)


def _requirements_possible(agenda: Agenda, pattern_id: str) -> bool:
    return all(
        any(
            o in agenda.adopted
            or (agenda.rule_score(o) >= 0 and _can_enter(agenda, o) and not _excluded(agenda, o))
            for o in requirement.any_of
        )
        for requirement in agenda.catalog.patterns[pattern_id].requires
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_the_final_state_keeps_the_invariants(checked: Answers) -> None:
    agenda = _agenda(ADVISOR, checked)
    catalog = agenda.catalog
    in_place = {p for p, adoption in agenda.adopted.items() if adoption.origin == "in-place"}
    # I5: every required decision (the architecture style) is made
    for group in (g for g in catalog.groups.values() if g.required):
        assert any(catalog.patterns[p].group == group.id for p in agenda.adopted), group.id
    # a practice its own rules call for is recommended whatever the style: audit logging
    # for a regulated system
    if checked.value("compliance_audit") == "regulated":
        assert "audit-logging" in agenda.adopted
    for pattern_id in agenda.adopted:
        pattern = catalog.patterns[pattern_id]
        if pattern_id in in_place:
            continue  # given by the answers, not chosen
        # I1: an adopted predecessor, or none
        assert _can_enter(agenda, pattern_id), pattern_id
        # I3: every requirement met
        for requirement in pattern.requires:
            assert any(o in agenda.adopted for o in requirement.any_of), (pattern_id, requirement.any_of)
        # I2: no better exclusive alternative that could have been chosen instead: eligible
        # (able to enter, requirements possible, not excluded by another recommended pattern,
        # something speaks for it) and not advised against
        for alt in catalog.patterns:
            if alt in agenda.adopted or not _exclusive(catalog, pattern_id, alt):
                continue
            if agenda.rule_score(alt) < 0 or not _can_enter(agenda, alt):
                continue
            if any(_exclusive(catalog, alt, other) for other in agenda.adopted if other != pattern_id):
                continue  # excluded by another recommended pattern
            if not _requirements_possible(agenda, alt):
                continue
            raised = {issue for _raiser, issue in agenda.raised}
            resolves = {i.id for i in catalog.issues.values() if alt in i.resolved_by}
            if agenda.rule_score(alt) <= 0 and not resolves & raised:
                continue  # nothing speaks for it: no rule favours it, it resolves no issue raised
            assert agenda.total(alt) <= agenda.total(pattern_id), (pattern_id, alt)
        # exclusive alternatives are never both adopted (a pattern in place may be displaced)
        chosen = [other for other in agenda.adopted if other != pattern_id and other not in in_place]
        assert not any(_exclusive(catalog, pattern_id, other) for other in chosen)


def _shuffled(catalog: Catalog, seed: int) -> Catalog:
    """The same catalog with its patterns, issues and rules, and every list of ids, in another order.

    (The groups keep their order: it is the order in which reports present them.)
    """
    rng = random.Random(seed)

    def mix(table: dict[str, Any]) -> dict[str, Any]:
        keys = list(table)
        rng.shuffle(keys)
        return {k: table[k] for k in keys}

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(rng.sample(values, len(values)))

    patterns = {}
    for pattern_id, pattern in mix(catalog.patterns).items():
        related = pattern.related.model_copy(
            update={f: ids(getattr(pattern.related, f)) for f in ("predecessor", "successor", "alternative")}
        )
        requires = tuple(r.model_copy(update={"any_of": ids(r.any_of)}) for r in pattern.requires)
        patterns[pattern_id] = pattern.model_copy(update={"related": related, "requires": requires})
    issues = {
        i: issue.model_copy(update={"resolved_by": ids(issue.resolved_by)})
        for i, issue in mix(catalog.issues).items()
    }
    return dataclasses.replace(catalog, patterns=patterns, issues=issues, rules=mix(catalog.rules))


SHUFFLED = Advisor(_shuffled(ADVISOR.catalog, 7), ADVISOR.questionnaire)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_the_result_does_not_depend_on_catalog_order(checked: Answers) -> None:
    assert SHUFFLED.advise(checked) == ADVISOR.advise(checked)
