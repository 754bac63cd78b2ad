"""The advisor's chaining on a small catalog: successors, alternatives, risks, cycles."""

from __future__ import annotations

from collections.abc import Callable

from advisor.base.i18n import Message
from advisor.core.recommendation import Recommendation

Advise = Callable[..., Recommendation]
TEAMS = {"team_count": 12, "ops": "high", "clients": ["web", "mobile"]}


def test_applicable_pattern_pulls_in_its_successor_chain(mini_advise: Advise) -> None:
    result = mini_advise(forces={"autonomy": 5}, **TEAMS)
    assert {"micro", "db-per-service", "saga", "outbox"} <= set(result.recommended_ids)
    chain = {p.id: p.parent for p in result.recommended}
    assert chain["db-per-service"] == "micro"
    assert chain["saga"] == "db-per-service"
    assert chain["outbox"] == "saga"
    saga = result.pattern("saga")
    assert saga is not None
    assert saga.origin == "successor"
    assert [(r.kind, r.predecessor, r.issue) for r in saga.reasons] == [
        ("successor", "db-per-service", "distributed-tx")
    ]


def test_rule_reason_names_the_answers_it_matched(mini_advise: Advise) -> None:
    micro = mini_advise(forces={"autonomy": 5}, **TEAMS).pattern("micro")
    assert micro is not None
    reason = micro.reasons[0]
    assert (reason.rule, reason.verdict, reason.weight) == ("many-teams", "recommend", 3)
    assert [(m.test, m.actual) for m in reason.matched] == [
        (Message.of("test_answer", question="team_count", op="gte", value=3), 12),
        (Message.of("test_force", force="autonomy", op="gte", value=4), 5),
    ]
    assert micro.score.rules == 3


def test_alternatives_are_chosen_by_forces_and_listed_with_why(mini_advise: Advise) -> None:
    simple = mini_advise(forces={"autonomy": 5, "simplicity": 5, "efficiency": 0}, **{**TEAMS, "cdc": False})
    assert "polling" in simple.recommended_ids
    assert "tailing" not in simple.recommended_ids
    alternative = next(a for a in simple.alternatives if a.id == "tailing")
    assert alternative.instead_of == "polling"
    assert alternative.reason == Message.of(
        "alt_resolver", issue="relay", score=0.0, chosen="polling", chosen_score=2.0
    )


def test_rules_on_derived_facts_steer_the_successor_choice(mini_advise: Advise) -> None:
    result = mini_advise(forces={"autonomy": 5, "simplicity": 0}, **{**TEAMS, "cdc": True})
    assert "tailing" in result.recommended_ids
    tailing = result.pattern("tailing")
    assert tailing is not None
    assert [m.test for m in tailing.reasons[0].matched] == [
        Message.of("test_pattern", pattern="outbox"),
        Message.of("test_answer", question="cdc", op="equals", value=True),
    ]


def test_small_team_gets_the_alternative_and_no_successors(mini_advise: Advise) -> None:
    result = mini_advise(team_count=2, ops="low")
    assert result.recommended_ids == ("mono",)
    # shunned follows micro, which was never adopted: advice against it would be noise
    assert [a.id for a in result.advised_against] == ["micro"]
    assert [(i.id, i.status) for i in result.open_issues] == [("growing-codebase", "accepted")]


def test_issue_whose_only_resolver_is_advised_against_stays_open(mini_advise: Advise) -> None:
    result = mini_advise(forces={"autonomy": 5}, **TEAMS)
    lonely = next(i for i in result.open_issues if i.id == "lonely")
    assert lonely.status == "unresolved"
    assert lonely.raised_by == ("micro",)
    assert lonely.reasons == (Message.of("blocked_against", pattern="shunned"),)


def test_successor_cycles_terminate(mini_advise: Advise) -> None:
    result = mini_advise(forces={"autonomy": 5}, **TEAMS)
    assert {"cyc-a", "cyc-b"} <= set(result.recommended_ids)
    cyc_a = result.pattern("cyc-a")
    assert cyc_a is not None
    assert [(r.raised_by, r.issue) for r in cyc_a.resolves] == [("cyc-b", "cyc-two"), ("micro", "cyc-entry")]


def test_pattern_without_an_adopted_predecessor_is_not_applicable(mini_advise: Advise) -> None:
    result = mini_advise(team_count=2, ops="low", clients=["mobile"])
    assert "cyc-a" not in result.recommended_ids
    [item] = result.not_applicable
    assert (item.id, item.needs_one_of) == ("cyc-a", ("cyc-b", "micro"))


def test_unknown_answers_fire_no_comparisons(mini_advise: Advise) -> None:
    result = mini_advise(team_count="unknown", ops="unknown")
    assert result.recommended_ids == ()
    assert [a.id for a in result.advised_against] == []
    sources = {a.question: a.source for a in result.answers}
    assert sources["team_count"] == "answered"
    assert sources["cadence"] == "default"


def test_answers_to_questions_that_do_not_apply_are_noted(mini_advise: Advise) -> None:
    result = mini_advise(team_count=2, ops="low", legacy_name="Old")
    assert result.notes == (Message.of("note_ignored", question="legacy_name"),)


def test_everything_returned_is_sorted(mini_advise: Advise) -> None:
    result = mini_advise(forces={"autonomy": 5}, **TEAMS)
    assert list(result.recommended_ids) == sorted(result.recommended_ids)
    assert [a.id for a in result.alternatives] == sorted(a.id for a in result.alternatives)
    assert [i.id for i in result.open_issues] == sorted(i.id for i in result.open_issues)


def test_mixed_signals_between_alternatives_are_settled_by_the_total_score(mini_advise: Advise) -> None:
    # the rules lean towards micro (+3 -2) and against mono (+2 -4), but the forces favour mono
    answers = {"team_count": 12, "ops": "low", "cadence": "daily"}
    result = mini_advise(forces={"autonomy": 1, "simplicity": 5}, **answers)
    assert "mono" in result.recommended_ids
    assert "micro" not in result.recommended_ids
    mono = result.pattern("mono")
    assert mono is not None
    assert (mono.score.rules, mono.score.forces) == (-2, 3.0)
    assert {r.verdict for r in mono.reasons} == {"recommend", "advise-against"}  # both sides shown
    assert "mono" not in [a.id for a in result.advised_against]
    assert [(a.id, a.instead_of, a.reason) for a in result.alternatives] == [
        ("micro", "mono", Message.of("alt_scored", score=-0.4, chosen="mono", chosen_score=1.0))
    ]
    assert result.notes == (
        Message.of("note_contested", pattern="mono", score=-2, beaten="micro", total=1.0, beaten_total=-0.4),
    )
    # with the forces the other way round, the rules' favourite wins as before
    other = mini_advise(forces={"autonomy": 5, "simplicity": 0}, **answers)
    assert "micro" in other.recommended_ids
    assert "mono" in [a.id for a in other.advised_against]
    assert other.notes == ()
