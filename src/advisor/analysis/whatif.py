"""What-if: which single answer or force-weight changes would flip the recommendation.

For every question that is asked for these answers and every force, the
other values worth trying are tried one at a time (the other choices, each
multiselect choice toggled, the thresholds the rules compare a number with
and one either side, "don't know" where allowed, force weights 0-5), the
advisor re-runs, and every change that adds or removes a recommended
pattern is listed, most decisive first. One compiled advisor serves all runs.
"""

from __future__ import annotations

from typing import Any

from advisor.analysis.candidates import WEIGHTS, thresholds
from advisor.analysis.results import Change, Flip, Sensitivity
from advisor.analysis.trial import Trial, make_change
from advisor.catalog.conditions import UNKNOWN
from advisor.core.advisor import Advisor
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.kinds import values_to_try
from advisor.questionnaire.models import Question
from advisor.questionnaire.values import walk


def _asked(answers: Answers, advisor: Advisor) -> list[Question]:
    """The questions asked for these answers (a change to any other one is ignored)."""
    return [
        question
        for question, asked in walk(advisor.questionnaire, answers.value, answers.weight)
        if asked and question.type is not QuestionType.TEXT
    ]


def _changes(advisor: Advisor, answers: Answers) -> list[Change]:
    compared = thresholds(advisor.catalog, advisor.questionnaire)
    changes = []
    for question in _asked(answers, advisor):
        current: Any = answers.value(question.id)
        for value in values_to_try(question, current, compared.get(question.id, [])):
            changes.append(make_change(answers, "answer", question.id, value))
    for force_id in advisor.catalog.forces:
        current_weight = answers.weight(force_id)
        for weight in WEIGHTS:
            if weight != current_weight:
                changes.append(make_change(answers, "force", force_id, weight))
    return changes


def what_if(advisor: Advisor, answers: Answers, trial: Trial | None = None) -> Sensitivity:
    """The single changes that flip the recommendation for ``answers``, most decisive first.

    This is the one search for "what would change this": ``explain`` reads the flips of
    one pattern from it. Pass the ``trial`` of ``answers`` to share its runs.
    """
    trial = trial or Trial(advisor, answers)
    baseline = trial.outcome([])
    assert baseline is not None, "the answers were checked already"
    before = baseline[0]
    flips = []
    tried = 0
    moved: set[str] = set()
    subjects: list[str] = []
    for index, change in enumerate(_changes(advisor, answers)):
        if change.subject not in subjects:
            subjects.append(change.subject)
        outcome = trial.outcome([change])
        if outcome is None:
            continue
        tried += 1
        after = outcome[0]
        if after == before:
            continue
        moved.add(change.subject)
        flip = Flip(change=change, added=tuple(sorted(after - before)), removed=tuple(sorted(before - after)))
        flips.append((index, flip))
    # Most decisive first; among equals, the order the changes were tried in (stable by construction).
    flips.sort(key=lambda item: (-item[1].size, item[0]))
    system = answers.value("system_name")
    return Sensitivity(
        system="" if system == UNKNOWN else str(system),
        recommended=tuple(sorted(before)),
        tried=tried,
        flips=tuple(flip for _, flip in flips),
        stable=tuple(s for s in subjects if s not in moved),
    )
