"""The evidence of a condition: each test, with the answer or weight that passed or failed it.

A clause's evidence depends only on the clause and on the few answers and weights its tests
compare, so it is worked out once per clause and per distinct set of those values and shared
by every result that shows it (the models are frozen).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from advisor.catalog.conditions import AnswerTest, Clause, ForceTest, Leaf, leaf_message
from advisor.core.recommendation import Match
from advisor.questionnaire.answers import Answers

#: What a test of a clause shows beside itself: nothing, an answer, a force weight.
_NONE, _ANSWER, _FORCE = 0, 1, 2

#: Evidences kept, over every clause: beyond them the cache starts afresh (so a batch of
#: many systems with many distinct answers holds a few megabytes at most).
_MAX_EVIDENCES = 16384


class _ClauseEvidence:
    """One clause: what each test shows, and its evidence per distinct shown values."""

    __slots__ = ("clause", "probes", "seen", "tests")

    def __init__(self, clause: Clause) -> None:
        self.clause = clause  # kept, so the id the entry is filed under is not reused meanwhile
        probes = []
        for leaf in clause:
            if isinstance(leaf, AnswerTest) and leaf.operator not in {"equals", "known"}:
                probes.append((_ANSWER, leaf.answer))
            elif isinstance(leaf, ForceTest) and leaf.operator != "equals":
                probes.append((_FORCE, leaf.force))
            else:
                probes.append((_NONE, ""))
        self.probes: tuple[tuple[int, str], ...] = tuple(probes)
        self.tests = tuple(leaf_message(leaf) for leaf in clause)
        # repr of the shown values (it keeps 1, 1.0 and True apart, and -0.0 from 0.0) → evidence
        self.seen: dict[str, tuple[Match, ...]] = {}


_CLAUSES: dict[int, _ClauseEvidence] = {}

#: How many evidences the entries hold together.
_kept = [0]


def _entry(clause: Clause) -> _ClauseEvidence:
    """A new entry for ``clause``, filed under its id (hashing a clause of models costs more)."""
    entry = _CLAUSES[id(clause)] = _ClauseEvidence(clause)
    return entry


def matches(answers: Answers, clause: Clause) -> tuple[Match, ...]:
    """Each test of a clause that held, with the actual answer or weight where the test does not say it."""
    entry = _CLAUSES.get(id(clause))
    if entry is None or entry.clause is not clause:
        entry = _entry(clause)
    value, weight = answers.value, answers.weight
    actual = tuple(
        [
            None if kind == _NONE else value(name) if kind == _ANSWER else weight(name)
            for kind, name in entry.probes
        ]
    )
    key = repr(actual)
    found = entry.seen.get(key)
    if found is None:
        if _kept[0] >= _MAX_EVIDENCES:
            clear_shared()
            entry.seen.clear()
            _CLAUSES[id(clause)] = entry
        _kept[0] += 1
        found = entry.seen[key] = tuple(
            Match(test=test, actual=value) for test, value in zip(entry.tests, actual, strict=True)
        )
    return found


def clear_shared() -> None:
    """Forget the evidence shared between results (for tests that build every part afresh)."""
    _CLAUSES.clear()
    _kept[0] = 0


def failures(answers: Answers, leaves: Sequence[Leaf]) -> tuple[Match, ...]:
    """Each test that failed, with the actual answer or weight that failed it."""
    found = []
    for leaf in leaves:
        actual: Any = None
        if isinstance(leaf, AnswerTest):
            actual = answers.value(leaf.answer)  # "unknown" for don't know, as the answers file writes it
        elif isinstance(leaf, ForceTest):
            actual = answers.weight(leaf.force)
        found.append(Match(test=leaf_message(leaf), actual=actual))
    return tuple(found)
