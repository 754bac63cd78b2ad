"""Why (and why not) a pattern: the reasoning behind one entry of a recommendation.

For a recommended pattern: the rules that fired with the answers and weights
they matched, its fit with the forces, and the chain of issues and
predecessors leading to it from a top-level decision. For any other pattern:
where it stands (an alternative that lost, advised against, not applicable,
or never raised), each of its rules with the tests that failed against the
actual answers, and concrete answer changes that would change that, each one
verified by re-running the advisor.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from advisor.api import Advisor
from advisor.candidates import satisfying_answer, satisfying_weight
from advisor.catalog.conditions import (
    AnswerTest,
    Clause,
    ConditionError,
    ForceTest,
    IssueTest,
    Leaf,
    PatternTest,
    describe_leaf,
    leaf_holds,
    negate_leaf,
)
from advisor.catalog.models import Verdict
from advisor.errors import AdvisorError
from advisor.overrides import format_value
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.checks import closest
from advisor.recommendation import (
    Alternative,
    ForceContribution,
    Reason,
    Recommendation,
    Score,
)
from advisor.trial import Change, Trial, make_change, raw_value

Status = Literal[
    "recommended", "alternative", "advised-against", "not-applicable", "not-needed", "not-raised"
]

#: Most clauses of one rule tried for suggestions, and most suggestions kept.
MAX_CLAUSES_TRIED = 8
MAX_SUGGESTIONS = 8


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LeafResult(_Model):
    """One leaf test of a rule, whether it holds, and the actual answer or weight."""

    test: str
    holds: bool
    actual: str


class RuleCheck(_Model):
    """One rule of the pattern, evaluated against the final state of the assessment."""

    rule: str
    verdict: Literal["recommend", "advise-against"]
    weight: int
    reason: str
    fired: bool
    clauses: tuple[tuple[LeafResult, ...], ...]


class ChainStep(_Model):
    """One link from a top-level decision down to the pattern."""

    pattern: str
    origin: Literal["rule", "successor"]
    parent: str | None = None
    issue: str | None = None


class IssueLink(_Model):
    """An issue the pattern resolves, the patterns that raise it, and who resolves it here instead."""

    issue: str
    raised_by: tuple[str, ...]
    raised: bool
    resolved_here_by: tuple[str, ...] = ()


class Suggestion(_Model):
    """Answer changes that make a rule fire (or stop one), verified by re-running the advisor.

    ``pattern`` is the pattern whose rule it is: the explained one, or one whose issue it resolves.
    """

    pattern: str
    rule: str | None
    effect: Literal["fires", "stops", "wins"]
    changes: tuple[Change, ...]
    recommended: bool


class Explanation(_Model):
    """Everything ``advisor explain`` says about one pattern for one system."""

    pattern: str
    name: str
    system: str
    status: Status
    summary: str
    score: Score | None = None
    reasons: tuple[Reason, ...] = ()
    forces: tuple[ForceContribution, ...] = ()
    chain: tuple[ChainStep, ...] = ()
    beat: tuple[Alternative, ...] = ()
    lost_to: tuple[Alternative, ...] = ()
    needs_one_of: tuple[str, ...] = ()
    resolves: tuple[IssueLink, ...] = ()
    rules: tuple[RuleCheck, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()


def _show(value: Any) -> str:
    return format_value(raw_value(value))


class _State:
    """The final state of one assessment, as rule conditions see it."""

    def __init__(self, answers: Answers, result: Recommendation) -> None:
        self.answers = answers
        self.recommended = set(result.recommended_ids)
        self.raised = {issue for p in result.recommended for issue in p.raises}

    def holds(self, leaf: Leaf) -> bool:
        if isinstance(leaf, PatternTest):
            return leaf.pattern in self.recommended
        if isinstance(leaf, IssueTest):
            return leaf.issue in self.raised
        if isinstance(leaf, ForceTest):
            return leaf_holds(leaf, self.answers.weight(leaf.force))
        return leaf_holds(leaf, self.answers.value(leaf.answer))

    def actual(self, leaf: Leaf) -> str:
        if isinstance(leaf, PatternTest):
            return "recommended" if leaf.pattern in self.recommended else "not recommended"
        if isinstance(leaf, IssueTest):
            return "raised" if leaf.issue in self.raised else "not raised"
        if isinstance(leaf, ForceTest):
            return str(self.answers.weight(leaf.force))
        return _show(self.answers.value(leaf.answer))


def _rule_checks(advisor: Advisor, state: _State, pattern_id: str) -> tuple[RuleCheck, ...]:
    checks = []
    for rule in advisor.catalog.rules_for(pattern_id):
        clauses = advisor.clauses[rule.id]
        results = tuple(
            tuple(
                LeafResult(test=describe_leaf(leaf), holds=state.holds(leaf), actual=state.actual(leaf))
                for leaf in clause
            )
            for clause in clauses
        )
        checks.append(
            RuleCheck(
                rule=rule.id,
                verdict=rule.verdict.value,
                weight=rule.weight,
                reason=rule.reason.en,
                fired=any(all(t.holds for t in clause) for clause in results),
                clauses=results,
            )
        )
    return tuple(sorted(checks, key=lambda c: c.rule))


def _changes_for(advisor: Advisor, state: _State, clause: Clause) -> list[Change] | None:
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


def _suggest(
    advisor: Advisor,
    trial: Trial,
    state: _State,
    pattern_id: str,
    checks: tuple[RuleCheck, ...],
    *,
    target: str | None = None,
) -> tuple[Suggestion, ...]:
    """Verified changes to the rules of ``pattern_id``; ``recommended`` tells whether ``target`` then is."""
    wanted = target or pattern_id
    found: dict[tuple[str, ...], Suggestion] = {}

    def verify(rule: str | None, effect: Literal["fires", "stops", "wins"], changes: list[Change]) -> None:
        key = tuple(sorted(c.set for c in changes))
        if not changes or key in found or len(found) >= MAX_SUGGESTIONS * 2:
            return
        outcome = trial.outcome(changes)
        if outcome is None:
            return
        adopted, fired = outcome
        works = {"fires": rule in fired, "stops": rule not in fired, "wins": wanted in adopted}[effect]
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


def _winning_weights(advisor: Advisor, trial: Trial, pattern_id: str, rivals: list[str]) -> list[Suggestion]:
    """Single force-weight changes that make an alternative that lost win instead."""
    answers = trial.answers
    forces = sorted({e.force for p in [pattern_id, *rivals] for e in advisor.catalog.patterns[p].forces})
    found = []
    for force in forces:
        current = answers.weight(force)
        for weight in sorted(range(6), key=lambda w: (abs(w - current), w)):
            if weight == current:
                continue
            change = make_change(answers, "force", force, weight)
            outcome = trial.outcome([change])
            if outcome is not None and pattern_id in outcome[0]:
                found.append(
                    Suggestion(
                        pattern=pattern_id, rule=None, effect="wins", changes=(change,), recommended=True
                    )
                )
                break
    return found[:MAX_SUGGESTIONS]


def _chain(result: Recommendation, pattern_id: str) -> tuple[ChainStep, ...]:
    steps = []
    node = result.pattern(pattern_id)
    while node is not None:
        link = next((r for r in node.resolves if r.raised_by == node.parent), None)
        steps.append(
            ChainStep(
                pattern=node.id,
                origin=node.origin,
                parent=node.parent,
                issue=link.issue if link and node.origin == "successor" else None,
            )
        )
        node = result.pattern(node.parent) if node.parent else None
    return tuple(reversed(steps))


def _resolves(advisor: Advisor, result: Recommendation, pattern_id: str) -> tuple[IssueLink, ...]:
    raised = {issue for p in result.recommended for issue in p.raises}
    links = []
    for issue in advisor.catalog.issues.values():
        if pattern_id not in issue.resolved_by:
            continue
        raisers = tuple(
            sorted(p.id for p in advisor.catalog.patterns.values() if issue.id in p.resulting_context.issues)
        )
        others = tuple(p.id for p in result.recommended if any(r.issue == issue.id for r in p.resolves))
        links.append(
            IssueLink(issue=issue.id, raised_by=raisers, raised=issue.id in raised, resolved_here_by=others)
        )
    return tuple(links)


def _raiser_suggestions(
    advisor: Advisor, trial: Trial, state: _State, pattern_id: str, links: tuple[IssueLink, ...]
) -> list[Suggestion]:
    """Verified changes that bring in a pattern raising an issue ``pattern_id`` resolves."""
    found: list[Suggestion] = []
    raisers = sorted({r for link in links if not link.raised for r in link.raised_by} - state.recommended)
    for raiser in raisers:
        checks = _rule_checks(advisor, state, raiser)
        found += _suggest(advisor, trial, state, raiser, checks, target=pattern_id)
    found.sort(key=lambda s: (not s.recommended, len(s.changes), s.pattern, [c.set for c in s.changes]))
    return found


def _score_text(score: Score) -> str:
    return f"score {score.total:g} (rules {score.rules:+d}, forces {score.forces:+g})"


def explain(advisor: Advisor, answers: Answers, result: Recommendation, pattern_id: str) -> Explanation:
    """Explain why ``pattern_id`` is, or is not, in ``result`` (the advice for ``answers``).

    Raises:
        AdvisorError: the pattern is not in the catalog.
    """
    catalog = advisor.catalog
    if pattern_id not in catalog.patterns:
        near = closest(pattern_id, list(catalog.patterns))
        hint = f"did you mean '{near}'?" if near else "list the patterns with: advisor patterns list"
        raise AdvisorError(f"unknown pattern '{pattern_id}'\n  hint: {hint}")
    name = catalog.patterns[pattern_id].name.en
    system = result.system
    state = _State(answers, result)
    checks = _rule_checks(advisor, state, pattern_id)
    recommended = result.pattern(pattern_id)
    if recommended is not None:
        beat = tuple(a for a in result.alternatives if a.instead_of == pattern_id)
        chain = _chain(result, pattern_id)
        if recommended.origin == "rule":
            summary = f"recommended: its rules favour it ({_score_text(recommended.score)})"
        else:
            link = chain[-1]
            summary = (
                f"recommended as a successor of {link.parent}, resolving issue '{link.issue}' "
                f"({_score_text(recommended.score)})"
            )
        return Explanation(
            pattern=pattern_id,
            name=name,
            system=system,
            status="recommended",
            summary=summary,
            score=recommended.score,
            reasons=recommended.reasons,
            forces=recommended.forces,
            chain=chain,
            beat=beat,
            rules=checks,
        )
    trial = Trial(advisor, answers)
    suggestions = list(_suggest(advisor, trial, state, pattern_id, checks))
    lost = tuple(a for a in result.alternatives if a.id == pattern_id)
    against = next((a for a in result.advised_against if a.id == pattern_id), None)
    orphan = next((a for a in result.not_applicable if a.id == pattern_id), None)
    winners = ", ".join(a.instead_of for a in lost)
    links = _resolves(advisor, result, pattern_id)
    if lost:
        suggestions += _winning_weights(advisor, trial, pattern_id, [a.instead_of for a in lost])
    elif against is None and orphan is None:
        suggestions += _raiser_suggestions(advisor, trial, state, pattern_id, links)
    unique = {tuple(c.set for c in s.changes): s for s in reversed(suggestions)}  # the first of equals wins
    kept = [s for s in suggestions if unique[tuple(c.set for c in s.changes)] is s]
    common: dict[str, Any] = {
        "pattern": pattern_id,
        "name": name,
        "system": system,
        "rules": checks,
        "lost_to": lost,
        "resolves": links,
        "suggestions": tuple(kept[:MAX_SUGGESTIONS]),
    }
    if against is not None:
        instead = f"; {winners} is recommended instead" if lost else ""
        return Explanation(
            **common,
            status="advised-against",
            summary=f"advised against for these answers (rule score {against.score.rules:+d}){instead}",
            score=against.score,
            reasons=against.reasons,
        )
    if lost:
        return Explanation(
            **common,
            status="alternative",
            summary=f"not recommended: an alternative of {winners}, which won: {lost[0].reason}",
            score=lost[0].score,
        )
    if orphan is not None:
        return Explanation(
            **common,
            status="not-applicable",
            summary="not applicable: its rules favour it, but it follows none of the recommended "
            f"patterns (needs one of: {', '.join(orphan.needs_one_of)})",
            score=orphan.score,
            reasons=orphan.reasons,
            needs_one_of=orphan.needs_one_of,
        )
    taken = [link for link in links if link.raised and link.resolved_here_by]
    if taken:
        summary = "not needed: " + "; ".join(
            f"issue '{link.issue}' is resolved by {', '.join(link.resolved_here_by)} instead"
            for link in taken
        )
        return Explanation(**common, status="not-needed", summary=summary)
    raisers = sorted({r for link in links for r in link.raised_by})
    why = (
        f"none of the patterns that raise the issues it resolves ({', '.join(raisers)}) is recommended"
        if raisers
        else "no pattern raises an issue it resolves"
    )
    return Explanation(
        **common,
        status="not-raised",
        summary=f"not recommended: no rule favours it for these answers, and {why}",
    )
