"""Pydantic models of the pattern language: layers, groups, forces, issues, patterns, rules.

Each model mirrors how the pattern language describes a pattern: a context,
the forces it resolves or leaves unresolved, a resulting context (benefits,
drawbacks and the new issues it raises) and related patterns of five kinds.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field

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


class Group(Frozen):
    """A group of patterns that solve one kind of problem (decomposition, querying, ...)."""

    id: Id
    name: Text
    layer: Id
    description: Text
    parent: Id | None = None


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


class ResultingContext(Frozen):
    """What applying the pattern leads to."""

    benefits: tuple[Text, ...] = ()
    drawbacks: tuple[Text, ...] = ()
    issues: tuple[Id, ...] = ()


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


class Pattern(Frozen):
    """One pattern of the language, as the pattern-language notes structure it."""

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
    resulting_context: ResultingContext = ResultingContext()
    related: Related = Related()


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


class PatternFile(Pattern):
    """A pattern file holds exactly one pattern."""


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
