"""Compare two assessments: what changed in the answers and in the advice, and why.

Pure: two :class:`~advisor.core.recommendation.Recommendation` objects in, one
:class:`AssessmentDiff` out. Useful for milestones of one system (the answers
a year ago and today) or for the effect of a single ``--set``.
"""

from __future__ import annotations

from typing import Any

from advisor.analysis.results import AssessmentDiff, IssueChange, PatternChange, ScoreChange, ValueChange
from advisor.core.recommendation import Reason, Recommendation
from advisor.questionnaire.models import UNKNOWN


def _reason(reason: Reason) -> str:
    if reason.kind == "successor":
        return reason.text
    sign = "+" if reason.verdict == "recommend" else "-"
    matched = ", ".join(m.test + (f" ({m.actual})" if m.actual else "") for m in reason.matched)
    return f"rule {reason.rule} ({sign}{reason.weight}): {reason.text}" + (f" [{matched}]" if matched else "")


def _why_added(after: Recommendation, pattern_id: str) -> tuple[str, ...]:
    pattern = after.pattern(pattern_id)
    assert pattern is not None
    return tuple(_reason(r) for r in pattern.reasons) or ("favoured by the forces",)


def _why_removed(before: Recommendation, after: Recommendation, pattern_id: str) -> tuple[str, ...]:
    why = [
        f"an alternative of {alt.instead_of}, which won: {alt.reason}"
        for alt in after.alternatives
        if alt.id == pattern_id
    ]
    against = next((a for a in after.advised_against if a.id == pattern_id), None)
    if against is not None:
        why += [f"advised against: {_reason(r)}" for r in against.reasons if r.verdict == "advise-against"]
    kept = next((r for r in after.reconsider if r.id == pattern_id), None)
    if kept is not None:
        why += [f"advised against: {_reason(r)}" for r in kept.reasons]
        why += [f"in place, to reconsider: an alternative of {p} is recommended" for p in kept.preferred]
    orphan = next((a for a in after.not_applicable if a.id == pattern_id), None)
    if orphan is not None:
        why.append(
            f"follows none of the recommended patterns (needs one of: {', '.join(orphan.needs_one_of)})"
        )
    if why:
        return tuple(why)
    old = before.pattern(pattern_id)
    stopped = [
        f"rule {r.rule} no longer fires (it matched {', '.join(m.test for m in r.matched)})"
        for r in (old.reasons if old else ())
        if r.kind == "rule" and r.verdict == "recommend"
    ]
    if stopped:
        return tuple(stopped)
    if old is not None and old.origin == "successor" and old.parent and after.pattern(old.parent) is None:
        issues = ", ".join(f"'{r.issue}'" for r in old.resolves if r.raised_by == old.parent)
        return (f"its predecessor {old.parent} is no longer recommended, so nothing raises {issues}",)
    return ("no rule favours it any more and no recommended pattern needs it as a successor",)


def _name(result: Recommendation, pattern_id: str) -> str:
    pattern = result.pattern(pattern_id)
    return pattern.name if pattern else pattern_id


def _values(result: Recommendation) -> dict[str, Any]:
    """Each answer as the file would write it; ``None`` for a question that is not asked."""
    return {
        a.question: a.value if a.value is not None or a.source == "not-asked" else UNKNOWN
        for a in result.answers
    }


def _changed(before: dict[str, Any], after: dict[str, Any], order: list[str]) -> tuple[ValueChange, ...]:
    return tuple(
        ValueChange(key=key, before=before.get(key), after=after.get(key))
        for key in order
        if before.get(key) != after.get(key)
    )


def diff(
    before: Recommendation, after: Recommendation, names: tuple[str, str] = ("A", "B")
) -> AssessmentDiff:
    """The differences between two assessments (``names`` label them, e.g. their files)."""
    old, new = set(before.recommended_ids), set(after.recommended_ids)
    questions = [a.question for a in before.answers]
    questions += [a.question for a in after.answers if a.question not in questions]
    forces = sorted(set(before.forces) | set(after.forces))
    scores = []
    for pattern_id in sorted(old & new):
        a, b = before.pattern(pattern_id), after.pattern(pattern_id)
        assert a is not None and b is not None
        if a.score.total != b.score.total:
            scores.append(ScoreChange(id=pattern_id, before=a.score.total, after=b.score.total))
    old_issues = {i.id: i for i in before.open_issues}
    new_issues = {i.id: i for i in after.open_issues}
    return AssessmentDiff(
        before=names[0],
        after=names[1],
        answers=_changed(_values(before), _values(after), questions),
        forces=_changed(dict(before.forces), dict(after.forces), forces),
        added=tuple(
            PatternChange(id=p, name=_name(after, p), why=_why_added(after, p)) for p in sorted(new - old)
        ),
        removed=tuple(
            PatternChange(id=p, name=_name(before, p), why=_why_removed(before, after, p))
            for p in sorted(old - new)
        ),
        scores=tuple(scores),
        opened=tuple(
            IssueChange(id=i, title=new_issues[i].title, status=new_issues[i].status)
            for i in sorted(set(new_issues) - set(old_issues))
        ),
        closed=tuple(
            IssueChange(id=i, title=old_issues[i].title, status=old_issues[i].status)
            for i in sorted(set(old_issues) - set(new_issues))
        ),
    )
