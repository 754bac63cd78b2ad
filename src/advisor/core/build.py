"""A finished agenda → the sorted, explained :class:`Recommendation`.

Each recommended pattern gets its score, its place in the successor tree and its
explanation chain (the rules that fired with the answers they matched, or the
issue of which pattern it resolves); alternatives, patterns advised against and
open issues are listed with why (:mod:`advisor.core.why`). Everything is sorted, so
the same answers give byte-identical output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from advisor.base.i18n import Message
from advisor.catalog.conditions import UNKNOWN, Clause
from advisor.catalog.models import STAGES, Stage
from advisor.core.agenda import Agenda
from advisor.core.compiled import holding
from advisor.core.evidence import matches
from advisor.core.plan import plan_phases
from advisor.core.recommendation import (
    AdvisedAgainst,
    Alternative,
    NotApplicable,
    NotRaised,
    OpenIssue,
    Phase,
    Reason,
    Recommendation,
    RecommendedPattern,
    Reconsidered,
    Role,
)
from advisor.core.result_index import ResultIndex, result_index
from advisor.core.risks import assess_risks
from advisor.core.roles import hurt_forces, pattern_role, recommended_ids, reconsider_causes
from advisor.core.scope import in_scope, scoped_advice
from advisor.core.shared import answered_values, link_reason, resolution
from advisor.core.validated import validated
from advisor.core.why import by_default, contested, dropped, held_back, why_not_alternative, why_open
from advisor.questionnaire.answers import scope_groups
from advisor.questionnaire.models import Questionnaire

_recommended_pattern = validated(RecommendedPattern)
_alternative = validated(Alternative)
_advised_against = validated(AdvisedAgainst)
_open_issue = validated(OpenIssue)


def _rule_reasons(
    agenda: Agenda, index: ResultIndex, clauses: Mapping[str, Sequence[Clause]], pattern_id: str
) -> tuple[Reason, ...]:
    fired = agenda.fired_about(pattern_id)
    if not fired:
        return ()
    # Strongest rule first, so a one-line summary shows the reason that weighed most.
    order = sorted(fired, key=index.rule_order.__getitem__) if len(fired) > 1 else fired
    answers, catalog, which = agenda.answers, agenda.catalog, agenda.fired
    return tuple(
        index.rule_reason(catalog, rule_id, matches(answers, clauses[rule_id][which[rule_id]]))
        for rule_id in order
    )


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


def _tree(agenda: Agenda, recommended: Sequence[str], left: set[str]) -> dict[str, tuple[str | None, int]]:
    """Each recommended pattern's parent and depth in the successor tree.

    A pattern whose parent is reconsidered or left out of the scope (``left``) moves under
    another recommended predecessor, or without one to the top of the tree; depths follow.
    """
    adopted = agenda.adopted
    if not left:
        return {p: (adopted[p].parent, adopted[p].depth) for p in recommended}
    kept = set(recommended)
    patterns = agenda.catalog.patterns

    def parent_of(pattern_id: str) -> str | None:
        parent = adopted[pattern_id].parent
        if parent not in left:
            return parent
        others = sorted(patterns[pattern_id].related.predecessor)
        return next((p for p in others if p in kept), None)

    parents = {p: parent_of(p) for p in recommended}
    depths: dict[str, int] = {}

    def depth(pattern_id: str) -> int:
        known = depths.get(pattern_id)
        if known is None:
            parent = parents[pattern_id]
            known = depths[pattern_id] = 0 if parent is None else depth(parent) + 1
        return known

    return {p: (parents[p], depth(p)) for p in recommended}


def _open(agenda: Agenda) -> dict[str, tuple[list[str], str]]:
    """Each issue raised and resolved by no recommended pattern: its raisers and its status."""
    found: dict[str, tuple[list[str], str]] = {}
    for raiser, issue_id in agenda.open_issues():
        status = "accepted" if agenda.catalog.issues[issue_id].accepted is not None else "unresolved"
        found.setdefault(issue_id, ([], status))[0].append(raiser)
    return found


def _provided(agenda: Agenda, index: ResultIndex, pattern_id: str) -> bool:
    """Whether the deployment platform the answers name provides ``pattern_id``."""
    condition = index.provided_when.get(pattern_id)
    return condition is not None and holding(condition, agenda.answers) is not None


def _needed_from(agenda: Agenda, index: ResultIndex) -> dict[str, str]:
    """Each pattern a fired rule needs from an earlier plan stage → the earliest such stage."""
    needed: dict[str, str] = {}
    for rule_id, pattern_id, stage in index.needed_from:
        if rule_id not in agenda.fired:
            continue
        known = needed.get(pattern_id)
        if known is None or STAGES.index(Stage(stage)) < STAGES.index(Stage(known)):
            needed[pattern_id] = stage
    return needed


def _judged(
    agenda: Agenda,
    index: ResultIndex,
    clauses: Mapping[str, Sequence[Clause]],
    whole: frozenset[str],
    left_out: set[str],
) -> tuple[dict[str, Role], list[Reconsidered]]:
    """The role of every adopted pattern the advice covers, and the patterns in place to reconsider."""
    catalog = agenda.catalog
    roles: dict[str, Role] = {}
    reconsider = []
    for pattern_id, adoption in agenda.adopted.items():
        if pattern_id in left_out:
            continue
        role = roles[pattern_id] = pattern_role(
            catalog,
            pattern_id,
            # Adopted as a decision (by its rules, on the forces over a favoured rival, or as
            # the best of a required decision no rule settles) or in place: chosen.
            chosen=adoption.origin in ("in-place", "rule") or agenda.rule_score(pattern_id) > 0,
            recommended=whole,
        )
        if adoption.origin != "in-place":
            continue
        causes, preferred = reconsider_causes(agenda, pattern_id)
        if causes:
            reasons = _rule_reasons(agenda, index, clauses, pattern_id)
            reconsider.append(
                Reconsidered(
                    id=pattern_id,
                    name=index.names[pattern_id],
                    group=catalog.patterns[pattern_id].group,
                    role=role,
                    score=agenda.score(pattern_id),
                    causes=causes,
                    reasons=tuple(r for r in reasons if r.verdict == "advise-against"),
                    preferred=preferred,
                    hurts=hurt_forces(agenda, pattern_id) if "hurts-forces" in causes else (),
                )
            )
    return roles, reconsider


def _recommended(
    agenda: Agenda,
    index: ResultIndex,
    clauses: Mapping[str, Sequence[Clause]],
    *,
    roles: Mapping[str, Role],
    tree: Mapping[str, tuple[str | None, int]],
    resolved: Mapping[str, list[tuple[str, str]]],
    plan: Sequence[Phase],
    needed_by: Mapping[str, tuple[str, ...]],
) -> list[RecommendedPattern]:
    """The recommended patterns, each with its place in the tree (``tree``) and why."""
    catalog, adopted = agenda.catalog, agenda.adopted
    phase_of = {p: phase.number for phase in plan for p in phase.patterns}
    raised_here: dict[str, list[str]] = {}
    for raiser, issue_id in agenda.raised:
        raised_here.setdefault(raiser, []).append(issue_id)
    recommended = []
    for pattern_id, (parent, depth) in tree.items():
        pattern = catalog.patterns[pattern_id]
        adoption = adopted[pattern_id]
        links = resolved.get(pattern_id, [])
        successors = tuple(link_reason("successor", raiser, issue_id) for raiser, issue_id in links)
        requirements = tuple(
            link_reason("requirement", other)
            for other in index.requirers.get(pattern_id, ())
            if other in adopted
        )
        recommended.append(
            _recommended_pattern(
                id=pattern_id,
                name=index.names[pattern_id],
                group=pattern.group,
                layer=pattern.layer,
                score=agenda.score(pattern_id),
                origin=adoption.origin,
                role=roles[pattern_id],
                status="keep" if adoption.origin == "in-place" else "add",
                parent=parent,
                depth=depth,
                reasons=_rule_reasons(agenda, index, clauses, pattern_id) + successors + requirements,
                forces=agenda.contributions(pattern_id),
                resolves=tuple(resolution(i, r) for r, i in links),
                # The issues raised here: an issue whose condition the answers do not meet is not.
                raises=tuple(sorted(raised_here.get(pattern_id, ()))),
                effort=pattern.effort.value if pattern.effort else None,
                phase=phase_of[pattern_id],
                needed_by=needed_by.get(pattern_id, ()),
            )
        )
    return recommended


def build_recommendation(
    agenda: Agenda, questionnaire: Questionnaire, clauses: Mapping[str, Sequence[Clause]]
) -> Recommendation:
    """Assemble the sorted, explained :class:`Recommendation` from a finished agenda."""
    catalog = agenda.catalog
    index = result_index(catalog)
    name = index.names
    adopted = agenda.adopted
    whole = recommended_ids(agenda)  # the whole-architecture advice; roles are weighed in it
    scope = scope_groups(agenda.answers, questionnaire)
    kept, needed_by, not_assessed = scoped_advice(agenda, whole, scope)
    left_out = {n.id for n in not_assessed}
    links = agenda.links()
    resolves: dict[str, set[str]] = {}
    resolved: dict[str, list[tuple[str, str]]] = {}  # resolver → (raiser, issue), as linked
    for raiser, issue_id, resolver in links:
        if raiser in kept and resolver in kept:
            resolves.setdefault(resolver, set()).add(raiser)
        resolved.setdefault(resolver, []).append((raiser, issue_id))
    parents = {p: a.parent if a.parent in kept else None for p, a in adopted.items() if p in kept}
    in_place = [p for p in kept if adopted[p].origin == "in-place"]
    provided = [p for p in kept if p not in in_place and _provided(agenda, index, p)]
    plan = plan_phases(
        catalog, parents, resolves, in_place, needed=_needed_from(agenda, index), provided=provided
    )
    open_issues = {
        i: (raisers, status)
        for i, (raisers, status) in sorted(_open(agenda).items())
        if any(r in kept for r in raisers)
    }
    roles, reconsider = _judged(agenda, index, clauses, whole, left_out)
    reconsidered = {r.id for r in reconsider}
    tree = _tree(agenda, [p for p in roles if p not in reconsidered], reconsidered | left_out)
    recommended = _recommended(
        agenda, index, clauses, roles=roles, tree=tree, resolved=resolved, plan=plan, needed_by=needed_by
    )
    alternatives: dict[tuple[str, str], Message] = {}
    for pattern_id in sorted(kept):
        for alt in agenda.relations.alternatives[pattern_id]:
            if alt not in kept:
                issues = [i for _raiser, i in resolved.get(pattern_id, ())]
                alternatives[(alt, pattern_id)] = why_not_alternative(agenda, alt, pattern_id, issues)
    alternative_ids = {alt for alt, _chosen in alternatives}
    left_behind = [p for p in agenda.dropped() if not scope or in_scope(catalog, p, scope)]
    scored = [p for p in catalog.patterns if p not in adopted and (not scope or in_scope(catalog, p, scope))]
    against = [p for p in scored if agenda.rule_score(p) < 0 and _in_play(agenda, p)]
    favoured = [
        p for p in scored if agenda.rule_score(p) > 0 and p not in left_behind and p not in alternative_ids
    ]
    system = agenda.answers.value("system_name")
    return Recommendation(
        questionnaire=questionnaire.id,
        system="" if system == UNKNOWN else str(system),
        date=agenda.answers.date,
        answers=tuple(answered_values(questionnaire, agenda.answers)),
        forces=dict(sorted(agenda.answers.forces.items())),
        recommended=tuple(sorted(recommended, key=lambda r: r.id)),
        advised_against=tuple(
            _advised_against(
                id=p, name=name[p], score=agenda.score(p), reasons=_rule_reasons(agenda, index, clauses, p)
            )
            for p in sorted(against)
        ),
        alternatives=tuple(
            _alternative(id=alt, name=name[alt], instead_of=chosen, score=agenda.score(alt), reason=why)
            for (alt, chosen), why in sorted(alternatives.items())
        ),
        not_applicable=tuple(
            NotApplicable(
                id=p,
                name=name[p],
                score=agenda.score(p),
                needs_one_of=tuple(sorted(catalog.patterns[p].related.predecessor)),
                reasons=_rule_reasons(agenda, index, clauses, p),
            )
            for p in sorted(favoured)
        ),
        in_place=tuple(sorted(p for p, a in adopted.items() if a.origin == "in-place")),
        reconsider=tuple(sorted(reconsider, key=lambda r: r.id)),
        open_issues=tuple(
            _open_issue(
                id=i,
                title=catalog.issues[i].title.en,
                raised_by=tuple(sorted(r for r in raisers if r in kept)),
                status=status,
                reasons=why_open(agenda, i, status),
            )
            # An issue only a reconsidered pattern raises is not left to accept: move away from it.
            for i, (raisers, status) in open_issues.items()
        ),
        plan=plan,
        risks=assess_risks(
            catalog,
            agenda.answers,
            set(adopted),
            # A pattern to reconsider is still in place: its drawbacks hold until it is replaced.
            {issue for _raiser, issue in agenda.raised},
            [i for i, (_raisers, status) in open_issues.items() if status == "unresolved"],
        ),
        dropped=tuple(dropped(agenda, p, name[p]) for p in left_behind),
        not_raised=tuple(
            NotRaised(
                id=issue_id,
                title=catalog.issues[issue_id].title.en,
                raised_by=raiser,
                because=held_back(agenda, index.raised_when.get((raiser, issue_id), ())),
            )
            for raiser, issue_id, _clause in agenda.not_raised()
            if raiser in kept
        ),
        notes=tuple(contested(agenda, p) for p in sorted(agenda.contested))
        + tuple(by_default(agenda, p) for p in sorted(adopted) if agenda.by_default(p))
        + tuple(Message.of("note_ignored", question=q) for q in sorted(agenda.answers.ignored)),
        scope=scope,
        not_assessed=not_assessed,
    )
