"""Compare two assessments: what changed in the answers and in the advice, and why.

Pure: two :class:`~advisor.core.recommendation.Recommendation` objects in, one
:class:`AssessmentDiff` out. Useful for milestones of one system (the answers
a year ago and today) or for the effect of a single ``--set``.
"""

from __future__ import annotations

from typing import Any

from advisor.analysis.results import AssessmentDiff, IssueChange, PatternChange, ScoreChange, ValueChange
from advisor.base.i18n import Message
from advisor.core.recommendation import Recommendation


def _added(after: Recommendation, pattern_id: str) -> PatternChange:
    pattern = after.pattern(pattern_id)
    assert pattern is not None
    why = () if pattern.reasons else (Message.of("diff_forces"),)
    return PatternChange(id=pattern_id, name=pattern.name, reasons=pattern.reasons, why=why)


def _removed(before: Recommendation, after: Recommendation, pattern_id: str) -> PatternChange:
    change = PatternChange(id=pattern_id, name=_name(before, pattern_id))
    lost = tuple(alt for alt in after.alternatives if alt.id == pattern_id)
    against = next((a for a in after.advised_against if a.id == pattern_id), None)
    reasons = tuple(r for r in against.reasons if r.verdict == "advise-against") if against else ()
    kept = next((r for r in after.reconsider if r.id == pattern_id), None)
    reconsider: tuple[Message, ...] = ()
    if kept is not None:
        reasons += kept.reasons
        reconsider = tuple(Message.of("diff_reconsider", preferred=p) for p in kept.preferred)
    orphan = next((a for a in after.not_applicable if a.id == pattern_id), None)
    why = reconsider + ((Message.of("diff_needs_one_of", patterns=orphan.needs_one_of),) if orphan else ())
    if lost or reasons or why:
        return change.model_copy(update={"lost_to": lost, "reasons": reasons, "why": why})
    old = before.pattern(pattern_id)
    stopped = tuple(r for r in (old.reasons if old else ()) if r.kind == "rule" and r.verdict == "recommend")
    if stopped:
        return change.model_copy(update={"stopped": stopped})
    if old is not None and old.origin == "successor" and old.parent and after.pattern(old.parent) is None:
        issues = tuple(r.issue for r in old.resolves if r.raised_by == old.parent)
        gone = Message.of("diff_predecessor_gone", parent=old.parent, issues=issues)
        return change.model_copy(update={"why": (gone,)})
    return change.model_copy(update={"why": (Message.of("diff_nothing_left"),)})


def _name(result: Recommendation, pattern_id: str) -> str:
    pattern = result.pattern(pattern_id)
    return pattern.name if pattern else pattern_id


def _values(result: Recommendation) -> dict[str, Any]:
    """Each answer as the file would write it; ``None`` for a question that is not asked."""
    return {a.question: None if a.source == "not-asked" else a.value for a in result.answers}


def _said(before: Recommendation, after: Recommendation, question: str) -> bool:
    """Whether either file says something about ``question``: an answer given, or a question
    asked in one file and not the other. A question one file leaves to its default (or unknown)
    and the other does not ask says nothing that changed; nor does an empty list of choices
    (nothing ticked) against a question not asked."""
    given = [a for r in (before, after) for a in r.answers if a.question == question]
    sources = {a.source for a in given}
    said = any(a.source == "answered" and a.value not in ([], ()) for a in given)
    return said or "not-asked" not in sources


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
        answers=_changed(_values(before), _values(after), [q for q in questions if _said(before, after, q)]),
        forces=_changed(dict(before.forces), dict(after.forces), forces),
        added=tuple(_added(after, p) for p in sorted(new - old)),
        removed=tuple(_removed(before, after, p) for p in sorted(old - new)),
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
