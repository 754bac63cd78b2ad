"""Pydantic models of the pattern language: layers, groups, forces, issues, patterns, rules.

Each model mirrors how the pattern language describes a pattern: a context,
the forces it resolves or leaves unresolved, a resulting context (benefits,
drawbacks and the new issues it raises) and related patterns of five kinds.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator

from advisor.base.i18n import Text
from advisor.base.model import Frozen
from advisor.catalog.conditions import Condition

_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def _kebab(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"'{value}' is not a kebab-case id (like 'database-per-service')")
    return value


Id = Annotated[str, AfterValidator(_kebab)]


class Layer(Frozen):
    """One of the three layers of the pattern language."""

    id: Id
    name: Text
    description: Text


class GroupRole(StrEnum):
    """What choosing a pattern of a group means for the architecture.

    ``decision``: a choice among alternatives that shapes the architecture (style,
    decomposition, data ownership, communication, querying, external API, deployment,
    migration). ``mechanism``: how a decision is carried out (transactional messaging,
    reliability, discovery). ``practice``: hygiene that applies broadly (observability,
    testing, cross-cutting concerns, security).
    """

    DECISION = "decision"
    MECHANISM = "mechanism"
    PRACTICE = "practice"


class Choice(StrEnum):
    """How the alternatives within a group are chosen."""

    ONE = "one"
    PER_INTERACTION = "per-interaction"


class Group(Frozen):
    """A group of patterns that solve one kind of problem (decomposition, querying, ...)."""

    id: Id
    name: Text
    layer: Id
    description: Text
    parent: Id | None = None
    role: GroupRole = GroupRole.DECISION
    choice: Choice = Field(
        default=Choice.ONE,
        description="'one': alternatives in the group exclude each other; 'per-interaction': a system "
        "may use several, each for the interactions the answers call it for",
    )
    required: bool = Field(
        default=False,
        description="every system makes this decision: when no rule favours any of the group's "
        "patterns, the one that scores best is chosen anyway, and its rules' objections are shown",
    )


class Stance(StrEnum):
    """Which way a force pushes the architecture."""

    FOR_DECOMPOSITION = "for-decomposition"
    AGAINST_DECOMPOSITION = "against-decomposition"
    NEUTRAL = "neutral"


class Force(Frozen):
    """A force an architect weighs; answers give it a weight from 0 to 5."""

    id: Id
    name: Text
    description: Text
    stance: Stance = Stance.NEUTRAL
    default_weight: int = Field(default=2, ge=0, le=5)


class Issue(Frozen):
    """A new problem in a pattern's resulting context, resolved by successor patterns."""

    id: Id
    title: Text
    description: Text
    resolved_by: tuple[Id, ...] = ()
    accepted: Text | None = Field(
        default=None, description="why the issue is a drawback to live with rather than resolve"
    )


class Effect(StrEnum):
    """Whether a pattern helps or hurts a force."""

    HELPS = "helps"
    HURTS = "hurts"


class ForceEffect(Frozen):
    """How strongly a pattern helps or hurts one force."""

    force: Id
    effect: Effect
    strength: int = Field(ge=1, le=3)
    note: Text | None = None


class Work(StrEnum):
    """A work in which the relations of the pattern language are stated."""

    MICROSERVICES_IO = "microservices.io"
    BOOK = "book"
    ADVISOR = "advisor"


_PAGE = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$")
_SECTION = re.compile(r"^[1-9][0-9]*(\.[1-9][0-9]*)*$")
#: What ``at`` names in each work, and an example.
_AT = {
    Work.MICROSERVICES_IO: (
        _PAGE,
        "a pattern page under https://microservices.io/patterns/, like 'data/saga'",
    ),
    Work.BOOK: (_SECTION, "a chapter or section of the book Microservices Patterns, like '4.2'"),
    Work.ADVISOR: (_ID, "a kebab-case key of the advisor's own decision, like 'monolith-operations'"),
}


class Citation(Frozen):
    """Where a relation between patterns is stated: ``microservices.io:data/saga``, ``book:12.1``.

    ``microservices.io`` is a pattern page of https://microservices.io/patterns/, ``book`` a
    chapter or section of *Microservices Patterns* (Chris Richardson, Manning, 2018), and
    ``advisor`` a relation the advisor adds to the published language, which must say why in
    ``note``. Written as ``work:at`` or as a mapping with a ``note``.
    """

    work: Work
    at: str
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            work, sep, at = data.partition(":")
            if not sep:
                raise ValueError(
                    f"'{data}' is not a citation: write work:place, like "
                    "'microservices.io:data/saga' or 'book:4.2'"
                )
            return {"work": work, "at": at}
        return data

    @model_validator(mode="after")
    def _place(self) -> Citation:
        pattern, what = _AT[self.work]
        if not pattern.match(self.at):
            raise ValueError(f"'{self.at}' is not {what}")
        if self.work is Work.ADVISOR and self.note is None:
            raise ValueError("a relation the advisor adds to the language needs a note saying why")
        return self

    def __str__(self) -> str:
        return f"{self.work.value}:{self.at}"

    @property
    def url(self) -> str | None:
        """The web page of a microservices.io citation (``None`` for the others)."""
        if self.work is Work.MICROSERVICES_IO:
            return f"https://microservices.io/patterns/{self.at}.html"
        return None


Sources = tuple[Citation, ...]


class RaisedIssue(Frozen):
    """An issue in a pattern's resulting context, with where the language relates it.

    The patterns that resolve the issue are this pattern's successors, so ``sources``
    cite where the language relates this pattern to them (required when the issue has
    resolvers). A bare issue id is short for an issue cited nowhere.
    """

    issue: Id
    sources: Sources = ()
    when: Condition | None = Field(
        default=None,
        description="raised only where this holds (same condition language as rules); always when absent",
    )

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        return {"issue": data} if isinstance(data, str) else data


class ResultingContext(Frozen):
    """What applying the pattern leads to (in the catalog: the ids of the issues it raises)."""

    benefits: tuple[Text, ...] = ()
    drawbacks: tuple[Text, ...] = ()
    issues: tuple[Id, ...] = ()


class ResultingContextFile(Frozen):
    """``resulting_context`` as a pattern file writes it: issues with their sources."""

    benefits: tuple[Text, ...] = ()
    drawbacks: tuple[Text, ...] = ()
    issues: tuple[RaisedIssue, ...] = ()


class Relation(StrEnum):
    """The five kinds of relation between patterns."""

    PREDECESSOR = "predecessor"
    SUCCESSOR = "successor"
    ALTERNATIVE = "alternative"
    GENERALIZATION = "generalization"
    SPECIALIZATION = "specialization"


class Related(Frozen):
    """Related patterns of each kind, by id."""

    predecessor: tuple[Id, ...] = ()
    successor: tuple[Id, ...] = ()
    alternative: tuple[Id, ...] = ()
    generalization: tuple[Id, ...] = ()
    specialization: tuple[Id, ...] = ()

    def of(self, relation: Relation) -> tuple[str, ...]:
        """The related ids of one kind."""
        ids: tuple[str, ...] = getattr(self, relation.value)
        return ids


class Effort(StrEnum):
    """A rough size of the work of introducing a pattern (a judgement, for planning only)."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class Stage(StrEnum):
    """Where in a plan a pattern is introduced at the earliest, in plan order."""

    FOUNDATION = "foundation"
    SERVICES = "services"
    EDGE = "edge"
    OPERATIONS = "operations"


#: The stages in the order a plan takes them.
STAGES: tuple[Stage, ...] = tuple(Stage)


class CitedPattern(Frozen):
    """A related pattern and where the language states the relation."""

    pattern: Id
    sources: Sources = ()

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        return {"pattern": data} if isinstance(data, str) else data


#: Relations a pattern file may not write, and where they come from instead.
DERIVED = {
    "predecessor": "it is derived: list the issue under resulting_context.issues of the predecessor",
    "successor": "it is derived from the issues the pattern raises: list the issue under "
    "resulting_context.issues, and the successor under resolved_by of that issue",
    "specialization": "it is derived: write generalization on the specialised pattern instead",
}


class DeclaredRelations(Frozen):
    """``related`` as a pattern file writes it: each alternative pair and generalization once.

    The other side of each relation (the alternative's alternative, the specialization of a
    generalization) and the predecessors and successors are derived by the loader.
    """

    alternative: tuple[CitedPattern, ...] = ()
    generalization: tuple[CitedPattern, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _no_derived(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key, why in DERIVED.items():
                if key in data:
                    raise ValueError(f"related.{key} is not written in a pattern file: {why}")
        return data


class Requirement(Frozen):
    """Patterns this one cannot work without: one of ``any_of`` must be recommended with it."""

    any_of: tuple[Id, ...] = Field(min_length=1)
    reason: Text


class PatternText(Frozen):
    """The descriptive part of a pattern, shared by its file and its catalog form."""

    id: Id
    name: Text
    group: Id
    layer: Id
    effort: Effort | None = Field(
        default=None, description="small, medium or large: the work of introducing the pattern"
    )
    stage: Stage | None = Field(
        default=None, description="the earliest phase of a plan the pattern belongs to"
    )
    summary: Text
    problem: Text
    context: Text
    solution: Text
    forces: tuple[ForceEffect, ...] = ()
    requires: tuple[Requirement, ...] = ()
    provided_when: Condition | None = Field(
        default=None,
        description=(
            "when the answers meet this condition, the deployment platform provides the pattern: "
            "the plan shows it as provided (no work, no effort) instead of as work to do"
        ),
    )


class Pattern(PatternText):
    """One pattern of the language, as the pattern-language notes structure it.

    ``related`` holds all five kinds of relation, derived from the pattern files:
    successors resolve an issue the pattern raises, predecessors raise an issue it
    resolves. ``raises`` and ``declared`` are what the file wrote, with their sources.
    """

    # The empty defaults are built without validation (all their fields have defaults), so
    # that defining the class does not build their validators at import.
    resulting_context: ResultingContext = ResultingContext.model_construct()
    related: Related = Related.model_construct()
    raises: tuple[RaisedIssue, ...] = ()
    declared: DeclaredRelations = DeclaredRelations.model_construct()

    def condition(self, issue_id: str) -> Condition | None:
        """The condition under which this pattern raises ``issue_id`` (``None``: always)."""
        return next((r.when for r in self.raises if r.issue == issue_id), None)


class Verdict(StrEnum):
    """What a rule says about its pattern."""

    RECOMMEND = "recommend"
    ADVISE_AGAINST = "advise-against"


class Rule(Frozen):
    """An applicability rule: when the condition holds, recommend or advise against a pattern."""

    id: Id
    pattern: Id
    verdict: Verdict = Verdict.RECOMMEND
    weight: int = Field(ge=1, le=5)
    when: Condition
    reason: Text
    needed_from: Stage | None = Field(
        default=None,
        description=(
            "when the rule fires, the plan stage from which the pattern is needed, earlier than its "
            "catalog stage (audit logging from the foundation where a regulator demands it)"
        ),
    )


class Severity(StrEnum):
    """How much a risk threatens the system: high first."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class RiskRule(Frozen):
    """A risk rule: when the condition holds, the advice carries this risk.

    The condition tests answers, force weights and the patterns recommended or already in
    place (and the issues they raise), in the same language as the applicability rules.
    Risk rules are tested once the advice is final, so they may also say what is missing:
    ``unless`` (the risk does not hold where that condition holds: no messaging is
    ``unless: {pattern: messaging}``), and ``unresolved`` (one risk for each issue raised
    that nothing recommended resolves and that is no drawback to accept: the issues listed,
    or ``any`` such issue that no rule listing it claims).
    """

    id: Id
    severity: Severity
    title: Text
    when: Condition | None = None
    unless: Condition | None = Field(
        default=None, description="the risk does not hold where this condition holds"
    )
    unresolved: Literal["any"] | tuple[Id, ...] | None = Field(
        default=None,
        description="one risk per raised issue left unresolved: these issues, or any that no other "
        "rule lists",
    )
    stake: Text = Field(description="what is at stake if the risk materialises")
    mitigation: Text = Field(description="what to do about it, naming patterns or practices")
    mitigated_by: tuple[Id, ...] = Field(default=(), description="the patterns the mitigation names")
    issue: Id | None = Field(
        default=None, description="the accepted drawback whose acceptance the answers contradict"
    )

    @model_validator(mode="after")
    def _tests_something(self) -> RiskRule:
        if self.when is None and self.unresolved is None:
            raise ValueError("a risk rule needs 'when' (a condition) or 'unresolved' (issues), or both")
        return self

    def conditions(self) -> tuple[Condition, ...]:
        """The conditions the rule tests (``when`` and ``unless``, where given)."""
        return tuple(c for c in (self.when, self.unless) if c is not None)


class RisksFile(Frozen):
    """A file under ``rules/risks/``."""

    risks: tuple[RiskRule, ...]


class PatternFile(PatternText):
    """A pattern file holds exactly one pattern; its relations are derived when it is loaded."""

    resulting_context: ResultingContextFile = ResultingContextFile.model_construct()  # as in Pattern
    related: DeclaredRelations = DeclaredRelations.model_construct()


class ForcesFile(Frozen):
    """``rules/forces.yaml``."""

    forces: tuple[Force, ...]


class IssuesFile(Frozen):
    """A file under ``rules/issues/``."""

    issues: tuple[Issue, ...]


class GroupsFile(Frozen):
    """``rules/groups.yaml``: the layers and the groups within them."""

    layers: tuple[Layer, ...]
    groups: tuple[Group, ...]


class RulesFile(Frozen):
    """A file under ``rules/applicability/``."""

    rules: tuple[Rule, ...]
