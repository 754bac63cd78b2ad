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

from typing import Any

from advisor.analysis.results import ChainStep, Explanation, IssueLink, Suggestion
from advisor.analysis.rule_checks import FinalState, rule_checks
from advisor.analysis.suggestions import MAX_SUGGESTIONS, raiser_suggestions, suggest, winning_weights
from advisor.analysis.trial import Trial
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation, Score
from advisor.errors import AdvisorError
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
        links.append(
            IssueLink(
                issue=issue.id, raised_by=raisers, raised=issue.id in state.raised, resolved_here_by=others
            )
        )
    return tuple(links)


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
    state = FinalState(answers, result)
    checks = rule_checks(advisor, state, pattern_id)
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
    suggestions = list(suggest(advisor, trial, state, pattern_id, checks))
    lost = tuple(a for a in result.alternatives if a.id == pattern_id)
    against = next((a for a in result.advised_against if a.id == pattern_id), None)
    orphan = next((a for a in result.not_applicable if a.id == pattern_id), None)
    winners = ", ".join(a.instead_of for a in lost)
    links = _resolves(advisor, result, state, pattern_id)
    if lost:
        suggestions += winning_weights(advisor, trial, pattern_id, [a.instead_of for a in lost])
    elif against is None and orphan is None:
        suggestions += raiser_suggestions(advisor, trial, state, pattern_id, links)
    kept: dict[tuple[str, ...], Suggestion] = {}
    for suggestion in suggestions:  # the first of equal changes wins
        kept.setdefault(tuple(c.set for c in suggestion.changes), suggestion)
    common: dict[str, Any] = {
        "pattern": pattern_id,
        "name": name,
        "system": system,
        "rules": checks,
        "lost_to": lost,
        "resolves": links,
        "suggestions": tuple(kept.values())[:MAX_SUGGESTIONS],
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
