"""Rules as durable-rules fact patterns, and the hard limits of the engine.

No durable-rules import here: :mod:`advisor.core.engine` registers what
:func:`compile_leaf` builds, and :func:`limit_findings` refuses rule packs that would
hang or crash the engine before it ever sees them (``rules lint`` reports the same).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from advisor.catalog.conditions import (
    AnswerTest,
    Clause,
    ForceTest,
    IssueTest,
    Leaf,
    PatternTest,
)
from advisor.core.facts import engine_value

#: Hard limits of durable-rules 2.0.28, with a safety margin (see the notes on the engine).
MAX_RULES = 4000
MAX_SHARED_CONDITION = 250
MAX_DISTINCT_TESTS = 500
MAX_CONDITIONS_PER_FACT = 60

_OPS = {"gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte", "ne": "$neq"}


def _value_test(op: str, operand: Any, prop: str) -> dict[str, Any]:
    if op == "equals":
        return {prop: engine_value(operand)}
    if op == "in":
        return {"$or": [{prop: engine_value(v)} for v in operand]}
    if op == "not_in":
        return {"$and": [{"$neq": {prop: engine_value(v)}} for v in operand]}
    return {_OPS[op]: {prop: engine_value(operand)}}


def compile_leaf(leaf: Leaf) -> dict[str, Any]:
    """A leaf test as one durable-rules fact pattern."""
    if isinstance(leaf, PatternTest):
        return {"$and": [{"t": "p"}, {"p": leaf.pattern}]}
    if isinstance(leaf, IssueTest):
        return {"$and": [{"t": "i"}, {"i": leaf.issue}]}
    if isinstance(leaf, ForceTest):
        return {"$and": [{"t": "f"}, {"f": leaf.force}, _value_test(leaf.operator, leaf.operand, "w")]}
    assert isinstance(leaf, AnswerTest)
    op = leaf.operator
    if op == "known":
        return {"$and": [{"t": "a"}, {"q": leaf.answer}, {"k": int(bool(leaf.known))}]}
    if op in {"contains", "not_contains"}:
        picked = int(op == "contains")
        return {"$and": [{"t": "c"}, {"q": leaf.answer}, {"c": leaf.operand}, {"s": picked}]}
    return {"$and": [{"t": "a"}, {"q": leaf.answer}, {"k": 1}, _value_test(op, leaf.operand, "v")]}


def leaf_key(leaf: Leaf) -> tuple[str, str]:
    """The kind of fact a leaf tests and the question, force, pattern or issue it names."""
    if isinstance(leaf, PatternTest):
        return ("p", leaf.pattern)
    if isinstance(leaf, IssueTest):
        return ("i", leaf.issue)
    if isinstance(leaf, ForceTest):
        return ("f", leaf.force)
    return ("c" if leaf.operator in {"contains", "not_contains"} else "a", leaf.answer)


def _value_tests(leaf: Leaf, text: str) -> list[str]:
    """The tests a leaf puts on its fact's value: one per value of an ``in``/``not_in`` list.

    durable-rules hangs on 512 distinct tests of one property, whether they come from
    512 rules or from one list of 512 values, so both count the same.
    """
    operator = getattr(leaf, "operator", None)
    operand = getattr(leaf, "operand", None)
    if operator in {"in", "not_in"} and isinstance(operand, list | tuple):
        return [json.dumps([operator, value], sort_keys=True) for value in operand]
    return [text]


def check_limits(rules: Mapping[str, Sequence[Clause]]) -> list[str]:
    """Why these rules would break durable-rules (empty when they are safe)."""
    return [finding.message for finding in limit_findings(rules)]


@dataclass(frozen=True)
class LimitFinding:
    """One way a rule set exceeds the engine's limits, and the rules involved (sorted)."""

    message: str
    rules: tuple[str, ...]


def limit_findings(rules: Mapping[str, Sequence[Clause]]) -> list[LimitFinding]:
    """Like :func:`check_limits`, naming the rules behind each finding so it can be located."""
    problems = []
    total = sum(len(clauses) for clauses in rules.values())
    if total > MAX_RULES:
        problems.append(
            LimitFinding(
                f"{total} rule clauses exceed the engine's limit of {MAX_RULES}", tuple(sorted(rules))[-1:]
            )
        )
    shared: Counter[str] = Counter()
    sharers: defaultdict[str, set[str]] = defaultdict(set)
    per_key: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    per_type: defaultdict[str, set[str]] = defaultdict(set)
    per_value: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    owners: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for rule_id, clauses in rules.items():
        for clause in clauses:
            for leaf in clause:
                text = json.dumps(compile_leaf(leaf), sort_keys=True)
                shared[text] += 1
                sharers[text].add(rule_id)
                key = leaf_key(leaf)
                per_key[key].add(text)
                per_type[key[0]].add(key[1])
                per_value[key].update(_value_tests(leaf, text))
                owners[key].add(rule_id)
    for text, count in sorted(shared.items()):
        if count > MAX_SHARED_CONDITION:
            problems.append(
                LimitFinding(
                    f"{count} rule clauses share the test {text}; "
                    f"the engine allows at most {MAX_SHARED_CONDITION}",
                    tuple(sorted(sharers[text])),
                )
            )
    for key, tests in sorted(per_key.items()):
        if len(tests) > MAX_CONDITIONS_PER_FACT:
            example = ", ".join(sorted(owners[key])[:3])
            problems.append(
                LimitFinding(
                    f"{len(tests)} distinct tests on '{key[1]}' (rules {example}, ...) could all "
                    f"match one fact; the engine allows at most {MAX_CONDITIONS_PER_FACT}",
                    tuple(sorted(owners[key])),
                )
            )
    for key, values in sorted(per_value.items()):
        if len(values) > MAX_DISTINCT_TESTS:
            problems.append(
                LimitFinding(
                    f"{len(values)} distinct values tested on '{key[1]}' (each value of an 'in' or "
                    f"'not_in' list is one test); the engine hangs beyond {MAX_DISTINCT_TESTS}",
                    tuple(sorted(owners[key])),
                )
            )
    for kind, names in sorted(per_type.items()):
        if len(names) > MAX_DISTINCT_TESTS:
            involved = {rule for key, ids in owners.items() if key[0] == kind for rule in ids}
            problems.append(
                LimitFinding(
                    f"{len(names)} distinct ids tested on facts of kind '{kind}'; "
                    f"the engine hangs beyond {MAX_DISTINCT_TESTS}",
                    tuple(sorted(involved)),
                )
            )
    return problems
