"""The classes of the report view-model: everything any report format shows.

:func:`advisor.report.model.build_report` fills them; renderers only read
them. The JSON report is the dump of :class:`Report` and its JSON Schema is
:class:`Report`'s schema.
"""

from __future__ import annotations

from typing import Literal

from advisor.base.i18n import Lang
from advisor.base.model import Frozen
from advisor.core.recommendation import Origin, PhaseEffort, Role, Score, Status
from advisor.report.graph import Graph

#: Version of the report JSON document; bump on incompatible changes.
REPORT_SCHEMA_VERSION: Literal[1] = 1

#: Edge kinds of the successor graph: "resolves" (a successor resolving an issue of its source)
#: and "follows" (a pattern the rules chose once its source was adopted), drawn dashed.
EDGE_KINDS = ("follows", "resolves")
DASHED = frozenset({"follows"})

AnswerValue = bool | int | str | list[str] | None
ContextStatus = Literal["answered", "default", "unknown", "unanswered", "not-applicable"]


class Ref(Frozen):
    """A pattern by id and display name."""

    id: str
    name: str


class ContextAnswer(Frozen):
    """One question and its answer as the assessment used it.

    The value is "unknown" for don't know, and null where the question has no answer
    (not asked, or asked and not answered: the status says which).
    """

    question: str
    prompt: str
    value: AnswerValue
    display: str
    status: ContextStatus
    note: str = ""


class ContextSection(Frozen):
    """A section of the questionnaire with its answers."""

    id: str
    title: str
    answers: tuple[ContextAnswer, ...]


class ForceRow(Frozen):
    """A force and the weight (0-5) the answers gave it."""

    id: str
    name: str
    description: str
    stance: str
    weight: int


class MatchRow(Frozen):
    """One test of a rule and the answer or weight that satisfied it."""

    test: str
    actual: str | None


class Explanation(Frozen):
    """One link of a pattern's explanation chain."""

    kind: Literal["rule", "successor", "requirement", "follows"]
    text: str
    verdict: Literal["recommend", "advise-against"] | None = None
    rule: str | None = None
    weight: int | None = None
    matched: tuple[MatchRow, ...] = ()
    predecessor: Ref | None = None
    issue: str | None = None
    issue_title: str | None = None


class IssueRow(Frozen):
    """An issue a pattern raises and what became of it (``not-raised``: it raises it only under a
    condition these answers do not meet; the note says which)."""

    id: str
    title: str
    status: Literal["resolved", "accepted", "unresolved", "not-raised"]
    resolved_by: tuple[Ref, ...]
    note: str


class PatternEntry(Frozen):
    """A recommended pattern with its score, explanation chain and resulting context.

    ``needed_by`` names the patterns that need it when it is outside the scope of the
    advice, and ``needed_text`` says so; both are empty within the scope.
    """

    id: str
    name: str
    summary: str
    problem: str
    group: str
    score: Score
    origin: Origin
    role: Role
    status: Status
    parent: Ref | None
    depth: int
    explanation: tuple[Explanation, ...]
    benefits: tuple[str, ...]
    drawbacks: tuple[str, ...]
    issues: tuple[IssueRow, ...]
    answers: tuple[str, ...]
    phase: int = 1
    effort: Literal["small", "medium", "large"] | None = None
    alternatives: tuple[Ref, ...] = ()
    topic: str = ""
    needed_by: tuple[Ref, ...] = ()
    needed_text: str = ""


class GroupBlock(Frozen):
    """The recommended patterns of one group."""

    id: str
    name: str
    description: str
    patterns: tuple[PatternEntry, ...]


class AlternativeRow(Frozen):
    """An alternative that was considered and not chosen."""

    id: str
    name: str
    group: str
    instead_of: Ref
    score: Score
    reason: str


class AdvisedRow(Frozen):
    """A pattern the rules advise against, with the reasons."""

    id: str
    name: str
    group: str
    score: Score
    reasons: tuple[Explanation, ...]


class ReconsiderRow(Frozen):
    """A pattern in place that the advice does not keep: why, in words, and what instead."""

    id: str
    name: str
    group: str
    role: Role
    score: Score
    causes: tuple[str, ...]
    reasons: tuple[Explanation, ...]
    preferred: tuple[Ref, ...]


class NotAssessedRow(Frozen):
    """A pattern outside the scope of the advice that it would otherwise give, not assessed."""

    id: str
    name: str
    group: str
    group_name: str
    status: Literal["add", "keep", "reconsider"]
    status_label: str


class RiskRow(Frozen):
    """A risk that holds for this system: severity, what is at stake, and what to do."""

    id: str
    severity: Literal["high", "medium", "low"]
    severity_label: str
    title: str
    stake: str
    mitigation: str
    mitigated_by: tuple[Ref, ...]  # the mitigating patterns this plan holds
    not_in_plan: tuple[Ref, ...] = ()  # the mitigating patterns it does not hold: to consider
    matched: tuple[MatchRow, ...]
    issue: str | None = None
    issue_title: str | None = None


class OpenIssueRow(Frozen):
    """An issue left open: an accepted drawback or an unresolved risk."""

    id: str
    title: str
    description: str
    status: Literal["accepted", "unresolved"]
    raised_by: tuple[Ref, ...]
    reason: str


class MatrixCell(Frozen):
    """How one pattern affects one force."""

    force: str
    effect: Literal["helps", "hurts"]
    strength: int
    points: float

    def signed(self) -> str:
        """The effect as the matrix shows it: ``+3`` helps, ``−2`` hurts."""
        return ("+" if self.effect == "helps" else "−") + str(self.strength)


class MatrixRow(Frozen):
    """One recommended pattern's row of the trade-off matrix."""

    pattern: Ref
    cells: tuple[MatrixCell, ...]
    total: float


class Matrix(Frozen):
    """Recommended patterns × the forces they touch, with the answered weights."""

    forces: tuple[ForceRow, ...]
    rows: tuple[MatrixRow, ...]

    def grid(self) -> list[list[MatrixCell | None]]:
        """Each row's cell under each of the forces, in order (None where the pattern does not touch it)."""
        table = []
        for row in self.rows:
            cells = {c.force: c for c in row.cells}
            table.append([cells.get(f.id) for f in self.forces])
        return table


class PhaseStep(Frozen):
    """A pattern in a phase of the plan, with its effort."""

    id: str
    name: str
    group: str
    effort: Literal["small", "medium", "large"] | None


class PhaseBlock(Frozen):
    """One phase of the plan: its goal, its patterns in dependency order and their summed effort."""

    number: int
    stage: str
    title: str
    goal: str
    patterns: tuple[PhaseStep, ...]
    effort: PhaseEffort
    effort_text: str


class NextStep(Frozen):
    """Something to do next, derived from the recommendation."""

    kind: Literal["design", "risk", "accept", "settle", "review"]
    text: str
    refs: tuple[str, ...]


class DroppedRow(Frozen):
    """A pattern left out because a pattern it cannot work without cannot be recommended."""

    id: str
    name: str
    group: str
    score: Score
    needs: tuple[Ref, ...]
    requirement: str
    reason: str


class Report(Frozen):
    """Everything a report shows, in one language.

    ``scope`` names the groups the advice was limited to (empty: the whole architecture).
    """

    schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    lang: Lang
    title: str
    system: str
    description: str
    questionnaire: str
    date: str | None = None
    deciders: str = ""
    context: tuple[ContextSection, ...]
    forces: tuple[ForceRow, ...]
    groups: tuple[GroupBlock, ...]
    plan: tuple[PhaseBlock, ...] = ()
    graph: Graph
    alternatives: tuple[AlternativeRow, ...]
    advised_against: tuple[AdvisedRow, ...]
    dropped: tuple[DroppedRow, ...] = ()
    in_place: tuple[Ref, ...]
    reconsider: tuple[ReconsiderRow, ...]
    open_issues: tuple[OpenIssueRow, ...]
    risks: tuple[RiskRow, ...]
    matrix: Matrix
    next_steps: tuple[NextStep, ...]
    notes: tuple[str, ...]
    scope: tuple[str, ...] = ()
    not_assessed: tuple[NotAssessedRow, ...] = ()

    def patterns(self) -> tuple[PatternEntry, ...]:
        """Every recommended pattern, in group order."""
        return tuple(p for group in self.groups for p in group.patterns)

    def top_forces(self) -> tuple[ForceRow, ...]:
        """The forces weighted 4 or 5, heaviest first."""
        return tuple(f for f in self.forces if f.weight >= 4)

    def key_decisions(self) -> tuple[PatternEntry, ...]:
        """The recommended patterns classed as key decisions, in group order."""
        return tuple(p for p in self.patterns() if p.role == "key-decision")

    def counts(self) -> dict[str, int]:
        """How many patterns (and key decisions), alternatives, advised-against patterns,
        risks (and high ones), unresolved issues and accepted drawbacks."""
        statuses = [i.status for i in self.open_issues]
        return {
            "recommended": len(self.patterns()),
            "decisions": len(self.key_decisions()),
            "alternatives": len(self.alternatives),
            "against": len(self.advised_against),
            "risks": len(self.risks),
            "high": sum(1 for r in self.risks if r.severity == "high"),
            "unresolved": statuses.count("unresolved"),
            "accepted": statuses.count("accepted"),
        }
