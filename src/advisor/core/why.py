"""Why a pattern or an issue stands where it does in a result: the messages that say it.

An alternative not chosen, a resolver that cannot be used, an issue left open, a pattern
dropped for a requirement, a decision contested or made by default, an issue not raised:
each becomes a :class:`~advisor.base.i18n.Message` (or the failing tests) for a renderer
to put into words.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.base.i18n import Arg, Message
from advisor.catalog.conditions import AnswerTest, Clause, Leaf
from advisor.core.agenda import Agenda
from advisor.core.evidence import failures
from advisor.core.recommendation import Dropped, Match


def why_not_alternative(agenda: Agenda, alt: str, chosen: str, resolved: Sequence[str]) -> Message:
    """Why the alternative ``alt`` of the recommended ``chosen`` is not recommended.

    ``resolved`` are the issues ``chosen`` resolves here, in the order the agenda links them.
    """
    code, other = agenda.why_not(alt, chosen)
    if code == "advised-against":
        return Message.of("alt_against", score=agenda.rule_score(alt))
    if code == "no-predecessor":
        return Message.of("alt_no_predecessor", patterns=tuple(sorted(agenda.relations.predecessors[alt])))
    if code == "requirement":
        return Message.of("alt_requirement", pattern=str(other))
    scores: dict[str, Arg] = {
        "score": agenda.total(alt),
        "chosen": chosen,
        "chosen_score": agenda.total(chosen),
    }
    if code == "excluded" and agenda.total(alt) > agenda.total(chosen):
        return Message.of("alt_excluded", blockers=(str(other),), **scores)
    if agenda.adopted[chosen].origin == "in-place" and agenda.total(alt) > agenda.total(chosen):
        return Message.of("alt_in_place", **scores)
    issues = agenda.catalog.issues
    issue = next((i for i in resolved if alt in issues[i].resolved_by), None)
    if issue is None:
        return Message.of("alt_scored", **scores)
    return Message.of("alt_resolver", issue=issue, **scores)


def unusable(agenda: Agenda, pattern_id: str) -> Message:
    """Why ``pattern_id`` cannot be recommended here (to resolve an issue, or meet a requirement)."""
    code, other = agenda.why_not(pattern_id)
    if code == "excluded":
        return Message.of("blocked_by", pattern=pattern_id, blockers=(str(other),))
    if code == "requirement":
        return Message.of("blocked_requirement", pattern=pattern_id, needs=str(other))
    if code == "no-predecessor":
        return Message.of("blocked_no_predecessor", pattern=pattern_id)
    return Message.of("blocked_against", pattern=pattern_id)


def why_open(agenda: Agenda, issue_id: str, status: str) -> tuple[Message, ...]:
    """Why an issue stays open: a drawback the catalog accepts, or why none of its resolvers could be used."""
    if status == "accepted":
        return (Message.of("open_accepted", issue=issue_id),)
    resolvers = sorted(agenda.catalog.issues[issue_id].resolved_by)
    return tuple(unusable(agenda, r) for r in resolvers) or (Message.of("no_resolver"),)


def dropped(agenda: Agenda, pattern_id: str, name: str) -> Dropped:
    """A pattern left out for a requirement that cannot be met, and why each option cannot meet it."""
    requirement = agenda.unmeetable(pattern_id)[0]
    return Dropped(
        id=pattern_id,
        name=name,
        score=agenda.score(pattern_id),
        needs_one_of=tuple(sorted(requirement.any_of)),
        reasons=tuple(unusable(agenda, option) for option in sorted(requirement.any_of)),
    )


def contested(agenda: Agenda, winner: str) -> Message:
    """The note on a decision won on the forces over a rival the rules favoured."""
    beaten = agenda.contested[winner]
    return Message.of(
        "note_contested",
        pattern=winner,
        score=agenda.rule_score(winner),
        beaten=beaten,
        total=agenda.total(winner),
        beaten_total=agenda.total(beaten),
    )


def by_default(agenda: Agenda, pattern_id: str) -> Message:
    """The note on a pattern adopted only because its group is a required decision."""
    return Message.of(
        "note_by_default",
        pattern=pattern_id,
        group=agenda.catalog.patterns[pattern_id].group,
        score=agenda.rule_score(pattern_id),
        total=agenda.total(pattern_id),
    )


def held_back(agenda: Agenda, clauses: Sequence[Clause]) -> tuple[Match, ...]:
    """Why a pattern does not raise an issue here: the failing tests of every option (``clauses``)
    of its condition (each of them fails), without the "or don't know" escape of an answer that
    is known."""
    found: list[Leaf] = []
    for clause in clauses:
        found += [leaf for leaf in agenda.failing(clause) if leaf not in found]
    tested = {leaf.answer for leaf in found if isinstance(leaf, AnswerTest) and leaf.operator != "known"}
    shown = [
        leaf
        for leaf in found
        if not (isinstance(leaf, AnswerTest) and leaf.operator == "known" and leaf.answer in tested)
    ]
    return failures(agenda.answers, shown)
