"""Every pattern of the language can be recommended by some answers (issue: reachable patterns).

Each pattern has an answers file under fixtures/reachability/ that proves it: the advisor,
run on that file, recommends the pattern.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.catalog.loader import load_catalog
from advisor.core.advisor import Advisor
from conftest import FIXTURES

REACHABILITY = FIXTURES / "reachability"
PATTERNS = sorted(load_catalog().patterns)


def test_every_pattern_has_a_proof_file() -> None:
    proofs = {p.stem for p in REACHABILITY.glob("*.yaml")}
    assert sorted(set(PATTERNS) - proofs) == []
    assert sorted(proofs - set(PATTERNS)) == []


@pytest.mark.parametrize("pattern_id", PATTERNS)
def test_pattern_is_recommended_by_its_proof(advisor: Advisor, pattern_id: str) -> None:
    path: Path = REACHABILITY / f"{pattern_id}.yaml"
    if not path.exists():
        pytest.fail(f"no proof file {path.name}")
    answers = advisor.read_answers(path)
    assert not answers.ignored, f"{path.name} answers questions that do not apply: {answers.ignored}"
    result = advisor.advise(answers)
    assert pattern_id in result.recommended_ids, (
        f"{path.name} does not make the advisor recommend {pattern_id}"
    )


@pytest.mark.parametrize("pattern_id", PATTERNS)
def test_successor_chains_terminate(advisor: Advisor, pattern_id: str) -> None:
    result = advisor.advise(advisor.read_answers(REACHABILITY / f"{pattern_id}.yaml"))
    depth = {p.id: p.depth for p in result.recommended}
    for pattern in result.recommended:
        assert pattern.depth < len(PATTERNS)
        if pattern.parent:
            assert depth[pattern.parent] == pattern.depth - 1
