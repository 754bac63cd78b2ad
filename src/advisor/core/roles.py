"""What the advice means for the system: the class of each pattern, and what is in place.

A recommended pattern is a **key decision** (a choice among alternatives that shapes
the architecture), a **consequence** (a successor needed to resolve an issue of
something recommended or in place, or a mechanism carrying out a decision) or a
**practice** (observability, testing, cross-cutting and security hygiene). The class
follows from the role of the pattern's group (``rules/groups.yaml``) and from how
the pattern was adopted.

A pattern in place is **kept** when it is still right, and **reconsidered** when the
rules advise against it here, when an alternative is recommended instead, or when
nothing in the answers favours it and on balance it hurts the prioritised forces.
"""

from __future__ import annotations

from collections.abc import Collection

from advisor.catalog.loader import Catalog
from advisor.catalog.models import GroupRole
from advisor.core.agenda import Agenda
from advisor.core.recommendation import ForceContribution, ReconsiderCause, Role

#: How many of the forces a reconsidered pattern hurts most are named.
HURT_FORCES_SHOWN = 3


def pattern_role(
    catalog: Catalog, pattern_id: str, *, chosen: bool = True, recommended: Collection[str] = ()
) -> Role:
    """The class of a recommended pattern: key decision, consequence or practice.

    A pattern of a practice group is a practice; of a mechanism group, a consequence.
    In a decision group it is a key decision when it is one of several ways to make the
    choice (it has alternatives, a generalization or specializations) or starts a design
    (no predecessor: the architecture style, the strangler of a migration); otherwise it
    follows from a key decision (resolves one of its issues or refines it): a consequence.
    Two more cases follow from a decision rather than make one: a pattern that was not
    *chosen* (adopted only as a successor resolving another's issue, or as a requirement,
    with no rule of its own in favour), and a generalization whose open question one of its
    specializations answers and is ``recommended`` too (single service instance per host is
    settled by the container or virtual machine chosen: the specialization is the decision).

    Args:
        catalog: the pattern language.
        pattern_id: the recommended pattern.
        chosen: whether the answers chose it (a rule in favour, or in place) rather than
            only another pattern's issue or requirement.
        recommended: the other patterns of the recommendation.
    """
    pattern = catalog.patterns[pattern_id]
    group = catalog.groups.get(pattern.group)
    role = group.role if group is not None else GroupRole.DECISION
    if role is GroupRole.PRACTICE:
        return "practice"
    if role is GroupRole.MECHANISM:
        return "consequence"
    related = pattern.related
    if not chosen:
        return "consequence"
    if not related.predecessor:
        return "key-decision"
    if any(s in recommended for s in set(related.specialization) & set(related.successor)):
        return "consequence"
    if related.alternative or related.generalization or related.specialization:
        return "key-decision"
    return "consequence"


def reconsider_causes(agenda: Agenda, pattern_id: str) -> tuple[tuple[ReconsiderCause, ...], tuple[str, ...]]:
    """Why a pattern in place should be reconsidered (empty: keep it), and the alternatives preferred."""
    causes: list[ReconsiderCause] = []
    if agenda.rule_score(pattern_id) < 0:
        causes.append("advised-against")
    # Only an alternative that excludes it: messaging beside remote procedure invocation
    # (a per-interaction choice) replaces none of the interactions RPI serves.
    alternatives = agenda.relations.exclusive[pattern_id]
    preferred = tuple(
        sorted(a for a in alternatives if a in agenda.adopted and agenda.adopted[a].origin != "in-place")
    )
    if preferred:
        causes.append("alternative-preferred")
    if agenda.rule_score(pattern_id) <= 0 and agenda.fit(pattern_id) < 0:
        causes.append("hurts-forces")
    if causes and agenda.favoured(pattern_id):
        causes.append("favoured-too")
    return tuple(causes), preferred


def hurt_forces(agenda: Agenda, pattern_id: str) -> tuple[ForceContribution, ...]:
    """The prioritised forces the pattern hurts most, heaviest first."""
    hurts = [c for c in agenda.contributions(pattern_id) if c.points < 0]
    return tuple(sorted(hurts, key=lambda c: (c.points, c.force))[:HURT_FORCES_SHOWN])


def recommended_ids(agenda: Agenda) -> frozenset[str]:
    """The patterns the advice recommends: everything adopted except the patterns in place to reconsider."""
    return frozenset(
        p
        for p, adoption in agenda.adopted.items()
        if adoption.origin != "in-place" or not reconsider_causes(agenda, p)[0]
    )
