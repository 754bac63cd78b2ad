"""explain and whatif tell one story: on every example, for every pattern of the catalog.

``advisor whatif`` lists the single changes that flip the recommendation; ``advisor explain``
lists, for one pattern, the changes that flip that pattern. Both read the same search, and
every change either shows is checked here by re-running the advisor from the answers file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.analysis.explain import explain
from advisor.analysis.trial import Trial
from advisor.analysis.whatif import what_if
from advisor.core.advisor import Advisor
from advisor.report.reasoning import render_explanation
from conftest import EXAMPLES

#: "x is recommended instead", "x, y are recommended instead": the winners a head line names.
INSTEAD = re.compile(r"([a-z0-9-]+(?:, [a-z0-9-]+)*) (?:is|are) recommended instead")


def _recommended(advisor: Advisor, example: Path, sets: list[str]) -> set[str]:
    return set(advisor.advise(advisor.read_answers(example, sets)).recommended_ids)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_explain_and_whatif_agree_on_every_pattern(advisor: Advisor, example: Path) -> None:
    answers = advisor.read_answers(example)
    result = advisor.advise(answers)
    before = set(result.recommended_ids)
    trial = Trial(advisor, answers)
    sensitivity = what_if(advisor, answers, trial)
    assert set(sensitivity.recommended) == before
    # Every flip whatif reports is what the advisor does with that one --set.
    for flip in sensitivity.flips:
        after = _recommended(advisor, example, [flip.change.set])
        assert (tuple(sorted(after - before)), tuple(sorted(before - after))) == (
            flip.added,
            flip.removed,
        ), flip.change.set
    scores = {p.id: p.score for p in result.recommended}
    scores |= {a.id: a.score for a in result.alternatives}
    for pattern_id in advisor.catalog.patterns:
        e = explain(advisor, answers, result, pattern_id, trial)
        recommended = pattern_id in before
        assert (e.status == "recommended") is recommended, pattern_id
        # explain lists exactly the whatif flips that touch this pattern, in whatif's order
        touching = [f for f in sensitivity.flips if pattern_id in (f.removed if recommended else f.added)]
        assert list(e.flips) == touching, pattern_id
        # "no change found" only when whatif has none either
        if not e.flips:
            assert not any(pattern_id in f.added + f.removed for f in sensitivity.flips), pattern_id
        # combined changes are listed only when they bring the pattern in
        for suggestion in e.suggestions:
            assert not recommended
            sets = [c.set for c in suggestion.changes]
            assert len(sets) > 1
            assert pattern_id in _recommended(advisor, example, sets), (pattern_id, sets)
        # each rival in its own terms, read from the scores; a lower score never "won"
        for rivalry in (*e.won_over, *e.lost_to):
            assert rivalry.winner in before and rivalry.loser not in before
            assert rivalry.winner_score == scores[rivalry.winner]
            assert rivalry.loser_score == scores[rivalry.loser]
            if rivalry.reason == "advised-against":
                assert rivalry.loser_score.rules < 0
            elif rivalry.reason == "outscored":
                assert rivalry.winner_score.total >= rivalry.loser_score.total
            else:
                assert rivalry.winner_score.total < rivalry.loser_score.total
        # what explain says of a rival matches the scores: a lower score is never "recommended
        # instead" (it got there first, or it is in place and nothing contradicts it)
        if e.lost_to:
            head = render_explanation(e, advisor.catalog, "en").splitlines()[0]
            for rivalry in e.lost_to:
                adopted_first = f"{rivalry.winner} was adopted first" in head
                in_place = f"{rivalry.winner} is already in place" in head
                assert adopted_first is (rivalry.reason == "adopted-first"), head
                assert in_place is (rivalry.reason == "in-place"), head
                named = any(rivalry.winner in found.group(1).split(", ") for found in INSTEAD.finditer(head))
                assert named is not (adopted_first or in_place), head
