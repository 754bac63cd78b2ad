"""What ``advisor explain`` says about one pattern: the result models of an explanation.

Built by :func:`advisor.analysis.explain.explain`, rendered by
:func:`advisor.report.reasoning.render_explanation` and dumped as is by
``advisor explain --json``.
"""

from __future__ import annotations

from typing import Any, Literal

from advisor.base.i18n import Message
from advisor.base.model import Frozen
from advisor.core.recommendation import (
    SCHEMA_VERSION,
    Alternative,
    ForceContribution,
    Match,
    NotRaised,
    Reason,
    Recommendation,
    Score,
)
from advisor.questionnaire.overrides import FORCE_PREFIX

Status = Literal[
    "recommended",
    "alternative",
    "advised-against",
    "dropped",
    "not-applicable",
    "not-needed",
    "not-raised",
    "not-assessed",
]


class LeafResult(Frozen):
    """One leaf test of a rule, whether it holds, and the actual answer or weight.

    ``actual`` is the answer (``"unknown"`` for don't know) or the force weight the test
    compares, or for a pattern or issue test whether it is recommended or raised.
    """

    test: Message
    holds: bool
    actual: Any


class RuleCheck(Frozen):
    """One rule of the pattern, evaluated against the final state of the assessment."""

    rule: str
    verdict: Literal["recommend", "advise-against"]
    weight: int
    fired: bool
    clauses: tuple[tuple[LeafResult, ...], ...]


class ChainStep(Frozen):
    """One link from a top-level decision down to the pattern (``on_forces``: chosen by the
    rules' origin although they do not favour it, on its fit with the prioritised forces)."""

    pattern: str
    origin: Literal["rule", "successor", "requirement", "in-place"]
    parent: str | None = None
    issue: str | None = None
    on_forces: bool = False


class IssueLink(Frozen):
    """An issue the pattern resolves, the patterns that raise it, and who resolves it here instead.

    ``because`` holds, for an issue a recommended pattern raises only under a condition the
    answers do not meet, the tests of that condition that fail (with the actual answers).
    """

    issue: str
    raised_by: tuple[str, ...]
    raised: bool
    resolved_here_by: tuple[str, ...] = ()
    because: tuple[Match, ...] = ()


class Suggestion(Frozen):
    """Answer changes that make a rule fire (or stop one), verified by re-running the advisor.

    ``pattern`` is the pattern whose rule it is: the explained one, or one whose issue it resolves.
    """

    pattern: str
    rule: str
    effect: Literal["fires", "stops"]
    changes: tuple[Change, ...]
    recommended: bool


class Rivalry(Frozen):
    """Two patterns of which only one is recommended, and why the other is not, in its own terms.

    ``winner`` is recommended and ``loser`` is not. ``reason`` is the loser's: ``advised-against``
    (its rules speak against it here), ``outscored`` (its total score is not higher than the
    winner's), ``in-place`` (it scores higher, but the winner is already in place and nothing in
    the answers contradicts it: keeping it costs nothing, switching costs a migration) or
    ``adopted-first`` (it scores higher, but the winner had been adopted before it could be:
    the winner is then not called the better choice). ``issue`` names the issue both
    could resolve when they are not alternatives of each other.
    """

    winner: str
    loser: str
    winner_score: Score
    loser_score: Score
    reason: Literal["advised-against", "outscored", "in-place", "adopted-first"]
    issue: str | None = None


class Explanation(Frozen):
    """Everything ``advisor explain`` says about one pattern for one system.

    ``flips`` are the single answer or force changes that add the pattern (or, when it is
    recommended, remove it): exactly those of ``advisor whatif`` that touch this pattern, from
    the same search. ``suggestions`` are verified combined changes that bring the pattern in.
    ``not_raised`` are the issues a recommended pattern raises only under conditions these
    answers do not meet, with the tests that fail.
    A ``dropped`` pattern cannot work without one of ``needs_one_of`` (a requirement), and
    ``unmet`` says why none of them can be recommended here.
    """

    pattern: str
    name: str
    system: str
    status: Status
    summary: Message
    score: Score | None = None
    reasons: tuple[Reason, ...] = ()
    forces: tuple[ForceContribution, ...] = ()
    chain: tuple[ChainStep, ...] = ()
    won_over: tuple[Rivalry, ...] = ()
    lost_to: tuple[Rivalry, ...] = ()
    needs_one_of: tuple[str, ...] = ()
    unmet: tuple[Message, ...] = ()
    resolves: tuple[IssueLink, ...] = ()
    not_raised: tuple[NotRaised, ...] = ()
    rules: tuple[RuleCheck, ...] = ()
    flips: tuple[Flip, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()


class PatternUse(Frozen):
    """A pattern and how many systems it is recommended for (each system's own document says which)."""

    id: str
    name: str
    count: int


class IssueUse(Frozen):
    """An open issue (a drawback accepted, or one left unresolved) and how many systems carry it."""

    id: str
    title: str
    status: str
    count: int


class RiskUse(Frozen):
    """A risk rule (``rules/risks``) and how many systems it holds for; its words are the rule's."""

    id: str
    severity: Literal["high", "medium", "low"]
    count: int


class Portfolio(Frozen):
    """What a portfolio of systems needs, across all its assessments.

    ``risks`` are the risk rules that hold, most severe and most widespread first;
    ``open_issues`` the issues the systems' patterns leave open, most common first.
    """

    systems: int
    assessed: int
    failed: int
    patterns: tuple[PatternUse, ...]
    risks: tuple[RiskUse, ...] = ()
    open_issues: tuple[IssueUse, ...]


class Assessed(Frozen):
    """One answers file of a batch and its recommendation."""

    source: str
    recommendation: Recommendation


class Failed(Frozen):
    """One answers file of a batch that could not be assessed, and why."""

    source: str
    error: str


class Batch(Frozen):
    """Every system of a batch run (its recommendation or its error), with the portfolio summary."""

    schema_version: int = SCHEMA_VERSION
    systems: tuple[Assessed | Failed, ...]
    portfolio: Portfolio


class ValueChange(Frozen):
    """An answer or force weight that differs between the two assessments."""

    key: str
    before: Any
    after: Any


class PatternChange(Frozen):
    """A pattern recommended in one assessment only, with the reasons for the change.

    Attributes:
        reasons: added, the reasons it is recommended now; removed, the rules now advising against it.
        lost_to: removed, the alternatives that won over it.
        stopped: removed, the rules that recommended it before and no longer fire.
        why: anything else (favoured by the forces, needs a predecessor, predecessor gone, no reason left).
    """

    id: str
    name: str
    reasons: tuple[Reason, ...] = ()
    lost_to: tuple[Alternative, ...] = ()
    stopped: tuple[Reason, ...] = ()
    why: tuple[Message, ...] = ()


class ScoreChange(Frozen):
    """A pattern recommended in both assessments whose score moved."""

    id: str
    before: float
    after: float


class IssueChange(Frozen):
    """An open issue (risk) in one assessment only."""

    id: str
    title: str
    status: str


class AssessmentDiff(Frozen):
    """Everything ``advisor diff`` reports."""

    before: str
    after: str
    answers: tuple[ValueChange, ...]
    forces: tuple[ValueChange, ...]
    added: tuple[PatternChange, ...]
    removed: tuple[PatternChange, ...]
    scores: tuple[ScoreChange, ...]
    opened: tuple[IssueChange, ...]
    closed: tuple[IssueChange, ...]

    @property
    def advice_changed(self) -> bool:
        """Whether the recommended patterns differ."""
        return bool(self.added or self.removed)


class Flip(Frozen):
    """One change and the recommended patterns it adds and removes."""

    change: Change
    added: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def size(self) -> int:
        """How many recommended patterns the change flips."""
        return len(self.added) + len(self.removed)


class Sensitivity(Frozen):
    """Everything ``advisor whatif`` reports for one system."""

    system: str
    recommended: tuple[str, ...]
    tried: int
    flips: tuple[Flip, ...]
    stable: tuple[str, ...]


class Change(Frozen):
    """One changed answer or force weight, and the ``--set`` argument that makes it."""

    kind: Literal["answer", "force"]
    key: str
    old: Any
    new: Any
    set: str

    @property
    def subject(self) -> str:
        """What changes, as ``--set`` names it: ``team_count`` or ``force.scalability``."""
        return f"{FORCE_PREFIX}{self.key}" if self.kind == "force" else self.key
