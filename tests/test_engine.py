"""The rules engine wrapper: isolation, cleanup, limits, errors."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from advisor.catalog.conditions import AnswerTest, Clause, ForceTest
from advisor.core import engine as engine_module
from advisor.core.advisor import Advisor
from advisor.core.engine import Engine, check_limits
from advisor.core.identity import storage_key
from advisor.errors import EngineError

ROOT = Path(__file__).resolve().parents[1]


def _rules(count: int, question: str = "q") -> dict[str, list[Clause]]:
    return {
        f"r{i}": [(AnswerTest.model_validate({"answer": question, "equals": f"v{i}"}),)] for i in range(count)
    }


def test_many_sequential_assessments_neither_leak_state_nor_grow(mini_advisor: Advisor) -> None:
    answers = mini_advisor.check_answers(
        {
            "answers": {"system_name": "A", "team_count": 12, "ops": "high", "clients": ["web"]},
            "forces": {"autonomy": 5},
        }
    )
    other = mini_advisor.check_answers({"answers": {"system_name": "B", "team_count": 2}})
    first = mini_advisor.advise(answers)
    small = mini_advisor.advise(other)
    for _ in range(50):  # warm-up before measuring
        mini_advisor.advise(answers)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for index in range(1000):
        result = mini_advisor.advise(answers if index % 2 else other)
        assert result == (first if index % 2 else small)
    growth_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    # Undeleted sessions cost ~11-22 KB per rule each: 1,000 would take tens of MB.
    assert growth_kb < 8_000


def test_sessions_are_isolated(mini_advisor: Advisor) -> None:
    engine = mini_advisor.engine
    teams = {"t": "a", "q": "team_count", "k": 1, "v": 12}
    autonomy = {"t": "f", "f": "autonomy", "w": 5}
    with engine.session() as one, engine.session() as two:
        fired_one = one.assert_facts([teams])
        fired_two = two.assert_facts([autonomy])
        assert "many-teams" not in {f.rule for f in fired_one + fired_two}
        assert "many-teams" in {f.rule for f in one.assert_facts([autonomy])}


def test_asserting_a_fact_twice_becomes_an_engine_error(mini_advisor: Advisor) -> None:
    fact = {"t": "p", "p": "micro"}
    with mini_advisor.engine.session() as session:
        session.assert_facts([fact])
        with pytest.raises(EngineError, match="asserted twice"):
            session.assert_facts([fact])


def test_unmatched_facts_are_accepted(mini_advisor: Advisor) -> None:
    with mini_advisor.engine.session() as session:
        assert session.assert_facts([{"t": "zzz"}, {"t": "a", "q": "nobody-asks", "k": 0}]) == []


def test_same_rules_register_once() -> None:
    first, second = Engine(_rules(3)), Engine(_rules(3))
    assert first.name == second.name
    assert Engine(_rules(4)).name != first.name


def test_limits_refuse_packs_that_would_hang_the_engine() -> None:
    problems = check_limits(_rules(70))
    assert problems == [
        "70 distinct tests on 'q' (rules r0, r1, r10, ...) could all match one fact; "
        "the engine allows at most 60"
    ]
    with pytest.raises(EngineError, match="exceeds the rules engine's limits"):
        Engine(_rules(70))


def test_limits_refuse_too_many_rules_sharing_a_test() -> None:
    shared = (ForceTest.model_validate({"force": "f", "gte": 3}),)
    problems = check_limits({f"r{i}": [shared] for i in range(300)})
    assert problems[0].startswith("300 rule clauses share the test")


def test_limits_accept_the_bundled_catalog(advisor: Advisor) -> None:
    assert check_limits(advisor.clauses) == []


def test_a_system_name_cannot_make_two_facts_collide(advisor: Advisor, tmp_path: Path) -> None:
    # durable-rules files a fact without an id under a 32-bit hash of its content and session:
    # this name made an answer fact collide with another fact ("a fact was asserted twice").
    text = (ROOT / "examples" / "startup-mvp.yaml").read_text(encoding="utf-8")
    assert "system_name: Pantry Pal\n" in text
    path = tmp_path / "pantry.yaml"
    path.write_text(text.replace("system_name: Pantry Pal\n", "system_name: Pantry Pal 11213291\n"))
    answers = advisor.read_answers(path)
    plain = advisor.advise(advisor.read_answers(ROOT / "examples" / "startup-mvp.yaml"))
    results = []
    for position in range(4):  # the session id differed with the position in a batch
        for _ in range(position):
            advisor.advise(answers)
        results.append(advisor.advise(answers))
    assert all(result == results[0] for result in results)
    assert results[0].recommended_ids == plain.recommended_ids


def test_fact_ids_never_share_a_storage_key(mini_advisor: Advisor) -> None:
    with mini_advisor.engine.session() as one, mini_advisor.engine.session() as two:
        one.assert_facts([{"t": "p", "p": f"x{i}"} for i in range(3000)])
        two.assert_facts([{"t": "i", "i": "y"}])
    ids = engine_module._IDENTITIES.reserve(3001)
    sids = ("s1", "s2")
    keys = [storage_key(i) for i in ids] + [storage_key(f"sid-{sid}") for sid in sids]
    assert len(set(keys)) == len(keys)
    # the key is what durable-rules compares: these two ids would have been one fact
    assert storage_key("cjutmkzd") == storage_key("yubcyvoa")


def test_each_value_of_an_in_list_counts_as_one_test() -> None:
    """512 values in one list hang durable-rules as 512 rules would: refused before it sees them."""

    def listing(count: int, operator: str = "in") -> dict[str, list[tuple[AnswerTest, ...]]]:
        leaf = AnswerTest.model_validate({"answer": "system_name", operator: [f"n{i}" for i in range(count)]})
        return {"many-names": [(leaf,)]}

    assert check_limits(listing(500)) == []
    for operator in ("in", "not_in"):
        assert check_limits(listing(512, operator)) == [
            "512 distinct values tested on 'system_name' (each value of an 'in' or 'not_in' list is "
            "one test); the engine hangs beyond 500"
        ]
    with pytest.raises(EngineError, match="512 distinct values"):
        Engine(listing(512))
