"""The result of an assessment: what to apply, why, what else was considered.

These models are what renderers (terminal, JSON, reports) consume; the JSON
output is their ``model_dump``. Everything in them is sorted, so the same
answers always give byte-identical output. They hold data, never sentences:
a reason is a :class:`~advisor.base.i18n.Message` (a code and its arguments)
that each renderer says in its language.
"""

from __future__ import annotations

from typing import Any, Literal

from advisor.base.i18n import Message
from advisor.base.model import Frozen

#: Version of the JSON document; bump on incompatible changes.
SCHEMA_VERSION = 2


class Match(Frozen):
    """One test of a fired rule and the answer or weight that satisfied it.

    ``test`` is the leaf test as a message (see :func:`~advisor.catalog.conditions.leaf_message`);
    ``actual`` is the answer or weight it compared, when the test alone does not say it.
    """

    test: Message
    actual: Any = None


class Reason(Frozen):
    """Why a pattern is (or is not) in the recommendation."""

    kind: Literal["rule", "successor", "requirement"]
    rule: str | None = None
    verdict: Literal["recommend", "advise-against"] | None = None
    weight: int | None = None
    matched: tuple[Match, ...] = ()
    predecessor: str | None = None
    issue: str | None = None


class ForceContribution(Frozen):
    """How one prioritised force moves a pattern's score."""

    force: str
    weight: int
    effect: Literal["helps", "hurts"]
    strength: int
    points: float


class Score(Frozen):
    """A pattern's score: rule weights plus fit with the prioritised forces."""

    rules: int
    forces: float
    total: float


class Resolution(Frozen):
    """An issue of one recommended pattern resolved by another."""

    issue: str
    raised_by: str


#: How a pattern was adopted: chosen by the rules, as a successor resolving an issue, or a
#: fact because the system already uses it.
Origin = Literal["rule", "successor", "requirement", "in-place"]

#: The class of a recommended pattern: a key decision (a choice among alternatives that
#: shapes the architecture), a consequence (needed to resolve an issue of something
#: recommended or in place) or a practice (broadly applicable hygiene).
Role = Literal["key-decision", "consequence", "practice"]

#: Whether a recommended pattern is already in place (keep) or new (add).
Status = Literal["add", "keep"]

#: Why a pattern in place should be reconsidered: the rules advise against it here, an
#: alternative is recommended instead, or on balance it hurts the prioritised forces.
#: "favoured-too" goes with one of those: some answers favour keeping it (the user's own
#: decision to keep a monolith, say), and the advice outweighs them: a choice to weigh, not a fact.
ReconsiderCause = Literal["advised-against", "alternative-preferred", "hurts-forces", "favoured-too"]


class RecommendedPattern(Frozen):
    """A pattern to apply, with its score, explanation chain and place in the successor tree.

    ``needed_by`` is empty for a pattern within the scope of the advice; a pattern outside
    it is recommended only because the patterns it names need it (it is their predecessor,
    or they require it).
    """

    id: str
    name: str
    group: str
    layer: str
    score: Score
    origin: Origin
    role: Role
    status: Status
    parent: str | None
    depth: int
    reasons: tuple[Reason, ...]
    forces: tuple[ForceContribution, ...]
    resolves: tuple[Resolution, ...]
    raises: tuple[str, ...]
    effort: Literal["small", "medium", "large"] | None = None
    phase: int = 1
    needed_by: tuple[str, ...] = ()


class NotAssessed(Frozen):
    """A pattern outside the scope the advice was limited to, which it would otherwise
    recommend (``add``), keep or reconsider: named, not assessed."""

    id: str
    name: str
    group: str
    status: Literal["add", "keep", "reconsider"]


class Alternative(Frozen):
    """An alternative of a recommended pattern that was not chosen, and why."""

    id: str
    name: str
    instead_of: str
    score: Score
    reason: Message


class AdvisedAgainst(Frozen):
    """A pattern the rules advise against in this context."""

    id: str
    name: str
    score: Score
    reasons: tuple[Reason, ...]


class NotApplicable(Frozen):
    """A pattern some rule favoured but which follows none of the recommended patterns."""

    id: str
    name: str
    score: Score
    needs_one_of: tuple[str, ...]
    reasons: tuple[Reason, ...]


class Dropped(Frozen):
    """A pattern that would have been chosen, left out because a requirement cannot be met.

    ``needs_one_of`` is the requirement (its reason is the catalog's); ``reasons`` say why
    none of those patterns can be recommended here.
    """

    id: str
    name: str
    score: Score
    needs_one_of: tuple[str, ...]
    reasons: tuple[Message, ...]


class NotRaised(Frozen):
    """An issue a recommended pattern can raise, not raised here: the tests its condition failed."""

    id: str
    title: str
    raised_by: str
    because: tuple[Match, ...]


class OpenIssue(Frozen):
    """An issue left open: accepted as a drawback, or with no acceptable resolver (a risk)."""

    id: str
    title: str
    raised_by: tuple[str, ...]
    status: Literal["accepted", "unresolved"]
    reasons: tuple[Message, ...]


class PhaseEffort(Frozen):
    """The summed effort of a phase: patterns per size, and points (small 1, medium 3, large 8)."""

    small: int
    medium: int
    large: int
    unestimated: int
    points: int


class Phase(Frozen):
    """One phase of the plan: its patterns in dependency order, and their effort.

    ``stage`` is where the phase sits: ``in-place`` (phase 0, what the system already
    uses; no new work, so no effort), then ``foundation``, ``services``, ``edge`` and
    ``operations``. ``goal`` names its goal: the stage, ``migration`` for a foundation
    that starts a migration (it holds the strangler or the anti-corruption layer), or
    ``foundation-gaps`` for a foundation that completes a running system's.
    """

    number: int
    stage: Literal["in-place", "foundation", "services", "edge", "operations"]
    goal: Literal["in-place", "foundation", "migration", "foundation-gaps", "services", "edge", "operations"]
    migration: bool = False
    patterns: tuple[str, ...]
    effort: PhaseEffort


class Reconsidered(Frozen):
    """A pattern in place that the advice does not keep, and why."""

    id: str
    name: str
    group: str
    role: Role
    score: Score
    causes: tuple[ReconsiderCause, ...]
    reasons: tuple[Reason, ...] = ()
    preferred: tuple[str, ...] = ()
    hurts: tuple[ForceContribution, ...] = ()


class Risk(Frozen):
    """A risk rule that holds for this system: its severity and the tests that made it hold.

    The words (title, what is at stake, the mitigation) are the rule's, in the catalog;
    ``mitigated_by`` names the patterns the mitigation relies on, ``issue`` the accepted
    drawback whose acceptance the answers contradict, ``unresolved`` the issue raised that
    nothing recommended resolves (a rule gives one such risk per issue).
    """

    id: str
    severity: Literal["high", "medium", "low"]
    matched: tuple[Match, ...]
    mitigated_by: tuple[str, ...] = ()
    issue: str | None = None
    unresolved: str | None = None


class AnsweredValue(Frozen):
    """One answer as the assessment used it.

    The value is what the rules saw: "unknown" when they saw none (the source says why:
    don't know, not answered, or not asked).
    """

    question: str
    value: Any
    source: Literal["answered", "default", "unknown", "not-asked"]
    note: str | None = None


class Recommendation(Frozen):
    """The advisor's whole answer for one system.

    ``scope`` names the pattern groups the advice was limited to (empty: the whole
    architecture); ``not_assessed`` the patterns outside it the advice would otherwise give.
    """

    schema_version: int = SCHEMA_VERSION
    questionnaire: str
    system: str
    date: str | None = None
    answers: tuple[AnsweredValue, ...]
    forces: dict[str, int]
    recommended: tuple[RecommendedPattern, ...]
    advised_against: tuple[AdvisedAgainst, ...]
    alternatives: tuple[Alternative, ...]
    not_applicable: tuple[NotApplicable, ...]
    open_issues: tuple[OpenIssue, ...]
    plan: tuple[Phase, ...] = ()
    in_place: tuple[str, ...] = ()
    reconsider: tuple[Reconsidered, ...] = ()
    risks: tuple[Risk, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    not_raised: tuple[NotRaised, ...] = ()
    notes: tuple[Message, ...] = ()
    scope: tuple[str, ...] = ()
    not_assessed: tuple[NotAssessed, ...] = ()

    def pattern(self, pattern_id: str) -> RecommendedPattern | None:
        """The recommended pattern with this id, if recommended."""
        return next((p for p in self.recommended if p.id == pattern_id), None)

    @property
    def recommended_ids(self) -> tuple[str, ...]:
        """Ids of the recommended patterns, sorted."""
        return tuple(p.id for p in self.recommended)

    def with_role(self, role: Role) -> tuple[RecommendedPattern, ...]:
        """The recommended patterns of one class (key decisions, consequences or practices)."""
        return tuple(p for p in self.recommended if p.role == role)

    def with_status(self, status: Status) -> tuple[RecommendedPattern, ...]:
        """The recommended patterns to keep (already in place) or to add."""
        return tuple(p for p in self.recommended if p.status == status)
