"""Why (and why not) a pattern: the reasoning behind one entry of a recommendation.

For a recommended pattern: the rules that fired with the answers and weights
they matched, its fit with the forces, and the chain of issues and
predecessors leading to it from a top-level decision. For any other pattern:
where it stands (an alternative that lost, advised against, not applicable,
or never raised), each of its rules with the tests that failed against the
actual answers. For every pattern: the single answer or force changes that
flip it, read from the same search ``advisor whatif`` runs, and for a pattern
not recommended, combined changes that bring it in; each verified by
re-running the advisor. Each rival is described in its own terms and from the
scores: a pattern that was adopted first is never called the better one.
"""

from __future__ import annotations

from typing import Any, Literal

from advisor.analysis.results import (
    ChainStep,
    Explanation,
    Flip,
    IssueLink,
    Rivalry,
    Sensitivity,
    Suggestion,
)
from advisor.analysis.rule_checks import FinalState, rule_checks
from advisor.analysis.suggestions import MAX_SUGGESTIONS, raiser_suggestions, suggest
from advisor.analysis.trial import Trial
from advisor.analysis.whatif import what_if
from advisor.base.i18n import Message
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation, RecommendedPattern
from advisor.core.scope import in_scope
from advisor.errors import AdvisorError, said
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.checks import closest


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
                on_forces=node.origin == "rule" and node.score.rules <= 0,
            )
        )
        node = result.pattern(node.parent) if node.parent else None
    return tuple(reversed(steps))


def _resolves(
    advisor: Advisor, result: Recommendation, state: FinalState, pattern_id: str
) -> tuple[IssueLink, ...]:
    links = []
    for issue in advisor.catalog.issues.values():
        if pattern_id not in issue.resolved_by:
            continue
        raisers = tuple(
            sorted(p.id for p in advisor.catalog.patterns.values() if issue.id in p.resulting_context.issues)
        )
        others = tuple(p.id for p in result.recommended if any(r.issue == issue.id for r in p.resolves))
        raised = issue.id in state.raised
        # Raised by a recommended pattern only where a condition holds: why it does not here.
        held_back = [n for n in result.not_raised if n.id == issue.id] if not raised else []
        links.append(
            IssueLink(
                issue=issue.id,
                raised_by=raisers,
                raised=raised,
                resolved_here_by=others,
                because=held_back[0].because if held_back else (),
            )
        )
    return tuple(links)


def _shared_issue(advisor: Advisor, result: Recommendation, winner: str, loser: str) -> str | None:
    """The issue both could resolve, when the two are not alternatives of each other."""
    if loser in advisor.catalog.patterns[winner].related.alternative:
        return None
    adopted = result.pattern(winner)
    resolved = [r.issue for r in adopted.resolves] if adopted else []
    return next((i for i in resolved if loser in advisor.catalog.issues[i].resolved_by), None)


def rivalries(advisor: Advisor, result: Recommendation, pattern_id: str) -> tuple[Rivalry, ...]:
    """Every pair of ``result`` in which ``pattern_id`` won or lost, with the loser's own reason.

    The reason is read from the scores, never assumed: a winner that scores lower than the
    loser (and the loser is not advised against) only got there first.
    """
    found = []
    for alternative in result.alternatives:
        if pattern_id not in (alternative.id, alternative.instead_of):
            continue
        winner = result.pattern(alternative.instead_of)
        if winner is None:  # pragma: no cover - an alternative always names a recommended pattern
            continue
        loser = alternative.score
        reason: Literal["advised-against", "outscored", "in-place", "adopted-first"]
        if loser.rules < 0:
            reason = "advised-against"
        elif loser.total <= winner.score.total:
            reason = "outscored"
        elif winner.origin == "in-place":
            reason = "in-place"
        else:
            reason = "adopted-first"
        found.append(
            Rivalry(
                winner=winner.id,
                loser=alternative.id,
                winner_score=winner.score,
                loser_score=loser,
                reason=reason,
                issue=_shared_issue(advisor, result, winner.id, alternative.id),
            )
        )
    return tuple(sorted(found, key=lambda r: (r.winner, r.loser)))


def _flips_of(sensitivity: Sensitivity, pattern_id: str, recommended: bool) -> tuple[Flip, ...]:
    """The single changes of the what-if search that remove (or add) ``pattern_id``."""
    return tuple(f for f in sensitivity.flips if pattern_id in (f.removed if recommended else f.added))


def _combined(suggestions: list[Suggestion], flips: tuple[Flip, ...]) -> tuple[Suggestion, ...]:
    """Verified combined changes that bring the pattern in and that no single change already does."""
    single = {(f.change.set,) for f in flips}
    kept: dict[tuple[str, ...], Suggestion] = {}
    for suggestion in suggestions:
        key = tuple(sorted(c.set for c in suggestion.changes))
        if not suggestion.recommended or len(key) < 2 or key in kept:
            continue
        if any((s,) in single for s in key):
            continue  # one of its changes alone already brings the pattern in
        kept[key] = suggestion
    return tuple(kept.values())[:MAX_SUGGESTIONS]


def _recommended_summary(recommended: RecommendedPattern) -> Message:
    """Why a recommended pattern is there, in one message."""
    if recommended.needed_by:  # outside the scope of the advice: there only for what needs it
        return Message.of("sum_needed", patterns=recommended.needed_by)
    if recommended.origin == "rule" and recommended.score.rules <= 0:
        return Message.of("sum_on_forces", rules=recommended.score.rules)
    if recommended.origin == "rule":
        return Message.of("sum_recommended")
    if recommended.origin == "in-place":
        return Message.of("sum_kept")
    if recommended.origin == "requirement":
        return Message.of("sum_required", parent=str(recommended.parent))
    # The pattern's own successor reason names what it follows, even when that predecessor
    # is in place but to be reconsidered (its issue holds until it goes).
    reason = next(r for r in recommended.reasons if r.kind == "successor")
    return Message.of("sum_successor", parent=str(reason.predecessor), issue=str(reason.issue))


def explain(
    advisor: Advisor,
    answers: Answers,
    result: Recommendation,
    pattern_id: str,
    trial: Trial | None = None,
) -> Explanation:
    """Explain why ``pattern_id`` is, or is not, in ``result`` (the advice for ``answers``).

    What would change it comes from the one what-if search (:func:`what_if`), so explain and
    whatif agree; pass the ``trial`` of ``answers`` to share its runs across explanations.

    Raises:
        AdvisorError: the pattern is not in the catalog.
    """
    catalog = advisor.catalog
    if pattern_id not in catalog.patterns:
        near = closest(pattern_id, list(catalog.patterns))
        hint = said("mean", near=near) if near else said("list_patterns")
        raise AdvisorError(said("unknown_pattern", id=pattern_id), hint)
    name = catalog.patterns[pattern_id].name.en
    system = result.system
    state = FinalState(answers, result)
    checks = rule_checks(advisor, state, pattern_id)
    trial = trial or Trial(advisor, answers)
    sensitivity = what_if(advisor, answers, trial)
    pairs = rivalries(advisor, result, pattern_id)
    recommended = result.pattern(pattern_id)
    if recommended is not None:
        chain = _chain(result, pattern_id)
        summary = _recommended_summary(recommended)
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
            won_over=tuple(r for r in pairs if r.winner == pattern_id),
            not_raised=tuple(n for n in result.not_raised if n.raised_by == pattern_id),
            rules=checks,
            flips=_flips_of(sensitivity, pattern_id, recommended=True),
        )
    flips = _flips_of(sensitivity, pattern_id, recommended=False)
    suggestions = list(suggest(advisor, trial, state, pattern_id, checks))
    lost = tuple(r for r in pairs if r.loser == pattern_id)
    against = next((a for a in result.advised_against if a.id == pattern_id), None)
    orphan = next((a for a in result.not_applicable if a.id == pattern_id), None)
    links = _resolves(advisor, result, state, pattern_id)
    if not lost and against is None and orphan is None:
        suggestions += raiser_suggestions(advisor, trial, state, pattern_id, links)
    common: dict[str, Any] = {
        "pattern": pattern_id,
        "name": name,
        "system": system,
        "rules": checks,
        "lost_to": lost,
        "resolves": links,
        "flips": flips,
        "suggestions": _combined(suggestions, flips),
    }
    if result.scope and not in_scope(catalog, pattern_id, result.scope):
        left = next((n for n in result.not_assessed if n.id == pattern_id), None)
        return Explanation(
            **common,
            status="not-assessed",
            summary=Message.of("sum_not_assessed", status=left.status if left else "none"),
        )
    if against is not None:
        winners = tuple(sorted({r.winner for r in lost}))
        return Explanation(
            **common,
            status="advised-against",
            summary=Message.of("sum_advised_against", score=against.score.rules, winners=winners),
            score=against.score,
            reasons=against.reasons,
        )
    dropped = next((d for d in result.dropped if d.id == pattern_id), None)
    if dropped is not None:
        return Explanation(
            **common,
            status="dropped",
            summary=Message.of(
                "sum_dropped" if len(dropped.needs_one_of) == 1 else "sum_dropped_any",
                patterns=dropped.needs_one_of,
            ),
            score=dropped.score,
            needs_one_of=dropped.needs_one_of,
            unmet=dropped.reasons,
        )
    if lost:
        return Explanation(
            **common, status="alternative", summary=Message.of("sum_lost"), score=lost[0].loser_score
        )
    if orphan is not None:
        return Explanation(
            **common,
            status="not-applicable",
            summary=Message.of("sum_not_applicable", patterns=orphan.needs_one_of),
            score=orphan.score,
            reasons=orphan.reasons,
            needs_one_of=orphan.needs_one_of,
        )
    taken = [link for link in links if link.raised and link.resolved_here_by]
    if taken:
        return Explanation(**common, status="not-needed", summary=Message.of("sum_not_needed"))
    held_back = tuple(link.issue for link in links if link.because)
    if held_back:
        return Explanation(
            **common, status="not-raised", summary=Message.of("sum_issue_held_back", issues=held_back)
        )
    raisers = tuple(sorted({r for link in links for r in link.raised_by}))
    return Explanation(
        **common,
        status="not-raised",
        summary=Message.of("sum_not_raised", raisers=raisers) if raisers else Message.of("sum_no_raiser"),
    )
