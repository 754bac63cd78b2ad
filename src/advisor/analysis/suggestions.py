"""What would change the advice for one pattern: answer changes, each verified by re-running.

From the rule checks of a pattern (:mod:`advisor.analysis.rule_checks`): changes that
make a recommending rule fire or an advising-against rule stop, and changes that bring
in a pattern raising an issue the pattern resolves. Single changes, force weights
included, are all tried by the what-if search; these proposals add the combined ones.
Every proposal is tried with a :class:`~advisor.analysis.trial.Trial`; only those that
do what they say are kept.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from advisor.analysis.candidates import satisfying_answer, satisfying_weight
from advisor.analysis.results import Change, IssueLink, RuleCheck, Suggestion
from advisor.analysis.rule_checks import FinalState, rule_checks
from advisor.analysis.trial import Trial, make_change
from advisor.catalog.conditions import AnswerTest, Clause, ConditionError, ForceTest, negate_leaf
from advisor.catalog.models import Verdict
from advisor.core.advisor import Advisor

#: Most clauses of one rule tried for suggestions, and most suggestions kept.
MAX_CLAUSES_TRIED = 8
MAX_SUGGESTIONS = 8


def _changes_for(advisor: Advisor, state: FinalState, clause: Clause) -> list[Change] | None:
    """The answer and weight changes that make every test of ``clause`` hold (``None``: none found)."""
    answers = state.answers
    by_question: defaultdict[str, list[AnswerTest]] = defaultdict(list)
    by_force: defaultdict[str, list[ForceTest]] = defaultdict(list)
    failing: set[tuple[str, str]] = set()
    for leaf in clause:
        if isinstance(leaf, AnswerTest):
            by_question[leaf.answer].append(leaf)
            if not state.holds(leaf):
                failing.add(("answer", leaf.answer))
        elif isinstance(leaf, ForceTest):
            by_force[leaf.force].append(leaf)
            if not state.holds(leaf):
                failing.add(("force", leaf.force))
    changes = []
    for kind, key in sorted(failing):
        if kind == "force":
            weight = satisfying_weight(by_force[key], answers.weight(key))
            if weight is None:
                return None
            changes.append(make_change(answers, "force", key, weight))
            continue
        question = advisor.questionnaire.question(key)
        if question is None:
            return None
        value = satisfying_answer(question, by_question[key], answers.value(key))
        if value is None:
            return None
        changes.append(make_change(answers, "answer", key, value))
    return changes


def suggest(
    advisor: Advisor,
    trial: Trial,
    state: FinalState,
    pattern_id: str,
    checks: tuple[RuleCheck, ...],
    *,
    target: str | None = None,
) -> tuple[Suggestion, ...]:
    """Verified changes to the rules of ``pattern_id``; ``recommended`` tells whether ``target`` then is."""
    wanted = target or pattern_id
    found: dict[tuple[str, ...], Suggestion] = {}

    def verify(rule: str, effect: Literal["fires", "stops"], changes: list[Change]) -> None:
        key = tuple(sorted(c.set for c in changes))
        if not changes or key in found or len(found) >= MAX_SUGGESTIONS * 2:
            return
        outcome = trial.outcome(changes)
        if outcome is None:
            return
        adopted, fired = outcome
        works = rule in fired if effect == "fires" else rule not in fired
        if works:
            found[key] = Suggestion(
                pattern=pattern_id,
                rule=rule,
                effect=effect,
                changes=tuple(changes),
                recommended=wanted in adopted,
            )

    for check in checks:
        clauses = advisor.clauses[check.rule]
        if check.verdict == Verdict.RECOMMEND.value and not check.fired:
            for clause in clauses[:MAX_CLAUSES_TRIED]:
                changes = _changes_for(advisor, state, clause)
                if changes is not None:
                    verify(check.rule, "fires", changes)
        elif check.verdict == Verdict.ADVISE_AGAINST.value and check.fired:
            for clause in clauses[:MAX_CLAUSES_TRIED]:
                for leaf in clause:
                    if not isinstance(leaf, AnswerTest | ForceTest) or not state.holds(leaf):
                        continue
                    try:
                        flipped = negate_leaf(leaf)
                    except ConditionError:  # pragma: no cover - answer and force tests always negate
                        continue
                    changes = _changes_for(advisor, state, (flipped,))
                    if changes is not None:
                        verify(check.rule, "stops", changes)
    ranked = sorted(
        found.values(),
        key=lambda s: (not s.recommended, len(s.changes), s.rule or "", [c.set for c in s.changes]),
    )
    return tuple(ranked[:MAX_SUGGESTIONS])


def raiser_suggestions(
    advisor: Advisor, trial: Trial, state: FinalState, pattern_id: str, links: tuple[IssueLink, ...]
) -> list[Suggestion]:
    """Verified changes that bring in a pattern raising an issue ``pattern_id`` resolves."""
    found: list[Suggestion] = []
    raisers = sorted({r for link in links if not link.raised for r in link.raised_by} - state.recommended)
    for raiser in raisers:
        checks = rule_checks(advisor, state, raiser)
        found += suggest(advisor, trial, state, raiser, checks, target=pattern_id)
    found.sort(key=lambda s: (not s.recommended, len(s.changes), s.pattern, [c.set for c in s.changes]))
    return found
