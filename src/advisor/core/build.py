"""A finished agenda → the sorted, explained :class:`Recommendation`.

Each recommended pattern gets its score, its place in the successor tree and its
explanation chain (the rules that fired with the answers they matched, or the
issue of which pattern it resolves); alternatives, patterns advised against and
open issues are listed with why. Everything is sorted, so the same answers give
byte-identical output.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Literal

from advisor.base.i18n import Arg, Message
from advisor.catalog.conditions import UNKNOWN, AnswerTest, Clause, ForceTest, Leaf, leaf_holds, to_dnf
from advisor.catalog.loader import Catalog
from advisor.catalog.models import STAGES, Stage, Verdict
from advisor.core.agenda import Agenda
from advisor.core.evidence import failures, matches
from advisor.core.plan import plan_phases
from advisor.core.recommendation import (
    AdvisedAgainst,
    Alternative,
    AnsweredValue,
    Dropped,
    Match,
    NotApplicable,
    NotRaised,
    OpenIssue,
    Reason,
    Recommendation,
    RecommendedPattern,
    Reconsidered,
    Resolution,
)
from advisor.core.risks import assess_risks
from advisor.core.roles import hurt_forces, pattern_role, recommended_ids, reconsider_causes
from advisor.core.scope import in_scope, scoped_advice
from advisor.questionnaire.answers import Answers, scope_groups
from advisor.questionnaire.models import Questionnaire


@lru_cache(maxsize=4096)
def _link_reason(
    kind: Literal["successor", "requirement"], predecessor: str, issue: str | None = None
) -> Reason:
    """A successor or requirement reason: results share a model per distinct value (models are frozen)."""
    return Reason(kind=kind, predecessor=predecessor, issue=issue)


@lru_cache(maxsize=4096)
def _resolution(issue: str, raised_by: str) -> Resolution:
    """An issue resolved: results share a model per distinct value (models are frozen)."""
    return Resolution(issue=issue, raised_by=raised_by)


def _matches(agenda: Agenda, clause: Clause) -> tuple[Match, ...]:
    return matches(agenda.answers, clause)


def _held_back(agenda: Agenda, raiser: str, issue_id: str) -> tuple[Match, ...]:
    """Why ``raiser`` does not raise ``issue_id`` here: the failing tests of every option of its
    condition (each of them fails), without the "or don't know" escape of an answer that is known."""
    condition = agenda.catalog.patterns[raiser].condition(issue_id)
    found: list[Leaf] = []
    for clause in to_dnf(condition) if condition is not None else []:
        found += [leaf for leaf in agenda.failing(clause) if leaf not in found]
    tested = {leaf.answer for leaf in found if isinstance(leaf, AnswerTest) and leaf.operator != "known"}
    shown = [
        leaf
        for leaf in found
        if not (isinstance(leaf, AnswerTest) and leaf.operator == "known" and leaf.answer in tested)
    ]
    return failures(agenda.answers, shown)


def _rule_reasons(
    agenda: Agenda, clauses: Mapping[str, Sequence[Clause]], pattern_id: str
) -> tuple[Reason, ...]:
    reasons = []
    # Strongest rule first, so a one-line summary shows the reason that weighed most.
    rules = agenda.catalog.rules
    for rule_id in sorted(agenda.fired_about(pattern_id), key=lambda r: (-rules[r].weight, r)):
        rule = rules[rule_id]
        reasons.append(
            Reason(
                kind="rule",
                rule=rule_id,
                verdict=rule.verdict.value,
                weight=rule.weight,
                matched=_matches(agenda, clauses[rule_id][agenda.fired[rule_id]]),
            )
        )
    return tuple(reasons)


def _answered(questionnaire: Questionnaire, answers: Answers) -> Iterator[AnsweredValue]:
    for question in questionnaire.questions():
        value = answers.value(question.id)
        if question.id in answers.not_asked or question.id in answers.ignored:
            source = "not-asked"
        elif question.id in answers.given:
            source = "answered"
        elif value == UNKNOWN:
            source = "unknown"
        else:
            source = "default"
        note = answers.notes.get(question.id)
        yield AnsweredValue(question=question.id, value=value, source=source, note=note)


def _in_play(agenda: Agenda, pattern_id: str) -> bool:
    """Whether the pattern could have been chosen here, so advice against it is worth showing.

    A pattern that follows none of the adopted patterns, and is no alternative to one,
    was never a candidate (log tailing without an outbox); ``explain`` still covers it.
    """
    related = agenda.catalog.patterns[pattern_id].related
    return (
        not related.predecessor
        or any(p in agenda.adopted for p in related.predecessor)
        or any(a in agenda.adopted for a in related.alternative)
    )


def _reroot(
    recommended: list[RecommendedPattern], dropped: set[str], catalog: Catalog
) -> list[RecommendedPattern]:
    """Move the successors of a reconsidered pattern under another recommended predecessor.

    Without one they hang at the top of the tree; depths follow.
    """
    if not dropped:
        return recommended
    kept = {p.id for p in recommended}

    def parent_of(pattern: RecommendedPattern) -> str | None:
        if pattern.parent not in dropped:
            return pattern.parent
        others = sorted(catalog.patterns[pattern.id].related.predecessor)
        return next((p for p in others if p in kept), None)

    parents = {p.id: parent_of(p) for p in recommended}

    def depth(pattern_id: str) -> int:
        parent = parents[pattern_id]
        return 0 if parent is None else depth(parent) + 1

    return [p.model_copy(update={"parent": parents[p.id], "depth": depth(p.id)}) for p in recommended]


def _why_not(agenda: Agenda, alt: str, chosen: str) -> Message:
    """Why the alternative ``alt`` of the recommended ``chosen`` is not recommended."""
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
    issue = next((i for _, i, res in agenda.links() if res == chosen and alt in issues[i].resolved_by), None)
    if issue is None:
        return Message.of("alt_scored", **scores)
    return Message.of("alt_resolver", issue=issue, **scores)


def _unusable(agenda: Agenda, pattern_id: str) -> Message:
    """Why ``pattern_id`` cannot be recommended here (to resolve an issue, or meet a requirement)."""
    code, other = agenda.why_not(pattern_id)
    if code == "excluded":
        return Message.of("blocked_by", pattern=pattern_id, blockers=(str(other),))
    if code == "requirement":
        return Message.of("blocked_requirement", pattern=pattern_id, needs=str(other))
    if code == "no-predecessor":
        return Message.of("blocked_no_predecessor", pattern=pattern_id)
    return Message.of("blocked_against", pattern=pattern_id)


def _why_open(agenda: Agenda, issue_id: str, status: str) -> tuple[Message, ...]:
    """Why an issue stays open: a drawback the catalog accepts, or why none of its resolvers could be used."""
    if status == "accepted":
        return (Message.of("open_accepted", issue=issue_id),)
    resolvers = sorted(agenda.catalog.issues[issue_id].resolved_by)
    return tuple(_unusable(agenda, r) for r in resolvers) or (Message.of("no_resolver"),)


def _open(agenda: Agenda) -> dict[str, tuple[list[str], str]]:
    """Each issue raised and resolved by no recommended pattern: its raisers and its status."""
    found: dict[str, tuple[list[str], str]] = {}
    for raiser, issue_id in agenda.open_issues():
        status = "accepted" if agenda.catalog.issues[issue_id].accepted is not None else "unresolved"
        found.setdefault(issue_id, ([], status))[0].append(raiser)
    return found


def _required_by(agenda: Agenda) -> dict[str, list[str]]:
    """For each pattern, the adopted patterns that cannot work without it, sorted."""
    found: dict[str, list[str]] = {}
    for other in sorted(agenda.adopted):
        needed = {option for r in agenda.catalog.patterns[other].requires for option in r.any_of}
        for pattern_id in needed:
            found.setdefault(pattern_id, []).append(other)
    return found


def _dropped(agenda: Agenda, pattern_id: str) -> Dropped:
    requirement = agenda.unmeetable(pattern_id)[0]
    return Dropped(
        id=pattern_id,
        name=agenda.catalog.patterns[pattern_id].name.en,
        score=agenda.score(pattern_id),
        needs_one_of=tuple(sorted(requirement.any_of)),
        reasons=tuple(_unusable(agenda, option) for option in sorted(requirement.any_of)),
    )


def _contested(agenda: Agenda, winner: str) -> Message:
    beaten = agenda.contested[winner]
    return Message.of(
        "note_contested",
        pattern=winner,
        score=agenda.rule_score(winner),
        beaten=beaten,
        total=agenda.total(winner),
        beaten_total=agenda.total(beaten),
    )


def _provided(agenda: Agenda, pattern_id: str) -> bool:
    """Whether the deployment platform the answers name provides ``pattern_id``."""
    condition = agenda.catalog.patterns[pattern_id].provided_when
    if condition is None:
        return False

    def holds(leaf: Leaf) -> bool:
        if isinstance(leaf, AnswerTest):
            return leaf_holds(leaf, agenda.answers.value(leaf.answer))
        if isinstance(leaf, ForceTest):
            return leaf_holds(leaf, agenda.answers.weight(leaf.force))
        return False

    return any(all(holds(leaf) for leaf in clause) for clause in to_dnf(condition))


def _needed_from(agenda: Agenda) -> dict[str, str]:
    """Each pattern a fired rule needs from an earlier plan stage → the earliest such stage."""
    needed: dict[str, str] = {}
    for rule_id in agenda.fired:
        rule = agenda.catalog.rules.get(rule_id)
        if rule is None or rule.needed_from is None or rule.verdict is not Verdict.RECOMMEND:
            continue
        known = needed.get(rule.pattern)
        if known is None or STAGES.index(rule.needed_from) < STAGES.index(Stage(known)):
            needed[rule.pattern] = rule.needed_from.value
    return needed


def _by_default(agenda: Agenda, pattern_id: str) -> Message:
    return Message.of(
        "note_by_default",
        pattern=pattern_id,
        group=agenda.catalog.patterns[pattern_id].group,
        score=agenda.rule_score(pattern_id),
        total=agenda.total(pattern_id),
    )


def build_recommendation(
    agenda: Agenda, questionnaire: Questionnaire, clauses: Mapping[str, Sequence[Clause]]
) -> Recommendation:
    """Assemble the sorted, explained :class:`Recommendation` from a finished agenda."""
    catalog = agenda.catalog
    name = {p: catalog.patterns[p].name.en for p in catalog.patterns}
    whole = recommended_ids(agenda)  # the whole-architecture advice; roles are weighed in it
    scope = scope_groups(agenda.answers, questionnaire)
    kept, needed_by, not_assessed = scoped_advice(agenda, whole, scope)
    left_out = {n.id for n in not_assessed}
    resolves: dict[str, set[str]] = {}
    for raiser, _issue, resolver in agenda.links():
        if raiser in kept and resolver in kept:
            resolves.setdefault(resolver, set()).add(raiser)
    parents = {p: a.parent if a.parent in kept else None for p, a in agenda.adopted.items() if p in kept}
    in_place = [p for p in kept if agenda.adopted[p].origin == "in-place"]
    provided = [p for p in kept if p not in in_place and _provided(agenda, p)]
    plan = plan_phases(catalog, parents, resolves, in_place, needed=_needed_from(agenda), provided=provided)
    open_issues = {
        i: (raisers, status)
        for i, (raisers, status) in sorted(_open(agenda).items())
        if any(r in kept for r in raisers)
    }
    phase_of = {p: phase.number for phase in plan for p in phase.patterns}
    required_by = _required_by(agenda)
    resolved: dict[str, list[tuple[str, str]]] = {}  # resolver → (raiser, issue), as linked
    for raiser, issue_id, resolver in agenda.links():
        resolved.setdefault(resolver, []).append((raiser, issue_id))
    recommended = []
    reconsider = []
    for pattern_id, adoption in agenda.adopted.items():
        if pattern_id in left_out:
            continue
        pattern = catalog.patterns[pattern_id]
        role = pattern_role(
            catalog,
            pattern_id,
            # Adopted as a decision (by its rules, on the forces over a favoured rival, or as
            # the best of a required decision no rule settles) or in place: chosen.
            chosen=adoption.origin in ("in-place", "rule") or agenda.rule_score(pattern_id) > 0,
            recommended=whole,
        )
        if adoption.origin == "in-place":
            causes, preferred = reconsider_causes(agenda, pattern_id)
            if causes:
                reconsider.append(
                    Reconsidered(
                        id=pattern_id,
                        name=name[pattern_id],
                        group=pattern.group,
                        role=role,
                        score=agenda.score(pattern_id),
                        causes=causes,
                        reasons=tuple(
                            r
                            for r in _rule_reasons(agenda, clauses, pattern_id)
                            if r.verdict == "advise-against"
                        ),
                        preferred=preferred,
                        hurts=hurt_forces(agenda, pattern_id) if "hurts-forces" in causes else (),
                    )
                )
                continue
        links = resolved.get(pattern_id, [])
        successor_reasons = tuple(_link_reason("successor", raiser, issue_id) for raiser, issue_id in links)
        requirement_reasons = tuple(
            _link_reason("requirement", other) for other in required_by.get(pattern_id, ())
        )
        recommended.append(
            RecommendedPattern(
                id=pattern_id,
                name=name[pattern_id],
                group=pattern.group,
                layer=pattern.layer,
                score=agenda.score(pattern_id),
                origin=adoption.origin,
                role=role,
                status="keep" if adoption.origin == "in-place" else "add",
                parent=adoption.parent,
                depth=adoption.depth,
                reasons=_rule_reasons(agenda, clauses, pattern_id) + successor_reasons + requirement_reasons,
                forces=agenda.contributions(pattern_id),
                resolves=tuple(_resolution(i, r) for r, i in links),
                # The issues raised here: an issue whose condition the answers do not meet is not.
                raises=tuple(sorted(i for raiser, i in agenda.raised if raiser == pattern_id)),
                effort=pattern.effort.value if pattern.effort else None,
                phase=phase_of[pattern_id],
                needed_by=needed_by.get(pattern_id, ()),
            )
        )
    recommended = _reroot(recommended, {r.id for r in reconsider} | left_out, catalog)
    alternatives: dict[tuple[str, str], Message] = {}
    for pattern_id in sorted(kept):
        for alt in agenda.relations.alternatives[pattern_id]:
            if alt not in kept:
                alternatives[(alt, pattern_id)] = _why_not(agenda, alt, pattern_id)
    dropped = [p for p in agenda.dropped() if not scope or in_scope(catalog, p, scope)]
    scored = [
        p for p in catalog.patterns if p not in agenda.adopted and (not scope or in_scope(catalog, p, scope))
    ]
    against = [p for p in scored if agenda.rule_score(p) < 0 and _in_play(agenda, p)]
    favoured = [
        p
        for p in scored
        if agenda.rule_score(p) > 0 and p not in dropped and not any(p == alt for alt, _ in alternatives)
    ]
    system = agenda.answers.value("system_name")
    return Recommendation(
        questionnaire=questionnaire.id,
        system="" if system == UNKNOWN else str(system),
        date=agenda.answers.date,
        answers=tuple(_answered(questionnaire, agenda.answers)),
        forces=dict(sorted(agenda.answers.forces.items())),
        recommended=tuple(sorted(recommended, key=lambda r: r.id)),
        advised_against=tuple(
            AdvisedAgainst(
                id=p, name=name[p], score=agenda.score(p), reasons=_rule_reasons(agenda, clauses, p)
            )
            for p in sorted(against)
        ),
        alternatives=tuple(
            Alternative(id=alt, name=name[alt], instead_of=chosen, score=agenda.score(alt), reason=why)
            for (alt, chosen), why in sorted(alternatives.items())
        ),
        not_applicable=tuple(
            NotApplicable(
                id=p,
                name=name[p],
                score=agenda.score(p),
                needs_one_of=tuple(sorted(catalog.patterns[p].related.predecessor)),
                reasons=_rule_reasons(agenda, clauses, p),
            )
            for p in sorted(favoured)
        ),
        in_place=tuple(sorted(p for p, a in agenda.adopted.items() if a.origin == "in-place")),
        reconsider=tuple(sorted(reconsider, key=lambda r: r.id)),
        open_issues=tuple(
            OpenIssue(
                id=i,
                title=catalog.issues[i].title.en,
                raised_by=tuple(sorted(r for r in raisers if r in kept)),
                status=status,
                reasons=_why_open(agenda, i, status),
            )
            # An issue only a reconsidered pattern raises is not left to accept: move away from it.
            for i, (raisers, status) in open_issues.items()
        ),
        plan=plan,
        risks=assess_risks(
            catalog,
            agenda.answers,
            set(agenda.adopted),
            # A pattern to reconsider is still in place: its drawbacks hold until it is replaced.
            {issue for _raiser, issue in agenda.raised},
            [i for i, (_raisers, status) in open_issues.items() if status == "unresolved"],
        ),
        dropped=tuple(_dropped(agenda, p) for p in dropped),
        not_raised=tuple(
            NotRaised(
                id=issue_id,
                title=catalog.issues[issue_id].title.en,
                raised_by=raiser,
                because=_held_back(agenda, raiser, issue_id),
            )
            for raiser, issue_id, _clause in agenda.not_raised()
            if raiser in kept
        ),
        notes=tuple(_contested(agenda, p) for p in sorted(agenda.contested))
        + tuple(_by_default(agenda, p) for p in sorted(agenda.adopted) if agenda.by_default(p))
        + tuple(Message.of("note_ignored", question=q) for q in sorted(agenda.answers.ignored)),
        scope=scope,
        not_assessed=not_assessed,
    )
